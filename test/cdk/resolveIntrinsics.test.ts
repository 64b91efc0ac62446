import { describe, expect, it } from 'vitest';
import { type CfnTemplate, resolveIntrinsics } from './resolveIntrinsics.js';

const TEMPLATE: CfnTemplate = {
  Resources: {
    Fn: { Type: 'AWS::Lambda::Function', Properties: {} },
    NamedFn: { Type: 'AWS::Lambda::Function', Properties: { FunctionName: 'orders' } },
    Queue: { Type: 'AWS::SQS::Queue' },
    Topic: { Type: 'AWS::SNS::Topic', Properties: { TopicName: { 'Fn::Join': ['-', ['orders', 'events']] } } },
    Table: { Type: 'AWS::DynamoDB::Table', Properties: { TableName: 'orders' } },
    Bucket: { Type: 'AWS::S3::Bucket' },
    Role: { Type: 'AWS::IAM::Role', Properties: { RoleName: 'sfn' } },
    Machine: { Type: 'AWS::StepFunctions::StateMachine', Properties: { StateMachineName: 'child' } },
    Bus: { Type: 'AWS::Events::EventBus', Properties: { Name: 'orders' } },
    TaskDef: { Type: 'AWS::ECS::TaskDefinition', Properties: { Family: 'report' } },
    Widget: { Type: 'AWS::Example::Widget' },
  },
};

const cases: { name: string; value: unknown; expected: unknown }[] = [
  { name: 'Ref AWS::Region', value: { Ref: 'AWS::Region' }, expected: 'eu-west-1' },
  { name: 'Ref AWS::AccountId', value: { Ref: 'AWS::AccountId' }, expected: '111122223333' },
  { name: 'Ref AWS::Partition', value: { Ref: 'AWS::Partition' }, expected: 'aws' },
  { name: 'Ref AWS::URLSuffix', value: { Ref: 'AWS::URLSuffix' }, expected: 'amazonaws.com' },
  { name: 'Ref of a Lambda function without a name', value: { Ref: 'Fn' }, expected: 'CdkCrossCheck-Fn' },
  { name: 'Ref of a named Lambda function', value: { Ref: 'NamedFn' }, expected: 'orders' },
  {
    name: 'GetAtt Arn of a Lambda function',
    value: { 'Fn::GetAtt': ['NamedFn', 'Arn'] },
    expected: 'arn:aws:lambda:eu-west-1:111122223333:function:orders',
  },
  {
    name: 'Ref of an SQS queue is its URL',
    value: { Ref: 'Queue' },
    expected: 'https://sqs.eu-west-1.amazonaws.com/111122223333/CdkCrossCheck-Queue',
  },
  {
    name: 'GetAtt Arn of an SQS queue',
    value: { 'Fn::GetAtt': ['Queue', 'Arn'] },
    expected: 'arn:aws:sqs:eu-west-1:111122223333:CdkCrossCheck-Queue',
  },
  {
    name: 'Ref of an SNS topic is its ARN, with a resolved name',
    value: { Ref: 'Topic' },
    expected: 'arn:aws:sns:eu-west-1:111122223333:orders-events',
  },
  { name: 'Ref of a DynamoDB table is its name', value: { Ref: 'Table' }, expected: 'orders' },
  {
    name: 'GetAtt Arn of a DynamoDB table',
    value: { 'Fn::GetAtt': ['Table', 'Arn'] },
    expected: 'arn:aws:dynamodb:eu-west-1:111122223333:table/orders',
  },
  { name: 'Ref of an S3 bucket is a lower-case name', value: { Ref: 'Bucket' }, expected: 'cdkcrosscheck-bucket' },
  {
    name: 'GetAtt Arn of an S3 bucket',
    value: { 'Fn::GetAtt': 'Bucket.Arn' },
    expected: 'arn:aws:s3:::cdkcrosscheck-bucket',
  },
  {
    name: 'GetAtt Arn of a role',
    value: { 'Fn::GetAtt': ['Role', 'Arn'] },
    expected: 'arn:aws:iam::111122223333:role/sfn',
  },
  {
    name: 'Ref of a state machine is its ARN',
    value: { Ref: 'Machine' },
    expected: 'arn:aws:states:eu-west-1:111122223333:stateMachine:child',
  },
  {
    name: 'GetAtt Arn of an event bus',
    value: { 'Fn::GetAtt': ['Bus', 'Arn'] },
    expected: 'arn:aws:events:eu-west-1:111122223333:event-bus/orders',
  },
  {
    name: 'Ref of an ECS task definition is its revision ARN',
    value: { Ref: 'TaskDef' },
    expected: 'arn:aws:ecs:eu-west-1:111122223333:task-definition/report:1',
  },
  {
    name: 'Fn::Join of strings, Refs and GetAtts',
    value: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':states:::lambda:invoke ', { Ref: 'NamedFn' }]] },
    expected: 'arn:aws:states:::lambda:invoke orders',
  },
  {
    name: 'Fn::Select of Fn::Split (how CDK splits an ARN)',
    value: { 'Fn::Select': [6, { 'Fn::Split': [':', { Ref: 'Machine' }] }] },
    expected: 'child',
  },
  {
    name: 'Fn::Sub with pseudo parameters, GetAtt, variables and an escaped literal',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: Fn::Sub syntax, not a template literal
    value: { 'Fn::Sub': ['${AWS::Region}/${Table.Arn}/${x}/${!Literal}', { x: { Ref: 'Table' } }] },
    // biome-ignore lint/suspicious/noTemplateCurlyInString: Fn::Sub syntax, not a template literal
    expected: 'eu-west-1/arn:aws:dynamodb:eu-west-1:111122223333:table/orders/orders/${Literal}',
  },
  {
    name: 'nested objects and arrays, leaving plain values alone',
    value: { a: [1, true, null, { b: { Ref: 'AWS::Region' } }], Condition: { StringEquals: { k: 'v' } } },
    expected: { a: [1, true, null, { b: 'eu-west-1' }], Condition: { StringEquals: { k: 'v' } } },
  },
];

const failures: { name: string; value: unknown; message: RegExp }[] = [
  { name: 'a Ref to a missing resource', value: { Ref: 'Nope' }, message: /resource the template lacks \(Nope\)/ },
  { name: 'an unsupported pseudo parameter', value: { Ref: 'AWS::NotificationARNs' }, message: /pseudo parameter/ },
  { name: 'a Ref of an unsupported type', value: { Ref: 'Widget' }, message: /AWS::Example::Widget/ },
  {
    name: 'an unknown attribute',
    value: { 'Fn::GetAtt': ['Queue', 'Nope'] },
    message: /GetAtt Nope of AWS::SQS::Queue/,
  },
  { name: 'an unsupported intrinsic', value: { 'Fn::ImportValue': 'x' }, message: /Fn::ImportValue/ },
  { name: 'Fn::If', value: { 'Fn::If': ['c', 'a', 'b'] }, message: /Fn::If/ },
  { name: 'Fn::Select out of range', value: { 'Fn::Select': [3, ['a']] }, message: /Fn::Select/ },
  { name: 'Fn::Join of a non-string', value: { 'Fn::Join': ['', ['a', { b: 1 }]] }, message: /Fn::Join part 1/ },
];

describe('resolveIntrinsics', () => {
  it.each(cases)('resolves $name', ({ value, expected }) => {
    expect(resolveIntrinsics(value, TEMPLATE)).toEqual(expected);
  });

  it.each(failures)('fails loudly on $name', ({ value, message }) => {
    expect(() => resolveIntrinsics(value, TEMPLATE)).toThrow(message);
  });
});
