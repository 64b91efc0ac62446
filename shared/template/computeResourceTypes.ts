import {
  arn,
  doc,
  globalArn,
  iamPath,
  lastName,
  named,
  type ResourceFacts,
  type ResourceType,
  text,
} from './resourceTypeKit.js';
import { LOWER_ALPHANUMERIC, MIXED_ALPHANUMERIC, UPPER_ALPHANUMERIC } from './stableId.js';

const lambdaFunction: ResourceType = {
  source: doc('lambda-function'),
  nameProperty: 'FunctionName',
  maxLength: 64,
  ref: named,
  attributes: { Arn: (r) => arn(r, 'lambda', `function:${r.name}`) },
};
const functionArnOf = (r: ResourceFacts) => {
  const fn = text(r.property('FunctionName')) ?? r.unknown('FunctionName');
  return fn.startsWith('arn:') ? fn : arn(r, 'lambda', `function:${fn}`);
};
const stateMachine: ResourceType = {
  source: doc('stepfunctions-statemachine'),
  nameProperty: 'StateMachineName',
  generated: 'logical',
  maxLength: 80,
  ref: (r) => arn(r, 'states', `stateMachine:${r.name}`),
  attributes: {
    Arn: (r) => arn(r, 'states', `stateMachine:${r.name}`),
    Name: named,
    StateMachineRevisionId: (r) => r.id('revision', LOWER_ALPHANUMERIC, 32),
  },
};
const dynamoDbTable: ResourceType = {
  source: doc('dynamodb-table'),
  nameProperty: 'TableName',
  ref: named,
  attributes: {
    Arn: (r) => arn(r, 'dynamodb', `table/${r.name}`),
    StreamArn: (r) => arn(r, 'dynamodb', `table/${r.name}/stream/2025-01-01T00:00:00.000`),
  },
};

