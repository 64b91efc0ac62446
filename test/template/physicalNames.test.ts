// biome-ignore-all lint/suspicious/noTemplateCurlyInString: CloudFormation Fn::Sub texts and DefinitionSubstitutions placeholders
import { describe, expect, it } from 'vitest';
import { generatedPhysicalName } from '../../shared/template/physicalName.js';
import { RESOURCE_TYPES } from '../../shared/template/resourceTypes.js';
import { unresolvedMarker } from '../../shared/template/unresolved.js';
import { PLACEMENT, templateModelOf } from './templateModelOf.js';

const P = 'arn:aws';
const R = 'eu-west-1:111122223333';
const SUFFIX = '[A-Z0-9]{12}';

type Case = {
  name: string;
  type: string;
  properties?: Record<string, unknown>;
  extra?: Record<string, unknown>;
  ref: string | RegExp;
  attributes?: Record<string, string | RegExp>;
};

const expectText = (value: unknown, expected: string | RegExp) =>
  typeof expected === 'string' ? expect(value).toBe(expected) : expect(value).toMatch(expected);

describe('Ref and Fn::GetAtt by resource type', () => {
  it.each<Case>([
    {
      name: 'a Lambda function with FunctionName',
      type: 'AWS::Lambda::Function',
      properties: { FunctionName: 'orders' },
      ref: 'orders',
      attributes: { Arn: `${P}:lambda:${R}:function:orders` },
    },
    {
      name: 'a Lambda function without a name (STACK-LogicalId-SUFFIX)',
      type: 'AWS::Lambda::Function',
      ref: new RegExp(`^shop-It-${SUFFIX}$`),
      attributes: { Arn: new RegExp(`^${P}:lambda:${R}:function:shop-It-${SUFFIX}$`) },
    },
    {
      name: 'a SAM function',
      type: 'AWS::Serverless::Function',
      properties: { FunctionName: 'orders' },
      ref: 'orders',
      attributes: { Arn: `${P}:lambda:${R}:function:orders` },
    },
    {
      name: 'a Lambda alias of a function name',
      type: 'AWS::Lambda::Alias',
      properties: { FunctionName: 'orders', Name: 'live' },
      ref: `${P}:lambda:${R}:function:orders:live`,
      attributes: { AliasArn: `${P}:lambda:${R}:function:orders:live` },
    },
    {
      name: 'a Lambda version (the number is a stand-in)',
      type: 'AWS::Lambda::Version',
      properties: { FunctionName: `${P}:lambda:${R}:function:orders` },
      ref: `${P}:lambda:${R}:function:orders:1`,
      attributes: { Version: '1' },
    },
    {
      name: 'a state machine without a name (LogicalId-SUFFIX, no stack name)',
      type: 'AWS::StepFunctions::StateMachine',
      ref: new RegExp(`^${P}:states:${R}:stateMachine:It-[A-Za-z0-9]{12}$`),
      attributes: { Name: /^It-[A-Za-z0-9]{12}$/ },
    },
    {
      name: 'a SAM state machine with Name',
      type: 'AWS::Serverless::StateMachine',
      properties: { Name: 'orders' },
      ref: `${P}:states:${R}:stateMachine:orders`,
      attributes: { Arn: `${P}:states:${R}:stateMachine:orders`, Name: 'orders' },
    },
    {
      name: 'an activity',
      type: 'AWS::StepFunctions::Activity',
      properties: { Name: 'approve' },
      ref: `${P}:states:${R}:activity:approve`,
    },
    {
      name: 'a DynamoDB table',
      type: 'AWS::DynamoDB::Table',
      properties: { TableName: 'orders' },
      ref: 'orders',
      attributes: {
        Arn: `${P}:dynamodb:${R}:table/orders`,
        StreamArn: `${P}:dynamodb:${R}:table/orders/stream/2025-01-01T00:00:00.000`,
      },
    },
    {
      name: 'a SAM simple table',
      type: 'AWS::Serverless::SimpleTable',
      properties: { TableName: 'orders' },
      ref: 'orders',
    },
    {
      name: 'an S3 bucket without a name (lower case)',
      type: 'AWS::S3::Bucket',
      ref: /^shop-it-[a-z0-9]{12}$/,
      attributes: { Arn: /^arn:aws:s3:::shop-it-[a-z0-9]{12}$/ },
    },
    {
      name: 'an S3 bucket with BucketName',
      type: 'AWS::S3::Bucket',
      properties: { BucketName: 'uploads' },
      ref: 'uploads',
      attributes: {
        Arn: 'arn:aws:s3:::uploads',
        DomainName: 'uploads.s3.amazonaws.com',
        RegionalDomainName: 'uploads.s3.eu-west-1.amazonaws.com',
      },
    },
    {
      name: 'an SQS queue (Ref is the URL)',
      type: 'AWS::SQS::Queue',
      properties: { QueueName: 'jobs' },
      ref: 'https://sqs.eu-west-1.amazonaws.com/111122223333/jobs',
      attributes: {
        Arn: `${P}:sqs:${R}:jobs`,
        QueueName: 'jobs',
        QueueUrl: 'https://sqs.eu-west-1.amazonaws.com/111122223333/jobs',
      },
    },
    {
      name: 'a FIFO queue without a name ends in .fifo',
      type: 'AWS::SQS::Queue',
      properties: { FifoQueue: true },
      ref: new RegExp(`/shop-It-${SUFFIX}\\.fifo$`),
    },
    {
      name: 'an SNS topic (Ref is the ARN)',
      type: 'AWS::SNS::Topic',
      properties: { TopicName: 'alerts' },
      ref: `${P}:sns:${R}:alerts`,
      attributes: { TopicArn: `${P}:sns:${R}:alerts`, TopicName: 'alerts' },
    },
    {
      name: 'an IAM role with a path',
      type: 'AWS::IAM::Role',
      properties: { RoleName: 'runner', Path: '/service/' },
      ref: 'runner',
      attributes: { Arn: 'arn:aws:iam::111122223333:role/service/runner', RoleId: /^AROA[A-Z0-9]{17}$/ },
    },
    {
      name: 'an IAM managed policy (Ref is the ARN)',
      type: 'AWS::IAM::ManagedPolicy',
      properties: { ManagedPolicyName: 'extra' },
      ref: 'arn:aws:iam::111122223333:policy/extra',
      attributes: { PolicyArn: 'arn:aws:iam::111122223333:policy/extra' },
    },
    {
      name: 'an event bus',
      type: 'AWS::Events::EventBus',
      properties: { Name: 'orders' },
      ref: 'orders',
      attributes: { Arn: `${P}:events:${R}:event-bus/orders`, Name: 'orders' },
    },
    {
      name: 'a rule on the default bus',
      type: 'AWS::Events::Rule',
      properties: { Name: 'nightly' },
      ref: 'nightly',
      attributes: { Arn: `${P}:events:${R}:rule/nightly` },
    },
    {
      name: 'a rule on a custom bus',
      type: 'AWS::Events::Rule',
      properties: { Name: 'paid', EventBusName: 'orders' },
      ref: 'orders|paid',
      attributes: { Arn: `${P}:events:${R}:rule/orders/paid` },
    },
    {
      name: 'an ECS cluster',
      type: 'AWS::ECS::Cluster',
      properties: { ClusterName: 'jobs' },
      ref: 'jobs',
      attributes: { Arn: `${P}:ecs:${R}:cluster/jobs` },
    },
    {
      name: 'an ECS task definition (Ref is the ARN with a stand-in revision)',
      type: 'AWS::ECS::TaskDefinition',
      properties: { Family: 'resize' },
      ref: `${P}:ecs:${R}:task-definition/resize:1`,
      attributes: { TaskDefinitionArn: `${P}:ecs:${R}:task-definition/resize:1` },
    },
    {
      name: 'a Batch job queue',
      type: 'AWS::Batch::JobQueue',
      properties: { JobQueueName: 'high' },
      ref: `${P}:batch:${R}:job-queue/high`,
      attributes: { JobQueueArn: `${P}:batch:${R}:job-queue/high` },
    },
    {
      name: 'a Batch job definition',
      type: 'AWS::Batch::JobDefinition',
      properties: { JobDefinitionName: 'render' },
      ref: `${P}:batch:${R}:job-definition/render:1`,
    },
    { name: 'a Glue job', type: 'AWS::Glue::Job', properties: { Name: 'etl' }, ref: 'etl' },
    { name: 'an Athena workgroup', type: 'AWS::Athena::WorkGroup', properties: { Name: 'reports' }, ref: 'reports' },
    {
      name: 'a SageMaker model (lower case in the ARN)',
      type: 'AWS::SageMaker::Model',
      properties: { ModelName: 'MyModel' },
      ref: `${P}:sagemaker:${R}:model/mymodel`,
      attributes: { ModelName: 'MyModel' },
    },
    {
      name: 'a KMS key (a stand-in key id)',
      type: 'AWS::KMS::Key',
      ref: /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/,
      attributes: { Arn: new RegExp(`^${P}:kms:${R}:key/[0-9a-f-]{36}$`) },
    },
    { name: 'a KMS alias', type: 'AWS::KMS::Alias', properties: { AliasName: 'alias/orders' }, ref: 'alias/orders' },
    {
      name: 'a log group (the ARN ends in :*)',
      type: 'AWS::Logs::LogGroup',
      properties: { LogGroupName: '/sfn/orders' },
      ref: '/sfn/orders',
      attributes: { Arn: `${P}:logs:${R}:log-group:/sfn/orders:*` },
    },
    {
      name: 'a CodeBuild project',
      type: 'AWS::CodeBuild::Project',
      properties: { Name: 'build' },
      ref: 'build',
      attributes: { Arn: `${P}:codebuild:${R}:project/build` },
    },
    {
      name: 'an API Gateway REST API (a stand-in id)',
      type: 'AWS::ApiGateway::RestApi',
      ref: /^[a-z0-9]{10}$/,
      attributes: { RootResourceId: /^[a-z0-9]{10}$/ },
    },
    {
      name: 'a SAM HTTP API',
      type: 'AWS::Serverless::HttpApi',
      ref: /^[a-z0-9]{10}$/,
      attributes: { ApiEndpoint: /^https:\/\/[a-z0-9]{10}\.execute-api\.eu-west-1\.amazonaws\.com$/ },
    },
    {
      name: 'a secret (a stand-in suffix)',
      type: 'AWS::SecretsManager::Secret',
      properties: { Name: 'prod/db' },
      ref: new RegExp(`^${P}:secretsmanager:${R}:secret:prod/db-[A-Za-z0-9]{6}$`),
    },
    {
      name: 'an SSM parameter',
      type: 'AWS::SSM::Parameter',
      properties: { Name: '/orders/url', Value: 'https://example.com', Type: 'String' },
      ref: '/orders/url',
      attributes: { Value: 'https://example.com', Type: 'String' },
    },
    {
      name: 'an ECR repository (lower case)',
      type: 'AWS::ECR::Repository',
      properties: { RepositoryName: 'app' },
      ref: 'app',
      attributes: {
        Arn: `${P}:ecr:${R}:repository/app`,
        RepositoryUri: '111122223333.dkr.ecr.eu-west-1.amazonaws.com/app',
      },
    },
    {
      name: 'a Kinesis stream',
      type: 'AWS::Kinesis::Stream',
      properties: { Name: 'clicks' },
      ref: 'clicks',
      attributes: { Arn: `${P}:kinesis:${R}:stream/clicks` },
    },
    {
      name: 'a Firehose delivery stream',
      type: 'AWS::KinesisFirehose::DeliveryStream',
      properties: { DeliveryStreamName: 'logs' },
      ref: 'logs',
      attributes: { Arn: `${P}:firehose:${R}:deliverystream/logs` },
    },
    {
      name: 'a schedule in a group',
      type: 'AWS::Scheduler::Schedule',
      properties: { Name: 'daily', GroupName: 'ops' },
      ref: 'daily',
      attributes: { Arn: `${P}:scheduler:${R}:schedule/ops/daily` },
    },
    {
      name: 'an EMR cluster (a stand-in id)',
      type: 'AWS::EMR::Cluster',
      ref: /^j-[A-Z0-9]{13}$/,
    },
    {
      name: 'an EventBridge connection',
      type: 'AWS::Events::Connection',
      properties: { Name: 'partner' },
      ref: 'partner',
      attributes: { Arn: new RegExp(`^${P}:events:${R}:connection/partner/[0-9a-f-]{36}$`) },
    },
    {
      name: 'a Bedrock guardrail',
      type: 'AWS::Bedrock::Guardrail',
      ref: unresolvedMarker('Ref It'),
      attributes: { GuardrailArn: new RegExp(`^${P}:bedrock:${R}:guardrail/[a-z0-9]{12}$`) },
    },
  ])('$name', ({ type, properties, ref, attributes }) => {
    const model = templateModelOf({
      Resources: { It: { Type: type, ...(properties === undefined ? {} : { Properties: properties }) } },
    });
    expectText(model.refOf('It'), ref);
    for (const [attribute, expected] of Object.entries(attributes ?? {}))
      expectText(model.attributeOf('It', attribute), expected);
  });

  it('gives every reference of a resource the same name, in definitions and policies alike', () => {
    const model = templateModelOf({ Resources: { Fn: { Type: 'AWS::Lambda::Function' } } });
    const name = model.refOf('Fn');
    expect(model.resolve({ 'Fn::GetAtt': ['Fn', 'Arn'] })).toBe(`${P}:lambda:${R}:function:${name}`);
    expect(model.resolve({ 'Fn::Sub': '${Fn}' })).toBe(name);
    expect(templateModelOf({ Resources: { Fn: { Type: 'AWS::Lambda::Function' } } }).refOf('Fn')).toBe(name);
  });

  it('names a resource after the stack, so another stack gets another name', () => {
    const other = templateModelOf(
      { Resources: { Fn: { Type: 'AWS::Lambda::Function' } } },
      { placement: { ...PLACEMENT, stackName: 'other' } },
    );
    expect(other.refOf('Fn')).toMatch(new RegExp(`^other-Fn-${SUFFIX}$`));
  });

  it('cuts a generated name to the service limit, keeping the suffix', () => {
    const name = generatedPhysicalName(
      RESOURCE_TYPES.get('AWS::Lambda::Function'),
      { ...PLACEMENT, stackName: 'a'.repeat(100) },
      'Fn',
      false,
    );
    expect(name).toHaveLength(64);
    expect(name).toMatch(new RegExp(`^a+-${SUFFIX}$`));
  });

  it.each<{ name: string; id: string; ref: string | RegExp }>([
    { name: "SAM's generated role of a function", id: 'FnRole', ref: new RegExp(`^shop-FnRole-${SUFFIX}$`) },
    {
      name: "SAM's generated role of a state machine",
      id: 'MachineRole',
      ref: new RegExp(`^shop-MachineRole-${SUFFIX}$`),
    },
    { name: 'Fn.Alias', id: 'Fn.Alias', ref: `${P}:lambda:${R}:function:orders:live` },
    { name: 'the alias by its logical id', id: 'FnAliaslive', ref: `${P}:lambda:${R}:function:orders:live` },
    { name: 'Fn.Version', id: 'Fn.Version', ref: `${P}:lambda:${R}:function:orders:1` },
  ])('knows the resources SAM adds: $name', ({ id, ref }) => {
    const model = templateModelOf({
      Transform: 'AWS::Serverless-2016-10-31',
      Resources: {
        Fn: { Type: 'AWS::Serverless::Function', Properties: { FunctionName: 'orders', AutoPublishAlias: 'live' } },
        Machine: { Type: 'AWS::Serverless::StateMachine', Properties: { Definition: {} } },
      },
    });
    expectText(model.resolve({ Ref: id }), ref);
    expect(model.resources.has(id)).toBe(false);
  });

  it('takes AutoPublishAlias and RolePath from Globals.Function, as SAM merges them', () => {
    const model = templateModelOf({
      Globals: { Function: { AutoPublishAlias: 'prod', RolePath: '/g/' } },
      Resources: { Fn: { Type: 'AWS::Serverless::Function', Properties: { FunctionName: 'orders' } } },
    });
    expect(model.resolve({ Ref: 'Fn.Alias' })).toBe(`${P}:lambda:${R}:function:orders:prod`);
    expect(model.attributeOf('FnRole', 'Arn')).toMatch(
      new RegExp(`^arn:aws:iam::111122223333:role/g/shop-FnRole-${SUFFIX}$`),
    );
  });

  it("gives SAM's generated role its RolePath", () => {
    const model = templateModelOf({
      Resources: { Fn: { Type: 'AWS::Serverless::Function', Properties: { RolePath: '/apps/' } } },
    });
    expect(model.attributeOf('FnRole', 'Arn')).toMatch(
      new RegExp(`^arn:aws:iam::111122223333:role/apps/shop-FnRole-${SUFFIX}$`),
    );
  });

  it('uses the partition of the placement, and its URL suffix', () => {
    const model = templateModelOf(
      { Resources: { Q: { Type: 'AWS::SQS::Queue', Properties: { QueueName: 'q' } } } },
      { placement: { partition: 'aws-cn', region: 'cn-north-1', account: '111122223333', stackName: 'shop' } },
    );
    expect(model.refOf('Q')).toBe('https://sqs.cn-north-1.amazonaws.com.cn/111122223333/q');
    expect(model.attributeOf('Q', 'Arn')).toBe('arn:aws-cn:sqs:cn-north-1:111122223333:q');
  });

  it('answers undefined for an attribute the type does not have, and for an id that is no resource', () => {
    const model = templateModelOf({ Resources: { Q: { Type: 'AWS::SQS::Queue' } } });
    expect(model.attributeOf('Q', 'constructor')).toBeUndefined();
    expect(model.attributeOf('Nope', 'Arn')).toBeUndefined();
    expect(model.refOf('Nope')).toBeUndefined();
  });
});
