// biome-ignore-all lint/suspicious/noTemplateCurlyInString: catalogue templates use ${…} placeholders
import type { Integration, PermissionSpec } from '../types.js';

const INVOKE_CREATE_TRAINING_JOB = {
  purpose: 'invoke',
  actions: ['sagemaker:CreateTrainingJob'],
  staticResources: ['arn:${Partition}:sagemaker:${Region}:${Account}:training-job/${Param:TrainingJobName}*'],
  dynamicResources: ['arn:${Partition}:sagemaker:${Region}:${Account}:training-job/*'],
  parameterFields: ['TrainingJobName'],
} satisfies PermissionSpec;

const OTHER_TAGS = {
  purpose: 'other',
  actions: ['sagemaker:ListTags'],
  staticResources: ['*'],
  dynamicResources: ['*'],
  parameterFields: [],
  note: 'The current template grants ListTags and AddTags on "*" (2023: ListTags only); ListTags is authorized on the job.',
} satisfies PermissionSpec;

/**
 * Tagging on create: SageMaker authorizes `Tags` of a Create* call as sagemaker:AddTags on the resource being created,
 * so it is needed only when the state sets Tags. https://docs.aws.amazon.com/sagemaker/latest/dg/security_iam_id-based-policy-examples.html#grant-tagging-permissions
 */
const OTHER_ADD_TAGS = {
  purpose: 'other',
  actions: ['sagemaker:AddTags'],
  staticResources: ['*'],
  dynamicResources: ['*'],
  parameterFields: [],
  onlyWhenFields: ['Tags'],
  note: 'The current template grants AddTags on "*"; it is used only to tag the new resource.',
} satisfies PermissionSpec;

const PASSROLE_PASS_ROLE = {
  purpose: 'passrole',
  actions: ['iam:PassRole'],
  staticResources: ['${Param:RoleArn}'],
  dynamicResources: ['${Param:RoleArn}'],
  parameterFields: ['RoleArn'],
  condition: {
    StringEquals: {
      'iam:PassedToService': 'sagemaker.amazonaws.com',
    },
  },
  note: 'The role SageMaker uses for artifacts, images and data; the dynamic template still names this role.',
} satisfies PermissionSpec;

const INVOKE_CREATE_TRANSFORM_JOB = {
  purpose: 'invoke',
  actions: ['sagemaker:CreateTransformJob'],
  staticResources: ['arn:${Partition}:sagemaker:${Region}:${Account}:transform-job/${Param:TransformJobName}*'],
  dynamicResources: ['arn:${Partition}:sagemaker:${Region}:${Account}:transform-job/*'],
  parameterFields: ['TransformJobName'],
} satisfies PermissionSpec;

const PASSROLE_MODEL_ROLE = {
  purpose: 'passrole',
  actions: ['iam:PassRole'],
  staticResources: ['${Param:RoleArn}'],
  dynamicResources: ['${Param:RoleArn}'],
  parameterFields: ['RoleArn'],
  condition: {
    StringEquals: {
      'iam:PassedToService': 'sagemaker.amazonaws.com',
    },
  },
  note: 'The role SageMaker uses for artifacts, images and data. CreateTransformJob has no RoleArn field, yet the template keeps this statement.',
} satisfies PermissionSpec;

// Unconfirmed: no AWS template; CDK and SageMaker naming are required as written so a role lacking them is reported.
const INVOKE_CREATE_HYPER_PARAMETER_TUNING_JOB = {
  purpose: 'invoke',
  actions: ['sagemaker:CreateHyperParameterTuningJob'],
  staticResources: [
    'arn:${Partition}:sagemaker:${Region}:${Account}:hyper-parameter-tuning-job/${Param:HyperParameterTuningJobName}',
  ],
  dynamicResources: ['arn:${Partition}:sagemaker:${Region}:${Account}:hyper-parameter-tuning-job/*'],
  parameterFields: ['HyperParameterTuningJobName'],
  inferred: true,
  note: "No AWS template for this API: actions follow SageMaker's Create/Describe/Stop naming.",
} satisfies PermissionSpec;

