#!/usr/bin/env node
// Regenerates shared/template/generated/samPolicyTemplates.ts from the policy templates aws-sam-translator publishes
// (samtranslator/policy_templates_data/policy_templates.json, Apache-2.0). Plain Node ESM without dependencies.
//
//   node scripts/generateSamPolicyTemplates.mjs                   writes the file (finds samtranslator with python3)
//   node scripts/generateSamPolicyTemplates.mjs --check           exits 1 when the checked-in file is stale
//   --source FILE   read this policy_templates.json instead (its package's __init__.py gives the version)
//   --out FILE      write or check FILE instead of the checked-in module (tests of the generator itself)
//
// Every template keeps its parameter names and its statements verbatim; descriptions are dropped. The generator
// refuses data that uses anything shared/template/resolveSamValue.ts does not resolve (another intrinsic, another
// pseudo parameter, an unmapped `${…}`, another statement key), so a new SAM release cannot slip past it.
import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUTPUT_PATH = 'shared/template/generated/samPolicyTemplates.ts';
const DATA_PATH = 'samtranslator/policy_templates_data/policy_templates.json';
const SOURCE_REPOSITORY = 'https://github.com/aws/serverless-application-model';
const PSEUDO_PARAMETERS = new Set(['AWS::Partition', 'AWS::Region', 'AWS::AccountId']);
const STATEMENT_KEYS = ['Effect', 'Action', 'Resource', 'Condition'];
const PLACEHOLDER = '$' + '{';
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const LOCATE = 'import samtranslator, os; print(os.path.dirname(samtranslator.__file__))';

function option(args, name) {
  const index = args.indexOf(name);
  if (index < 0) return undefined;
  const value = args[index + 1];
  if (value === undefined || value.startsWith('--')) throw new Error(`${name} needs a path`);
  return value;
}

function isObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The path of policy_templates.json of the samtranslator python3 imports. */
function locateWithPython() {
  const run = spawnSync('python3', ['-c', LOCATE], { encoding: 'utf8' });
  if (run.error || run.status !== 0) {
    const why = run.error ? run.error.message : run.stderr.trim().split('\n').at(-1);
    throw new Error(`python3 cannot import samtranslator (${why}); pip install aws-sam-translator, or pass --source`);
  }
  return join(run.stdout.trim(), 'policy_templates_data', 'policy_templates.json');
}

/** The `__version__` of the samtranslator package the data file belongs to. */
async function readPackageVersion(sourcePath) {
  const initPath = join(dirname(dirname(sourcePath)), '__init__.py');
  const text = await readFile(initPath, 'utf8').catch(() => '');
  const match = /^__version__\s*=\s*["']([^"']+)["']/m.exec(text);
  if (!match) throw new Error(`no samtranslator __version__ in ${initPath}`);
  return match[1];
}

/** Throws unless `value` is text, a list, or an intrinsic the expander resolves. */
function checkValue(value, parameters, where) {
  if (typeof value === 'string') return;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) checkValue(item, parameters, `${where}[${index}]`);
    return;
  }
  const keys = isObject(value) ? Object.keys(value) : [];
  if (keys.length !== 1) throw new Error(`${where}: not text, a list or an intrinsic: ${JSON.stringify(value)}`);
  const [name] = keys;
  const argument = value[name];
  if (name === 'Ref') {
    if (typeof argument !== 'string' || !(parameters.has(argument) || PSEUDO_PARAMETERS.has(argument))) {
      throw new Error(`${where}: Ref to ${JSON.stringify(argument)}, neither a parameter nor a known pseudo parameter`);
    }
    return;
  }
  if (name === 'Fn::Join') {
    if (!Array.isArray(argument) || argument.length !== 2 || typeof argument[0] !== 'string') {
      throw new Error(`${where}: Fn::Join is not [delimiter, list]`);
    }
    checkValue(argument[1], parameters, `${where}.Fn::Join`);
    return;
  }
  if (name !== 'Fn::Sub') throw new Error(`${where}: ${name} is not resolved by expandSamPolicyTemplate`);
  const [text, variables = {}] = typeof argument === 'string' ? [argument] : argument;
  const form = typeof argument === 'string' || (argument.length === 2 && isObject(variables));
  if (!form || typeof text !== 'string') throw new Error(`${where}: Fn::Sub is not text or [text, variables]`);
  for (const [variable, mapped] of Object.entries(variables)) checkValue(mapped, parameters, `${where}.${variable}`);
  for (const [, variable] of text.matchAll(/\$\{([^}]*)\}/g)) {
    if (variable.startsWith('!') || Object.hasOwn(variables, variable) || PSEUDO_PARAMETERS.has(variable)) continue;
    throw new Error(`${where}: Fn::Sub names \${${variable}}, neither mapped nor a known pseudo parameter`);
  }
}

