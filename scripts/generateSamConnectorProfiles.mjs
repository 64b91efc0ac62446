#!/usr/bin/env node
// Regenerates shared/template/generated/samConnectorProfiles.ts from the connector profiles aws-sam-translator
// publishes (samtranslator/model/connector_profiles/profiles.json, Apache-2.0). Plain Node ESM without dependencies.
//
//   node scripts/generateSamConnectorProfiles.mjs            writes the file (finds samtranslator with python3)
//   node scripts/generateSamConnectorProfiles.mjs --check    exits 1 when the checked-in file is stale
//   --source FILE   read this profiles.json instead (its package's __init__.py gives the version)
//   --out FILE      write or check FILE instead of the checked-in module (tests of the generator itself)
//
// It keeps the profiles that grant a role an IAM managed policy (Type AWS_IAM_ROLE_MANAGED_POLICY): those are what
// connectors add to an execution role; resource policies (SQS, SNS, Lambda permissions) are left out. It also keeps,
// per resource type, the role property and the outputs SAM reads for a resource referenced by Id. It refuses a kept
// profile that uses a variable, pseudo parameter or statement key that shared/template/role resolves differently.
import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUTPUT_PATH = 'shared/template/generated/samConnectorProfiles.ts';
const DATA_PATH = 'samtranslator/model/connector_profiles/profiles.json';
const SOURCE_REPOSITORY = 'https://github.com/aws/serverless-application-model';
const ROLE_POLICY = 'AWS_IAM_ROLE_MANAGED_POLICY';
const VARIABLES = new Set(['Source.Arn', 'Destination.Arn', 'Source.Name', 'Destination.Name']);
const PSEUDO_PARAMETERS = new Set(['AWS::Partition', 'AWS::Region', 'AWS::AccountId']);
const STATEMENT_KEYS = ['Effect', 'Action', 'Resource'];
const PROFILE_KEYS = new Set(['SourcePolicy', 'AccessCategories', 'ValidAccessCategories', 'DependedBy']);
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

function locateWithPython() {
  const run = spawnSync('python3', ['-c', LOCATE], { encoding: 'utf8' });
  if (run.error || run.status !== 0) {
    const why = run.error ? run.error.message : run.stderr.trim().split('\n').at(-1);
    throw new Error(`python3 cannot import samtranslator (${why}); pip install aws-sam-translator, or pass --source`);
  }
  return join(run.stdout.trim(), 'model', 'connector_profiles', 'profiles.json');
}

/** The `__version__` of the samtranslator package the data file belongs to (model/connector_profiles/ → root). */
async function readPackageVersion(sourcePath) {
  const initPath = join(dirname(dirname(dirname(sourcePath))), '__init__.py');
  const text = await readFile(initPath, 'utf8').catch(() => '');
  const match = /^__version__\s*=\s*["']([^"']+)["']/m.exec(text);
  if (!match) throw new Error(`no samtranslator __version__ in ${initPath}`);
  return match[1];
}

function compare(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

function quote(text) {
  if ([...text].some((char) => char < ' ' || char === '\u2028' || char === '\u2029')) {
    throw new Error(`control character in ${JSON.stringify(text)}`);
  }
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function literal(value) {
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  const entries = Object.entries(value).map(
    ([key, item]) => `${IDENTIFIER.test(key) ? key : quote(key)}: ${literal(item)}`,
  );
  return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
}

/** Throws unless a text uses only the variables and pseudo parameters the role builder fills in. */
function checkText(text, where) {
  for (const [, variable] of text.matchAll(/%\{([^}]*)\}/g)) {
    if (!VARIABLES.has(variable)) throw new Error(`${where}: variable %{${variable}} is not resolved`);
  }
  for (const [, name] of text.matchAll(/\$\{([^}]*)\}/g)) {
    if (!PSEUDO_PARAMETERS.has(name))
      throw new Error(`${where}: ${PLACEHOLDER}${name}} is not a known pseudo parameter`);
  }
}

function normaliseStatement(statement, where) {
  const extra = isObject(statement) ? Object.keys(statement).filter((key) => !STATEMENT_KEYS.includes(key)) : [];
  if (!isObject(statement) || extra.length > 0) throw new Error(`${where}: unexpected keys ${extra.join(', ')}`);
  if (statement.Effect !== 'Allow') throw new Error(`${where}: Effect is not Allow`);
  const action = [statement.Action].flat();
  const resource = [statement.Resource].flat();
  for (const [field, list] of [
    ['Action', action],
    ['Resource', resource],
  ]) {
    if (list.length === 0 || list.some((item) => typeof item !== 'string')) {
      throw new Error(`${where}.${field}: not text or a list of text`);
    }
  }
  for (const text of resource) checkText(text, `${where}.Resource`);
  return { Effect: 'Allow', Action: action, Resource: resource };
}