const OTHER_TAGS_UNDOCUMENTED = { ...OTHER_TAGS, inferred: true } satisfies PermissionSpec;

const OTHER_ADD_TAGS_UNDOCUMENTED = { ...OTHER_ADD_TAGS, inferred: true } satisfies PermissionSpec;

const PASSROLE_TUNING_ROLE = {
  purpose: 'passrole',
  actions: ['iam:PassRole'],
  staticResources: ['${Param:TrainingJobDefinition.RoleArn}'],
  dynamicResources: ['${Param:TrainingJobDefinition.RoleArn}'],
  parameterFields: ['TrainingJobDefinition.RoleArn'],
  condition: {
    StringEquals: {
      'iam:PassedToService': 'sagemaker.amazonaws.com',
    },
  },
  inferred: true,
  note: 'The role SageMaker uses for artifacts, images and data; the dynamic template still names this role.',
} satisfies PermissionSpec;

// Unconfirmed: no AWS template; CDK and SageMaker naming are required as written so a role lacking them is reported.
const INVOKE_CREATE_PROCESSING_JOB = {
  purpose: 'invoke',
  actions: ['sagemaker:CreateProcessingJob'],
  staticResources: ['arn:${Partition}:sagemaker:${Region}:${Account}:processing-job/${Param:ProcessingJobName}'],
  dynamicResources: ['arn:${Partition}:sagemaker:${Region}:${Account}:processing-job/*'],
  parameterFields: ['ProcessingJobName'],
  inferred: true,
  note: "No AWS template for this API: actions follow SageMaker's Create/Describe/Stop naming.",
} satisfies PermissionSpec;

const PASSROLE_ROLE_UNDOCUMENTED = {
  purpose: 'passrole',
  actions: ['iam:PassRole'],
  staticResources: ['${Param:RoleArn}'],
  dynamicResources: ['${Param:RoleArn}'],
  parameterFields: ['RoleArn'],
  condition: {
    StringEquals: {
      'iam:PassedToService': 'sagemaker.amazonaws.com',
    },
  },
  inferred: true,
  note: 'The role SageMaker uses for artifacts, images and data; the dynamic template still names this role.',
} satisfies PermissionSpec;

// Unconfirmed: no AWS template; CDK and SageMaker naming are required as written so a role lacking them is reported.
const INVOKE_CREATE_LABELING_JOB = {
  purpose: 'invoke',
  actions: ['sagemaker:CreateLabelingJob'],
  staticResources: ['arn:${Partition}:sagemaker:${Region}:${Account}:labeling-job/${Param:LabelingJobName}'],
  dynamicResources: ['arn:${Partition}:sagemaker:${Region}:${Account}:labeling-job/*'],
  parameterFields: ['LabelingJobName'],
  inferred: true,
  note: "No AWS template for this API: actions follow SageMaker's Create/Describe/Stop naming.",
} satisfies PermissionSpec;

const OTHER_LIST_TAGS_UNDOCUMENTED = {
  purpose: 'other',
  actions: ['sagemaker:ListTags'],
  staticResources: ['*'],
  dynamicResources: ['*'],
  parameterFields: [],
  inferred: true,
  note: 'AWS CDK adds ListTags on "*" for these tasks, like the documented SageMaker templates.',
} satisfies PermissionSpec;

