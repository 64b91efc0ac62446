// biome-ignore-all lint/suspicious/noTemplateCurlyInString: placeholder parameters are unapplied ${…} substitutions
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../shared/catalogue/catalogue.js';
import { deriveRequirements } from '../../shared/requirements/deriveRequirements.js';
import type { DeriveContext } from '../../shared/types.js';

/**
 * The authorized resources of every catalogue entry of the job-style integrations (Batch, ECS, Glue, DataBrew, Athena,
 * SageMaker, EMR, EMR on EKS, EMR Serverless, EKS, CodeBuild, MediaConvert, Bedrock), for literal parameters, for the
 * same parameters given as JSONPath (`Field.$`) and as unapplied `${Field}` DefinitionSubstitutions placeholders.
 * Each line is `purpose actions -> resources`; the values were checked against the Service Authorization Reference
 * and the services' IAM pages cited in the catalogue files.
 */
type Row = {
  resource: string;
  parameters: Record<string, unknown>;
  /** The fields that name a resource: made dynamic / placeholders in the other two variants. */
  vary: readonly string[];
  literal: readonly string[];
  /** With every `vary` field dynamic; the same as `literal` when absent (no field names a resource). */
  dynamic?: readonly string[];
};

const SERVICES = new Set([
  'batch',
  'ecs',
  'glue',
  'databrew',
  'athena',
  'sagemaker',
  'elasticmapreduce',
  'emr-containers',
  'emr-serverless',
  'eks',
  'codebuild',
  'mediaconvert',
  'bedrock',
]);

const CONTEXT: DeriveContext = {
  partition: 'aws',
  region: 'us-east-1',
  account: '111122223333',
  stateMachineName: 'orders',
};

