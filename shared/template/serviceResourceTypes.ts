import { arn, doc, named, type ResourceFacts, type ResourceType, text, type Value } from './resourceTypeKit.js';
import { LOWER_ALPHANUMERIC, MIXED_ALPHANUMERIC, UPPER_ALPHANUMERIC } from './stableId.js';

const restApi: ResourceType = {
  source: doc('apigateway-restapi'),
  ref: (r) => r.id('api', LOWER_ALPHANUMERIC, 10),
  attributes: {
    RestApiId: (r) => r.id('api', LOWER_ALPHANUMERIC, 10),
    RootResourceId: (r) => r.id('root', LOWER_ALPHANUMERIC, 10),
  },
};
const httpApi: ResourceType = {
  source: doc('apigatewayv2-api'),
  ref: (r) => r.id('api', LOWER_ALPHANUMERIC, 10),
  attributes: {
    ApiId: (r) => r.id('api', LOWER_ALPHANUMERIC, 10),
    ApiEndpoint: (r) => `https://${r.id('api', LOWER_ALPHANUMERIC, 10)}.execute-api.${r.region}.${r.urlSuffix}`,
  },
};
const sagemaker = (page: string, resource: string, attribute: string, nameProperty: string): ResourceType => ({
  source: doc(page),
  nameProperty,
  maxLength: 63,
  // SageMaker writes names in lower case in its ARNs (arn:aws:sagemaker:us-west-2:012345678901:model/mymodel).
  ref: (r) => arn(r, 'sagemaker', `${resource}/${r.name.toLowerCase()}`),
  attributes: { [attribute]: named },
});