/** Functions, state machines, tables, buckets, queues, topics, IAM, EventBridge and Scheduler types. */
export const COMPUTE_RESOURCE_TYPES: readonly (readonly [string, ResourceType])[] = [
  ['AWS::Lambda::Function', lambdaFunction],
  [
    'AWS::Serverless::Function',
    {
      ...lambdaFunction,
      source:
        'https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-function.html',
    },
  ],
  [
    'AWS::Lambda::Alias',
    {
      source: doc('lambda-alias'),
      nameProperty: 'Name',
      ref: (r) => `${functionArnOf(r)}:${r.name}`,
      attributes: { AliasArn: (r) => `${functionArnOf(r)}:${r.name}` },
    },
  ],
  [
    'AWS::Lambda::Version',
    {
      source: doc('lambda-version'),
      ref: (r) => `${functionArnOf(r)}:1`,
      attributes: { Version: () => '1', FunctionArn: (r) => `${functionArnOf(r)}:1` },
    },
  ],
  [
    'AWS::Lambda::LayerVersion',
    {
      source: doc('lambda-layerversion'),
      nameProperty: 'LayerName',
      maxLength: 140,
      ref: (r) => arn(r, 'lambda', `layer:${r.name}:1`),
      attributes: {},
    },
  ],
  ['AWS::StepFunctions::StateMachine', stateMachine],
  [
    'AWS::Serverless::StateMachine',
    {
      ...stateMachine,
      nameProperty: 'Name',
      source:
        'https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-statemachine.html',
    },
  ],
  [
    'AWS::StepFunctions::Activity',
    {
      source: doc('stepfunctions-activity'),
      nameProperty: 'Name',
      ref: (r) => arn(r, 'states', `activity:${r.name}`),
      attributes: { Arn: (r) => arn(r, 'states', `activity:${r.name}`), Name: named },
    },
  ],
  [
    'AWS::StepFunctions::StateMachineVersion',
    {
      source: doc('stepfunctions-statemachineversion'),
      ref: (r) => `${text(r.property('StateMachineArn')) ?? r.unknown('StateMachineArn')}:1`,
      attributes: { Arn: (r) => `${text(r.property('StateMachineArn')) ?? r.unknown('StateMachineArn')}:1` },
    },
  ],
  ['AWS::DynamoDB::Table', dynamoDbTable],
  [
    'AWS::Serverless::SimpleTable',
    {
      ...dynamoDbTable,
      source:
        'https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-simpletable.html',
    },
  ],
  [
    'AWS::DynamoDB::GlobalTable',
    {
      ...dynamoDbTable,
      source: doc('dynamodb-globaltable'),
      attributes: { ...dynamoDbTable.attributes, TableId: (r) => r.uuid('table') },
    },
  ],
  [
    'AWS::S3::Bucket',
    {
      source: doc('s3-bucket'),
      nameProperty: 'BucketName',
      maxLength: 63,
      lowercase: true,
      ref: named,
      attributes: {
        Arn: (r) => `arn:${r.partition}:s3:::${r.name}`,
        DomainName: (r) => `${r.name}.s3.${r.urlSuffix}`,
        RegionalDomainName: (r) => `${r.name}.s3.${r.region}.${r.urlSuffix}`,
        DualStackDomainName: (r) => `${r.name}.s3.dualstack.${r.region}.${r.urlSuffix}`,
      },
    },
  ],
  [
    'AWS::SQS::Queue',
    {
      source: doc('sqs-queue'),
      nameProperty: 'QueueName',
      maxLength: 80,
      fifo: 'FifoQueue',
      ref: (r) => `https://sqs.${r.region}.${r.urlSuffix}/${r.account}/${r.name}`,
      attributes: {
        Arn: (r) => arn(r, 'sqs', r.name),
        QueueName: named,
        QueueUrl: (r) => `https://sqs.${r.region}.${r.urlSuffix}/${r.account}/${r.name}`,
      },
    },
  ],
  [
    'AWS::SNS::Topic',
    {
      source: doc('sns-topic'),
      nameProperty: 'TopicName',
      maxLength: 256,
      fifo: 'FifoTopic',
      ref: (r) => arn(r, 'sns', r.name),
      attributes: { TopicArn: (r) => arn(r, 'sns', r.name), TopicName: named },
    },
  ],
  [
    'AWS::IAM::Role',
    {
      source: doc('iam-role'),
      nameProperty: 'RoleName',
      maxLength: 64,
      ref: named,
      attributes: {
        Arn: (r) => globalArn(r, 'iam', `role${iamPath(r)}${r.name}`),
        RoleId: (r) => `AROA${r.id('role', UPPER_ALPHANUMERIC, 17)}`,
      },
    },
  ],
  [
    'AWS::IAM::ManagedPolicy',
    {
      source: doc('iam-managedpolicy'),
      nameProperty: 'ManagedPolicyName',
      maxLength: 128,
      ref: (r) => globalArn(r, 'iam', `policy${iamPath(r)}${r.name}`),
      attributes: {
        PolicyArn: (r) => globalArn(r, 'iam', `policy${iamPath(r)}${r.name}`),
        PolicyId: (r) => `ANPA${r.id('policy', UPPER_ALPHANUMERIC, 17)}`,
      },
    },
  ],
  [
    'AWS::IAM::Policy',
    { source: doc('iam-policy'), nameProperty: 'PolicyName', maxLength: 128, ref: named, attributes: {} },
  ],
  [
    'AWS::IAM::InstanceProfile',
    {
      source: doc('iam-instanceprofile'),
      nameProperty: 'InstanceProfileName',
      maxLength: 128,
      ref: named,
      attributes: { Arn: (r) => globalArn(r, 'iam', `instance-profile${iamPath(r)}${r.name}`) },
    },
  ],
  [
    'AWS::Events::EventBus',
    {
      source: doc('events-eventbus'),
      nameProperty: 'Name',
      ref: named,
      attributes: { Arn: (r) => arn(r, 'events', `event-bus/${r.name}`), Name: named },
    },
  ],
  [
    'AWS::Events::Rule',
    {
      source: doc('events-rule'),
      nameProperty: 'Name',
      maxLength: 64,
      // A rule on a custom bus is `rule/BUS/NAME` (and its Ref `BUS|NAME`); on the default bus `rule/NAME`.
      ref: (r) => {
        const bus = lastName(text(r.property('EventBusName')) ?? 'default', '/');
        return bus === 'default' ? r.name : `${bus}|${r.name}`;
      },
      attributes: {
        Arn: (r) => {
          const bus = lastName(text(r.property('EventBusName')) ?? 'default', '/');
          return arn(r, 'events', bus === 'default' ? `rule/${r.name}` : `rule/${bus}/${r.name}`);
        },
      },
    },
  ],
  [
    'AWS::Events::Connection',
    {
      source: doc('events-connection'),
      nameProperty: 'Name',
      maxLength: 64,
      ref: named,
      attributes: {
        Arn: (r) => arn(r, 'events', `connection/${r.name}/${r.uuid('connection')}`),
        SecretArn: (r) =>
          arn(
            r,
            'secretsmanager',
            `secret:events!connection/${r.name}/${r.uuid('connection')}-${r.id('secret', MIXED_ALPHANUMERIC, 6)}`,
          ),
      },
    },
  ],
  [
    'AWS::Events::ApiDestination',
    {
      source: doc('events-apidestination'),
      nameProperty: 'Name',
      maxLength: 64,
      ref: named,
      attributes: { Arn: (r) => arn(r, 'events', `api-destination/${r.name}/${r.uuid('destination')}`) },
    },
  ],
  [
    'AWS::Scheduler::Schedule',
    {
      source: doc('scheduler-schedule'),
      nameProperty: 'Name',
      maxLength: 64,
      ref: named,
      attributes: {
        Arn: (r) => arn(r, 'scheduler', `schedule/${text(r.property('GroupName')) ?? 'default'}/${r.name}`),
      },
    },
  ],
  [
    'AWS::Scheduler::ScheduleGroup',
    {
      source: doc('scheduler-schedulegroup'),
      nameProperty: 'Name',
      maxLength: 64,
      ref: named,
      attributes: { Arn: (r) => arn(r, 'scheduler', `schedule-group/${r.name}`) },
    },
  ],
];