const ROWS: readonly Row[] = [
  {
    resource: 'arn:aws:states:::batch:submitJob',
    parameters: { JobName: 'nightly', JobQueue: 'q', JobDefinition: 'def' },
    vary: ['JobName', 'JobQueue', 'JobDefinition'],
    literal: [
      'invoke batch:SubmitJob -> arn:aws:batch:us-east-1:111122223333:job-queue/q arn:aws:batch:us-east-1:111122223333:job-definition/def:*',
    ],
    dynamic: [
      'invoke batch:SubmitJob -> arn:aws:batch:us-east-1:111122223333:job-queue/* arn:aws:batch:us-east-1:111122223333:job-definition/*',
    ],
  },
  {
    resource: 'arn:aws:states:::batch:submitJob.sync',
    parameters: { JobName: 'nightly', JobQueue: 'q', JobDefinition: 'def:3' },
    vary: ['JobName', 'JobQueue', 'JobDefinition'],
    literal: [
      'invoke batch:SubmitJob -> arn:aws:batch:us-east-1:111122223333:job-queue/q arn:aws:batch:us-east-1:111122223333:job-definition/def:3',
      'poll batch:DescribeJobs -> *',
      'cancel batch:TerminateJob -> arn:aws:batch:us-east-1:111122223333:job/*',
      'events events:PutTargets,events:PutRule,events:DescribeRule -> arn:aws:events:us-east-1:111122223333:rule/StepFunctionsGetEventsForBatchJobsRule',
    ],
    dynamic: [
      'invoke batch:SubmitJob -> arn:aws:batch:us-east-1:111122223333:job-queue/* arn:aws:batch:us-east-1:111122223333:job-definition/*',
      'poll batch:DescribeJobs -> *',
      'cancel batch:TerminateJob -> arn:aws:batch:us-east-1:111122223333:job/*',
      'events events:PutTargets,events:PutRule,events:DescribeRule -> arn:aws:events:us-east-1:111122223333:rule/StepFunctionsGetEventsForBatchJobsRule',
    ],
  },
  {
    resource: 'arn:aws:states:::ecs:runTask',
    parameters: { Cluster: 'c', TaskDefinition: 'report' },
    vary: ['TaskDefinition'],
    literal: ['invoke ecs:RunTask -> arn:aws:ecs:us-east-1:111122223333:task-definition/report:*'],
    dynamic: ['invoke ecs:RunTask -> arn:aws:ecs:us-east-1:111122223333:task-definition/*'],
  },
  {
    resource: 'arn:aws:states:::ecs:runTask.waitForTaskToken',
    parameters: {
      TaskDefinition: 'report:4',
      Overrides: {
        ExecutionRoleArn: 'arn:aws:iam::111122223333:role/report-exec',
        ContainerOverrides: [{ Name: 'app', Environment: [{ Name: 'TOKEN', 'Value.$': '$$.Task.Token' }] }],
      },
    },
    vary: ['TaskDefinition', 'Overrides.ExecutionRoleArn'],
    literal: [
      'invoke ecs:RunTask -> arn:aws:ecs:us-east-1:111122223333:task-definition/report:4',
      'passrole iam:PassRole -> arn:aws:iam::111122223333:role/report-exec',
    ],
    dynamic: [
      'invoke ecs:RunTask -> arn:aws:ecs:us-east-1:111122223333:task-definition/*',
      'passrole iam:PassRole -> *',
    ],
  },
  {
    resource: 'arn:aws:states:::ecs:runTask.sync',
    parameters: {
      Cluster: 'arn:aws:ecs:us-east-1:111122223333:cluster/batch',
      TaskDefinition: 'arn:aws:ecs:us-east-1:111122223333:task-definition/report:7',
      LaunchType: 'FARGATE',
      Overrides: { TaskRoleArn: 'arn:aws:iam::111122223333:role/report-task' },
    },
    vary: ['TaskDefinition', 'Cluster', 'Overrides.TaskRoleArn'],
    literal: [
      'invoke ecs:RunTask -> arn:aws:ecs:us-east-1:111122223333:task-definition/report:7',
      'poll ecs:DescribeTasks -> arn:aws:ecs:us-east-1:111122223333:task/batch/*',
      'cancel ecs:StopTask -> arn:aws:ecs:us-east-1:111122223333:task/batch/*',
      'events events:PutTargets,events:PutRule,events:DescribeRule -> arn:aws:events:us-east-1:111122223333:rule/StepFunctionsGetEventsForECSTaskRule',
      'passrole iam:PassRole -> arn:aws:iam::111122223333:role/report-task',
    ],
    dynamic: [
      'invoke ecs:RunTask -> arn:aws:ecs:us-east-1:111122223333:task-definition/*',
      'poll ecs:DescribeTasks -> arn:aws:ecs:us-east-1:111122223333:task/*/*',
      'cancel ecs:StopTask -> arn:aws:ecs:us-east-1:111122223333:task/*/*',
      'events events:PutTargets,events:PutRule,events:DescribeRule -> arn:aws:events:us-east-1:111122223333:rule/StepFunctionsGetEventsForECSTaskRule',
      'passrole iam:PassRole -> *',
    ],
  },
  {
    resource: 'arn:aws:states:::glue:startJobRun',
    parameters: { JobName: 'etl' },
    vary: ['JobName'],
    literal: ['invoke glue:StartJobRun -> arn:aws:glue:us-east-1:111122223333:job/etl'],
    dynamic: ['invoke glue:StartJobRun -> arn:aws:glue:us-east-1:111122223333:job/*'],
  },
  {
    resource: 'arn:aws:states:::glue:startJobRun.sync',
    parameters: { JobName: 'etl' },
    vary: ['JobName'],
    literal: [
      'invoke glue:StartJobRun -> arn:aws:glue:us-east-1:111122223333:job/etl',
      'poll glue:GetJobRun,glue:GetJobRuns -> arn:aws:glue:us-east-1:111122223333:job/etl',
      'cancel glue:BatchStopJobRun -> arn:aws:glue:us-east-1:111122223333:job/etl',
    ],
    dynamic: [
      'invoke glue:StartJobRun -> arn:aws:glue:us-east-1:111122223333:job/*',
      'poll glue:GetJobRun,glue:GetJobRuns -> arn:aws:glue:us-east-1:111122223333:job/*',
      'cancel glue:BatchStopJobRun -> arn:aws:glue:us-east-1:111122223333:job/*',
    ],
  },
  {
    resource: 'arn:aws:states:::sagemaker:createTrainingJob',
    parameters: {
      TrainingJobName: 'churn',
      RoleArn: 'arn:aws:iam::111122223333:role/sm-exec',
      Tags: [{ Key: 'team', Value: 'ml' }],
    },
    vary: ['TrainingJobName', 'Tags', 'RoleArn'],
    literal: [
      'invoke sagemaker:CreateTrainingJob -> arn:aws:sagemaker:us-east-1:111122223333:training-job/churn',
      'other sagemaker:ListTags -> arn:aws:sagemaker:us-east-1:111122223333:training-job/churn',
      'other sagemaker:AddTags -> arn:aws:sagemaker:us-east-1:111122223333:training-job/churn',
      'passrole iam:PassRole -> arn:aws:iam::111122223333:role/sm-exec',
    ],
    dynamic: [
      'invoke sagemaker:CreateTrainingJob -> arn:aws:sagemaker:us-east-1:111122223333:training-job/*',
      'other sagemaker:ListTags -> arn:aws:sagemaker:us-east-1:111122223333:training-job/*',
      'other sagemaker:AddTags -> arn:aws:sagemaker:us-east-1:111122223333:training-job/*',
      'passrole iam:PassRole -> *',
    ],
  },
  {
    resource: 'arn:aws:states:::sagemaker:createTrainingJob.sync',
    parameters: {
      TrainingJobName: 'Churn',
      RoleArn: 'arn:aws:iam::111122223333:role/sm-exec',
      Tags: [{ Key: 'team', Value: 'ml' }],
    },
    vary: ['TrainingJobName', 'Tags', 'RoleArn'],
    literal: [
      'invoke sagemaker:CreateTrainingJob -> arn:aws:sagemaker:us-east-1:111122223333:training-job/churn',
      'poll sagemaker:DescribeTrainingJob -> arn:aws:sagemaker:us-east-1:111122223333:training-job/churn',
      'cancel sagemaker:StopTrainingJob -> arn:aws:sagemaker:us-east-1:111122223333:training-job/churn',
      'other sagemaker:ListTags -> arn:aws:sagemaker:us-east-1:111122223333:training-job/churn',
      'other sagemaker:AddTags -> arn:aws:sagemaker:us-east-1:111122223333:training-job/churn',
      'passrole iam:PassRole -> arn:aws:iam::111122223333:role/sm-exec',
      'events events:PutTargets,events:PutRule,events:DescribeRule -> arn:aws:events:us-east-1:111122223333:rule/StepFunctionsGetEventsForSageMakerTrainingJobsRule',
    ],
    dynamic: [
      'invoke sagemaker:CreateTrainingJob -> arn:aws:sagemaker:us-east-1:111122223333:training-job/*',
      'poll sagemaker:DescribeTrainingJob -> arn:aws:sagemaker:us-east-1:111122223333:training-job/*',
      'cancel sagemaker:StopTrainingJob -> arn:aws:sagemaker:us-east-1:111122223333:training-job/*',
      'other sagemaker:ListTags -> arn:aws:sagemaker:us-east-1:111122223333:training-job/*',
      'other sagemaker:AddTags -> arn:aws:sagemaker:us-east-1:111122223333:training-job/*',
      'passrole iam:PassRole -> *',
      'events events:PutTargets,events:PutRule,events:DescribeRule -> arn:aws:events:us-east-1:111122223333:rule/StepFunctionsGetEventsForSageMakerTrainingJobsRule',
    ],
  },
  {
    resource: 'arn:aws:states:::sagemaker:createTransformJob',
    parameters: { TransformJobName: 'score' },
    vary: ['TransformJobName'],
    literal: [
      'invoke sagemaker:CreateTransformJob -> arn:aws:sagemaker:us-east-1:111122223333:transform-job/score',
      'other sagemaker:ListTags -> arn:aws:sagemaker:us-east-1:111122223333:transform-job/score',
    ],
    dynamic: [
      'invoke sagemaker:CreateTransformJob -> arn:aws:sagemaker:us-east-1:111122223333:transform-job/*',
      'other sagemaker:ListTags -> arn:aws:sagemaker:us-east-1:111122223333:transform-job/*',
    ],
  },
  {
    resource: 'arn:aws:states:::sagemaker:createTransformJob.sync',
    parameters: { TransformJobName: 'score' },
    vary: ['TransformJobName'],
    literal: [
      'invoke sagemaker:CreateTransformJob -> arn:aws:sagemaker:us-east-1:111122223333:transform-job/score',
      'poll sagemaker:DescribeTransformJob -> arn:aws:sagemaker:us-east-1:111122223333:transform-job/score',
      'cancel sagemaker:StopTransformJob -> arn:aws:sagemaker:us-east-1:111122223333:transform-job/score',
      'other sagemaker:ListTags -> arn:aws:sagemaker:us-east-1:111122223333:transform-job/score',
      'events events:PutTargets,events:PutRule,events:DescribeRule -> arn:aws:events:us-east-1:111122223333:rule/StepFunctionsGetEventsForSageMakerTransformJobsRule',
    ],
    dynamic: [
      'invoke sagemaker:CreateTransformJob -> arn:aws:sagemaker:us-east-1:111122223333:transform-job/*',
      'poll sagemaker:DescribeTransformJob -> arn:aws:sagemaker:us-east-1:111122223333:transform-job/*',
      'cancel sagemaker:StopTransformJob -> arn:aws:sagemaker:us-east-1:111122223333:transform-job/*',
      'other sagemaker:ListTags -> arn:aws:sagemaker:us-east-1:111122223333:transform-job/*',
      'events events:PutTargets,events:PutRule,events:DescribeRule -> arn:aws:events:us-east-1:111122223333:rule/StepFunctionsGetEventsForSageMakerTransformJobsRule',
    ],
  },
  {
    resource: 'arn:aws:states:::sagemaker:createHyperParameterTuningJob',
    parameters: {
      HyperParameterTuningJobName: 'tune',
      TrainingJobDefinition: { RoleArn: 'arn:aws:iam::111122223333:role/sm-exec' },
    },
    vary: ['HyperParameterTuningJobName', 'TrainingJobDefinition.RoleArn'],
    literal: [
      'invoke sagemaker:CreateHyperParameterTuningJob -> arn:aws:sagemaker:us-east-1:111122223333:hyper-parameter-tuning-job/tune',
      'other sagemaker:ListTags -> arn:aws:sagemaker:us-east-1:111122223333:hyper-parameter-tuning-job/tune',
      'passrole iam:PassRole -> arn:aws:iam::111122223333:role/sm-exec',
    ],
    dynamic: [
      'invoke sagemaker:CreateHyperParameterTuningJob -> arn:aws:sagemaker:us-east-1:111122223333:hyper-parameter-tuning-job/*',
      'other sagemaker:ListTags -> arn:aws:sagemaker:us-east-1:111122223333:hyper-parameter-tuning-job/*',
      'passrole iam:PassRole -> *',
    ],
  },
  {
    resource: 'arn:aws:states:::sagemaker:createHyperParameterTuningJob.sync',
    parameters: {
      HyperParameterTuningJobName: 'tune',
      TrainingJobDefinition: { RoleArn: 'arn:aws:iam::111122223333:role/sm-exec' },
    },
    vary: ['HyperParameterTuningJobName', 'TrainingJobDefinition.RoleArn'],
    literal: [
      'invoke sagemaker:CreateHyperParameterTuningJob -> arn:aws:sagemaker:us-east-1:111122223333:hyper-parameter-tuning-job/tune',
      'poll sagemaker:DescribeHyperParameterTuningJob -> arn:aws:sagemaker:us-east-1:111122223333:hyper-parameter-tuning-job/tune',
      'cancel sagemaker:StopHyperParameterTuningJob -> arn:aws:sagemaker:us-east-1:111122223333:hyper-parameter-tuning-job/tune',
      'other sagemaker:ListTags -> arn:aws:sagemaker:us-east-1:111122223333:hyper-parameter-tuning-job/tune',
      'passrole iam:PassRole -> arn:aws:iam::111122223333:role/sm-exec',
      'events events:PutTargets,events:PutRule,events:DescribeRule -> arn:aws:events:us-east-1:111122223333:rule/StepFunctionsGetEventsForSageMakerTuningJobsRule',
    ],
    dynamic: [
      'invoke sagemaker:CreateHyperParameterTuningJob -> arn:aws:sagemaker:us-east-1:111122223333:hyper-parameter-tuning-job/*',
      'poll sagemaker:DescribeHyperParameterTuningJob -> arn:aws:sagemaker:us-east-1:111122223333:hyper-parameter-tuning-job/*',
      'cancel sagemaker:StopHyperParameterTuningJob -> arn:aws:sagemaker:us-east-1:111122223333:hyper-parameter-tuning-job/*',
      'other sagemaker:ListTags -> arn:aws:sagemaker:us-east-1:111122223333:hyper-parameter-tuning-job/*',
      'passrole iam:PassRole -> *',
      'events events:PutTargets,events:PutRule,events:DescribeRule -> arn:aws:events:us-east-1:111122223333:rule/StepFunctionsGetEventsForSageMakerTuningJobsRule',
    ],
  },
  {
    resource: 'arn:aws:states:::sagemaker:createProcessingJob',
    parameters: { ProcessingJobName: 'prep', RoleArn: 'arn:aws:iam::111122223333:role/sm-exec' },
    vary: ['ProcessingJobName', 'RoleArn'],
    literal: [
      'invoke sagemaker:CreateProcessingJob -> arn:aws:sagemaker:us-east-1:111122223333:processing-job/prep',
      'other sagemaker:ListTags -> arn:aws:sagemaker:us-east-1:111122223333:processing-job/prep',
      'passrole iam:PassRole -> arn:aws:iam::111122223333:role/sm-exec',
    ],
    dynamic: [
      'invoke sagemaker:CreateProcessingJob -> arn:aws:sagemaker:us-east-1:111122223333:processing-job/*',
      'other sagemaker:ListTags -> arn:aws:sagemaker:us-east-1:111122223333:processing-job/*',
      'passrole iam:PassRole -> *',
    ],
  },
  {
    resource: 'arn:aws:states:::sagemaker:createProcessingJob.sync',
    parameters: { ProcessingJobName: 'prep', RoleArn: 'arn:aws:iam::111122223333:role/sm-exec' },
    vary: ['ProcessingJobName', 'RoleArn'],
    literal: [
      'invoke sagemaker:CreateProcessingJob -> arn:aws:sagemaker:us-east-1:111122223333:processing-job/prep',
      'poll sagemaker:DescribeProcessingJob -> arn:aws:sagemaker:us-east-1:111122223333:processing-job/prep',
      'cancel sagemaker:StopProcessingJob -> arn:aws:sagemaker:us-east-1:111122223333:processing-job/prep',
      'other sagemaker:ListTags -> arn:aws:sagemaker:us-east-1:111122223333:processing-job/prep',
      'passrole iam:PassRole -> arn:aws:iam::111122223333:role/sm-exec',
      'events events:PutTargets,events:PutRule,events:DescribeRule -> arn:aws:events:us-east-1:111122223333:rule/StepFunctionsGetEventsForSageMakerProcessingJobsRule',
    ],
    dynamic: [
      'invoke sagemaker:CreateProcessingJob -> arn:aws:sagemaker:us-east-1:111122223333:processing-job/*',
      'poll sagemaker:DescribeProcessingJob -> arn:aws:sagemaker:us-east-1:111122223333:processing-job/*',
      'cancel sagemaker:StopProcessingJob -> arn:aws:sagemaker:us-east-1:111122223333:processing-job/*',
      'other sagemaker:ListTags -> arn:aws:sagemaker:us-east-1:111122223333:processing-job/*',
      'passrole iam:PassRole -> *',
      'events events:PutTargets,events:PutRule,events:DescribeRule -> arn:aws:events:us-east-1:111122223333:rule/StepFunctionsGetEventsForSageMakerProcessingJobsRule',
    ],
  },
  {
    resource: 'arn:aws:states:::sagemaker:createLabelingJob',
    parameters: { LabelingJobName: 'label', RoleArn: 'arn:aws:iam::111122223333:role/sm-exec' },
    vary: ['LabelingJobName', 'RoleArn'],
    literal: [
      'invoke sagemaker:CreateLabelingJob -> arn:aws:sagemaker:us-east-1:111122223333:labeling-job/label',
      'other sagemaker:ListTags -> arn:aws:sagemaker:us-east-1:111122223333:labeling-job/label',
      'passrole iam:PassRole -> arn:aws:iam::111122223333:role/sm-exec',
    ],
    dynamic: [
      'invoke sagemaker:CreateLabelingJob -> arn:aws:sagemaker:us-east-1:111122223333:labeling-job/*',
      'other sagemaker:ListTags -> arn:aws:sagemaker:us-east-1:111122223333:labeling-job/*',
      'passrole iam:PassRole -> *',
    ],
  },
  {
    resource: 'arn:aws:states:::sagemaker:createLabelingJob.sync',
    parameters: { LabelingJobName: 'label', RoleArn: 'arn:aws:iam::111122223333:role/sm-exec' },
    vary: ['LabelingJobName', 'RoleArn'],
    literal: [
      'invoke sagemaker:CreateLabelingJob -> arn:aws:sagemaker:us-east-1:111122223333:labeling-job/label',
      'poll sagemaker:DescribeLabelingJob -> arn:aws:sagemaker:us-east-1:111122223333:labeling-job/label',
      'cancel sagemaker:StopLabelingJob -> arn:aws:sagemaker:us-east-1:111122223333:labeling-job/label',
      'other sagemaker:ListTags -> arn:aws:sagemaker:us-east-1:111122223333:labeling-job/label',
      'passrole iam:PassRole -> arn:aws:iam::111122223333:role/sm-exec',
      'events events:PutTargets,events:PutRule,events:DescribeRule -> arn:aws:events:us-east-1:111122223333:rule/StepFunctionsGetEventsForSageMakerLabelingJobsRule',
    ],
    dynamic: [
      'invoke sagemaker:CreateLabelingJob -> arn:aws:sagemaker:us-east-1:111122223333:labeling-job/*',
      'poll sagemaker:DescribeLabelingJob -> arn:aws:sagemaker:us-east-1:111122223333:labeling-job/*',
      'cancel sagemaker:StopLabelingJob -> arn:aws:sagemaker:us-east-1:111122223333:labeling-job/*',
      'other sagemaker:ListTags -> arn:aws:sagemaker:us-east-1:111122223333:labeling-job/*',
      'passrole iam:PassRole -> *',
      'events events:PutTargets,events:PutRule,events:DescribeRule -> arn:aws:events:us-east-1:111122223333:rule/StepFunctionsGetEventsForSageMakerLabelingJobsRule',
    ],
  },
  {
    resource: 'arn:aws:states:::sagemaker:createEndpoint',
    parameters: {
      EndpointName: 'Churn-Endpoint',
      EndpointConfigName: 'Churn-Config',
      Tags: [{ Key: 'team', Value: 'ml' }],
    },
    vary: ['EndpointName', 'EndpointConfigName', 'Tags'],
    literal: [
      'invoke sagemaker:CreateEndpoint -> arn:aws:sagemaker:us-east-1:111122223333:endpoint/churn-endpoint arn:aws:sagemaker:us-east-1:111122223333:endpoint-config/churn-config',
      'other sagemaker:ListTags -> arn:aws:sagemaker:us-east-1:111122223333:endpoint/churn-endpoint',
      'other sagemaker:AddTags -> arn:aws:sagemaker:us-east-1:111122223333:endpoint/churn-endpoint',
    ],
    dynamic: [
      'invoke sagemaker:CreateEndpoint -> arn:aws:sagemaker:us-east-1:111122223333:endpoint/* arn:aws:sagemaker:us-east-1:111122223333:endpoint-config/*',
      'other sagemaker:ListTags -> arn:aws:sagemaker:us-east-1:111122223333:endpoint/*',
      'other sagemaker:AddTags -> arn:aws:sagemaker:us-east-1:111122223333:endpoint/*',
    ],
  },
  {
    resource: 'arn:aws:states:::sagemaker:createEndpointConfig',
    parameters: { EndpointConfigName: 'cfg', ProductionVariants: [] },
    vary: ['EndpointConfigName'],
    literal: [
      'invoke sagemaker:CreateEndpointConfig -> arn:aws:sagemaker:us-east-1:111122223333:endpoint-config/cfg',
      'other sagemaker:ListTags -> arn:aws:sagemaker:us-east-1:111122223333:endpoint-config/cfg',
    ],
    dynamic: [
      'invoke sagemaker:CreateEndpointConfig -> arn:aws:sagemaker:us-east-1:111122223333:endpoint-config/*',
      'other sagemaker:ListTags -> arn:aws:sagemaker:us-east-1:111122223333:endpoint-config/*',
    ],
  },
  {
    resource: 'arn:aws:states:::sagemaker:createModel',
    parameters: { ModelName: 'Churn', ExecutionRoleArn: 'arn:aws:iam::111122223333:role/sm-exec' },
    vary: ['ModelName', 'ExecutionRoleArn'],
    literal: [
      'invoke sagemaker:CreateModel -> arn:aws:sagemaker:us-east-1:111122223333:model/churn',
      'other sagemaker:ListTags -> arn:aws:sagemaker:us-east-1:111122223333:model/churn',
      'passrole iam:PassRole -> arn:aws:iam::111122223333:role/sm-exec',
    ],
    dynamic: [
      'invoke sagemaker:CreateModel -> arn:aws:sagemaker:us-east-1:111122223333:model/*',
      'other sagemaker:ListTags -> arn:aws:sagemaker:us-east-1:111122223333:model/*',
      'passrole iam:PassRole -> *',
    ],
  },
  {
    resource: 'arn:aws:states:::sagemaker:updateEndpoint',
    parameters: { EndpointName: 'churn', EndpointConfigName: 'churn-v2' },
    vary: ['EndpointName', 'EndpointConfigName'],
    literal: [
      'invoke sagemaker:UpdateEndpoint -> arn:aws:sagemaker:us-east-1:111122223333:endpoint/churn arn:aws:sagemaker:us-east-1:111122223333:endpoint-config/churn-v2',
      'other sagemaker:ListTags -> arn:aws:sagemaker:us-east-1:111122223333:endpoint/churn',
    ],
    dynamic: [
      'invoke sagemaker:UpdateEndpoint -> arn:aws:sagemaker:us-east-1:111122223333:endpoint/* arn:aws:sagemaker:us-east-1:111122223333:endpoint-config/*',
      'other sagemaker:ListTags -> arn:aws:sagemaker:us-east-1:111122223333:endpoint/*',
    ],
  },
  {
    resource: 'arn:aws:states:::elasticmapreduce:addStep',
    parameters: { ClusterId: 'j-2AXXXXXXGAPLF', Step: {} },
    vary: ['ClusterId'],
    literal: [
      'invoke elasticmapreduce:AddJobFlowSteps -> arn:aws:elasticmapreduce:us-east-1:111122223333:cluster/j-2AXXXXXXGAPLF',
      'poll elasticmapreduce:DescribeStep -> arn:aws:elasticmapreduce:us-east-1:111122223333:cluster/j-2AXXXXXXGAPLF',
      'cancel elasticmapreduce:CancelSteps -> arn:aws:elasticmapreduce:us-east-1:111122223333:cluster/j-2AXXXXXXGAPLF',
    ],
    dynamic: [
      'invoke elasticmapreduce:AddJobFlowSteps -> arn:aws:elasticmapreduce:us-east-1:111122223333:cluster/*',
      'poll elasticmapreduce:DescribeStep -> arn:aws:elasticmapreduce:us-east-1:111122223333:cluster/*',
      'cancel elasticmapreduce:CancelSteps -> arn:aws:elasticmapreduce:us-east-1:111122223333:cluster/*',
    ],
  },
  {
    resource: 'arn:aws:states:::elasticmapreduce:addStep.sync',
    parameters: {
      ClusterId: 'j-2AXXXXXXGAPLF',
      Step: {},
      ExecutionRoleArn: 'arn:aws:iam::111122223333:role/emr-runtime',
    },
    vary: ['ClusterId', 'ExecutionRoleArn'],
    literal: [
      'invoke elasticmapreduce:AddJobFlowSteps -> arn:aws:elasticmapreduce:us-east-1:111122223333:cluster/j-2AXXXXXXGAPLF',
      'poll elasticmapreduce:DescribeStep -> arn:aws:elasticmapreduce:us-east-1:111122223333:cluster/j-2AXXXXXXGAPLF',
      'cancel elasticmapreduce:CancelSteps -> arn:aws:elasticmapreduce:us-east-1:111122223333:cluster/j-2AXXXXXXGAPLF',
      'passrole iam:PassRole -> arn:aws:iam::111122223333:role/emr-runtime',
    ],
    dynamic: [
      'invoke elasticmapreduce:AddJobFlowSteps -> arn:aws:elasticmapreduce:us-east-1:111122223333:cluster/*',
      'poll elasticmapreduce:DescribeStep -> arn:aws:elasticmapreduce:us-east-1:111122223333:cluster/*',
      'cancel elasticmapreduce:CancelSteps -> arn:aws:elasticmapreduce:us-east-1:111122223333:cluster/*',
      'passrole iam:PassRole -> *',
    ],
  },
  {
    resource: 'arn:aws:states:::elasticmapreduce:cancelStep',
    parameters: { ClusterId: 'j-2AXXXXXXGAPLF', StepId: 's-1' },
    vary: ['ClusterId', 'StepId'],
    literal: [
      'invoke elasticmapreduce:CancelSteps -> arn:aws:elasticmapreduce:us-east-1:111122223333:cluster/j-2AXXXXXXGAPLF',
    ],
    dynamic: ['invoke elasticmapreduce:CancelSteps -> arn:aws:elasticmapreduce:us-east-1:111122223333:cluster/*'],
  },
  {
    resource: 'arn:aws:states:::elasticmapreduce:createCluster',
    parameters: {
      Name: 'c',
      ServiceRole: 'EMR_DefaultRole',
      JobFlowRole: 'EMR_EC2_DefaultRole',
      ReleaseLabel: 'emr-7.0.0',
      Instances: { KeepJobFlowAliveWhenNoSteps: true },
    },
    vary: ['Name', 'ServiceRole', 'JobFlowRole'],
    literal: [
      'invoke elasticmapreduce:RunJobFlow -> *',
      'poll elasticmapreduce:DescribeCluster -> arn:aws:elasticmapreduce:us-east-1:111122223333:cluster/*',
      'cancel elasticmapreduce:TerminateJobFlows -> arn:aws:elasticmapreduce:us-east-1:111122223333:cluster/*',
      'passrole iam:PassRole -> arn:aws:iam::111122223333:role/EMR_DefaultRole arn:aws:iam::111122223333:role/EMR_EC2_DefaultRole',
    ],
    dynamic: [
      'invoke elasticmapreduce:RunJobFlow -> *',
      'poll elasticmapreduce:DescribeCluster -> arn:aws:elasticmapreduce:us-east-1:111122223333:cluster/*',
      'cancel elasticmapreduce:TerminateJobFlows -> arn:aws:elasticmapreduce:us-east-1:111122223333:cluster/*',
      'passrole iam:PassRole -> arn:aws:iam::111122223333:role/*',
    ],
  },
  {
    resource: 'arn:aws:states:::elasticmapreduce:createCluster.sync',
    parameters: {
      Name: 'c',
      ServiceRole: 'EMR_DefaultRole',
      JobFlowRole: 'EMR_EC2_DefaultRole',
      ReleaseLabel: 'emr-7.0.0',
      Instances: { KeepJobFlowAliveWhenNoSteps: true },
    },
    vary: ['Name', 'ServiceRole', 'JobFlowRole'],
    literal: [
      'invoke elasticmapreduce:RunJobFlow -> *',
      'poll elasticmapreduce:DescribeCluster -> arn:aws:elasticmapreduce:us-east-1:111122223333:cluster/*',
      'cancel elasticmapreduce:TerminateJobFlows -> arn:aws:elasticmapreduce:us-east-1:111122223333:cluster/*',
      'passrole iam:PassRole -> arn:aws:iam::111122223333:role/EMR_DefaultRole arn:aws:iam::111122223333:role/EMR_EC2_DefaultRole',
    ],
    dynamic: [
      'invoke elasticmapreduce:RunJobFlow -> *',
      'poll elasticmapreduce:DescribeCluster -> arn:aws:elasticmapreduce:us-east-1:111122223333:cluster/*',
      'cancel elasticmapreduce:TerminateJobFlows -> arn:aws:elasticmapreduce:us-east-1:111122223333:cluster/*',
      'passrole iam:PassRole -> arn:aws:iam::111122223333:role/*',
    ],
  },
  {
    resource: 'arn:aws:states:::elasticmapreduce:setClusterTerminationProtection',
    parameters: { ClusterId: 'j-2AXXXXXXGAPLF', TerminationProtected: false },
    vary: ['ClusterId'],
    literal: [
      'invoke elasticmapreduce:SetTerminationProtection -> arn:aws:elasticmapreduce:us-east-1:111122223333:cluster/j-2AXXXXXXGAPLF',
    ],
    dynamic: [
      'invoke elasticmapreduce:SetTerminationProtection -> arn:aws:elasticmapreduce:us-east-1:111122223333:cluster/*',
    ],
  },
  {
    resource: 'arn:aws:states:::elasticmapreduce:terminateCluster',
    parameters: { ClusterId: 'j-2AXXXXXXGAPLF' },
    vary: ['ClusterId'],
    literal: [
      'invoke elasticmapreduce:TerminateJobFlows -> arn:aws:elasticmapreduce:us-east-1:111122223333:cluster/j-2AXXXXXXGAPLF',
      'poll elasticmapreduce:DescribeCluster -> arn:aws:elasticmapreduce:us-east-1:111122223333:cluster/j-2AXXXXXXGAPLF',
    ],
    dynamic: [
      'invoke elasticmapreduce:TerminateJobFlows -> arn:aws:elasticmapreduce:us-east-1:111122223333:cluster/*',
      'poll elasticmapreduce:DescribeCluster -> arn:aws:elasticmapreduce:us-east-1:111122223333:cluster/*',
    ],
  },
  {
    resource: 'arn:aws:states:::elasticmapreduce:terminateCluster.sync',
    parameters: { ClusterId: 'j-2AXXXXXXGAPLF' },
    vary: ['ClusterId'],
    literal: [
      'invoke elasticmapreduce:TerminateJobFlows -> arn:aws:elasticmapreduce:us-east-1:111122223333:cluster/j-2AXXXXXXGAPLF',
      'poll elasticmapreduce:DescribeCluster -> arn:aws:elasticmapreduce:us-east-1:111122223333:cluster/j-2AXXXXXXGAPLF',
    ],
    dynamic: [
      'invoke elasticmapreduce:TerminateJobFlows -> arn:aws:elasticmapreduce:us-east-1:111122223333:cluster/*',
      'poll elasticmapreduce:DescribeCluster -> arn:aws:elasticmapreduce:us-east-1:111122223333:cluster/*',
    ],
  },
  {
    resource: 'arn:aws:states:::elasticmapreduce:modifyInstanceFleetByName',
    parameters: { ClusterId: 'j-2AXXXXXXGAPLF', InstanceFleetName: 'core', InstanceFleet: {} },
    vary: ['ClusterId', 'InstanceFleetName'],
    literal: [
      'invoke elasticmapreduce:ModifyInstanceFleet -> arn:aws:elasticmapreduce:us-east-1:111122223333:cluster/j-2AXXXXXXGAPLF',
      'other elasticmapreduce:ListInstanceFleets -> arn:aws:elasticmapreduce:us-east-1:111122223333:cluster/j-2AXXXXXXGAPLF',
    ],
    dynamic: [
      'invoke elasticmapreduce:ModifyInstanceFleet -> arn:aws:elasticmapreduce:us-east-1:111122223333:cluster/*',
      'other elasticmapreduce:ListInstanceFleets -> arn:aws:elasticmapreduce:us-east-1:111122223333:cluster/*',
    ],
  },
  {
    resource: 'arn:aws:states:::elasticmapreduce:modifyInstanceGroupByName',
    parameters: { ClusterId: 'j-2AXXXXXXGAPLF', InstanceGroupName: 'core', InstanceGroup: {} },
    vary: ['ClusterId', 'InstanceGroupName'],
    literal: [
      'invoke elasticmapreduce:ModifyInstanceGroups -> arn:aws:elasticmapreduce:us-east-1:111122223333:cluster/j-2AXXXXXXGAPLF',
      'other elasticmapreduce:ListInstanceGroups -> arn:aws:elasticmapreduce:us-east-1:111122223333:cluster/j-2AXXXXXXGAPLF',
    ],
    dynamic: [
      'invoke elasticmapreduce:ModifyInstanceGroups -> arn:aws:elasticmapreduce:us-east-1:111122223333:cluster/*',
      'other elasticmapreduce:ListInstanceGroups -> arn:aws:elasticmapreduce:us-east-1:111122223333:cluster/*',
    ],
  },
  {
    resource: 'arn:aws:states:::emr-containers:createVirtualCluster',
    parameters: { Name: 'vc', ContainerProvider: {} },
    vary: ['Name', 'ContainerProvider'],
    literal: [
      'invoke emr-containers:CreateVirtualCluster -> *',
      'other iam:CreateServiceLinkedRole -> arn:aws:iam::111122223333:role/aws-service-role/emr-containers.amazonaws.com/AWSServiceRoleForAmazonEMRContainers',
    ],
  },
  {
    resource: 'arn:aws:states:::emr-containers:deleteVirtualCluster',
    parameters: { Id: 'vc1' },
    vary: ['Id'],
    literal: [
      'invoke emr-containers:DeleteVirtualCluster -> arn:aws:emr-containers:us-east-1:111122223333:/virtualclusters/vc1',
    ],
    dynamic: [
      'invoke emr-containers:DeleteVirtualCluster -> arn:aws:emr-containers:us-east-1:111122223333:/virtualclusters/*',
    ],
  },
  {
    resource: 'arn:aws:states:::emr-containers:deleteVirtualCluster.sync',
    parameters: { Id: 'vc1' },
    vary: ['Id'],
    literal: [
      'invoke emr-containers:DeleteVirtualCluster -> arn:aws:emr-containers:us-east-1:111122223333:/virtualclusters/vc1',
      'poll emr-containers:DescribeVirtualCluster -> arn:aws:emr-containers:us-east-1:111122223333:/virtualclusters/vc1',
    ],
    dynamic: [
      'invoke emr-containers:DeleteVirtualCluster -> arn:aws:emr-containers:us-east-1:111122223333:/virtualclusters/*',
      'poll emr-containers:DescribeVirtualCluster -> arn:aws:emr-containers:us-east-1:111122223333:/virtualclusters/*',
    ],
  },
  {
    resource: 'arn:aws:states:::emr-containers:startJobRun',
    parameters: {
      VirtualClusterId: 'vc1',
      ExecutionRoleArn: 'arn:aws:iam::111122223333:role/emr-eks-job',
      ReleaseLabel: 'emr-6.2.0-latest',
      JobDriver: {},
    },
    vary: ['VirtualClusterId', 'ExecutionRoleArn'],
    literal: [
      'invoke emr-containers:StartJobRun -> arn:aws:emr-containers:us-east-1:111122223333:/virtualclusters/vc1',
    ],
    dynamic: ['invoke emr-containers:StartJobRun -> arn:aws:emr-containers:us-east-1:111122223333:/virtualclusters/*'],
  },
  {
    resource: 'arn:aws:states:::emr-containers:startJobRun.sync',
    parameters: {
      VirtualClusterId: 'vc1',
      ExecutionRoleArn: 'arn:aws:iam::111122223333:role/emr-eks-job',
      ReleaseLabel: 'emr-6.2.0-latest',
      JobDriver: {},
    },
    vary: ['VirtualClusterId', 'ExecutionRoleArn'],
    literal: [
      'invoke emr-containers:StartJobRun -> arn:aws:emr-containers:us-east-1:111122223333:/virtualclusters/vc1',
      'poll emr-containers:DescribeJobRun -> arn:aws:emr-containers:us-east-1:111122223333:/virtualclusters/vc1/jobruns/*',
      'cancel emr-containers:CancelJobRun -> arn:aws:emr-containers:us-east-1:111122223333:/virtualclusters/vc1/jobruns/*',
    ],
    dynamic: [
      'invoke emr-containers:StartJobRun -> arn:aws:emr-containers:us-east-1:111122223333:/virtualclusters/*',
      'poll emr-containers:DescribeJobRun -> arn:aws:emr-containers:us-east-1:111122223333:/virtualclusters/*/jobruns/*',
      'cancel emr-containers:CancelJobRun -> arn:aws:emr-containers:us-east-1:111122223333:/virtualclusters/*/jobruns/*',
    ],
  },
  {
    resource: 'arn:aws:states:::emr-serverless:createApplication',
    parameters: { Name: 'spark', ReleaseLabel: 'emr-6.9.0', Type: 'SPARK' },
    vary: ['Name', 'ReleaseLabel', 'Type'],
    literal: [
      'invoke emr-serverless:CreateApplication -> *',
      'other iam:CreateServiceLinkedRole -> arn:aws:iam::111122223333:role/aws-service-role/ops.emr-serverless.amazonaws.com/AWSServiceRoleForAmazonEMRServerless*',
    ],
  },
  {
    resource: 'arn:aws:states:::emr-serverless:createApplication.sync',
    parameters: { Name: 'spark', ReleaseLabel: 'emr-6.9.0', Type: 'SPARK' },
    vary: ['Name', 'ReleaseLabel', 'Type'],
    literal: [
      'invoke emr-serverless:CreateApplication -> *',
      'poll emr-serverless:GetApplication -> arn:aws:emr-serverless:us-east-1:111122223333:/applications/*',
      'cancel emr-serverless:DeleteApplication -> arn:aws:emr-serverless:us-east-1:111122223333:/applications/*',
      'other iam:CreateServiceLinkedRole -> arn:aws:iam::111122223333:role/aws-service-role/ops.emr-serverless.amazonaws.com/AWSServiceRoleForAmazonEMRServerless*',
      'events events:PutTargets,events:PutRule,events:DescribeRule -> arn:aws:events:us-east-1:111122223333:rule/StepFunctionsGetEventsForEMRServerlessApplicationRule',
    ],
  },
  {
    resource: 'arn:aws:states:::emr-serverless:startApplication',
    parameters: { ApplicationId: 'app1' },
    vary: ['ApplicationId'],
    literal: [
      'invoke emr-serverless:StartApplication -> arn:aws:emr-serverless:us-east-1:111122223333:/applications/app1',
    ],
    dynamic: [
      'invoke emr-serverless:StartApplication -> arn:aws:emr-serverless:us-east-1:111122223333:/applications/*',
    ],
  },
  {
    resource: 'arn:aws:states:::emr-serverless:startApplication.sync',
    parameters: { ApplicationId: 'app1' },
    vary: ['ApplicationId'],
    literal: [
      'invoke emr-serverless:StartApplication -> arn:aws:emr-serverless:us-east-1:111122223333:/applications/app1',
      'poll emr-serverless:GetApplication -> arn:aws:emr-serverless:us-east-1:111122223333:/applications/app1',
      'cancel emr-serverless:StopApplication -> arn:aws:emr-serverless:us-east-1:111122223333:/applications/app1',
      'events events:PutTargets,events:PutRule,events:DescribeRule -> arn:aws:events:us-east-1:111122223333:rule/StepFunctionsGetEventsForEMRServerlessApplicationRule',
    ],
    dynamic: [
      'invoke emr-serverless:StartApplication -> arn:aws:emr-serverless:us-east-1:111122223333:/applications/*',
      'poll emr-serverless:GetApplication -> arn:aws:emr-serverless:us-east-1:111122223333:/applications/*',
      'cancel emr-serverless:StopApplication -> arn:aws:emr-serverless:us-east-1:111122223333:/applications/*',
      'events events:PutTargets,events:PutRule,events:DescribeRule -> arn:aws:events:us-east-1:111122223333:rule/StepFunctionsGetEventsForEMRServerlessApplicationRule',
    ],
  },
  {
    resource: 'arn:aws:states:::emr-serverless:stopApplication',
    parameters: { ApplicationId: 'app1' },
    vary: ['ApplicationId'],
    literal: [
      'invoke emr-serverless:StopApplication -> arn:aws:emr-serverless:us-east-1:111122223333:/applications/app1',
    ],
    dynamic: ['invoke emr-serverless:StopApplication -> arn:aws:emr-serverless:us-east-1:111122223333:/applications/*'],
  },
  {
    resource: 'arn:aws:states:::emr-serverless:stopApplication.sync',
    parameters: { ApplicationId: 'app1' },
    vary: ['ApplicationId'],
    literal: [
      'invoke emr-serverless:StopApplication -> arn:aws:emr-serverless:us-east-1:111122223333:/applications/app1',
      'poll emr-serverless:GetApplication -> arn:aws:emr-serverless:us-east-1:111122223333:/applications/app1',
      'events events:PutTargets,events:PutRule,events:DescribeRule -> arn:aws:events:us-east-1:111122223333:rule/StepFunctionsGetEventsForEMRServerlessApplicationRule',
    ],
    dynamic: [
      'invoke emr-serverless:StopApplication -> arn:aws:emr-serverless:us-east-1:111122223333:/applications/*',
      'poll emr-serverless:GetApplication -> arn:aws:emr-serverless:us-east-1:111122223333:/applications/*',
      'events events:PutTargets,events:PutRule,events:DescribeRule -> arn:aws:events:us-east-1:111122223333:rule/StepFunctionsGetEventsForEMRServerlessApplicationRule',
    ],
  },
  {
    resource: 'arn:aws:states:::emr-serverless:deleteApplication',
    parameters: { ApplicationId: 'app1' },
    vary: ['ApplicationId'],
    literal: [
      'invoke emr-serverless:DeleteApplication -> arn:aws:emr-serverless:us-east-1:111122223333:/applications/app1',
    ],
    dynamic: [
      'invoke emr-serverless:DeleteApplication -> arn:aws:emr-serverless:us-east-1:111122223333:/applications/*',
    ],
  },
  {
    resource: 'arn:aws:states:::emr-serverless:deleteApplication.sync',
    parameters: { ApplicationId: 'app1' },
    vary: ['ApplicationId'],
    literal: [
      'invoke emr-serverless:DeleteApplication -> arn:aws:emr-serverless:us-east-1:111122223333:/applications/app1',
      'poll emr-serverless:GetApplication -> arn:aws:emr-serverless:us-east-1:111122223333:/applications/app1',
      'events events:PutTargets,events:PutRule,events:DescribeRule -> arn:aws:events:us-east-1:111122223333:rule/StepFunctionsGetEventsForEMRServerlessApplicationRule',
    ],
    dynamic: [
      'invoke emr-serverless:DeleteApplication -> arn:aws:emr-serverless:us-east-1:111122223333:/applications/*',
      'poll emr-serverless:GetApplication -> arn:aws:emr-serverless:us-east-1:111122223333:/applications/*',
      'events events:PutTargets,events:PutRule,events:DescribeRule -> arn:aws:events:us-east-1:111122223333:rule/StepFunctionsGetEventsForEMRServerlessApplicationRule',
    ],
  },
  {
    resource: 'arn:aws:states:::emr-serverless:startJobRun',
    parameters: { ApplicationId: 'app1', ExecutionRoleArn: 'arn:aws:iam::111122223333:role/emr-job', JobDriver: {} },
    vary: ['ApplicationId', 'ExecutionRoleArn'],
    literal: [
      'invoke emr-serverless:StartJobRun -> arn:aws:emr-serverless:us-east-1:111122223333:/applications/app1',
      'passrole iam:PassRole -> arn:aws:iam::111122223333:role/emr-job',
    ],
    dynamic: [
      'invoke emr-serverless:StartJobRun -> arn:aws:emr-serverless:us-east-1:111122223333:/applications/*',
      'passrole iam:PassRole -> *',
    ],
  },
  {
    resource: 'arn:aws:states:::emr-serverless:startJobRun.sync',
    parameters: { ApplicationId: 'app1', ExecutionRoleArn: 'arn:aws:iam::111122223333:role/emr-job', JobDriver: {} },
    vary: ['ApplicationId', 'ExecutionRoleArn'],
    literal: [
      'invoke emr-serverless:StartJobRun -> arn:aws:emr-serverless:us-east-1:111122223333:/applications/app1',
      'passrole iam:PassRole -> arn:aws:iam::111122223333:role/emr-job',
      'poll emr-serverless:GetJobRun -> arn:aws:emr-serverless:us-east-1:111122223333:/applications/app1/jobruns/*',
      'cancel emr-serverless:CancelJobRun -> arn:aws:emr-serverless:us-east-1:111122223333:/applications/app1/jobruns/*',
      'events events:PutTargets,events:PutRule,events:DescribeRule -> arn:aws:events:us-east-1:111122223333:rule/StepFunctionsGetEventsForEMRServerlessJobRule',
    ],
    dynamic: [
      'invoke emr-serverless:StartJobRun -> arn:aws:emr-serverless:us-east-1:111122223333:/applications/*',
      'passrole iam:PassRole -> *',
      'poll emr-serverless:GetJobRun -> arn:aws:emr-serverless:us-east-1:111122223333:/applications/*/jobruns/*',
      'cancel emr-serverless:CancelJobRun -> arn:aws:emr-serverless:us-east-1:111122223333:/applications/*/jobruns/*',
      'events events:PutTargets,events:PutRule,events:DescribeRule -> arn:aws:events:us-east-1:111122223333:rule/StepFunctionsGetEventsForEMRServerlessJobRule',
    ],
  },
  {
    resource: 'arn:aws:states:::emr-serverless:cancelJobRun',
    parameters: { ApplicationId: 'app1', JobRunId: 'jr1' },
    vary: ['ApplicationId', 'JobRunId'],
    literal: [
      'invoke emr-serverless:CancelJobRun -> arn:aws:emr-serverless:us-east-1:111122223333:/applications/app1/jobruns/jr1',
    ],
    dynamic: [
      'invoke emr-serverless:CancelJobRun -> arn:aws:emr-serverless:us-east-1:111122223333:/applications/*/jobruns/*',
    ],
  },
  {
    resource: 'arn:aws:states:::emr-serverless:cancelJobRun.sync',
    parameters: { ApplicationId: 'app1', JobRunId: 'jr1' },
    vary: ['ApplicationId', 'JobRunId'],
    literal: [
      'invoke emr-serverless:CancelJobRun -> arn:aws:emr-serverless:us-east-1:111122223333:/applications/app1/jobruns/jr1',
      'poll emr-serverless:GetJobRun -> arn:aws:emr-serverless:us-east-1:111122223333:/applications/app1/jobruns/jr1',
      'events events:PutTargets,events:PutRule,events:DescribeRule -> arn:aws:events:us-east-1:111122223333:rule/StepFunctionsGetEventsForEMRServerlessJobRule',
    ],
    dynamic: [
      'invoke emr-serverless:CancelJobRun -> arn:aws:emr-serverless:us-east-1:111122223333:/applications/*/jobruns/*',
      'poll emr-serverless:GetJobRun -> arn:aws:emr-serverless:us-east-1:111122223333:/applications/*/jobruns/*',
      'events events:PutTargets,events:PutRule,events:DescribeRule -> arn:aws:events:us-east-1:111122223333:rule/StepFunctionsGetEventsForEMRServerlessJobRule',
    ],
  },
  {
    resource: 'arn:aws:states:::codebuild:startBuild',
    parameters: { ProjectName: 'site' },
    vary: ['ProjectName'],
    literal: ['invoke codebuild:StartBuild -> arn:aws:codebuild:us-east-1:111122223333:project/site'],
    dynamic: ['invoke codebuild:StartBuild -> arn:aws:codebuild:us-east-1:111122223333:project/*'],
  },
  {
    resource: 'arn:aws:states:::codebuild:startBuild.sync',
    parameters: { ProjectName: 'site' },
    vary: ['ProjectName'],
    literal: [
      'invoke codebuild:StartBuild -> arn:aws:codebuild:us-east-1:111122223333:project/site',
      'poll codebuild:BatchGetBuilds -> arn:aws:codebuild:us-east-1:111122223333:project/site',
      'cancel codebuild:StopBuild -> arn:aws:codebuild:us-east-1:111122223333:project/site',
      'events events:PutTargets,events:PutRule,events:DescribeRule -> arn:aws:events:us-east-1:111122223333:rule/StepFunctionsGetEventForCodeBuildStartBuildRule',
    ],
    dynamic: [
      'invoke codebuild:StartBuild -> arn:aws:codebuild:us-east-1:111122223333:project/*',
      'poll codebuild:BatchGetBuilds -> arn:aws:codebuild:us-east-1:111122223333:project/*',
      'cancel codebuild:StopBuild -> arn:aws:codebuild:us-east-1:111122223333:project/*',
      'events events:PutTargets,events:PutRule,events:DescribeRule -> arn:aws:events:us-east-1:111122223333:rule/StepFunctionsGetEventForCodeBuildStartBuildRule',
    ],
  },
  {
    resource: 'arn:aws:states:::codebuild:stopBuild',
    parameters: { Id: 'site:0e7b6c1a-8a5c-4c3e-9d2a-0123456789ab' },
    vary: ['Id'],
    literal: ['invoke codebuild:StopBuild -> arn:aws:codebuild:us-east-1:111122223333:project/site'],
    dynamic: ['invoke codebuild:StopBuild -> arn:aws:codebuild:us-east-1:111122223333:project/*'],
  },
  {
    resource: 'arn:aws:states:::codebuild:batchDeleteBuilds',
    parameters: { Ids: ['site:0e7b6c1a-8a5c-4c3e-9d2a-0123456789ab', 'api:1b2c'] },
    vary: ['Ids'],
    literal: [
      'invoke codebuild:BatchDeleteBuilds -> arn:aws:codebuild:us-east-1:111122223333:project/site arn:aws:codebuild:us-east-1:111122223333:project/api',
    ],
    dynamic: ['invoke codebuild:BatchDeleteBuilds -> arn:aws:codebuild:us-east-1:111122223333:project/*'],
  },
  {
    resource: 'arn:aws:states:::codebuild:batchGetReports',
    parameters: { ReportArns: ['arn:aws:codebuild:us-east-1:111122223333:report/unit:5f6e'] },
    vary: ['ReportArns'],
    literal: ['invoke codebuild:BatchGetReports -> arn:aws:codebuild:us-east-1:111122223333:report-group/unit'],
    dynamic: ['invoke codebuild:BatchGetReports -> arn:aws:codebuild:us-east-1:111122223333:report-group/*'],
  },
  {
    resource: 'arn:aws:states:::codebuild:startBuildBatch',
    parameters: { ProjectName: 'site' },
    vary: ['ProjectName'],
    literal: ['invoke codebuild:StartBuildBatch -> arn:aws:codebuild:us-east-1:111122223333:project/site'],
    dynamic: ['invoke codebuild:StartBuildBatch -> arn:aws:codebuild:us-east-1:111122223333:project/*'],
  },
  {
    resource: 'arn:aws:states:::codebuild:startBuildBatch.sync',
    parameters: { ProjectName: 'site' },
    vary: ['ProjectName'],
    literal: [
      'invoke codebuild:StartBuildBatch -> arn:aws:codebuild:us-east-1:111122223333:project/site',
      'poll codebuild:BatchGetBuildBatches -> arn:aws:codebuild:us-east-1:111122223333:project/site',
      'cancel codebuild:StopBuildBatch -> arn:aws:codebuild:us-east-1:111122223333:project/site',
      'events events:PutTargets,events:PutRule,events:DescribeRule -> arn:aws:events:us-east-1:111122223333:rule/StepFunctionsGetEventForCodeBuildStartBuildBatchRule',
    ],
    dynamic: [
      'invoke codebuild:StartBuildBatch -> arn:aws:codebuild:us-east-1:111122223333:project/*',
      'poll codebuild:BatchGetBuildBatches -> arn:aws:codebuild:us-east-1:111122223333:project/*',
      'cancel codebuild:StopBuildBatch -> arn:aws:codebuild:us-east-1:111122223333:project/*',
      'events events:PutTargets,events:PutRule,events:DescribeRule -> arn:aws:events:us-east-1:111122223333:rule/StepFunctionsGetEventForCodeBuildStartBuildBatchRule',
    ],
  },
  {
    resource: 'arn:aws:states:::codebuild:stopBuildBatch',
    parameters: { Id: 'site:0e7b6c1a-8a5c-4c3e-9d2a-0123456789ab' },
    vary: ['Id'],
    literal: ['invoke codebuild:StopBuildBatch -> arn:aws:codebuild:us-east-1:111122223333:project/site'],
    dynamic: ['invoke codebuild:StopBuildBatch -> arn:aws:codebuild:us-east-1:111122223333:project/*'],
  },
  {
    resource: 'arn:aws:states:::codebuild:retryBuildBatch',
    parameters: { Id: 'site:0e7b6c1a-8a5c-4c3e-9d2a-0123456789ab' },
    vary: ['Id'],
    literal: ['invoke codebuild:RetryBuildBatch -> arn:aws:codebuild:us-east-1:111122223333:project/site'],
    dynamic: ['invoke codebuild:RetryBuildBatch -> arn:aws:codebuild:us-east-1:111122223333:project/*'],
  },
  {
    resource: 'arn:aws:states:::codebuild:retryBuildBatch.sync',
    parameters: { Id: 'site:0e7b6c1a-8a5c-4c3e-9d2a-0123456789ab' },
    vary: ['Id'],
    literal: [
      'invoke codebuild:RetryBuildBatch -> arn:aws:codebuild:us-east-1:111122223333:project/site',
      'poll codebuild:BatchGetBuildBatches -> arn:aws:codebuild:us-east-1:111122223333:project/site',
      'cancel codebuild:StopBuildBatch -> arn:aws:codebuild:us-east-1:111122223333:project/site',
      'events events:PutTargets,events:PutRule,events:DescribeRule -> arn:aws:events:us-east-1:111122223333:rule/StepFunctionsGetEventForCodeBuildStartBuildBatchRule',
    ],
    dynamic: [
      'invoke codebuild:RetryBuildBatch -> arn:aws:codebuild:us-east-1:111122223333:project/*',
      'poll codebuild:BatchGetBuildBatches -> arn:aws:codebuild:us-east-1:111122223333:project/*',
      'cancel codebuild:StopBuildBatch -> arn:aws:codebuild:us-east-1:111122223333:project/*',
      'events events:PutTargets,events:PutRule,events:DescribeRule -> arn:aws:events:us-east-1:111122223333:rule/StepFunctionsGetEventForCodeBuildStartBuildBatchRule',
    ],
  },
  {
    resource: 'arn:aws:states:::codebuild:deleteBuildBatch',
    parameters: { Id: 'site:0e7b6c1a-8a5c-4c3e-9d2a-0123456789ab' },
    vary: ['Id'],
    literal: ['invoke codebuild:DeleteBuildBatch -> arn:aws:codebuild:us-east-1:111122223333:project/site'],
    dynamic: ['invoke codebuild:DeleteBuildBatch -> arn:aws:codebuild:us-east-1:111122223333:project/*'],
  },
  {
    resource: 'arn:aws:states:::athena:startQueryExecution',
    parameters: { QueryString: 'select 1', QueryExecutionContext: { Catalog: 'sales' } },
    vary: ['QueryExecutionContext.Catalog'],
    literal: [
      'invoke athena:startQueryExecution -> arn:aws:athena:us-east-1:111122223333:workgroup/primary',
      'invoke athena:getDataCatalog -> arn:aws:athena:us-east-1:111122223333:datacatalog/sales',
      'other s3:GetBucketLocation,s3:ListBucket,s3:ListBucketMultipartUploads,s3:CreateBucket -> arn:aws:s3:::*',
      'other s3:GetObject,s3:ListMultipartUploadParts,s3:AbortMultipartUpload,s3:PutObject -> arn:aws:s3:::*/*',
      'other glue:CreateDatabase,glue:GetDatabase,glue:GetDatabases,glue:UpdateDatabase -> arn:aws:glue:us-east-1:111122223333:catalog arn:aws:glue:us-east-1:111122223333:database/*',
      'other glue:DeleteDatabase -> arn:aws:glue:us-east-1:111122223333:catalog arn:aws:glue:us-east-1:111122223333:database/* arn:aws:glue:us-east-1:111122223333:table/*/* arn:aws:glue:us-east-1:111122223333:userDefinedFunction/*/*',
      'other glue:CreateTable,glue:UpdateTable,glue:GetTable,glue:GetTables,glue:DeleteTable,glue:BatchDeleteTable,glue:BatchCreatePartition,glue:CreatePartition,glue:UpdatePartition,glue:GetPartition,glue:GetPartitions,glue:BatchGetPartition,glue:DeletePartition,glue:BatchDeletePartition -> arn:aws:glue:us-east-1:111122223333:catalog arn:aws:glue:us-east-1:111122223333:database/* arn:aws:glue:us-east-1:111122223333:table/*/*',
      'other lakeformation:GetDataAccess -> *',
    ],
    dynamic: [
      'invoke athena:startQueryExecution -> arn:aws:athena:us-east-1:111122223333:workgroup/primary',
      'invoke athena:getDataCatalog -> arn:aws:athena:us-east-1:111122223333:datacatalog/*',
      'other s3:GetBucketLocation,s3:ListBucket,s3:ListBucketMultipartUploads,s3:CreateBucket -> arn:aws:s3:::*',
      'other s3:GetObject,s3:ListMultipartUploadParts,s3:AbortMultipartUpload,s3:PutObject -> arn:aws:s3:::*/*',
      'other glue:CreateDatabase,glue:GetDatabase,glue:GetDatabases,glue:UpdateDatabase -> arn:aws:glue:us-east-1:111122223333:catalog arn:aws:glue:us-east-1:111122223333:database/*',
      'other glue:DeleteDatabase -> arn:aws:glue:us-east-1:111122223333:catalog arn:aws:glue:us-east-1:111122223333:database/* arn:aws:glue:us-east-1:111122223333:table/*/* arn:aws:glue:us-east-1:111122223333:userDefinedFunction/*/*',
      'other glue:CreateTable,glue:UpdateTable,glue:GetTable,glue:GetTables,glue:DeleteTable,glue:BatchDeleteTable,glue:BatchCreatePartition,glue:CreatePartition,glue:UpdatePartition,glue:GetPartition,glue:GetPartitions,glue:BatchGetPartition,glue:DeletePartition,glue:BatchDeletePartition -> arn:aws:glue:us-east-1:111122223333:catalog arn:aws:glue:us-east-1:111122223333:database/* arn:aws:glue:us-east-1:111122223333:table/*/*',
      'other lakeformation:GetDataAccess -> *',
    ],
  },
  {
    resource: 'arn:aws:states:::athena:startQueryExecution.sync',
    parameters: { QueryString: 'select 1', WorkGroup: 'analytics' },
    vary: ['WorkGroup'],
    literal: [
      'invoke athena:startQueryExecution -> arn:aws:athena:us-east-1:111122223333:workgroup/analytics',
      'invoke athena:getDataCatalog -> arn:aws:athena:us-east-1:111122223333:datacatalog/*',
      'poll athena:getQueryExecution -> arn:aws:athena:us-east-1:111122223333:workgroup/analytics',
      'poll athena:GetWorkGroup,athena:BatchGetQueryExecution,athena:GetQueryResults,athena:ListQueryExecutions -> arn:aws:athena:us-east-1:111122223333:workgroup/analytics',
      'cancel athena:stopQueryExecution -> arn:aws:athena:us-east-1:111122223333:workgroup/analytics',
      'other s3:GetBucketLocation,s3:ListBucket,s3:ListBucketMultipartUploads,s3:CreateBucket -> arn:aws:s3:::*',
      'other s3:GetObject,s3:ListMultipartUploadParts,s3:AbortMultipartUpload,s3:PutObject -> arn:aws:s3:::*/*',
      'other glue:CreateDatabase,glue:GetDatabase,glue:GetDatabases,glue:UpdateDatabase -> arn:aws:glue:us-east-1:111122223333:catalog arn:aws:glue:us-east-1:111122223333:database/*',
      'other glue:DeleteDatabase -> arn:aws:glue:us-east-1:111122223333:catalog arn:aws:glue:us-east-1:111122223333:database/* arn:aws:glue:us-east-1:111122223333:table/*/* arn:aws:glue:us-east-1:111122223333:userDefinedFunction/*/*',
      'other glue:CreateTable,glue:UpdateTable,glue:GetTable,glue:GetTables,glue:DeleteTable,glue:BatchDeleteTable,glue:BatchCreatePartition,glue:CreatePartition,glue:UpdatePartition,glue:GetPartition,glue:GetPartitions,glue:BatchGetPartition,glue:DeletePartition,glue:BatchDeletePartition -> arn:aws:glue:us-east-1:111122223333:catalog arn:aws:glue:us-east-1:111122223333:database/* arn:aws:glue:us-east-1:111122223333:table/*/*',
      'other lakeformation:GetDataAccess -> *',
    ],
    dynamic: [
      'invoke athena:startQueryExecution -> arn:aws:athena:us-east-1:111122223333:workgroup/*',
      'invoke athena:getDataCatalog -> arn:aws:athena:us-east-1:111122223333:datacatalog/*',
      'poll athena:getQueryExecution -> arn:aws:athena:us-east-1:111122223333:workgroup/*',
      'poll athena:GetWorkGroup,athena:BatchGetQueryExecution,athena:GetQueryResults,athena:ListQueryExecutions -> arn:aws:athena:us-east-1:111122223333:workgroup/*',
      'cancel athena:stopQueryExecution -> arn:aws:athena:us-east-1:111122223333:workgroup/*',
      'other s3:GetBucketLocation,s3:ListBucket,s3:ListBucketMultipartUploads,s3:CreateBucket -> arn:aws:s3:::*',
      'other s3:GetObject,s3:ListMultipartUploadParts,s3:AbortMultipartUpload,s3:PutObject -> arn:aws:s3:::*/*',
      'other glue:CreateDatabase,glue:GetDatabase,glue:GetDatabases,glue:UpdateDatabase -> arn:aws:glue:us-east-1:111122223333:catalog arn:aws:glue:us-east-1:111122223333:database/*',
      'other glue:DeleteDatabase -> arn:aws:glue:us-east-1:111122223333:catalog arn:aws:glue:us-east-1:111122223333:database/* arn:aws:glue:us-east-1:111122223333:table/*/* arn:aws:glue:us-east-1:111122223333:userDefinedFunction/*/*',
      'other glue:CreateTable,glue:UpdateTable,glue:GetTable,glue:GetTables,glue:DeleteTable,glue:BatchDeleteTable,glue:BatchCreatePartition,glue:CreatePartition,glue:UpdatePartition,glue:GetPartition,glue:GetPartitions,glue:BatchGetPartition,glue:DeletePartition,glue:BatchDeletePartition -> arn:aws:glue:us-east-1:111122223333:catalog arn:aws:glue:us-east-1:111122223333:database/* arn:aws:glue:us-east-1:111122223333:table/*/*',
      'other lakeformation:GetDataAccess -> *',
    ],
  },
  {
    resource: 'arn:aws:states:::athena:stopQueryExecution',
    parameters: { QueryExecutionId: 'q-1' },
    vary: ['QueryExecutionId'],
    literal: ['invoke athena:stopQueryExecution -> arn:aws:athena:us-east-1:111122223333:workgroup/*'],
  },
  {
    resource: 'arn:aws:states:::athena:getQueryExecution',
    parameters: { QueryExecutionId: 'q-1' },
    vary: ['QueryExecutionId'],
    literal: ['invoke athena:getQueryExecution -> arn:aws:athena:us-east-1:111122223333:workgroup/*'],
  },
  {
    resource: 'arn:aws:states:::athena:getQueryResults',
    parameters: { QueryExecutionId: 'q-1' },
    vary: ['QueryExecutionId'],
    literal: [
      'invoke athena:getQueryResults -> arn:aws:athena:us-east-1:111122223333:workgroup/*',
      'other s3:GetObject -> arn:aws:s3:::*/*',
    ],
  },
  {
    resource: 'arn:aws:states:::eks:runJob',
    parameters: {
      ClusterName: 'prod',
      CertificateAuthority: 'ca',
      Endpoint: 'https://x.eks.amazonaws.com',
      Namespace: 'jobs',
      Job: {},
    },
    vary: ['ClusterName', 'CertificateAuthority', 'Endpoint', 'Namespace', 'Job'],
    literal: [],
  },
  {
    resource: 'arn:aws:states:::eks:runJob.sync',
    parameters: {
      ClusterName: 'prod',
      CertificateAuthority: 'ca',
      Endpoint: 'https://x.eks.amazonaws.com',
      Namespace: 'jobs',
      Job: {},
    },
    vary: ['ClusterName', 'CertificateAuthority', 'Endpoint', 'Namespace', 'Job'],
    literal: [],
  },
  {
    resource: 'arn:aws:states:::eks:call',
    parameters: {
      ClusterName: 'prod',
      CertificateAuthority: 'ca',
      Endpoint: 'https://x.eks.amazonaws.com',
      Method: 'GET',
      Path: '/api/v1/namespaces',
    },
    vary: ['ClusterName', 'CertificateAuthority', 'Endpoint', 'Method', 'Path'],
    literal: [],
  },
  {
    resource: 'arn:aws:states:::eks:createCluster',
    parameters: { Name: 'prod', RoleArn: 'arn:aws:iam::111122223333:role/eks-cluster', ResourcesVpcConfig: {} },
    vary: ['Name', 'RoleArn'],
    literal: [
      'invoke eks:CreateCluster -> *',
      'poll eks:DescribeCluster -> arn:aws:eks:us-east-1:111122223333:cluster/prod',
      'cancel eks:DeleteCluster -> arn:aws:eks:us-east-1:111122223333:cluster/prod',
      'passrole iam:PassRole -> arn:aws:iam::111122223333:role/eks-cluster',
    ],
    dynamic: [
      'invoke eks:CreateCluster -> *',
      'poll eks:DescribeCluster -> arn:aws:eks:us-east-1:111122223333:cluster/*',
      'cancel eks:DeleteCluster -> arn:aws:eks:us-east-1:111122223333:cluster/*',
      'passrole iam:PassRole -> *',
    ],
  },
  {
    resource: 'arn:aws:states:::eks:deleteCluster',
    parameters: { Name: 'prod' },
    vary: ['Name'],
    literal: [
      'invoke eks:DeleteCluster -> arn:aws:eks:us-east-1:111122223333:cluster/prod',
      'poll eks:DescribeCluster -> arn:aws:eks:us-east-1:111122223333:cluster/prod',
    ],
    dynamic: [
      'invoke eks:DeleteCluster -> arn:aws:eks:us-east-1:111122223333:cluster/*',
      'poll eks:DescribeCluster -> arn:aws:eks:us-east-1:111122223333:cluster/*',
    ],
  },
  {
    resource: 'arn:aws:states:::eks:createNodegroup',
    parameters: {
      ClusterName: 'prod',
      NodegroupName: 'ng',
      NodeRole: 'arn:aws:iam::111122223333:role/eks-node',
      Subnets: ['subnet-1'],
    },
    vary: ['ClusterName', 'NodegroupName', 'Subnets', 'NodeRole'],
    literal: [
      'invoke eks:CreateNodegroup -> arn:aws:eks:us-east-1:111122223333:cluster/prod',
      'invoke ec2:DescribeSubnets -> *',
      'poll eks:DescribeNodegroup -> arn:aws:eks:us-east-1:111122223333:nodegroup/prod/ng/*',
      'cancel eks:DeleteNodegroup -> arn:aws:eks:us-east-1:111122223333:nodegroup/prod/ng/*',
      'other iam:GetRole,iam:ListAttachedRolePolicies -> arn:aws:iam::111122223333:role/*',
      'passrole iam:PassRole -> arn:aws:iam::111122223333:role/eks-node',
    ],
    dynamic: [
      'invoke eks:CreateNodegroup -> arn:aws:eks:us-east-1:111122223333:cluster/*',
      'invoke ec2:DescribeSubnets -> *',
      'poll eks:DescribeNodegroup -> arn:aws:eks:us-east-1:111122223333:nodegroup/*/*/*',
      'cancel eks:DeleteNodegroup -> arn:aws:eks:us-east-1:111122223333:nodegroup/*/*/*',
      'other iam:GetRole,iam:ListAttachedRolePolicies -> arn:aws:iam::111122223333:role/*',
      'passrole iam:PassRole -> *',
    ],
  },
  {
    resource: 'arn:aws:states:::eks:deleteNodegroup',
    parameters: { ClusterName: 'prod', NodegroupName: 'ng' },
    vary: ['ClusterName', 'NodegroupName'],
    literal: [
      'invoke eks:DeleteNodegroup -> arn:aws:eks:us-east-1:111122223333:nodegroup/prod/ng/*',
      'poll eks:DescribeNodegroup -> arn:aws:eks:us-east-1:111122223333:nodegroup/prod/ng/*',
    ],
    dynamic: [
      'invoke eks:DeleteNodegroup -> arn:aws:eks:us-east-1:111122223333:nodegroup/*/*/*',
      'poll eks:DescribeNodegroup -> arn:aws:eks:us-east-1:111122223333:nodegroup/*/*/*',
    ],
  },
  {
    resource: 'arn:aws:states:::eks:createFargateProfile',
    parameters: {
      ClusterName: 'prod',
      FargateProfileName: 'fp',
      PodExecutionRoleArn: 'arn:aws:iam::111122223333:role/eks-pod',
    },
    vary: ['ClusterName', 'FargateProfileName', 'PodExecutionRoleArn'],
    literal: [
      'invoke eks:CreateFargateProfile -> arn:aws:eks:us-east-1:111122223333:cluster/prod',
      'poll eks:DescribeFargateProfile -> arn:aws:eks:us-east-1:111122223333:fargateprofile/prod/fp/*',
      'cancel eks:DeleteFargateProfile -> arn:aws:eks:us-east-1:111122223333:fargateprofile/prod/fp/*',
      'passrole iam:PassRole -> arn:aws:iam::111122223333:role/eks-pod',
    ],
    dynamic: [
      'invoke eks:CreateFargateProfile -> arn:aws:eks:us-east-1:111122223333:cluster/*',
      'poll eks:DescribeFargateProfile -> arn:aws:eks:us-east-1:111122223333:fargateprofile/*/*/*',
      'cancel eks:DeleteFargateProfile -> arn:aws:eks:us-east-1:111122223333:fargateprofile/*/*/*',
      'passrole iam:PassRole -> *',
    ],
  },
  {
    resource: 'arn:aws:states:::eks:deleteFargateProfile',
    parameters: { ClusterName: 'prod', FargateProfileName: 'fp' },
    vary: ['ClusterName', 'FargateProfileName'],
    literal: [
      'invoke eks:DeleteFargateProfile -> arn:aws:eks:us-east-1:111122223333:fargateprofile/prod/fp/*',
      'poll eks:DescribeFargateProfile -> arn:aws:eks:us-east-1:111122223333:fargateprofile/prod/fp/*',
    ],
    dynamic: [
      'invoke eks:DeleteFargateProfile -> arn:aws:eks:us-east-1:111122223333:fargateprofile/*/*/*',
      'poll eks:DescribeFargateProfile -> arn:aws:eks:us-east-1:111122223333:fargateprofile/*/*/*',
    ],
  },
  {
    resource: 'arn:aws:states:::eks:createCluster.sync',
    parameters: { Name: 'prod', RoleArn: 'arn:aws:iam::111122223333:role/eks-cluster', ResourcesVpcConfig: {} },
    vary: ['Name', 'RoleArn'],
    literal: [
      'invoke eks:CreateCluster -> *',
      'poll eks:DescribeCluster -> arn:aws:eks:us-east-1:111122223333:cluster/prod',
      'cancel eks:DeleteCluster -> arn:aws:eks:us-east-1:111122223333:cluster/prod',
      'passrole iam:PassRole -> arn:aws:iam::111122223333:role/eks-cluster',
    ],
    dynamic: [
      'invoke eks:CreateCluster -> *',
      'poll eks:DescribeCluster -> arn:aws:eks:us-east-1:111122223333:cluster/*',
      'cancel eks:DeleteCluster -> arn:aws:eks:us-east-1:111122223333:cluster/*',
      'passrole iam:PassRole -> *',
    ],
  },
  {
    resource: 'arn:aws:states:::eks:deleteCluster.sync',
    parameters: { Name: 'prod' },
    vary: ['Name'],
    literal: [
      'invoke eks:DeleteCluster -> arn:aws:eks:us-east-1:111122223333:cluster/prod',
      'poll eks:DescribeCluster -> arn:aws:eks:us-east-1:111122223333:cluster/prod',
    ],
    dynamic: [
      'invoke eks:DeleteCluster -> arn:aws:eks:us-east-1:111122223333:cluster/*',
      'poll eks:DescribeCluster -> arn:aws:eks:us-east-1:111122223333:cluster/*',
    ],
  },
  {
    resource: 'arn:aws:states:::eks:createNodegroup.sync',
    parameters: {
      ClusterName: 'prod',
      NodegroupName: 'ng',
      NodeRole: 'arn:aws:iam::111122223333:role/eks-node',
      Subnets: ['subnet-1'],
    },
    vary: ['ClusterName', 'NodegroupName', 'Subnets', 'NodeRole'],
    literal: [
      'invoke eks:CreateNodegroup -> arn:aws:eks:us-east-1:111122223333:cluster/prod',
      'invoke ec2:DescribeSubnets -> *',
      'poll eks:DescribeNodegroup -> arn:aws:eks:us-east-1:111122223333:nodegroup/prod/ng/*',
      'cancel eks:DeleteNodegroup -> arn:aws:eks:us-east-1:111122223333:nodegroup/prod/ng/*',
      'other iam:GetRole,iam:ListAttachedRolePolicies -> arn:aws:iam::111122223333:role/*',
      'passrole iam:PassRole -> arn:aws:iam::111122223333:role/eks-node',
    ],
    dynamic: [
      'invoke eks:CreateNodegroup -> arn:aws:eks:us-east-1:111122223333:cluster/*',
      'invoke ec2:DescribeSubnets -> *',
      'poll eks:DescribeNodegroup -> arn:aws:eks:us-east-1:111122223333:nodegroup/*/*/*',
      'cancel eks:DeleteNodegroup -> arn:aws:eks:us-east-1:111122223333:nodegroup/*/*/*',
      'other iam:GetRole,iam:ListAttachedRolePolicies -> arn:aws:iam::111122223333:role/*',
      'passrole iam:PassRole -> *',
    ],
  },
  {
    resource: 'arn:aws:states:::eks:deleteNodegroup.sync',
    parameters: { ClusterName: 'prod', NodegroupName: 'ng' },
    vary: ['ClusterName', 'NodegroupName'],
    literal: [
      'invoke eks:DeleteNodegroup -> arn:aws:eks:us-east-1:111122223333:nodegroup/prod/ng/*',
      'poll eks:DescribeNodegroup -> arn:aws:eks:us-east-1:111122223333:nodegroup/prod/ng/*',
    ],
    dynamic: [
      'invoke eks:DeleteNodegroup -> arn:aws:eks:us-east-1:111122223333:nodegroup/*/*/*',
      'poll eks:DescribeNodegroup -> arn:aws:eks:us-east-1:111122223333:nodegroup/*/*/*',
    ],
  },
  {
    resource: 'arn:aws:states:::eks:createFargateProfile.sync',
    parameters: {
      ClusterName: 'prod',
      FargateProfileName: 'fp',
      PodExecutionRoleArn: 'arn:aws:iam::111122223333:role/eks-pod',
    },
    vary: ['ClusterName', 'FargateProfileName', 'PodExecutionRoleArn'],
    literal: [
      'invoke eks:CreateFargateProfile -> arn:aws:eks:us-east-1:111122223333:cluster/prod',
      'poll eks:DescribeFargateProfile -> arn:aws:eks:us-east-1:111122223333:fargateprofile/prod/fp/*',
      'cancel eks:DeleteFargateProfile -> arn:aws:eks:us-east-1:111122223333:fargateprofile/prod/fp/*',
      'passrole iam:PassRole -> arn:aws:iam::111122223333:role/eks-pod',
    ],
    dynamic: [
      'invoke eks:CreateFargateProfile -> arn:aws:eks:us-east-1:111122223333:cluster/*',
      'poll eks:DescribeFargateProfile -> arn:aws:eks:us-east-1:111122223333:fargateprofile/*/*/*',
      'cancel eks:DeleteFargateProfile -> arn:aws:eks:us-east-1:111122223333:fargateprofile/*/*/*',
      'passrole iam:PassRole -> *',
    ],
  },
  {
    resource: 'arn:aws:states:::eks:deleteFargateProfile.sync',
    parameters: { ClusterName: 'prod', FargateProfileName: 'fp' },
    vary: ['ClusterName', 'FargateProfileName'],
    literal: [
      'invoke eks:DeleteFargateProfile -> arn:aws:eks:us-east-1:111122223333:fargateprofile/prod/fp/*',
      'poll eks:DescribeFargateProfile -> arn:aws:eks:us-east-1:111122223333:fargateprofile/prod/fp/*',
    ],
    dynamic: [
      'invoke eks:DeleteFargateProfile -> arn:aws:eks:us-east-1:111122223333:fargateprofile/*/*/*',
      'poll eks:DescribeFargateProfile -> arn:aws:eks:us-east-1:111122223333:fargateprofile/*/*/*',
    ],
  },
  {
    resource: 'arn:aws:states:::databrew:startJobRun',
    parameters: { Name: 'clean' },
    vary: ['Name'],
    literal: ['invoke databrew:startJobRun -> arn:aws:databrew:us-east-1:111122223333:job/clean'],
    dynamic: ['invoke databrew:startJobRun -> arn:aws:databrew:us-east-1:111122223333:job/*'],
  },
  {
    resource: 'arn:aws:states:::databrew:startJobRun.sync',
    parameters: { Name: 'clean' },
    vary: ['Name'],
    literal: [
      'invoke databrew:startJobRun -> arn:aws:databrew:us-east-1:111122223333:job/clean',
      'poll databrew:listJobRuns -> arn:aws:databrew:us-east-1:111122223333:job/clean',
      'cancel databrew:stopJobRun -> arn:aws:databrew:us-east-1:111122223333:job/clean',
    ],
    dynamic: [
      'invoke databrew:startJobRun -> arn:aws:databrew:us-east-1:111122223333:job/*',
      'poll databrew:listJobRuns -> arn:aws:databrew:us-east-1:111122223333:job/*',
      'cancel databrew:stopJobRun -> arn:aws:databrew:us-east-1:111122223333:job/*',
    ],
  },
  {
    resource: 'arn:aws:states:::bedrock:invokeModel',
    parameters: {
      ModelId: 'anthropic.claude-3-haiku-20240307-v1:0',
      Input: { S3Uri: 's3://prompts/in/request.json' },
      Output: { S3Uri: 's3://prompts/out/response.json' },
      GuardrailIdentifier: 'gr1abc',
      GuardrailVersion: '1',
    },
    vary: ['ModelId', 'Input.S3Uri', 'Output.S3Uri', 'GuardrailIdentifier', 'GuardrailVersion'],
    literal: [
      'invoke bedrock:InvokeModel -> arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0',
      'other s3:GetObject -> arn:aws:s3:::prompts/in/request.json',
      'other s3:PutObject -> arn:aws:s3:::prompts/out/response.json',
      'other bedrock:ApplyGuardrail -> arn:aws:bedrock:us-east-1:111122223333:guardrail/gr1abc',
      'other bedrock:GetGuardrail -> arn:aws:bedrock:us-east-1:111122223333:guardrail/gr1abc',
    ],
    dynamic: [
      'invoke bedrock:InvokeModel -> arn:aws:bedrock:*::foundation-model/*',
      'other s3:GetObject -> *',
      'other s3:PutObject -> *',
      'other bedrock:ApplyGuardrail -> arn:aws:bedrock:*:*:guardrail/*',
      'other bedrock:GetGuardrail -> arn:aws:bedrock:*:*:guardrail/*',
    ],
  },
  {
    resource: 'arn:aws:states:::bedrock:createModelCustomizationJob',
    parameters: {
      BaseModelIdentifier: 'amazon.titan-text-express-v1',
      CustomModelName: 'tuned',
      JobName: 'tune-1',
      RoleArn: 'arn:aws:iam::111122223333:role/bedrock-tune',
      TrainingDataConfig: {},
      OutputDataConfig: {},
      HyperParameters: {},
    },
    vary: ['BaseModelIdentifier', 'CustomModelName', 'JobName', 'RoleArn'],
    literal: [
      'invoke bedrock:CreateModelCustomizationJob -> arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-text-express-v1 arn:aws:bedrock:us-east-1:111122223333:custom-model/*',
      'passrole iam:PassRole -> arn:aws:iam::111122223333:role/bedrock-tune',
    ],
    dynamic: [
      'invoke bedrock:CreateModelCustomizationJob -> arn:aws:bedrock:*::foundation-model/* arn:aws:bedrock:us-east-1:111122223333:custom-model/*',
      'passrole iam:PassRole -> *',
    ],
  },
  {
    resource: 'arn:aws:states:::bedrock:createModelCustomizationJob.sync',
    parameters: {
      BaseModelIdentifier: 'amazon.titan-text-express-v1',
      CustomModelName: 'tuned',
      JobName: 'tune-1',
      RoleArn: 'arn:aws:iam::111122223333:role/bedrock-tune',
      TrainingDataConfig: {},
      OutputDataConfig: {},
      HyperParameters: {},
    },
    vary: ['BaseModelIdentifier', 'CustomModelName', 'JobName', 'RoleArn'],
    literal: [
      'invoke bedrock:CreateModelCustomizationJob -> arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-text-express-v1 arn:aws:bedrock:us-east-1:111122223333:custom-model/*',
      'poll bedrock:GetModelCustomizationJob -> arn:aws:bedrock:us-east-1:111122223333:model-customization-job/*',
      'cancel bedrock:StopModelCustomizationJob -> arn:aws:bedrock:us-east-1:111122223333:model-customization-job/*',
      'passrole iam:PassRole -> arn:aws:iam::111122223333:role/bedrock-tune',
    ],
    dynamic: [
      'invoke bedrock:CreateModelCustomizationJob -> arn:aws:bedrock:*::foundation-model/* arn:aws:bedrock:us-east-1:111122223333:custom-model/*',
      'poll bedrock:GetModelCustomizationJob -> arn:aws:bedrock:us-east-1:111122223333:model-customization-job/*',
      'cancel bedrock:StopModelCustomizationJob -> arn:aws:bedrock:us-east-1:111122223333:model-customization-job/*',
      'passrole iam:PassRole -> *',
    ],
  },
  {
    resource: 'arn:aws:states:::mediaconvert:createJob',
    parameters: { Role: 'arn:aws:iam::111122223333:role/mc', Settings: {}, Queue: 'fast', JobTemplate: 'hd' },
    vary: ['Queue', 'JobTemplate', 'Settings', 'Role'],
    literal: [
      'invoke mediaconvert:CreateJob -> arn:aws:mediaconvert:us-east-1:111122223333:queues/fast',
      'invoke mediaconvert:CreateJob -> arn:aws:mediaconvert:us-east-1:111122223333:jobTemplates/hd',
      'passrole iam:PassRole -> arn:aws:iam::111122223333:role/mc',
    ],
    dynamic: [
      'invoke mediaconvert:CreateJob -> arn:aws:mediaconvert:us-east-1:111122223333:queues/*',
      'invoke mediaconvert:CreateJob -> arn:aws:mediaconvert:us-east-1:111122223333:jobTemplates/*',
      'passrole iam:PassRole -> *',
    ],
  },
  {
    resource: 'arn:aws:states:::mediaconvert:createJob.sync',
    parameters: { Role: 'arn:aws:iam::111122223333:role/mc', Settings: {} },
    vary: ['Settings', 'Role'],
    literal: [
      'invoke mediaconvert:CreateJob -> arn:aws:mediaconvert:us-east-1:111122223333:queues/*',
      'poll mediaconvert:GetJob -> arn:aws:mediaconvert:us-east-1:111122223333:jobs/*',
      'cancel mediaconvert:CancelJob -> arn:aws:mediaconvert:us-east-1:111122223333:jobs/*',
      'passrole iam:PassRole -> arn:aws:iam::111122223333:role/mc',
      'events events:PutTargets,events:PutRule,events:DescribeRule -> arn:aws:events:us-east-1:111122223333:rule/StepFunctionsGetEventsForMediaConvertJobRule',
    ],
    dynamic: [
      'invoke mediaconvert:CreateJob -> arn:aws:mediaconvert:us-east-1:111122223333:queues/*',
      'poll mediaconvert:GetJob -> arn:aws:mediaconvert:us-east-1:111122223333:jobs/*',
      'cancel mediaconvert:CancelJob -> arn:aws:mediaconvert:us-east-1:111122223333:jobs/*',
      'passrole iam:PassRole -> *',
      'events events:PutTargets,events:PutRule,events:DescribeRule -> arn:aws:events:us-east-1:111122223333:rule/StepFunctionsGetEventsForMediaConvertJobRule',
    ],
  },
];