/** The types state machines and their roles reference, by CloudFormation (or SAM) type name. */
/** Containers, jobs, analytics, APIs, keys, secrets, parameters, Bedrock and network types. */
export const SERVICE_RESOURCE_TYPES: readonly (readonly [string, ResourceType])[] = [
  ...(
    [
      ['AWS::ECS::Cluster', 'ecs-cluster', 'ClusterName', 'ecs', 'cluster/', 'Arn'],
      ['AWS::CodeBuild::Project', 'codebuild-project', 'Name', 'codebuild', 'project/', 'Arn'],
      ['AWS::Logs::LogGroup', 'logs-loggroup', 'LogGroupName', 'logs', 'log-group:', 'Arn'],
      ['AWS::Kinesis::Stream', 'kinesis-stream', 'Name', 'kinesis', 'stream/', 'Arn'],
      [
        'AWS::KinesisFirehose::DeliveryStream',
        'kinesisfirehose-deliverystream',
        'DeliveryStreamName',
        'firehose',
        'deliverystream/',
        'Arn',
      ],
      ['AWS::EKS::Cluster', 'eks-cluster', 'Name', 'eks', 'cluster/', 'Arn'],
      ['AWS::ECR::Repository', 'ecr-repository', 'RepositoryName', 'ecr', 'repository/', 'Arn'],
    ] as const
  ).map(
    ([type, page, nameProperty, service, prefix, attribute]) =>
      [
        type,
        {
          source: doc(page),
          nameProperty,
          ...(service === 'ecr' ? { lowercase: true } : {}),
          ...(service === 'logs' ? { maxLength: 512 } : service === 'firehose' ? { maxLength: 64 } : {}),
          ref: named,
          attributes: {
            // A log group's ARN as Fn::GetAtt returns it ends in `:*`.
            [attribute]: (r: ResourceFacts) => arn(r, service, `${prefix}${r.name}${service === 'logs' ? ':*' : ''}`),
            ...(service === 'ecr'
              ? { RepositoryUri: (r: ResourceFacts) => `${r.account}.dkr.ecr.${r.region}.${r.urlSuffix}/${r.name}` }
              : {}),
          },
        } satisfies ResourceType,
      ] as const,
  ),
  [
    'AWS::ECS::TaskDefinition',
    {
      source: doc('ecs-taskdefinition'),
      nameProperty: 'Family',
      ref: (r) => arn(r, 'ecs', `task-definition/${r.name}:1`),
      attributes: { TaskDefinitionArn: (r) => arn(r, 'ecs', `task-definition/${r.name}:1`) },
    },
  ],
  [
    'AWS::Batch::JobQueue',
    {
      source: doc('batch-jobqueue'),
      nameProperty: 'JobQueueName',
      maxLength: 128,
      ref: (r) => arn(r, 'batch', `job-queue/${r.name}`),
      attributes: { JobQueueArn: (r) => arn(r, 'batch', `job-queue/${r.name}`) },
    },
  ],
  [
    'AWS::Batch::JobDefinition',
    {
      source: doc('batch-jobdefinition'),
      nameProperty: 'JobDefinitionName',
      maxLength: 128,
      ref: (r) => arn(r, 'batch', `job-definition/${r.name}:1`),
      attributes: {},
    },
  ],
  [
    'AWS::Batch::ComputeEnvironment',
    {
      source: doc('batch-computeenvironment'),
      nameProperty: 'ComputeEnvironmentName',
      maxLength: 128,
      ref: (r) => arn(r, 'batch', `compute-environment/${r.name}`),
      attributes: {},
    },
  ],
  ...(
    [
      ['AWS::Glue::Job', 'glue-job'],
      ['AWS::Glue::Crawler', 'glue-crawler'],
      ['AWS::Athena::WorkGroup', 'athena-workgroup'],
      ['AWS::DataBrew::Job', 'databrew-job'],
    ] as const
  ).map(([type, page]) => [type, { source: doc(page), nameProperty: 'Name', ref: named, attributes: {} }] as const),
  [
    'AWS::SageMaker::Pipeline',
    { source: doc('sagemaker-pipeline'), nameProperty: 'PipelineName', ref: named, attributes: {} },
  ],
  ['AWS::SageMaker::Model', sagemaker('sagemaker-model', 'model', 'ModelName', 'ModelName')],
  ['AWS::SageMaker::Endpoint', sagemaker('sagemaker-endpoint', 'endpoint', 'EndpointName', 'EndpointName')],
  [
    'AWS::SageMaker::EndpointConfig',
    sagemaker('sagemaker-endpointconfig', 'endpoint-config', 'EndpointConfigName', 'EndpointConfigName'),
  ],
  [
    'AWS::KMS::Key',
    {
      source: doc('kms-key'),
      ref: (r) => r.uuid('key'),
      attributes: { Arn: (r) => arn(r, 'kms', `key/${r.uuid('key')}`), KeyId: (r) => r.uuid('key') },
    },
  ],
  ['AWS::KMS::Alias', { source: doc('kms-alias'), nameProperty: 'AliasName', ref: named, attributes: {} }],
  [
    'AWS::SecretsManager::Secret',
    {
      source: doc('secretsmanager-secret'),
      nameProperty: 'Name',
      maxLength: 512,
      ref: (r) => arn(r, 'secretsmanager', `secret:${r.name}-${r.id('suffix', MIXED_ALPHANUMERIC, 6)}`),
      attributes: { Id: (r) => arn(r, 'secretsmanager', `secret:${r.name}-${r.id('suffix', MIXED_ALPHANUMERIC, 6)}`) },
    },
  ],
  [
    'AWS::SSM::Parameter',
    {
      source: doc('ssm-parameter'),
      nameProperty: 'Name',
      maxLength: 2048,
      ref: named,
      attributes: {
        Type: (r) => text(r.property('Type')) ?? r.unknown('SSM parameter Type'),
        Value: (r) => text(r.property('Value')) ?? r.unknown('SSM parameter Value'),
      },
    },
  ],
  [
    'AWS::EMR::Cluster',
    {
      source: doc('emr-cluster'),
      ref: (r) => `j-${r.id('cluster', UPPER_ALPHANUMERIC, 13)}`,
      attributes: {},
    },
  ],
  [
    'AWS::EMRServerless::Application',
    {
      source: doc('emrserverless-application'),
      ref: (r) => r.id('application', LOWER_ALPHANUMERIC, 16),
      attributes: {
        ApplicationId: (r) => r.id('application', LOWER_ALPHANUMERIC, 16),
        Arn: (r) => arn(r, 'emr-serverless', `/applications/${r.id('application', LOWER_ALPHANUMERIC, 16)}`),
      },
    },
  ],
  [
    'AWS::EMRContainers::VirtualCluster',
    {
      source: doc('emrcontainers-virtualcluster'),
      ref: (r) => r.id('cluster', LOWER_ALPHANUMERIC, 25),
      attributes: {
        Id: (r) => r.id('cluster', LOWER_ALPHANUMERIC, 25),
        Arn: (r) => arn(r, 'emr-containers', `/virtualclusters/${r.id('cluster', LOWER_ALPHANUMERIC, 25)}`),
      },
    },
  ],
  ['AWS::ApiGateway::RestApi', restApi],
  [
    'AWS::Serverless::Api',
    {
      ...restApi,
      source: 'https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-api.html',
    },
  ],
  ['AWS::ApiGatewayV2::Api', httpApi],
  [
    'AWS::Serverless::HttpApi',
    {
      ...httpApi,
      source:
        'https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-httpapi.html',
    },
  ],
  [
    'AWS::Bedrock::Guardrail',
    {
      source: doc('bedrock-guardrail'),
      attributes: {
        GuardrailArn: (r) => arn(r, 'bedrock', `guardrail/${r.id('guardrail', LOWER_ALPHANUMERIC, 12)}`),
        GuardrailId: (r) => r.id('guardrail', LOWER_ALPHANUMERIC, 12),
      },
    },
  ],
  [
    'AWS::Bedrock::Agent',
    {
      source: doc('bedrock-agent'),
      attributes: {
        AgentArn: (r) => arn(r, 'bedrock', `agent/${r.id('agent', UPPER_ALPHANUMERIC, 10)}`),
        AgentId: (r) => r.id('agent', UPPER_ALPHANUMERIC, 10),
      },
    },
  ],
  [
    'AWS::Bedrock::KnowledgeBase',
    {
      source: doc('bedrock-knowledgebase'),
      attributes: {
        KnowledgeBaseArn: (r) => arn(r, 'bedrock', `knowledge-base/${r.id('kb', UPPER_ALPHANUMERIC, 10)}`),
        KnowledgeBaseId: (r) => r.id('kb', UPPER_ALPHANUMERIC, 10),
      },
    },
  ],
  ...(
    [
      ['AWS::EC2::SecurityGroup', 'ec2-securitygroup', 'sg-', 'GroupId'],
      ['AWS::EC2::Subnet', 'ec2-subnet', 'subnet-', 'SubnetId'],
      ['AWS::EC2::VPC', 'ec2-vpc', 'vpc-', 'VpcId'],
    ] as const
  ).map(([type, page, prefix, attribute]) => {
    const id: Value = (r) => `${prefix}${r.id('id', '0123456789abcdef', 17)}`;
    return [type, { source: doc(page), ref: id, attributes: { [attribute]: id } }] as const;
  }),
];
