import { describe, expect, it } from 'vitest';
import { unresolvedCondition, unresolvedValueKey } from '../../shared/iam/unresolvedValueKey.js';
import { createEmbeddedSimulator } from '../../shared/local/createEmbeddedSimulator.js';
import { expandSamPolicyTemplate } from '../../shared/template/expandSamPolicyTemplate.js';
import { unresolvedMarker } from '../../shared/template/unresolved.js';
import type { PolicyStatement } from '../../shared/types.js';

const PSEUDO = { partition: 'aws', region: 'eu-west-1', account: '111122223333' };
const TABLE = [
  'arn:aws:dynamodb:eu-west-1:111122223333:table/Orders',
  'arn:aws:dynamodb:eu-west-1:111122223333:table/Orders/index/*',
];
const BUCKET = ['arn:aws:s3:::order-archive', 'arn:aws:s3:::order-archive/*'];

type Case = { name: string; parameters: Record<string, unknown>; expected: PolicyStatement[] };

/**
 * Expected statements read from aws-sam-translator 1.110.0 policy_templates.json (and checked against its own
 * PolicyTemplatesProcessor, with Fn::Sub resolved for partition aws, eu-west-1, account 111122223333).
 */
const CASES: Case[] = [
  {
    name: 'LambdaInvokePolicy',
    parameters: { FunctionName: 'ProcessOrder' },
    expected: [
      {
        Effect: 'Allow',
        Action: ['lambda:InvokeFunction'],
        Resource: 'arn:aws:lambda:eu-west-1:111122223333:function:ProcessOrder*',
      },
    ],
  },
  {
    name: 'DynamoDBWritePolicy',
    parameters: { TableName: 'Orders' },
    expected: [
      {
        Effect: 'Allow',
        Action: ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:BatchWriteItem'],
        Resource: TABLE,
      },
    ],
  },
  {
    name: 'DynamoDBReadPolicy',
    parameters: { TableName: 'Orders' },
    expected: [
      {
        Effect: 'Allow',
        Action: [
          'dynamodb:GetItem',
          'dynamodb:Scan',
          'dynamodb:Query',
          'dynamodb:BatchGetItem',
          'dynamodb:DescribeTable',
        ],
        Resource: TABLE,
      },
    ],
  },
  {
    name: 'DynamoDBCrudPolicy',
    parameters: { TableName: 'Orders' },
    expected: [
      {
        Effect: 'Allow',
        Action: [
          'dynamodb:GetItem',
          'dynamodb:DeleteItem',
          'dynamodb:PutItem',
          'dynamodb:Scan',
          'dynamodb:Query',
          'dynamodb:UpdateItem',
          'dynamodb:BatchWriteItem',
          'dynamodb:BatchGetItem',
          'dynamodb:DescribeTable',
          'dynamodb:ConditionCheckItem',
        ],
        Resource: TABLE,
      },
    ],
  },
  {
    name: 'S3ReadPolicy',
    parameters: { BucketName: 'order-archive' },
    expected: [
      {
        Effect: 'Allow',
        Action: [
          's3:GetObject',
          's3:ListBucket',
          's3:GetBucketLocation',
          's3:GetObjectVersion',
          's3:GetLifecycleConfiguration',
        ],
        Resource: BUCKET,
      },
    ],
  },
  {
    name: 'S3WritePolicy',
    parameters: { BucketName: 'order-archive' },
    expected: [
      {
        Effect: 'Allow',
        Action: ['s3:PutObject', 's3:PutObjectAcl', 's3:PutLifecycleConfiguration'],
        Resource: BUCKET,
      },
    ],
  },
  {
    name: 'S3CrudPolicy',
    parameters: { BucketName: 'order-archive' },
    expected: [
      {
        Effect: 'Allow',
        Action: [
          's3:GetObject',
          's3:ListBucket',
          's3:GetBucketLocation',
          's3:GetObjectVersion',
          's3:PutObject',
          's3:PutObjectAcl',
          's3:GetLifecycleConfiguration',
          's3:PutLifecycleConfiguration',
          's3:DeleteObject',
        ],
        Resource: BUCKET,
      },
    ],
  },
  {
    name: 'SNSPublishMessagePolicy',
    parameters: { TopicName: 'OrderEvents' },
    expected: [
      { Effect: 'Allow', Action: ['sns:Publish'], Resource: 'arn:aws:sns:eu-west-1:111122223333:OrderEvents' },
    ],
  },
  {
    name: 'SQSSendMessagePolicy',
    parameters: { QueueName: 'order-queue' },
    expected: [
      { Effect: 'Allow', Action: ['sqs:SendMessage*'], Resource: 'arn:aws:sqs:eu-west-1:111122223333:order-queue' },
    ],
  },
  {
    name: 'EventBridgePutEventsPolicy',
    parameters: { EventBusName: 'default' },
    expected: [
      {
        Effect: 'Allow',
        Action: 'events:PutEvents',
        Resource: 'arn:aws:events:eu-west-1:111122223333:event-bus/default',
      },
    ],
  },
  {
    name: 'StepFunctionsExecutionPolicy',
    parameters: { StateMachineName: 'ShipOrder' },
    expected: [
      {
        Effect: 'Allow',
        Action: ['states:StartExecution'],
        Resource: 'arn:aws:states:eu-west-1:111122223333:stateMachine:ShipOrder',
      },
    ],
  },
  {
    name: 'StepFunctionsCallbackPolicy',
    parameters: { StateMachineName: 'ShipOrder' },
    expected: [
      {
        Effect: 'Allow',
        Action: ['states:SendTaskFailure', 'states:SendTaskHeartbeat', 'states:SendTaskSuccess'],
        Resource: 'arn:aws:states:eu-west-1:111122223333:stateMachine:ShipOrder',
      },
    ],
  },
  {
    name: 'CloudWatchPutMetricPolicy',
    parameters: {},
    expected: [{ Effect: 'Allow', Action: ['cloudwatch:PutMetricData'], Resource: '*' }],
  },
  {
    name: 'AthenaQueryPolicy',
    parameters: { WorkGroupName: 'primary' },
    expected: [
      {
        Effect: 'Allow',
        Action: [
          'athena:ListWorkGroups',
          'athena:GetExecutionEngine',
          'athena:GetExecutionEngines',
          'athena:GetNamespace',
          'athena:GetCatalogs',
          'athena:GetNamespaces',
          'athena:GetTables',
          'athena:GetTable',
        ],
        Resource: '*',
      },
      {
        Effect: 'Allow',
        Action: [
          'athena:StartQueryExecution',
          'athena:GetQueryResults',
          'athena:DeleteNamedQuery',
          'athena:GetNamedQuery',
          'athena:ListQueryExecutions',
          'athena:StopQueryExecution',
          'athena:GetQueryResultsStream',
          'athena:ListNamedQueries',
          'athena:CreateNamedQuery',
          'athena:GetQueryExecution',
          'athena:BatchGetNamedQuery',
          'athena:BatchGetQueryExecution',
          'athena:GetWorkGroup',
        ],
        Resource: 'arn:aws:athena:eu-west-1:111122223333:workgroup/primary',
      },
    ],
  },
  {
    name: 'SSMParameterReadPolicy',
    parameters: { ParameterName: 'orders/config' },
    expected: [
      { Effect: 'Allow', Action: ['ssm:DescribeParameters'], Resource: '*' },
      {
        Effect: 'Allow',
        Action: ['ssm:GetParameters', 'ssm:GetParameter', 'ssm:GetParametersByPath'],
        Resource: 'arn:aws:ssm:eu-west-1:111122223333:parameter/orders/config',
      },
    ],
  },
  {
    name: 'SSMParameterWithSlashPrefixReadPolicy',
    parameters: { ParameterName: '/orders/config' },
    expected: [
      { Effect: 'Allow', Action: ['ssm:DescribeParameters'], Resource: '*' },
      {
        Effect: 'Allow',
        Action: ['ssm:GetParameters', 'ssm:GetParameter', 'ssm:GetParametersByPath'],
        Resource: 'arn:aws:ssm:eu-west-1:111122223333:parameter/orders/config',
      },
    ],
  },
  {
    name: 'KMSDecryptPolicy',
    parameters: { KeyId: '1234abcd-12ab-34cd-56ef-1234567890ab' },
    expected: [
      {
        Effect: 'Allow',
        Action: 'kms:Decrypt',
        Resource: 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
      },
    ],
  },
  {
    name: 'AWSSecretsManagerGetSecretValuePolicy',
    parameters: { SecretArn: 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:slack-AbCdEf' },
    expected: [
      {
        Effect: 'Allow',
        Action: ['secretsmanager:GetSecretValue'],
        Resource: 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:slack-AbCdEf',
      },
    ],
  },
  {
    name: 'AWSSecretsManagerRotationPolicy',
    parameters: { FunctionName: 'RotateSecret' },
    expected: [
      {
        Effect: 'Allow',
        Action: [
          'secretsmanager:DescribeSecret',
          'secretsmanager:GetSecretValue',
          'secretsmanager:PutSecretValue',
          'secretsmanager:UpdateSecretVersionStage',
        ],
        Resource: 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:*',
        Condition: {
          StringEquals: {
            'secretsmanager:resource/AllowRotationLambdaArn':
              'arn:aws:lambda:eu-west-1:111122223333:function:RotateSecret',
          },
        },
      },
      { Effect: 'Allow', Action: ['secretsmanager:GetRandomPassword'], Resource: '*' },
    ],
  },
  {
    name: 'EFSWriteAccessPolicy',
    parameters: { FileSystem: 'fs-0123', AccessPoint: 'fsap-0456' },
    expected: [
      {
        Effect: 'Allow',
        Action: ['elasticfilesystem:ClientMount', 'elasticfilesystem:ClientWrite'],
        Resource: 'arn:aws:elasticfilesystem:eu-west-1:111122223333:file-system/fs-0123',
        Condition: {
          StringEquals: {
            'elasticfilesystem:AccessPointArn':
              'arn:aws:elasticfilesystem:eu-west-1:111122223333:access-point/fsap-0456',
          },
        },
      },
    ],
  },
  {
    name: 'VPCAccessPolicy',
    parameters: {},
    expected: [
      {
        Effect: 'Allow',
        Action: [
          'ec2:CreateNetworkInterface',
          'ec2:DeleteNetworkInterface',
          'ec2:DescribeNetworkInterfaces',
          'ec2:DetachNetworkInterface',
        ],
        Resource: '*',
      },
    ],
  },
];

describe('expandSamPolicyTemplate', () => {
  it.each(CASES)('expands $name into the actions and resources SAM grants', ({ name, parameters, expected }) => {
    expect(expandSamPolicyTemplate(name, parameters, PSEUDO)).toStrictEqual({
      ok: true,
      statements: expected,
      notes: [],
    });
  });

  it('fills in the partition, Region and account it is given', () => {
    const result = expandSamPolicyTemplate(
      'LambdaInvokePolicy',
      { FunctionName: 'F' },
      { partition: 'aws-us-gov', region: 'us-gov-west-1', account: '444455556666' },
    );
    expect(result.ok && result.statements[0]?.Resource).toBe(
      'arn:aws-us-gov:lambda:us-gov-west-1:444455556666:function:F*',
    );
  });

  it('writes a parameter that is not text as * on a condition naming it, and notes it once per parameter', () => {
    const result = expandSamPolicyTemplate('DynamoDBCrudPolicy', { TableName: { Ref: 'OrdersTable' } }, PSEUDO);
    expect(result).toMatchObject({
      ok: true,
      statements: [
        {
          Resource: [
            'arn:aws:dynamodb:eu-west-1:111122223333:table/*',
            'arn:aws:dynamodb:eu-west-1:111122223333:table/*/index/*',
          ],
          Condition: { Null: { [unresolvedValueKey('DynamoDBCrudPolicy parameter TableName')]: 'false' } },
        },
      ],
      notes: [
        'DynamoDBCrudPolicy: parameter TableName is not text ({"Ref":"OrdersTable"}); the statement is conditional on it',
      ],
    });
  });

  it('writes a whole-ARN parameter that is null as a bare * resource on a condition', () => {
    const result = expandSamPolicyTemplate('AWSSecretsManagerGetSecretValuePolicy', { SecretArn: null }, PSEUDO);
    expect(result.ok && result.statements[0]).toStrictEqual({
      Effect: 'Allow',
      Action: ['secretsmanager:GetSecretValue'],
      Resource: '*',
      Condition: unresolvedCondition('AWSSecretsManagerGetSecretValuePolicy parameter SecretArn'),
    });
    expect(result.ok && result.notes).toEqual([
      'AWSSecretsManagerGetSecretValuePolicy: parameter SecretArn is not text (null); the statement is conditional on it',
    ]);
  });

  it("keeps an unresolved marker of the caller's template as a condition naming that value, without a note", () => {
    const result = expandSamPolicyTemplate(
      'SQSSendMessagePolicy',
      { QueueName: unresolvedMarker('Fn::ImportValue SharedQueue') },
      PSEUDO,
    );
    expect(result).toStrictEqual({
      ok: true,
      statements: [
        {
          Effect: 'Allow',
          Action: ['sqs:SendMessage*'],
          Resource: 'arn:aws:sqs:eu-west-1:111122223333:*',
          Condition: unresolvedCondition('Fn::ImportValue SharedQueue'),
        },
      ],
      notes: [],
    });
  });

  it.each([
    { name: 'a queue the unknown name may stand for is conditional', queue: 'orders', want: 'conditional' },
    { name: 'a queue of another account stays denied', queue: 'orders', account: '999999999999', want: 'implicitDeny' },
  ])('never widens the grant when a value is unknown: $name', async ({ queue, account, want }) => {
    const result = expandSamPolicyTemplate('SQSSendMessagePolicy', { QueueName: { Ref: 'Queue' } }, PSEUDO);
    if (!result.ok) throw new Error(result.reason);
    const simulator = createEmbeddedSimulator({
      identity: [{ name: 'sam', document: { Version: '2012-10-17', Statement: result.statements } }],
    });
    const resource = `arn:aws:sqs:eu-west-1:${account ?? '111122223333'}:${queue}`;
    const [decision] = await simulator.simulate([{ action: 'sqs:SendMessage', resource }]);
    expect(decision?.decision).toBe(want);
  });

  it('writes a finite number as CloudFormation would, as its decimal text', () => {
    const result = expandSamPolicyTemplate('SNSPublishMessagePolicy', { TopicName: 2024 }, PSEUDO);
    expect(result).toMatchObject({ ok: true, statements: [{ Resource: 'arn:aws:sns:eu-west-1:111122223333:2024' }] });
  });

  it('ignores a parameter the template does not take, as SAM does, and notes it', () => {
    const result = expandSamPolicyTemplate('SQSSendMessagePolicy', { QueueName: 'q', TableName: 'Orders' }, PSEUDO);
    expect(result).toMatchObject({
      ok: true,
      statements: [{ Resource: 'arn:aws:sqs:eu-west-1:111122223333:q' }],
      notes: ['SQSSendMessagePolicy: SAM ignores parameter TableName, which the template does not take'],
    });
  });

  it('does not let one call change the statements of the next', () => {
    const first = expandSamPolicyTemplate('S3ReadPolicy', { BucketName: 'a' }, PSEUDO);
    const actions = first.ok ? first.statements[0]!.Action : undefined;
    expect(Array.isArray(actions)).toBe(true);
    (actions as string[]).push('s3:DeleteBucket');
    const second = expandSamPolicyTemplate('S3ReadPolicy', { BucketName: 'a' }, PSEUDO);
    expect(second.ok && second.statements[0]?.Action).not.toContain('s3:DeleteBucket');
  });

  it.each([
    {
      name: 'SecretsManagerGetSecretValuePolicy',
      closeNames: ['AWSSecretsManagerGetSecretValuePolicy'],
      reason:
        'SecretsManagerGetSecretValuePolicy is not a SAM policy template of aws-sam-translator 1.110.0; did you mean AWSSecretsManagerGetSecretValuePolicy?',
    },
    {
      name: 'lambdainvokepolicy',
      closeNames: ['LambdaInvokePolicy'],
      reason:
        'lambdainvokepolicy is not a SAM policy template of aws-sam-translator 1.110.0; did you mean LambdaInvokePolicy?',
    },
    {
      name: 'SQSSendMessagesPolicy',
      closeNames: ['SQSSendMessagePolicy'],
      reason:
        'SQSSendMessagesPolicy is not a SAM policy template of aws-sam-translator 1.110.0; did you mean SQSSendMessagePolicy?',
    },
    {
      name: 'constructor',
      closeNames: [],
      reason: 'constructor is not a SAM policy template of aws-sam-translator 1.110.0',
    },
    {
      name: '__proto__',
      closeNames: [],
      reason: '__proto__ is not a SAM policy template of aws-sam-translator 1.110.0',
    },
  ])('refuses the unknown template $name and lists the close names', ({ name, closeNames, reason }) => {
    expect(expandSamPolicyTemplate(name, {}, PSEUDO)).toStrictEqual({
      ok: false,
      problem: 'unknownTemplate',
      reason,
      closeNames,
    });
  });

  it('lists every template a broad typo could mean, closest first', () => {
    const result = expandSamPolicyTemplate('DynamoDBPolicy', { TableName: 'Orders' }, PSEUDO);
    expect(result.ok === false && result.problem === 'unknownTemplate' && result.closeNames).toEqual([
      'DynamoDBCrudPolicy',
      'DynamoDBReadPolicy',
      'DynamoDBWritePolicy',
    ]);
  });

  it.each([
    {
      name: 'a parameter that is absent',
      template: 'LambdaInvokePolicy',
      parameters: {},
      missing: ['FunctionName'],
      reason: 'LambdaInvokePolicy needs FunctionName (it takes FunctionName)',
    },
    {
      name: 'a parameter that is undefined',
      template: 'EFSWriteAccessPolicy',
      parameters: { FileSystem: 'fs-1', AccessPoint: undefined },
      missing: ['AccessPoint'],
      reason: 'EFSWriteAccessPolicy needs AccessPoint (it takes AccessPoint, FileSystem)',
    },
    {
      name: 'a parameter spelt in another case',
      template: 'DynamoDBReadPolicy',
      parameters: { tableName: 'Orders' },
      missing: ['TableName'],
      reason: 'DynamoDBReadPolicy needs TableName (it takes TableName)',
    },
  ])('refuses $name with the name of the missing parameter', ({ template, parameters, missing, reason }) => {
    expect(expandSamPolicyTemplate(template, parameters, PSEUDO)).toStrictEqual({
      ok: false,
      problem: 'missingParameters',
      reason,
      missing,
    });
  });

  it('does not take a parameter from the prototype of the values object', () => {
    const parameters = Object.create({ TableName: 'Inherited' }) as Record<string, unknown>;
    const result = expandSamPolicyTemplate('DynamoDBReadPolicy', parameters, PSEUDO);
    expect(result).toMatchObject({ ok: false, problem: 'missingParameters', missing: ['TableName'] });
  });

  it('refuses parameters that are not a map', () => {
    const result = expandSamPolicyTemplate(
      'LambdaInvokePolicy',
      'ProcessOrder' as unknown as Record<string, unknown>,
      PSEUDO,
    );
    expect(result).toStrictEqual({
      ok: false,
      problem: 'invalidParameters',
      reason: 'LambdaInvokePolicy takes a map of parameter values',
    });
  });
});