/** Amazon SageMaker AI jobs, endpoints and models; entries without an AWS template are marked inferred. */
export const SAGEMAKER_INTEGRATIONS: readonly Integration[] = [
  {
    resource: 'arn:aws:states:::sagemaker:createTrainingJob',
    service: 'sagemaker',
    api: 'CreateTrainingJob',
    pattern: 'request-response',
    kind: 'task',
    permissions: [INVOKE_CREATE_TRAINING_JOB, OTHER_TAGS, OTHER_ADD_TAGS, PASSROLE_PASS_ROLE],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-sagemaker.html#sagemaker-iam',
    docStatus: 'documented',
    notes: [
      "The job resource ends with '*' after the name (prefix match).",
      'The policy tab mentions callback but SageMaker does not support it; no callback entry.',
    ],
  },
  {
    resource: 'arn:aws:states:::sagemaker:createTrainingJob.sync',
    service: 'sagemaker',
    api: 'CreateTrainingJob',
    pattern: 'sync',
    kind: 'task',
    permissions: [
      INVOKE_CREATE_TRAINING_JOB,
      {
        purpose: 'poll',
        actions: ['sagemaker:DescribeTrainingJob'],
        staticResources: ['arn:${Partition}:sagemaker:${Region}:${Account}:training-job/${Param:TrainingJobName}*'],
        dynamicResources: ['arn:${Partition}:sagemaker:${Region}:${Account}:training-job/*'],
        parameterFields: ['TrainingJobName'],
      },
      {
        purpose: 'cancel',
        actions: ['sagemaker:StopTrainingJob'],
        staticResources: ['arn:${Partition}:sagemaker:${Region}:${Account}:training-job/${Param:TrainingJobName}*'],
        dynamicResources: ['arn:${Partition}:sagemaker:${Region}:${Account}:training-job/*'],
        parameterFields: ['TrainingJobName'],
      },
      OTHER_TAGS,
      OTHER_ADD_TAGS,
      PASSROLE_PASS_ROLE,
      {
        purpose: 'events',
        actions: ['events:PutTargets', 'events:PutRule', 'events:DescribeRule'],
        staticResources: [
          'arn:${Partition}:events:${Region}:${Account}:rule/StepFunctionsGetEventsForSageMakerTrainingJobsRule',
        ],
        dynamicResources: [
          'arn:${Partition}:events:${Region}:${Account}:rule/StepFunctionsGetEventsForSageMakerTrainingJobsRule',
        ],
        parameterFields: [],
        managedRule: 'StepFunctionsGetEventsForSageMakerTrainingJobsRule',
        note: 'Account-wide managed rule through which Step Functions hears that the job finished; without it completion is only seen by polling.',
      },
    ],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-sagemaker.html#sagemaker-iam',
    docStatus: 'documented',
    notes: ["The job resource ends with '*' after the name (prefix match)."],
  },
  {
    resource: 'arn:aws:states:::sagemaker:createTransformJob',
    service: 'sagemaker',
    api: 'CreateTransformJob',
    pattern: 'request-response',
    kind: 'task',
    permissions: [INVOKE_CREATE_TRANSFORM_JOB, OTHER_TAGS, OTHER_ADD_TAGS, PASSROLE_MODEL_ROLE],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-sagemaker.html#sagemaker-iam',
    docStatus: 'documented',
    notes: [
      "The job resource ends with '*' after the name (prefix match).",
      'Step Functions does not generate a policy for CreateTransformJob; it must be attached by hand.',
      'The policy tab mentions callback but SageMaker does not support it; no callback entry.',
    ],
  },
  {
    resource: 'arn:aws:states:::sagemaker:createTransformJob.sync',
    service: 'sagemaker',
    api: 'CreateTransformJob',
    pattern: 'sync',
    kind: 'task',
    permissions: [
      INVOKE_CREATE_TRANSFORM_JOB,
      {
        purpose: 'poll',
        actions: ['sagemaker:DescribeTransformJob'],
        staticResources: ['arn:${Partition}:sagemaker:${Region}:${Account}:transform-job/${Param:TransformJobName}*'],
        dynamicResources: ['arn:${Partition}:sagemaker:${Region}:${Account}:transform-job/*'],
        parameterFields: ['TransformJobName'],
      },
      {
        purpose: 'cancel',
        actions: ['sagemaker:StopTransformJob'],
        staticResources: ['arn:${Partition}:sagemaker:${Region}:${Account}:transform-job/${Param:TransformJobName}*'],
        dynamicResources: ['arn:${Partition}:sagemaker:${Region}:${Account}:transform-job/*'],
        parameterFields: ['TransformJobName'],
      },
      OTHER_TAGS,
      OTHER_ADD_TAGS,
      PASSROLE_MODEL_ROLE,
      {
        purpose: 'events',
        actions: ['events:PutTargets', 'events:PutRule', 'events:DescribeRule'],
        staticResources: [
          'arn:${Partition}:events:${Region}:${Account}:rule/StepFunctionsGetEventsForSageMakerTransformJobsRule',
        ],
        dynamicResources: [
          'arn:${Partition}:events:${Region}:${Account}:rule/StepFunctionsGetEventsForSageMakerTransformJobsRule',
        ],
        parameterFields: [],
        managedRule: 'StepFunctionsGetEventsForSageMakerTransformJobsRule',
        note: 'Account-wide managed rule through which Step Functions hears that the job finished; without it completion is only seen by polling.',
      },
    ],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-sagemaker.html#sagemaker-iam',
    docStatus: 'documented',
    notes: [
      "The job resource ends with '*' after the name (prefix match).",
      'Step Functions does not generate a policy for CreateTransformJob; it must be attached by hand.',
    ],
  },
  {
    resource: 'arn:aws:states:::sagemaker:createHyperParameterTuningJob',
    service: 'sagemaker',
    api: 'CreateHyperParameterTuningJob',
    pattern: 'request-response',
    kind: 'task',
    permissions: [
      INVOKE_CREATE_HYPER_PARAMETER_TUNING_JOB,
      OTHER_TAGS_UNDOCUMENTED,
      OTHER_ADD_TAGS_UNDOCUMENTED,
      PASSROLE_TUNING_ROLE,
    ],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-sagemaker.html',
    docStatus: 'api-listed-no-template',
  },
  {
    resource: 'arn:aws:states:::sagemaker:createHyperParameterTuningJob.sync',
    service: 'sagemaker',
    api: 'CreateHyperParameterTuningJob',
    pattern: 'sync',
    kind: 'task',
    permissions: [
      INVOKE_CREATE_HYPER_PARAMETER_TUNING_JOB,
      {
        purpose: 'poll',
        actions: ['sagemaker:DescribeHyperParameterTuningJob'],
        staticResources: [
          'arn:${Partition}:sagemaker:${Region}:${Account}:hyper-parameter-tuning-job/${Param:HyperParameterTuningJobName}',
        ],
        dynamicResources: ['arn:${Partition}:sagemaker:${Region}:${Account}:hyper-parameter-tuning-job/*'],
        parameterFields: ['HyperParameterTuningJobName'],
        inferred: true,
        note: "No AWS template for this API: actions follow SageMaker's Create/Describe/Stop naming.",
      },
      {
        purpose: 'cancel',
        actions: ['sagemaker:StopHyperParameterTuningJob'],
        staticResources: [
          'arn:${Partition}:sagemaker:${Region}:${Account}:hyper-parameter-tuning-job/${Param:HyperParameterTuningJobName}',
        ],
        dynamicResources: ['arn:${Partition}:sagemaker:${Region}:${Account}:hyper-parameter-tuning-job/*'],
        parameterFields: ['HyperParameterTuningJobName'],
        inferred: true,
        note: "No AWS template for this API: actions follow SageMaker's Create/Describe/Stop naming.",
      },
      OTHER_TAGS_UNDOCUMENTED,
      OTHER_ADD_TAGS_UNDOCUMENTED,
      PASSROLE_TUNING_ROLE,
      // Unconfirmed rule name (AWS CDK / Data Science SDK), required so a missing grant is reported.
      {
        purpose: 'events',
        actions: ['events:PutTargets', 'events:PutRule', 'events:DescribeRule'],
        staticResources: [
          'arn:${Partition}:events:${Region}:${Account}:rule/StepFunctionsGetEventsForSageMakerTuningJobsRule',
        ],
        dynamicResources: [
          'arn:${Partition}:events:${Region}:${Account}:rule/StepFunctionsGetEventsForSageMakerTuningJobsRule',
        ],
        parameterFields: [],
        managedRule: 'StepFunctionsGetEventsForSageMakerTuningJobsRule',
        inferred: true,
        note: 'Rule name absent from the Step Functions pages; it comes from AWS CDK (processing) and the Data Science SDK policy (tuning).',
      },
    ],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-sagemaker.html',
    docStatus: 'api-listed-no-template',
  },
  {
    resource: 'arn:aws:states:::sagemaker:createProcessingJob',
    service: 'sagemaker',
    api: 'CreateProcessingJob',
    pattern: 'request-response',
    kind: 'task',
    permissions: [
      INVOKE_CREATE_PROCESSING_JOB,
      OTHER_TAGS_UNDOCUMENTED,
      OTHER_ADD_TAGS_UNDOCUMENTED,
      PASSROLE_ROLE_UNDOCUMENTED,
    ],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-sagemaker.html',
    docStatus: 'api-listed-no-template',
  },
  {
    resource: 'arn:aws:states:::sagemaker:createProcessingJob.sync',
    service: 'sagemaker',
    api: 'CreateProcessingJob',
    pattern: 'sync',
    kind: 'task',
    permissions: [
      INVOKE_CREATE_PROCESSING_JOB,
      {
        purpose: 'poll',
        actions: ['sagemaker:DescribeProcessingJob'],
        staticResources: ['arn:${Partition}:sagemaker:${Region}:${Account}:processing-job/${Param:ProcessingJobName}'],
        dynamicResources: ['arn:${Partition}:sagemaker:${Region}:${Account}:processing-job/*'],
        parameterFields: ['ProcessingJobName'],
        inferred: true,
        note: "No AWS template for this API: actions follow SageMaker's Create/Describe/Stop naming.",
      },
      {
        purpose: 'cancel',
        actions: ['sagemaker:StopProcessingJob'],
        staticResources: ['arn:${Partition}:sagemaker:${Region}:${Account}:processing-job/${Param:ProcessingJobName}'],
        dynamicResources: ['arn:${Partition}:sagemaker:${Region}:${Account}:processing-job/*'],
        parameterFields: ['ProcessingJobName'],
        inferred: true,
        note: "No AWS template for this API: actions follow SageMaker's Create/Describe/Stop naming.",
      },
      OTHER_TAGS_UNDOCUMENTED,
      OTHER_ADD_TAGS_UNDOCUMENTED,
      PASSROLE_ROLE_UNDOCUMENTED,
      // Unconfirmed rule name (AWS CDK / Data Science SDK), required so a missing grant is reported.
      {
        purpose: 'events',
        actions: ['events:PutTargets', 'events:PutRule', 'events:DescribeRule'],
        staticResources: [
          'arn:${Partition}:events:${Region}:${Account}:rule/StepFunctionsGetEventsForSageMakerProcessingJobsRule',
        ],
        dynamicResources: [
          'arn:${Partition}:events:${Region}:${Account}:rule/StepFunctionsGetEventsForSageMakerProcessingJobsRule',
        ],
        parameterFields: [],
        managedRule: 'StepFunctionsGetEventsForSageMakerProcessingJobsRule',
        inferred: true,
        note: 'Rule name absent from the Step Functions pages; it comes from AWS CDK (processing) and the Data Science SDK policy (tuning).',
      },
    ],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-sagemaker.html',
    docStatus: 'api-listed-no-template',
  },
  {
    resource: 'arn:aws:states:::sagemaker:createLabelingJob',
    service: 'sagemaker',
    api: 'CreateLabelingJob',
    pattern: 'request-response',
    kind: 'task',
    permissions: [
      INVOKE_CREATE_LABELING_JOB,
      OTHER_TAGS_UNDOCUMENTED,
      OTHER_ADD_TAGS_UNDOCUMENTED,
      PASSROLE_ROLE_UNDOCUMENTED,
    ],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-sagemaker.html',
    docStatus: 'api-listed-no-template',
  },
  {
    resource: 'arn:aws:states:::sagemaker:createLabelingJob.sync',
    service: 'sagemaker',
    api: 'CreateLabelingJob',
    pattern: 'sync',
    kind: 'task',
    permissions: [
      INVOKE_CREATE_LABELING_JOB,
      {
        purpose: 'poll',
        actions: ['sagemaker:DescribeLabelingJob'],
        staticResources: ['arn:${Partition}:sagemaker:${Region}:${Account}:labeling-job/${Param:LabelingJobName}'],
        dynamicResources: ['arn:${Partition}:sagemaker:${Region}:${Account}:labeling-job/*'],
        parameterFields: ['LabelingJobName'],
        inferred: true,
        note: "No AWS template for this API: actions follow SageMaker's Create/Describe/Stop naming.",
      },
      {
        purpose: 'cancel',
        actions: ['sagemaker:StopLabelingJob'],
        staticResources: ['arn:${Partition}:sagemaker:${Region}:${Account}:labeling-job/${Param:LabelingJobName}'],
        dynamicResources: ['arn:${Partition}:sagemaker:${Region}:${Account}:labeling-job/*'],
        parameterFields: ['LabelingJobName'],
        inferred: true,
        note: "No AWS template for this API: actions follow SageMaker's Create/Describe/Stop naming.",
      },
      OTHER_TAGS_UNDOCUMENTED,
      OTHER_ADD_TAGS_UNDOCUMENTED,
      PASSROLE_ROLE_UNDOCUMENTED,
      // Unconfirmed rule name: the SageMaker pattern is assumed, so a missing rule grant is reported (LOW/MEDIUM) instead of silently passing.
      {
        purpose: 'events',
        actions: ['events:PutTargets', 'events:PutRule', 'events:DescribeRule'],
        staticResources: [
          'arn:${Partition}:events:${Region}:${Account}:rule/StepFunctionsGetEventsForSageMakerLabelingJobsRule',
        ],
        dynamicResources: [
          'arn:${Partition}:events:${Region}:${Account}:rule/StepFunctionsGetEventsForSageMakerLabelingJobsRule',
        ],
        parameterFields: [],
        managedRule: 'StepFunctionsGetEventsForSageMakerLabelingJobsRule',
        inferred: true,
        note: 'No source confirms a managed rule name for labeling jobs.',
      },
    ],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-sagemaker.html',
    docStatus: 'api-listed-no-template',
  },
  {
    resource: 'arn:aws:states:::sagemaker:createEndpoint',
    service: 'sagemaker',
    api: 'CreateEndpoint',
    pattern: 'request-response',
    kind: 'task',
    permissions: [
      // Unconfirmed: no AWS template; CDK and SageMaker naming are required as written so a role lacking them is reported.
      {
        purpose: 'invoke',
        actions: ['sagemaker:CreateEndpoint'],
        staticResources: [
          'arn:${Partition}:sagemaker:${Region}:${Account}:endpoint/${Param:EndpointName|lowercase}',
          'arn:${Partition}:sagemaker:${Region}:${Account}:endpoint-config/${Param:EndpointConfigName|lowercase}',
        ],
        dynamicResources: ['*'],
        parameterFields: ['EndpointName', 'EndpointConfigName'],
        // CreateEndpoint and UpdateEndpoint are authorized on the endpoint and on its endpoint configuration together
        // (both required resource types); SageMaker ARNs carry names lower-cased.
        // https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonsagemakerai.html
        authorized: {
          'sagemaker:CreateEndpoint': [
            'arn:${Partition}:sagemaker:${Region}:${Account}:endpoint/${Param:EndpointName|lowercase}',
            'arn:${Partition}:sagemaker:${Region}:${Account}:endpoint-config/${Param:EndpointConfigName|lowercase}',
          ],
        },
        inferred: true,
        note: 'No AWS template: AWS CDK grants CreateEndpoint on endpoint/<name> and endpoint-config/<name>, lower-cased as SageMaker ARNs are.',
      },
      OTHER_LIST_TAGS_UNDOCUMENTED,
      OTHER_ADD_TAGS_UNDOCUMENTED,
    ],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-sagemaker.html',
    docStatus: 'api-listed-no-template',
  },
  {
    resource: 'arn:aws:states:::sagemaker:createEndpointConfig',
    service: 'sagemaker',
    api: 'CreateEndpointConfig',
    pattern: 'request-response',
    kind: 'task',
    permissions: [
      // Unconfirmed: no AWS template; CDK and SageMaker naming are required as written so a role lacking them is reported.
      {
        purpose: 'invoke',
        actions: ['sagemaker:CreateEndpointConfig'],
        staticResources: [
          'arn:${Partition}:sagemaker:${Region}:${Account}:endpoint-config/${Param:EndpointConfigName|lowercase}',
        ],
        dynamicResources: ['*'],
        parameterFields: ['EndpointConfigName'],
        inferred: true,
        note: "No AWS template: by analogy with AWS CDK's CreateEndpoint/UpdateEndpoint statements (lower-cased name).",
      },
      OTHER_LIST_TAGS_UNDOCUMENTED,
      OTHER_ADD_TAGS_UNDOCUMENTED,
    ],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-sagemaker.html',
    docStatus: 'api-listed-no-template',
  },
  {
    resource: 'arn:aws:states:::sagemaker:createModel',
    service: 'sagemaker',
    api: 'CreateModel',
    pattern: 'request-response',
    kind: 'task',
    permissions: [
      // Unconfirmed: no AWS template; CDK and SageMaker naming are required as written so a role lacking them is reported.
      {
        purpose: 'invoke',
        actions: ['sagemaker:CreateModel'],
        staticResources: ['arn:${Partition}:sagemaker:${Region}:${Account}:model/${Param:ModelName|lowercase}'],
        dynamicResources: ['*'],
        parameterFields: ['ModelName', 'ExecutionRoleArn'],
        inferred: true,
        note: 'No AWS template; CreateModel also passes ExecutionRoleArn (PassRole below).',
      },
      OTHER_LIST_TAGS_UNDOCUMENTED,
      OTHER_ADD_TAGS_UNDOCUMENTED,
      {
        purpose: 'passrole',
        actions: ['iam:PassRole'],
        staticResources: ['${Param:ExecutionRoleArn}'],
        dynamicResources: ['${Param:ExecutionRoleArn}'],
        parameterFields: ['ExecutionRoleArn'],
        condition: {
          StringEquals: {
            'iam:PassedToService': 'sagemaker.amazonaws.com',
          },
        },
        inferred: true,
        note: 'The role SageMaker uses for artifacts, images and data; the dynamic template still names this role.',
      },
    ],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-sagemaker.html',
    docStatus: 'api-listed-no-template',
  },
  {
    resource: 'arn:aws:states:::sagemaker:updateEndpoint',
    service: 'sagemaker',
    api: 'UpdateEndpoint',
    pattern: 'request-response',
    kind: 'task',
    permissions: [
      // Unconfirmed: no AWS template; CDK and SageMaker naming are required as written so a role lacking them is reported.
      {
        purpose: 'invoke',
        actions: ['sagemaker:UpdateEndpoint'],
        staticResources: [
          'arn:${Partition}:sagemaker:${Region}:${Account}:endpoint/${Param:EndpointName|lowercase}',
          'arn:${Partition}:sagemaker:${Region}:${Account}:endpoint-config/${Param:EndpointConfigName|lowercase}',
        ],
        dynamicResources: ['*'],
        parameterFields: ['EndpointName', 'EndpointConfigName'],
        // CreateEndpoint and UpdateEndpoint are authorized on the endpoint and on its endpoint configuration together
        // (both required resource types); SageMaker ARNs carry names lower-cased.
        // https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonsagemakerai.html
        authorized: {
          'sagemaker:UpdateEndpoint': [
            'arn:${Partition}:sagemaker:${Region}:${Account}:endpoint/${Param:EndpointName|lowercase}',
            'arn:${Partition}:sagemaker:${Region}:${Account}:endpoint-config/${Param:EndpointConfigName|lowercase}',
          ],
        },
        inferred: true,
        note: 'No AWS template: AWS CDK grants UpdateEndpoint on endpoint/<name> and endpoint-config/<name> (lower-cased).',
      },
      OTHER_LIST_TAGS_UNDOCUMENTED,
    ],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-sagemaker.html',
    docStatus: 'api-listed-no-template',
  },
];
