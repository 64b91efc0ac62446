// biome-ignore-all lint/suspicious/noTemplateCurlyInString: profile texts use CloudFormation ${AWS::…} pseudo parameters
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SAM_CONNECTOR_PROFILES_SOURCE,
  SAM_CONNECTOR_RESOURCE_TYPES,
  SAM_CONNECTOR_ROLE_PROFILES,
} from '../../../shared/template/generated/samConnectorProfiles.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SCRIPT = join(ROOT, 'scripts/generateSamConnectorProfiles.mjs');
const hasSamTranslator = spawnSync('python3', ['-c', 'import samtranslator'], { stdio: 'ignore' }).status === 0;

function generate(...args: string[]) {
  return spawnSync(process.execPath, [SCRIPT, ...args], { cwd: ROOT, encoding: 'utf8' });
}

describe('SAM_CONNECTOR_ROLE_PROFILES', () => {
  it('holds the state machine profiles of aws-sam-translator 1.110.0 for its seven destination types', () => {
    expect(Object.keys(SAM_CONNECTOR_ROLE_PROFILES['AWS::StepFunctions::StateMachine'] ?? {})).toEqual([
      'AWS::DynamoDB::Table',
      'AWS::Events::EventBus',
      'AWS::Lambda::Function',
      'AWS::S3::Bucket',
      'AWS::SNS::Topic',
      'AWS::SQS::Queue',
      'AWS::StepFunctions::StateMachine',
    ]);
    expect(SAM_CONNECTOR_PROFILES_SOURCE).toEqual({
      package: 'aws-sam-translator',
      version: '1.110.0',
      license: 'Apache-2.0',
      path: 'samtranslator/model/connector_profiles/profiles.json',
      dataVersion: '1',
      url: 'https://github.com/aws/serverless-application-model/blob/v1.110.0/samtranslator/model/connector_profiles/profiles.json',
    });
  });

  it('keeps a profile verbatim: state machine to state machine, with its valid combinations', () => {
    const execution = 'arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:execution:%{Destination.Name}:*';
    const rule =
      'arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:rule/StepFunctionsGetEventsForStepFunctionsExecutionRule';
    expect(
      SAM_CONNECTOR_ROLE_PROFILES['AWS::StepFunctions::StateMachine']?.['AWS::StepFunctions::StateMachine'],
    ).toStrictEqual({
      policyOn: 'source',
      categories: {
        Read: [
          { Effect: 'Allow', Action: ['states:DescribeExecution'], Resource: [execution] },
          { Effect: 'Allow', Action: ['events:DescribeRule'], Resource: [rule] },
        ],
        Write: [
          { Effect: 'Allow', Action: ['states:StartExecution'], Resource: ['%{Destination.Arn}'] },
          { Effect: 'Allow', Action: ['states:StopExecution'], Resource: [execution] },
          { Effect: 'Allow', Action: ['events:PutTargets', 'events:PutRule'], Resource: [rule] },
        ],
      },
      validCombinations: [['Read'], ['Read', 'Write']],
    });
  });

  it('leaves out resource-policy profiles and keeps those attached to the destination role', () => {
    expect(SAM_CONNECTOR_ROLE_PROFILES['AWS::SNS::Topic']).toBeUndefined();
    expect(SAM_CONNECTOR_ROLE_PROFILES['AWS::SQS::Queue']?.['AWS::Lambda::Function']?.policyOn).toBe('destination');
  });

  it('records how SAM reads each referenced resource: role property and outputs', () => {
    expect(SAM_CONNECTOR_RESOURCE_TYPES['AWS::StepFunctions::StateMachine']).toStrictEqual({
      roleProperty: 'RoleArn',
      outputs: { Arn: { ref: true }, Name: { getAtt: 'Name' } },
    });
    expect(SAM_CONNECTOR_RESOURCE_TYPES['AWS::SNS::Topic']).toStrictEqual({ outputs: { Arn: { ref: true } } });
    expect(SAM_CONNECTOR_RESOURCE_TYPES['AWS::SQS::Queue']).toStrictEqual({
      outputs: { Arn: { getAtt: 'Arn' }, Url: { ref: true } },
    });
  });
});