/** The template's parameter names and statements in a fixed key order, after checking their shape. */
function normaliseTemplate(name, template) {
  if (!isObject(template) || !isObject(template.Definition) || !Array.isArray(template.Definition.Statement)) {
    throw new Error(`${name}: no Definition.Statement list`);
  }
  const parameters = Object.keys(template.Parameters ?? {});
  const known = new Set(parameters);
  const statements = template.Definition.Statement.map((statement, index) => {
    const where = `${name}.Statement[${index}]`;
    const extra = isObject(statement) ? Object.keys(statement).filter((key) => !STATEMENT_KEYS.includes(key)) : [];
    if (!isObject(statement) || extra.length > 0) throw new Error(`${where}: unexpected keys ${extra.join(', ')}`);
    if (statement.Effect !== 'Allow' && statement.Effect !== 'Deny')
      throw new Error(`${where}: Effect is not Allow/Deny`);
    const actions = [statement.Action].flat();
    if (actions.length === 0 || actions.some((action) => typeof action !== 'string')) {
      throw new Error(`${where}: Action is not text or a list of text`);
    }
    checkValue(statement.Resource, known, `${where}.Resource`);
    for (const [operator, entries] of Object.entries(statement.Condition ?? {})) {
      if (!isObject(entries)) throw new Error(`${where}.Condition.${operator}: not an object`);
      for (const [key, value] of Object.entries(entries)) checkValue(value, known, `${where}.Condition.${key}`);
    }
    return Object.fromEntries(STATEMENT_KEYS.filter((key) => key in statement).map((key) => [key, statement[key]]));
  });
  return { parameters, statements };
}

function quote(text) {
  if ([...text].some((char) => char < ' ' || char === '\u2028' || char === '\u2029')) {
    throw new Error(`control character in ${JSON.stringify(text)}`);
  }
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** A value as a one-line TypeScript literal: single quotes, bare keys where they are identifiers. */
function literal(value) {
  if (typeof value === 'string') return quote(value);
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  const entries = Object.entries(value).map(
    ([key, item]) => `${IDENTIFIER.test(key) ? key : quote(key)}: ${literal(item)}`,
  );
  return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
}

/** Code-unit order, so the output does not depend on the machine's locale. */
function compare(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The module text for one policy_templates.json and its package version. */
function buildModule(data, version) {
  if (!isObject(data) || !isObject(data.Templates) || typeof data.Version !== 'string') {
    throw new Error('policy_templates.json has no Templates object or Version');
  }
  const names = Object.keys(data.Templates).sort(compare);
  const lines = names.map((name) => {
    const key = IDENTIFIER.test(name) ? name : quote(name);
    return `  ${key}: ${literal(normaliseTemplate(name, data.Templates[name]))},`;
  });
  const source = {
    package: 'aws-sam-translator',
    version,
    license: 'Apache-2.0',
    path: DATA_PATH,
    dataVersion: data.Version,
    url: `${SOURCE_REPOSITORY}/blob/v${version}/${DATA_PATH}`,
  };
  return [
    `// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Fn::Sub texts use CloudFormation ${PLACEHOLDER}…} variables`,
    `// The ${names.length} SAM policy templates of aws-sam-translator ${version} (Apache-2.0), ${DATA_PATH}`,
    `// (data Version ${data.Version}): parameter names and statements, descriptions dropped.`,
    '// Generated by scripts/generateSamPolicyTemplates.mjs; do not edit.',
    "import type { SamPolicyTemplate, SamPolicyTemplatesSource } from '../types.js';",
    '',
    '/** The aws-sam-translator release these templates were generated from. */',
    'export const SAM_POLICY_TEMPLATES_SOURCE: SamPolicyTemplatesSource = {',
    ...Object.entries(source).map(([key, value]) => `  ${key}: ${quote(value)},`),
    '};',
    '',
    '/** Every published SAM policy template by name: the parameters it takes and its statements with intrinsics. */',
    '// biome-ignore format: one template per line',
    'export const SAM_POLICY_TEMPLATES: Readonly<Record<string, SamPolicyTemplate>> = {',
    ...lines,
    '};',
    '',
  ].join('\n');
}

async function main() {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const sourcePath = option(args, '--source') ?? locateWithPython();
  const target = option(args, '--out') ?? join(ROOT, OUTPUT_PATH);
  const [data, version] = await Promise.all([
    readFile(sourcePath, 'utf8').then((text) => JSON.parse(text)),
    readPackageVersion(sourcePath),
  ]);
  const text = buildModule(data, version);
  const shown = relative(ROOT, target);
  if (!check) {
    await writeFile(target, text);
    const size = (Buffer.byteLength(text) / 1024).toFixed(1);
    console.log(
      `wrote ${shown} (${Object.keys(data.Templates).length} templates, ${size} KiB, aws-sam-translator ${version})`,
    );
    return;
  }
  const current = await readFile(target, 'utf8').catch(() => '');
  if (current !== text) {
    console.error(
      `${shown} is not what aws-sam-translator ${version} gives; run node scripts/generateSamPolicyTemplates.mjs`,
    );
    process.exit(1);
  }
  console.log(`${shown} is up to date with aws-sam-translator ${version}`);
}

main().catch((error) => {
  console.error(`scripts/generateSamPolicyTemplates.mjs: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