function normaliseProfile(name, profile) {
  const properties = profile.Properties;
  const extra = isObject(properties) ? Object.keys(properties).filter((key) => !PROFILE_KEYS.has(key)) : ['Properties'];
  if (extra.length > 0) throw new Error(`${name}: unexpected profile properties ${extra.join(', ')}`);
  if (typeof properties.SourcePolicy !== 'boolean' || !isObject(properties.AccessCategories)) {
    throw new Error(`${name}: no SourcePolicy or AccessCategories`);
  }
  const categories = Object.fromEntries(
    Object.entries(properties.AccessCategories).map(([category, policy]) => {
      if (!isObject(policy) || !Array.isArray(policy.Statement)) throw new Error(`${name}.${category}: no Statement`);
      return [category, policy.Statement.map((s, index) => normaliseStatement(s, `${name}.${category}[${index}]`))];
    }),
  );
  const result = { policyOn: properties.SourcePolicy ? 'source' : 'destination', categories };
  if (properties.ValidAccessCategories !== undefined) result.validCombinations = properties.ValidAccessCategories;
  return result;
}

/** An output as SAM writes it (`{Ref: '%{logicalId}'}`, `{'Fn::GetAtt': ['%{logicalId}', 'Arn']}`, text). */
function normaliseOutput(value, where) {
  if (typeof value === 'string') return { literal: value };
  if (isObject(value) && value.Ref === '%{logicalId}' && Object.keys(value).length === 1) return { ref: true };
  const getAtt = isObject(value) ? value['Fn::GetAtt'] : undefined;
  if (Array.isArray(getAtt) && getAtt.length === 2 && getAtt[0] === '%{logicalId}' && typeof getAtt[1] === 'string') {
    return { getAtt: getAtt[1] };
  }
  throw new Error(`${where}: output ${JSON.stringify(value)} is neither text, Ref nor Fn::GetAtt of the resource`);
}

function normaliseResourceType(type, properties) {
  const role = properties.Inputs?.Role;
  const outputs = Object.fromEntries(
    Object.entries(properties.Outputs ?? {}).map(([name, value]) => [name, normaliseOutput(value, `${type}.${name}`)]),
  );
  return typeof role === 'string' ? { roleProperty: role, outputs } : { outputs };
}

function buildModule(data, version) {
  if (!isObject(data) || !isObject(data.Permissions) || !isObject(data.CfnResourceProperties)) {
    throw new Error('profiles.json has no Permissions or CfnResourceProperties');
  }
  let kept = 0;
  let dropped = 0;
  const sources = Object.keys(data.Permissions)
    .sort(compare)
    .flatMap((source) => {
      const destinations = Object.keys(data.Permissions[source])
        .sort(compare)
        .filter((destination) => {
          const keep = data.Permissions[source][destination]?.Type === ROLE_POLICY;
          if (keep) kept += 1;
          else dropped += 1;
          return keep;
        })
        .map((destination) => {
          const profile = normaliseProfile(`${source} -> ${destination}`, data.Permissions[source][destination]);
          return `    ${quote(destination)}: ${literal(profile)},`;
        });
      return destinations.length === 0 ? [] : [`  ${quote(source)}: {`, ...destinations, '  },'];
    });
  const types = Object.keys(data.CfnResourceProperties)
    .sort(compare)
    .map((type) => `  ${quote(type)}: ${literal(normaliseResourceType(type, data.CfnResourceProperties[type]))},`);
  const source = {
    package: 'aws-sam-translator',
    version,
    license: 'Apache-2.0',
    path: DATA_PATH,
    dataVersion: String(data.Version),
    url: `${SOURCE_REPOSITORY}/blob/v${version}/${DATA_PATH}`,
  };
  return [
    `// biome-ignore-all lint/suspicious/noTemplateCurlyInString: profile texts use CloudFormation ${PLACEHOLDER}AWS::…} pseudo parameters`,
    `// The ${kept} SAM connector profiles that grant a role an IAM managed policy (of ${kept + dropped}), from aws-sam-translator`,
    `// ${version} (Apache-2.0), ${DATA_PATH} (data Version ${data.Version}), and what SAM reads of each resource type.`,
    '// Generated by scripts/generateSamConnectorProfiles.mjs; do not edit.',
    "import type { ConnectorProfile, ConnectorResourceType, SamConnectorProfilesSource } from '../role/types.js';",
    '',
    '/** The aws-sam-translator release these profiles were generated from. */',
    'export const SAM_CONNECTOR_PROFILES_SOURCE: SamConnectorProfilesSource = {',
    ...Object.entries(source).map(([key, value]) => `  ${key}: ${quote(value)},`),
    '};',
    '',
    '/** Role-policy connector profiles by source type, then destination type (CloudFormation types). */',
    '// biome-ignore format: one profile per line',
    'export const SAM_CONNECTOR_ROLE_PROFILES: Readonly<Record<string, Readonly<Record<string, ConnectorProfile>>>> = {',
    ...sources,
    '};',
    '',
    '/** Per CloudFormation type: the property holding its role and how SAM reads its Arn, Name … when given an Id. */',
    '// biome-ignore format: one type per line',
    'export const SAM_CONNECTOR_RESOURCE_TYPES: Readonly<Record<string, ConnectorResourceType>> = {',
    ...types,
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
    console.log(`wrote ${shown} (${(Buffer.byteLength(text) / 1024).toFixed(1)} KiB, aws-sam-translator ${version})`);
    return;
  }
  const current = await readFile(target, 'utf8').catch(() => '');
  if (current !== text) {
    console.error(
      `${shown} is not what aws-sam-translator ${version} gives; run node scripts/generateSamConnectorProfiles.mjs`,
    );
    process.exit(1);
  }
  console.log(`${shown} is up to date with aws-sam-translator ${version}`);
}

main().catch((error) => {
  console.error(`scripts/generateSamConnectorProfiles.mjs: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
