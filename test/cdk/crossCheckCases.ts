import {
  aws_apigateway as apigateway,
  aws_bedrock as bedrock,
  aws_codebuild as codebuild,
  Duration,
  aws_dynamodb as dynamodb,
  aws_ec2 as ec2,
  aws_ecs as ecs,
  aws_eks as eks,
  aws_events as events,
  aws_iam as iam,
  aws_lambda as lambda,
  aws_logs as logs,
  SecretValue,
  Stack,
  aws_s3 as s3,
  aws_stepfunctions as sfn,
  aws_sns as sns,
  aws_sqs as sqs,
  aws_stepfunctions_tasks as tasks,
} from 'aws-cdk-lib';
import type { Construct } from 'constructs';

/** How a case's task is integrated (`-` for constructs without a pattern choice, such as the Dynamo tasks). */
export type Pattern = 'REQUEST_RESPONSE' | 'RUN_JOB' | 'WAIT_FOR_TASK_TOKEN' | '-';

/** One state machine of the cross-check: one construct, one pattern, literal or run-time resource names. */
export type CrossCheckCase = {
  name: string;
  construct: string;
  pattern: Pattern;
  resources: 'static' | 'dynamic';
  /** Builds the state machine's body inside `scope` (each case has its own scope and so its own resources). */
  build: (scope: Construct) => sfn.IChainable;
  stateMachineProps?: (scope: Construct) => Partial<sfn.StateMachineProps>;
};

const ACCOUNT = '111122223333';
const REGION = 'eu-west-1';
const { REQUEST_RESPONSE, RUN_JOB, WAIT_FOR_TASK_TOKEN } = sfn.IntegrationPattern;
const at = (path: string) => sfn.JsonPath.stringAt(path);
const TOKEN_PAYLOAD = sfn.TaskInput.fromObject({ token: sfn.JsonPath.taskToken });

const importedFunction = (scope: Construct) =>
  lambda.Function.fromFunctionArn(scope, 'Fn', `arn:aws:lambda:${REGION}:${ACCOUNT}:function:orders`);
const inlineFunction = (scope: Construct) =>
  new lambda.Function(scope, 'Fn', {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => ({});'),
  });
const table = (scope: Construct) =>
  new dynamodb.Table(scope, 'Table', { partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING } });
const KEY = { pk: tasks.DynamoAttributeValue.fromString('order-1') };
const bucket = (scope: Construct) => new s3.Bucket(scope, 'Bucket');
const vpc = (scope: Construct) =>
  ec2.Vpc.fromVpcAttributes(scope, 'Vpc', {
    vpcId: 'vpc-0123456789abcdef0',
    availabilityZones: ['eu-west-1a', 'eu-west-1b'],
    privateSubnetIds: ['subnet-0aaaaaaaaaaaaaaa1', 'subnet-0aaaaaaaaaaaaaaa2'],
  });
const eksCluster = (scope: Construct) =>
  eks.Cluster.fromClusterAttributes(scope, 'Eks', {
    clusterName: 'analytics',
    clusterEndpoint: 'https://ABCDEF0123456789.gr7.eu-west-1.eks.amazonaws.com',
    clusterCertificateAuthorityData: 'Y2VydGlmaWNhdGU=',
  });
const childStateMachine = (scope: Construct) =>
  new sfn.StateMachine(scope, 'Child', {
    stateMachineName: 'child',
    definitionBody: sfn.DefinitionBody.fromChainable(new sfn.Pass(scope, 'ChildPass')),
  });
const sagemakerImage = tasks.DockerImage.fromRegistry(`${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/trainer:1`);
const emrExecutionRole = (scope: Construct) =>
  iam.Role.fromRoleArn(scope, 'JobRole', `arn:aws:iam::${ACCOUNT}:role/emr-job`, { mutable: false });

function ecsRunTask(scope: Construct, pattern: sfn.IntegrationPattern, revision: boolean): tasks.EcsRunTask {
  const cluster = ecs.Cluster.fromClusterAttributes(scope, 'Cluster', {
    clusterName: 'jobs',
    vpc: vpc(scope),
    securityGroups: [],
  });
  const taskDefinition = new ecs.FargateTaskDefinition(scope, 'TaskDef', { family: 'report', cpu: 256 });
  taskDefinition.addContainer('app', {
    image: ecs.ContainerImage.fromRegistry('public.ecr.aws/docker/library/busybox'),
  });
  return new tasks.EcsRunTask(scope, 'Task', {
    cluster,
    taskDefinition,
    ...(revision ? { revisionNumber: 1 } : {}),
    launchTarget: new tasks.EcsFargateLaunchTarget({ platformVersion: ecs.FargatePlatformVersion.LATEST }),
    integrationPattern: pattern,
    ...(pattern === WAIT_FOR_TASK_TOKEN
      ? {
          containerOverrides: [
            {
              containerDefinition: taskDefinition.defaultContainer!,
              environment: [{ name: 'TOKEN', value: sfn.JsonPath.taskToken }],
            },
          ],
        }
      : {}),
  });
}