describe('generateSamConnectorProfiles.mjs', () => {
  let dir = '';
  const source = () => join(dir, 'samtranslator/model/connector_profiles/profiles.json');
  const out = () => join(dir, 'out.ts');
  const profile = (statement: Record<string, unknown>) => ({
    Type: 'AWS_IAM_ROLE_MANAGED_POLICY',
    Properties: { SourcePolicy: true, AccessCategories: { Write: { Statement: [statement] } } },
  });
  const writeData = (permissions: unknown) =>
    writeFile(
      source(),
      JSON.stringify({
        Version: 7,
        Permissions: permissions,
        CfnResourceProperties: {
          'AWS::SQS::Queue': { Outputs: { Arn: { 'Fn::GetAtt': ['%{logicalId}', 'Arn'] } } },
        },
      }),
    );

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sam-connector-profiles-'));
    await mkdir(join(dir, 'samtranslator/model/connector_profiles'), { recursive: true });
    await writeFile(join(dir, 'samtranslator/__init__.py'), '__version__ = "9.8.7"\n');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('writes the role-policy profiles with the package version, without Python, and drops the others', async () => {
    await writeData({
      'AWS::StepFunctions::StateMachine': {
        'AWS::SQS::Queue': profile({ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '%{Destination.Arn}' }),
        'AWS::Lambda::Function': { Type: 'AWS_LAMBDA_PERMISSION', Properties: {} },
      },
    });
    expect(generate('--source', source(), '--out', out()).status).toBe(0);
    const text = await readFile(out(), 'utf8');
    expect(text).toContain('// The 1 SAM connector profiles that grant a role an IAM managed policy (of 2)');
    expect(text).toContain(
      "    'AWS::SQS::Queue': { policyOn: 'source', categories: { Write: [{ Effect: 'Allow', Action: ['sqs:SendMessage'], Resource: ['%{Destination.Arn}'] }] } },\n",
    );
    expect(text).toContain("  'AWS::SQS::Queue': { outputs: { Arn: { getAtt: 'Arn' } } },\n");
    expect(text).toContain("  version: '9.8.7',\n");
    expect(text).not.toContain('AWS_LAMBDA_PERMISSION');
  });

  it('passes --check on what it wrote and fails it, exit 1, once the file differs', async () => {
    await writeData({
      'AWS::StepFunctions::StateMachine': {
        'AWS::SQS::Queue': profile({ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '%{Destination.Arn}' }),
      },
    });
    expect(generate('--source', source(), '--out', out()).status).toBe(0);
    expect(generate('--check', '--source', source(), '--out', out()).status).toBe(0);
    await writeFile(out(), `${await readFile(out(), 'utf8')}// edited\n`);
    const stale = generate('--check', '--source', source(), '--out', out());
    expect(stale.status).toBe(1);
    expect(stale.stderr).toContain('is not what aws-sam-translator 9.8.7 gives');
  });

  it.each([
    {
      name: 'a variable the role builder does not fill in',
      statement: { Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '%{Destination.QueueUrl}' },
      message: 'variable %{Destination.QueueUrl} is not resolved',
    },
    {
      name: 'a pseudo parameter it does not know',
      statement: { Effect: 'Allow', Action: 'sqs:SendMessage', Resource: 'arn:${AWS::URLSuffix}' },
      message: '${AWS::URLSuffix} is not a known pseudo parameter',
    },
    {
      name: 'a statement key it would drop',
      statement: { Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '*', Condition: {} },
      message: 'unexpected keys Condition',
    },
  ])('refuses $name, so a new SAM release cannot slip past', async ({ statement, message }) => {
    await writeData({ 'AWS::StepFunctions::StateMachine': { 'AWS::SQS::Queue': profile(statement) } });
    const run = generate('--source', source(), '--out', out());
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(message);
  });

  it.skipIf(!hasSamTranslator)(
    hasSamTranslator
      ? 'finds the checked-in module up to date with the installed aws-sam-translator'
      : 'finds the checked-in module up to date (SKIPPED: python3 cannot import samtranslator; pip install aws-sam-translator)',
    () => {
      const run = generate('--check');
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
    },
  );
});