/** The parameters with each `vary` field (dots for nesting, `[*]` for arrays) turned into JSONPath or a placeholder. */
function withVaried(parameters: Record<string, unknown>, vary: readonly string[], kind: 'dynamic' | 'placeholder') {
  const out = structuredClone(parameters);
  for (const field of vary) {
    const path = field.replace('[*]', '').split('.');
    const last = path.pop() ?? '';
    let node: Record<string, unknown> = out;
    for (const key of path) node = node[key] as Record<string, unknown>;
    const name = field.replace('[*]', '').replaceAll('.', '');
    const value = node[last];
    if (kind === 'dynamic') {
      delete node[last];
      node[`${last}.$`] = `$.${name}`;
    } else {
      node[last] = Array.isArray(value) ? value.map((_, i) => `\${${name}${i}}`) : `\${${name}}`;
    }
  }
  return out;
}

function derive(resource: string, parameters: Record<string, unknown>): string[] {
  const definition = {
    StartAt: 'T',
    States: { T: { Type: 'Task', Resource: resource, Parameters: parameters, End: true } },
  };
  return deriveRequirements(definition, CONTEXT).map(
    (r) => `${r.purpose} ${r.actions.join(',')} -> ${r.resources.join(' ')}`,
  );
}

describe('deriveRequirements (authorized resources of the job integrations)', () => {
  it('has a row for every catalogue entry of these integrations', () => {
    const entries = CATALOGUE.filter((entry) => SERVICES.has(entry.service)).map((entry) => entry.resource);
    expect(ROWS.map((row) => row.resource).sort()).toEqual([...entries].sort());
  });

  it.each(ROWS)('$resource: literal parameters', (row) => {
    expect(derive(row.resource, row.parameters)).toEqual(row.literal);
  });

  it.each(ROWS)('$resource: JSONPath parameters leave holes', (row) => {
    expect(derive(row.resource, withVaried(row.parameters, row.vary, 'dynamic'))).toEqual(row.dynamic ?? row.literal);
  });

  it.each(ROWS)('$resource: unapplied ${…} placeholders are holes, never ARN text', (row) => {
    const derived = derive(row.resource, withVaried(row.parameters, row.vary, 'placeholder'));
    expect(derived).toEqual(row.dynamic ?? row.literal);
    expect(derived.join(' ')).not.toContain('${');
  });
});