function batch(scope: Construct, pattern: sfn.IntegrationPattern, dynamic: boolean): tasks.BatchSubmitJob {
  return new tasks.BatchSubmitJob(scope, 'Task', {
    jobName: 'nightly',
    jobDefinitionArn: dynamic ? at('$.jobDefinition') : `arn:aws:batch:${REGION}:${ACCOUNT}:job-definition/nightly:3`,
    jobQueueArn: dynamic ? at('$.jobQueue') : `arn:aws:batch:${REGION}:${ACCOUNT}:job-queue/default`,
    integrationPattern: pattern,
  });
}

function trainingJob(scope: Construct, pattern: sfn.IntegrationPattern, dynamic: boolean) {
  const data = bucket(scope);
  return new tasks.SageMakerCreateTrainingJob(scope, 'Task', {
    trainingJobName: dynamic ? at('$.jobName') : 'train-1',
    algorithmSpecification: { trainingImage: sagemakerImage },
    inputDataConfig: [
      {
        channelName: 'train',
        dataSource: { s3DataSource: { s3Location: tasks.S3Location.fromBucket(data, 'train/') } },
      },
    ],
    outputDataConfig: { s3OutputLocation: tasks.S3Location.fromBucket(data, 'model/') },
    integrationPattern: pattern,
  });
}

function transformJob(scope: Construct, pattern: sfn.IntegrationPattern) {
  const data = bucket(scope);
  return new tasks.SageMakerCreateTransformJob(scope, 'Task', {
    transformJobName: 'transform-1',
    modelName: 'model-1',
    transformInput: {
      transformDataSource: {
        s3DataSource: { s3Uri: data.s3UrlForObject('in/'), s3DataType: tasks.S3DataType.S3_PREFIX },
      },
    },
    transformOutput: { s3OutputPath: data.s3UrlForObject('out/') },
    integrationPattern: pattern,
  });
}

function emrCreateCluster(scope: Construct, pattern: sfn.IntegrationPattern) {
  return new tasks.EmrCreateCluster(scope, 'Task', {
    name: 'analytics',
    releaseLabel: 'emr-6.15.0',
    instances: { instanceCount: 1, masterInstanceType: 'm5.xlarge' },
    integrationPattern: pattern,
  });
}

function mediaConvert(scope: Construct, pattern: sfn.IntegrationPattern) {
  return new tasks.MediaConvertCreateJob(scope, 'Task', {
    createJobRequest: {
      Role: `arn:aws:iam::${ACCOUNT}:role/media-convert`,
      Settings: { OutputGroups: [], Inputs: [] },
    },
    integrationPattern: pattern,
  });
}

function distributedMap(scope: Construct) {
  const data = bucket(scope);
  const map = new sfn.DistributedMap(scope, 'Map', {
    itemReader: new sfn.S3JsonItemReader({ bucket: data, key: 'items.json' }),
    resultWriterV2: new sfn.ResultWriterV2({ bucket: data, prefix: 'results' }),
  });
  map.itemProcessor(new sfn.Pass(scope, 'Item'));
  return map;
}

/**
 * The cross-check's table: at least one row per `aws-stepfunctions-tasks` construct and integration pattern CDK
 * supports, with static and (where the construct takes a name string) dynamic resources.
 */
export const CROSS_CHECK_CASES: CrossCheckCase[] = [
  // Lambda
  ...([REQUEST_RESPONSE, WAIT_FOR_TASK_TOKEN] as const).map((pattern) => ({
    name: `LambdaInvoke ${pattern} imported`,
    construct: 'LambdaInvoke',
    pattern,
    resources: 'static' as const,
    build: (s: Construct) =>
      new tasks.LambdaInvoke(s, 'Task', {
        lambdaFunction: importedFunction(s),
        integrationPattern: pattern,
        ...(pattern === WAIT_FOR_TASK_TOKEN ? { payload: TOKEN_PAYLOAD } : {}),
      }),
  })),
  {
    name: 'LambdaInvoke REQUEST_RESPONSE inline function',
    construct: 'LambdaInvoke',
    pattern: 'REQUEST_RESPONSE',
    resources: 'static',
    build: (s) => new tasks.LambdaInvoke(s, 'Task', { lambdaFunction: inlineFunction(s) }),
  },
  {
    name: 'LambdaInvoke REQUEST_RESPONSE qualified alias',
    construct: 'LambdaInvoke',
    pattern: 'REQUEST_RESPONSE',
    resources: 'static',
    build: (s) =>
      new tasks.LambdaInvoke(s, 'Task', {
        lambdaFunction: lambda.Function.fromFunctionArn(
          s,
          'Fn',
          `arn:aws:lambda:${REGION}:${ACCOUNT}:function:orders:live`,
        ),
      }),
  },
  // DynamoDB
  {
    name: 'DynamoGetItem',
    construct: 'DynamoGetItem',
    pattern: '-',
    resources: 'static',
    build: (s) => new tasks.DynamoGetItem(s, 'Task', { table: table(s), key: KEY }),
  },
  {
    name: 'DynamoPutItem',
    construct: 'DynamoPutItem',
    pattern: '-',
    resources: 'static',
    build: (s) => new tasks.DynamoPutItem(s, 'Task', { table: table(s), item: KEY }),
  },
  {
    name: 'DynamoUpdateItem',
    construct: 'DynamoUpdateItem',
    pattern: '-',
    resources: 'static',
    build: (s) =>
      new tasks.DynamoUpdateItem(s, 'Task', {
        table: table(s),
        key: KEY,
        updateExpression: 'SET n = :n',
        expressionAttributeValues: { ':n': tasks.DynamoAttributeValue.fromNumber(1) },
      }),
  },
  {
    name: 'DynamoDeleteItem',
    construct: 'DynamoDeleteItem',
    pattern: '-',
    resources: 'static',
    build: (s) => new tasks.DynamoDeleteItem(s, 'Task', { table: table(s), key: KEY }),
  },
  // SQS, SNS
  ...([REQUEST_RESPONSE, WAIT_FOR_TASK_TOKEN] as const).map((pattern) => ({
    name: `SqsSendMessage ${pattern}`,
    construct: 'SqsSendMessage',
    pattern,
    resources: 'static' as const,
    build: (s: Construct) =>
      new tasks.SqsSendMessage(s, 'Task', {
        queue: new sqs.Queue(s, 'Queue'),
        messageBody: pattern === WAIT_FOR_TASK_TOKEN ? TOKEN_PAYLOAD : sfn.TaskInput.fromText('hello'),
        integrationPattern: pattern,
      }),
  })),
  ...([REQUEST_RESPONSE, WAIT_FOR_TASK_TOKEN] as const).map((pattern) => ({
    name: `SnsPublish ${pattern}`,
    construct: 'SnsPublish',
    pattern,
    resources: 'static' as const,
    build: (s: Construct) =>
      new tasks.SnsPublish(s, 'Task', {
        topic: new sns.Topic(s, 'Topic'),
        message: pattern === WAIT_FOR_TASK_TOKEN ? TOKEN_PAYLOAD : sfn.TaskInput.fromText('hello'),
        integrationPattern: pattern,
      }),
  })),
  // ECS
  ...([REQUEST_RESPONSE, RUN_JOB, WAIT_FOR_TASK_TOKEN] as const).flatMap((pattern) =>
    [false, true].map((revision) => ({
      name: `EcsRunTask Fargate ${pattern} ${revision ? 'revision' : 'family-only'}`,
      construct: 'EcsRunTask',
      pattern,
      resources: 'static' as const,
      build: (s: Construct) => ecsRunTask(s, pattern, revision),
    })),
  ),
  // Batch
  ...([REQUEST_RESPONSE, RUN_JOB] as const).flatMap((pattern) =>
    [false, true].map((dynamic) => ({
      name: `BatchSubmitJob ${pattern} ${dynamic ? 'dynamic' : 'static'}`,
      construct: 'BatchSubmitJob',
      pattern,
      resources: dynamic ? ('dynamic' as const) : ('static' as const),
      build: (s: Construct) => batch(s, pattern, dynamic),
    })),
  ),
  // Glue, DataBrew
  ...([REQUEST_RESPONSE, RUN_JOB] as const).flatMap((pattern) =>
    [false, true].map((dynamic) => ({
      name: `GlueStartJobRun ${pattern} ${dynamic ? 'dynamic' : 'static'}`,
      construct: 'GlueStartJobRun',
      pattern,
      resources: dynamic ? ('dynamic' as const) : ('static' as const),
      build: (s: Construct) =>
        new tasks.GlueStartJobRun(s, 'Task', {
          glueJobName: dynamic ? at('$.job') : 'etl',
          integrationPattern: pattern,
        }),
    })),
  ),
  {
    name: 'GlueStartCrawlerRun',
    construct: 'GlueStartCrawlerRun',
    pattern: '-',
    resources: 'static',
    build: (s) => new tasks.GlueStartCrawlerRun(s, 'Task', { crawlerName: 'orders-crawler' }),
  },
  ...([REQUEST_RESPONSE, RUN_JOB] as const).flatMap((pattern) =>
    [false, true].map((dynamic) => ({
      name: `GlueDataBrewStartJobRun ${pattern} ${dynamic ? 'dynamic' : 'static'}`,
      construct: 'GlueDataBrewStartJobRun',
      pattern,
      resources: dynamic ? ('dynamic' as const) : ('static' as const),
      build: (s: Construct) =>
        new tasks.GlueDataBrewStartJobRun(s, 'Task', {
          name: dynamic ? at('$.job') : 'clean',
          integrationPattern: pattern,
        }),
    })),
  ),
  // Athena
  ...([REQUEST_RESPONSE, RUN_JOB] as const).map((pattern) => ({
    name: `AthenaStartQueryExecution ${pattern}`,
    construct: 'AthenaStartQueryExecution',
    pattern,
    resources: 'static' as const,
    build: (s: Construct) =>
      new tasks.AthenaStartQueryExecution(s, 'Task', {
        queryString: 'SELECT 1',
        workGroup: 'primary',
        queryExecutionContext: { databaseName: 'sales' },
        resultConfiguration: { outputLocation: { bucketName: 'athena-results', objectKey: 'out/' } },
        integrationPattern: pattern,
      }),
  })),
  {
    name: 'AthenaGetQueryExecution',
    construct: 'AthenaGetQueryExecution',
    pattern: 'REQUEST_RESPONSE',
    resources: 'dynamic',
    build: (s) => new tasks.AthenaGetQueryExecution(s, 'Task', { queryExecutionId: at('$.id') }),
  },
  {
    name: 'AthenaGetQueryResults',
    construct: 'AthenaGetQueryResults',
    pattern: 'REQUEST_RESPONSE',
    resources: 'dynamic',
    build: (s) => new tasks.AthenaGetQueryResults(s, 'Task', { queryExecutionId: at('$.id') }),
  },
  {
    name: 'AthenaStopQueryExecution',
    construct: 'AthenaStopQueryExecution',
    pattern: 'REQUEST_RESPONSE',
    resources: 'dynamic',
    build: (s) => new tasks.AthenaStopQueryExecution(s, 'Task', { queryExecutionId: at('$.id') }),
  },
  // SageMaker
  ...([REQUEST_RESPONSE, RUN_JOB] as const).flatMap((pattern) =>
    [false, true].map((dynamic) => ({
      name: `SageMakerCreateTrainingJob ${pattern} ${dynamic ? 'dynamic' : 'static'}`,
      construct: 'SageMakerCreateTrainingJob',
      pattern,
      resources: dynamic ? ('dynamic' as const) : ('static' as const),
      build: (s: Construct) => trainingJob(s, pattern, dynamic),
    })),
  ),
  ...([REQUEST_RESPONSE, RUN_JOB] as const).map((pattern) => ({
    name: `SageMakerCreateTransformJob ${pattern}`,
    construct: 'SageMakerCreateTransformJob',
    pattern,
    resources: 'static' as const,
    build: (s: Construct) => transformJob(s, pattern),
  })),
  ...[false, true].map((dynamic) => ({
    name: `SageMakerCreateEndpoint ${dynamic ? 'dynamic' : 'static'}`,
    construct: 'SageMakerCreateEndpoint',
    pattern: 'REQUEST_RESPONSE' as const,
    resources: dynamic ? ('dynamic' as const) : ('static' as const),
    build: (s: Construct) =>
      new tasks.SageMakerCreateEndpoint(s, 'Task', {
        endpointName: dynamic ? at('$.endpoint') : 'orders',
        endpointConfigName: dynamic ? at('$.config') : 'orders-v1',
      }),
  })),
  {
    name: 'SageMakerCreateEndpointConfig',
    construct: 'SageMakerCreateEndpointConfig',
    pattern: 'REQUEST_RESPONSE',
    resources: 'static',
    build: (s) =>
      new tasks.SageMakerCreateEndpointConfig(s, 'Task', {
        endpointConfigName: 'orders-v1',
        productionVariants: [
          {
            modelName: 'model-1',
            variantName: 'main',
            instanceType: ec2.InstanceType.of(ec2.InstanceClass.M5, ec2.InstanceSize.XLARGE),
          },
        ],
      }),
  },
  {
    name: 'SageMakerCreateModel',
    construct: 'SageMakerCreateModel',
    pattern: 'REQUEST_RESPONSE',
    resources: 'static',
    build: (s) =>
      new tasks.SageMakerCreateModel(s, 'Task', {
        modelName: 'model-1',
        primaryContainer: new tasks.ContainerDefinition({ image: sagemakerImage }),
      }),
  },
  {
    name: 'SageMakerUpdateEndpoint',
    construct: 'SageMakerUpdateEndpoint',
    pattern: 'REQUEST_RESPONSE',
    resources: 'static',
    build: (s) =>
      new tasks.SageMakerUpdateEndpoint(s, 'Task', { endpointName: 'orders', endpointConfigName: 'orders-v2' }),
  },
  // EMR
  ...([REQUEST_RESPONSE, RUN_JOB] as const).map((pattern) => ({
    name: `EmrCreateCluster ${pattern}`,
    construct: 'EmrCreateCluster',
    pattern,
    resources: 'static' as const,
    build: (s: Construct) => emrCreateCluster(s, pattern),
  })),
  ...([REQUEST_RESPONSE, RUN_JOB] as const).flatMap((pattern) =>
    [false, true].map((dynamic) => ({
      name: `EmrAddStep ${pattern} ${dynamic ? 'dynamic' : 'static'}`,
      construct: 'EmrAddStep',
      pattern,
      resources: dynamic ? ('dynamic' as const) : ('static' as const),
      build: (s: Construct) =>
        new tasks.EmrAddStep(s, 'Task', {
          clusterId: dynamic ? at('$.clusterId') : 'j-1ABCDEFGHIJKL',
          name: 'step',
          jar: 'command-runner.jar',
          args: ['spark-submit', 's3://code/job.py'],
          integrationPattern: pattern,
        }),
    })),
  ),
  {
    name: 'EmrCancelStep',
    construct: 'EmrCancelStep',
    pattern: 'REQUEST_RESPONSE',
    resources: 'static',
    build: (s) => new tasks.EmrCancelStep(s, 'Task', { clusterId: 'j-1ABCDEFGHIJKL', stepId: at('$.stepId') }),
  },
  ...([REQUEST_RESPONSE, RUN_JOB] as const).map((pattern) => ({
    name: `EmrTerminateCluster ${pattern}`,
    construct: 'EmrTerminateCluster',
    pattern,
    resources: 'static' as const,
    build: (s: Construct) =>
      new tasks.EmrTerminateCluster(s, 'Task', { clusterId: 'j-1ABCDEFGHIJKL', integrationPattern: pattern }),
  })),
  {
    name: 'EmrSetClusterTerminationProtection',
    construct: 'EmrSetClusterTerminationProtection',
    pattern: 'REQUEST_RESPONSE',
    resources: 'dynamic',
    build: (s) =>
      new tasks.EmrSetClusterTerminationProtection(s, 'Task', {
        clusterId: at('$.clusterId'),
        terminationProtected: false,
      }),
  },
  {
    name: 'EmrModifyInstanceFleetByName',
    construct: 'EmrModifyInstanceFleetByName',
    pattern: 'REQUEST_RESPONSE',
    resources: 'static',
    build: (s) =>
      new tasks.EmrModifyInstanceFleetByName(s, 'Task', {
        clusterId: 'j-1ABCDEFGHIJKL',
        instanceFleetName: 'core',
        targetOnDemandCapacity: 2,
        targetSpotCapacity: 0,
      }),
  },
  {
    name: 'EmrModifyInstanceGroupByName',
    construct: 'EmrModifyInstanceGroupByName',
    pattern: 'REQUEST_RESPONSE',
    resources: 'static',
    build: (s) =>
      new tasks.EmrModifyInstanceGroupByName(s, 'Task', {
        clusterId: 'j-1ABCDEFGHIJKL',
        instanceGroupName: 'core',
        instanceGroup: { instanceCount: 2 },
      }),
  },
  // EMR on EKS
  ...([REQUEST_RESPONSE, RUN_JOB] as const).flatMap((pattern) =>
    [false, true].map((dynamic) => ({
      name: `EmrContainersStartJobRun ${pattern} ${dynamic ? 'dynamic' : 'static'}`,
      construct: 'EmrContainersStartJobRun',
      pattern,
      resources: dynamic ? ('dynamic' as const) : ('static' as const),
      build: (s: Construct) =>
        new tasks.EmrContainersStartJobRun(s, 'Task', {
          virtualCluster: dynamic
            ? tasks.VirtualClusterInput.fromTaskInput(sfn.TaskInput.fromJsonPathAt('$.virtualClusterId'))
            : tasks.VirtualClusterInput.fromVirtualClusterId('abcdefghijklmnopqrstuvwxy'),
          releaseLabel: tasks.ReleaseLabel.EMR_6_2_0,
          executionRole: emrExecutionRole(s),
          jobDriver: { sparkSubmitJobDriver: { entryPoint: sfn.TaskInput.fromText('local:///app/job.py') } },
          integrationPattern: pattern,
        }),
    })),
  ),
  {
    name: 'EmrContainersCreateVirtualCluster',
    construct: 'EmrContainersCreateVirtualCluster',
    pattern: 'REQUEST_RESPONSE',
    resources: 'static',
    build: (s) =>
      new tasks.EmrContainersCreateVirtualCluster(s, 'Task', {
        eksCluster: tasks.EksClusterInput.fromTaskInput(sfn.TaskInput.fromText('analytics')),
        eksNamespace: 'spark',
        virtualClusterName: 'spark',
      }),
  },
  ...([REQUEST_RESPONSE, RUN_JOB] as const).map((pattern) => ({
    name: `EmrContainersDeleteVirtualCluster ${pattern}`,
    construct: 'EmrContainersDeleteVirtualCluster',
    pattern,
    resources: 'dynamic' as const,
    build: (s: Construct) =>
      new tasks.EmrContainersDeleteVirtualCluster(s, 'Task', {
        virtualClusterId: sfn.TaskInput.fromJsonPathAt('$.virtualClusterId'),
        integrationPattern: pattern,
      }),
  })),
  // EKS
  {
    name: 'EksCall',
    construct: 'EksCall',
    pattern: 'REQUEST_RESPONSE',
    resources: 'static',
    build: (s) =>
      new tasks.EksCall(s, 'Task', {
        cluster: eksCluster(s),
        httpMethod: tasks.HttpMethods.GET,
        httpPath: '/api/v1/namespaces/default/pods',
      }),
  },
  // EventBridge, Scheduler
  ...([REQUEST_RESPONSE, WAIT_FOR_TASK_TOKEN] as const).map((pattern) => ({
    name: `EventBridgePutEvents ${pattern}`,
    construct: 'EventBridgePutEvents',
    pattern,
    resources: 'static' as const,
    build: (s: Construct) =>
      new tasks.EventBridgePutEvents(s, 'Task', {
        entries: [
          {
            eventBus: new events.EventBus(s, 'Bus'),
            source: 'orders',
            detailType: 'OrderPlaced',
            detail: pattern === WAIT_FOR_TASK_TOKEN ? TOKEN_PAYLOAD : sfn.TaskInput.fromObject({ id: 1 }),
          },
        ],
        integrationPattern: pattern,
      }),
  })),
  {
    name: 'EventBridgePutEvents default bus',
    construct: 'EventBridgePutEvents',
    pattern: 'REQUEST_RESPONSE',
    resources: 'static',
    build: (s) =>
      new tasks.EventBridgePutEvents(s, 'Task', {
        entries: [{ source: 'orders', detailType: 'OrderPlaced', detail: sfn.TaskInput.fromObject({ id: 1 }) }],
      }),
  },
  {
    name: 'EventBridgeSchedulerCreateScheduleTask',
    construct: 'EventBridgeSchedulerCreateScheduleTask',
    pattern: 'REQUEST_RESPONSE',
    resources: 'static',
    build: (s) =>
      new tasks.EventBridgeSchedulerCreateScheduleTask(s, 'Task', {
        scheduleName: 'nightly',
        groupName: 'jobs',
        schedule: tasks.Schedule.rate(Duration.hours(1)),
        target: new tasks.EventBridgeSchedulerTarget({
          arn: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:orders`,
          role: iam.Role.fromRoleArn(s, 'SchedulerRole', `arn:aws:iam::${ACCOUNT}:role/scheduler`),
        }),
      }),
  },
  // CodeBuild
  ...([REQUEST_RESPONSE, RUN_JOB] as const).map((pattern) => ({
    name: `CodeBuildStartBuild ${pattern}`,
    construct: 'CodeBuildStartBuild',
    pattern,
    resources: 'static' as const,
    build: (s: Construct) =>
      new tasks.CodeBuildStartBuild(s, 'Task', {
        project: new codebuild.Project(s, 'Project', {
          buildSpec: codebuild.BuildSpec.fromObject({ version: '0.2', phases: { build: { commands: ['true'] } } }),
        }),
        integrationPattern: pattern,
      }),
  })),
  ...([REQUEST_RESPONSE, RUN_JOB] as const).map((pattern) => ({
    name: `CodeBuildStartBuildBatch ${pattern}`,
    construct: 'CodeBuildStartBuildBatch',
    pattern,
    resources: 'static' as const,
    build: (s: Construct) => {
      const project = new codebuild.Project(s, 'Project', {
        buildSpec: codebuild.BuildSpec.fromObject({ version: '0.2', phases: { build: { commands: ['true'] } } }),
      });
      project.enableBatchBuilds();
      return new tasks.CodeBuildStartBuildBatch(s, 'Task', { project, integrationPattern: pattern });
    },
  })),
  // Step Functions
  ...([REQUEST_RESPONSE, RUN_JOB, WAIT_FOR_TASK_TOKEN] as const).map((pattern) => ({
    name: `StepFunctionsStartExecution ${pattern}`,
    construct: 'StepFunctionsStartExecution',
    pattern,
    resources: 'static' as const,
    build: (s: Construct) =>
      new tasks.StepFunctionsStartExecution(s, 'Task', {
        stateMachine: childStateMachine(s),
        integrationPattern: pattern,
        ...(pattern === WAIT_FOR_TASK_TOKEN ? { input: TOKEN_PAYLOAD } : {}),
      }),
  })),
  {
    name: 'StepFunctionsInvokeActivity',
    construct: 'StepFunctionsInvokeActivity',
    pattern: '-',
    resources: 'static',
    build: (s) => new tasks.StepFunctionsInvokeActivity(s, 'Task', { activity: new sfn.Activity(s, 'Activity') }),
  },
  // API Gateway, HTTP
  ...([REQUEST_RESPONSE, WAIT_FOR_TASK_TOKEN] as const).map((pattern) => ({
    name: `CallApiGatewayRestApiEndpoint ${pattern}`,
    construct: 'CallApiGatewayRestApiEndpoint',
    pattern,
    resources: 'static' as const,
    build: (s: Construct) =>
      new tasks.CallApiGatewayRestApiEndpoint(s, 'Task', {
        api: apigateway.RestApi.fromRestApiId(s, 'Api', 'a1b2c3d4e5'),
        stageName: 'prod',
        method: tasks.HttpMethod.POST,
        apiPath: '/orders',
        authType: tasks.AuthType.IAM_ROLE,
        integrationPattern: pattern,
        ...(pattern === WAIT_FOR_TASK_TOKEN
          ? { headers: sfn.TaskInput.fromObject({ TaskToken: sfn.JsonPath.array(sfn.JsonPath.taskToken) }) }
          : {}),
      }),
  })),
  ...[undefined, 'prod'].map((stageName) => ({
    name: `CallApiGatewayHttpApiEndpoint ${stageName === undefined ? 'default stage' : 'stage prod'}`,
    construct: 'CallApiGatewayHttpApiEndpoint',
    pattern: 'REQUEST_RESPONSE' as const,
    resources: 'static' as const,
    build: (s: Construct) =>
      new tasks.CallApiGatewayHttpApiEndpoint(s, 'Task', {
        apiId: 'f6g7h8i9j0',
        apiStack: Stack.of(s),
        ...(stageName === undefined ? {} : { stageName }),
        method: tasks.HttpMethod.GET,
        apiPath: '/orders',
        authType: tasks.AuthType.IAM_ROLE,
      }),
  })),
  {
    name: 'CallApiGatewayHttpApiEndpoint WAIT_FOR_TASK_TOKEN stage prod',
    construct: 'CallApiGatewayHttpApiEndpoint',
    pattern: 'WAIT_FOR_TASK_TOKEN',
    resources: 'static',
    build: (s) =>
      new tasks.CallApiGatewayHttpApiEndpoint(s, 'Task', {
        apiId: 'f6g7h8i9j0',
        apiStack: Stack.of(s),
        stageName: 'prod',
        method: tasks.HttpMethod.POST,
        apiPath: '/orders',
        authType: tasks.AuthType.IAM_ROLE,
        integrationPattern: WAIT_FOR_TASK_TOKEN,
        headers: sfn.TaskInput.fromObject({ TaskToken: sfn.JsonPath.array(sfn.JsonPath.taskToken) }),
      }),
  },
  {
    name: 'HttpInvoke',
    construct: 'HttpInvoke',
    pattern: 'REQUEST_RESPONSE',
    resources: 'static',
    build: (s) =>
      new tasks.HttpInvoke(s, 'Task', {
        apiRoot: 'https://api.example.com',
        apiEndpoint: sfn.TaskInput.fromText('v1/orders'),
        method: sfn.TaskInput.fromText('GET'),
        connection: new events.Connection(s, 'Connection', {
          authorization: events.Authorization.apiKey('x-api-key', SecretValue.unsafePlainText('not-a-secret')),
        }),
      }),
  },
  // Bedrock, MediaConvert
  {
    name: 'BedrockInvokeModel foundation model',
    construct: 'BedrockInvokeModel',
    pattern: 'REQUEST_RESPONSE',
    resources: 'static',
    build: (s) =>
      new tasks.BedrockInvokeModel(s, 'Task', {
        model: bedrock.FoundationModel.fromFoundationModelId(
          s,
          'Model',
          bedrock.FoundationModelIdentifier.ANTHROPIC_CLAUDE_3_HAIKU_20240307_V1_0,
        ),
        body: sfn.TaskInput.fromObject({ prompt: 'hello' }),
      }),
  },
  ...([REQUEST_RESPONSE, RUN_JOB] as const).map((pattern) => ({
    name: `BedrockCreateModelCustomizationJob ${pattern}`,
    construct: 'BedrockCreateModelCustomizationJob',
    pattern,
    resources: 'static' as const,
    build: (s: Construct) => {
      const data = bucket(s);
      return new tasks.BedrockCreateModelCustomizationJob(s, 'Task', {
        baseModel: bedrock.FoundationModel.fromFoundationModelId(
          s,
          'Model',
          bedrock.FoundationModelIdentifier.AMAZON_TITAN_TEXT_G1_EXPRESS_V1,
        ),
        customModelName: 'custom-titan',
        jobName: 'customize-1',
        outputData: { bucket: data, path: 'output/' },
        trainingData: { bucket: data, path: 'train.jsonl' },
        validationData: [{ bucket: data, path: 'validation.jsonl' }],
        integrationPattern: pattern,
      });
    },
  })),
  ...([REQUEST_RESPONSE, RUN_JOB] as const).map((pattern) => ({
    name: `MediaConvertCreateJob ${pattern}`,
    construct: 'MediaConvertCreateJob',
    pattern,
    resources: 'static' as const,
    build: (s: Construct) => mediaConvert(s, pattern),
  })),
  // AWS SDK
  {
    name: 'CallAwsService s3 getObject bucket-scoped',
    construct: 'CallAwsService',
    pattern: 'REQUEST_RESPONSE',
    resources: 'static',
    build: (s) =>
      new tasks.CallAwsService(s, 'Task', {
        service: 's3',
        action: 'getObject',
        parameters: { Bucket: 'orders-archive', Key: 'latest.json' },
        iamResources: ['arn:aws:s3:::orders-archive/*'],
      }),
  },
  {
    name: 'CallAwsService s3 getObject dynamic key',
    construct: 'CallAwsService',
    pattern: 'REQUEST_RESPONSE',
    resources: 'dynamic',
    build: (s) =>
      new tasks.CallAwsService(s, 'Task', {
        service: 's3',
        action: 'getObject',
        parameters: { Bucket: 'orders-archive', Key: at('$.key') },
        iamResources: ['arn:aws:s3:::orders-archive/*'],
      }),
  },
  {
    name: 'CallAwsService dynamodb query',
    construct: 'CallAwsService',
    pattern: 'REQUEST_RESPONSE',
    resources: 'static',
    build: (s) => {
      const t = table(s);
      return new tasks.CallAwsService(s, 'Task', {
        service: 'dynamodb',
        action: 'query',
        parameters: { TableName: t.tableName, KeyConditionExpression: 'pk = :pk' },
        iamResources: [t.tableArn],
      });
    },
  },
  {
    name: 'CallAwsService secretsmanager getSecretValue',
    construct: 'CallAwsService',
    pattern: 'REQUEST_RESPONSE',
    resources: 'static',
    build: (s) =>
      new tasks.CallAwsService(s, 'Task', {
        service: 'secretsmanager',
        action: 'getSecretValue',
        parameters: { SecretId: 'prod/db' },
        iamResources: [`arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:prod/db-??????`],
      }),
  },
  {
    name: 'CallAwsService sqs listQueues iamAction',
    construct: 'CallAwsService',
    pattern: 'REQUEST_RESPONSE',
    resources: 'static',
    build: (s) =>
      new tasks.CallAwsService(s, 'Task', {
        service: 'sqs',
        action: 'listQueues',
        parameters: {},
        iamResources: ['*'],
      }),
  },
  // aws-stepfunctions
  {
    name: 'DistributedMap S3 item reader and result writer',
    construct: 'DistributedMap',
    pattern: '-',
    resources: 'static',
    build: (s) => distributedMap(s),
  },
  {
    name: 'LambdaInvoke with logging and tracing',
    construct: 'StateMachine logs+tracing',
    pattern: 'REQUEST_RESPONSE',
    resources: 'static',
    build: (s) => new tasks.LambdaInvoke(s, 'Task', { lambdaFunction: importedFunction(s) }),
    stateMachineProps: (s) => ({
      logs: { destination: new logs.LogGroup(s, 'Logs'), level: sfn.LogLevel.ALL },
      tracingEnabled: true,
    }),
  },
];
