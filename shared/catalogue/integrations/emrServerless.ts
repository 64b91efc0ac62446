// biome-ignore-all lint/suspicious/noTemplateCurlyInString: catalogue templates use ${…} placeholders
import type { Integration, PermissionSpec } from '../types.js';

const INVOKE_CREATE_APPLICATION = {
  purpose: 'invoke',
  actions: ['emr-serverless:CreateApplication'],
  staticResources: ['arn:${Partition}:emr-serverless:${Region}:${Account}:/*'],
  dynamicResources: ['arn:${Partition}:emr-serverless:${Region}:${Account}:/*'],
  parameterFields: ['Name', 'ReleaseLabel', 'Type'],
  note: 'Static and dynamic templates are the same.',
} satisfies PermissionSpec;

const OTHER_CREATE_SERVICE_LINKED_ROLE = {
  purpose: 'other',
  actions: ['iam:CreateServiceLinkedRole'],
  staticResources: [
    'arn:${Partition}:iam::${Account}:role/aws-service-role/ops.emr-serverless.amazonaws.com/AWSServiceRoleForAmazonEMRServerless*',
  ],
  dynamicResources: [
    'arn:${Partition}:iam::${Account}:role/aws-service-role/ops.emr-serverless.amazonaws.com/AWSServiceRoleForAmazonEMRServerless*',
  ],
  parameterFields: [],
  condition: {
    StringLike: {
      'iam:AWSServiceName': 'ops.emr-serverless.amazonaws.com',
    },
  },
  note: 'Used only when the first application of the account is created.',
} satisfies PermissionSpec;

const EVENTS_FOR_EMRSERVERLESS_APPLICATION_RULE = {
  purpose: 'events',
  actions: ['events:PutTargets', 'events:PutRule', 'events:DescribeRule'],
  staticResources: [
    'arn:${Partition}:events:${Region}:${Account}:rule/StepFunctionsGetEventsForEMRServerlessApplicationRule',
  ],
  dynamicResources: [
    'arn:${Partition}:events:${Region}:${Account}:rule/StepFunctionsGetEventsForEMRServerlessApplicationRule',
  ],
  parameterFields: [],
  managedRule: 'StepFunctionsGetEventsForEMRServerlessApplicationRule',
  note: 'Account-wide managed rule through which Step Functions hears that the job finished; without it completion is only seen by polling.',
} satisfies PermissionSpec;

const INVOKE_START_APPLICATION = {
  purpose: 'invoke',
  actions: ['emr-serverless:StartApplication'],
  staticResources: ['arn:${Partition}:emr-serverless:${Region}:${Account}:/applications/${Param:ApplicationId}'],
  dynamicResources: ['arn:${Partition}:emr-serverless:${Region}:${Account}:/applications/*'],
  parameterFields: ['ApplicationId'],
} satisfies PermissionSpec;

const POLL_GET_APPLICATION = {
  purpose: 'poll',
  actions: ['emr-serverless:GetApplication'],
  staticResources: ['arn:${Partition}:emr-serverless:${Region}:${Account}:/applications/${Param:ApplicationId}'],
  dynamicResources: ['arn:${Partition}:emr-serverless:${Region}:${Account}:/applications/*'],
  parameterFields: ['ApplicationId'],
} satisfies PermissionSpec;

const INVOKE_STOP_APPLICATION = {
  purpose: 'invoke',
  actions: ['emr-serverless:StopApplication'],
  staticResources: ['arn:${Partition}:emr-serverless:${Region}:${Account}:/applications/${Param:ApplicationId}'],
  dynamicResources: ['arn:${Partition}:emr-serverless:${Region}:${Account}:/applications/*'],
  parameterFields: ['ApplicationId'],
} satisfies PermissionSpec;

const INVOKE_DELETE_APPLICATION = {
  purpose: 'invoke',
  actions: ['emr-serverless:DeleteApplication'],
  staticResources: ['arn:${Partition}:emr-serverless:${Region}:${Account}:/applications/${Param:ApplicationId}'],
  dynamicResources: ['arn:${Partition}:emr-serverless:${Region}:${Account}:/applications/*'],
  parameterFields: ['ApplicationId'],
} satisfies PermissionSpec;

const INVOKE_START_JOB_RUN = {
  purpose: 'invoke',
  actions: ['emr-serverless:StartJobRun'],
  staticResources: ['arn:${Partition}:emr-serverless:${Region}:${Account}:/applications/${Param:ApplicationId}'],
  dynamicResources: ['arn:${Partition}:emr-serverless:${Region}:${Account}:/applications/*'],
  parameterFields: ['ApplicationId'],
} satisfies PermissionSpec;

const PASSROLE_PASS_ROLE = {
  purpose: 'passrole',
  actions: ['iam:PassRole'],
  staticResources: ['${Param:ExecutionRoleArn}'],
  dynamicResources: ['${Param:ExecutionRoleArn}'],
  parameterFields: ['ExecutionRoleArn'],
  condition: {
    StringEquals: {
      'iam:PassedToService': 'emr-serverless.amazonaws.com',
    },
  },
  note: 'The job execution role stays concrete even in the dynamic template.',
} satisfies PermissionSpec;

const EVENTS_FOR_EMRSERVERLESS_JOB_RULE = {
  purpose: 'events',
  actions: ['events:PutTargets', 'events:PutRule', 'events:DescribeRule'],
  staticResources: ['arn:${Partition}:events:${Region}:${Account}:rule/StepFunctionsGetEventsForEMRServerlessJobRule'],
  dynamicResources: ['arn:${Partition}:events:${Region}:${Account}:rule/StepFunctionsGetEventsForEMRServerlessJobRule'],
  parameterFields: [],
  managedRule: 'StepFunctionsGetEventsForEMRServerlessJobRule',
  note: 'Account-wide managed rule through which Step Functions hears that the job finished; without it completion is only seen by polling.',
} satisfies PermissionSpec;

const INVOKE_CANCEL_JOB_RUN = {
  purpose: 'invoke',
  actions: ['emr-serverless:CancelJobRun'],
  staticResources: [
    'arn:${Partition}:emr-serverless:${Region}:${Account}:/applications/${Param:ApplicationId}/jobruns/${Param:JobRunId}',
  ],
  dynamicResources: ['arn:${Partition}:emr-serverless:${Region}:${Account}:/applications/*'],
  parameterFields: ['ApplicationId', 'JobRunId'],
} satisfies PermissionSpec;

/** Amazon EMR Serverless applications and job runs. */
export const EMR_SERVERLESS_INTEGRATIONS: readonly Integration[] = [
  {
    resource: 'arn:aws:states:::emr-serverless:createApplication',
    service: 'emr-serverless',
    api: 'CreateApplication',
    pattern: 'request-response',
    kind: 'task',
    permissions: [INVOKE_CREATE_APPLICATION, OTHER_CREATE_SERVICE_LINKED_ROLE],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-emr-serverless.html#emr-serverless-iam',
    docStatus: 'documented',
    notes: ['The page advises aws:SourceArn / aws:SourceAccount conditions when writing your own role.'],
  },
  {
    resource: 'arn:aws:states:::emr-serverless:createApplication.sync',
    service: 'emr-serverless',
    api: 'CreateApplication',
    pattern: 'sync',
    kind: 'task',
    permissions: [
      INVOKE_CREATE_APPLICATION,
      {
        purpose: 'poll',
        actions: ['emr-serverless:GetApplication'],
        staticResources: ['arn:${Partition}:emr-serverless:${Region}:${Account}:/applications/*'],
        dynamicResources: ['arn:${Partition}:emr-serverless:${Region}:${Account}:/applications/*'],
        parameterFields: [],
      },
      {
        purpose: 'cancel',
        actions: ['emr-serverless:DeleteApplication'],
        staticResources: ['arn:${Partition}:emr-serverless:${Region}:${Account}:/applications/*'],
        dynamicResources: ['arn:${Partition}:emr-serverless:${Region}:${Account}:/applications/*'],
        parameterFields: [],
        note: 'The .sync template lists DeleteApplication next to GetApplication (cleanup on abort).',
      },
      OTHER_CREATE_SERVICE_LINKED_ROLE,
      EVENTS_FOR_EMRSERVERLESS_APPLICATION_RULE,
    ],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-emr-serverless.html#emr-serverless-iam',
    docStatus: 'documented',
    notes: ['The page advises aws:SourceArn / aws:SourceAccount conditions when writing your own role.'],
  },
  {
    resource: 'arn:aws:states:::emr-serverless:startApplication',
    service: 'emr-serverless',
    api: 'StartApplication',
    pattern: 'request-response',
    kind: 'task',
    permissions: [INVOKE_START_APPLICATION],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-emr-serverless.html#emr-serverless-iam',
    docStatus: 'documented',
    notes: ['The page advises aws:SourceArn / aws:SourceAccount conditions when writing your own role.'],
  },
  {
    resource: 'arn:aws:states:::emr-serverless:startApplication.sync',
    service: 'emr-serverless',
    api: 'StartApplication',
    pattern: 'sync',
    kind: 'task',
    permissions: [
      INVOKE_START_APPLICATION,
      POLL_GET_APPLICATION,
      {
        purpose: 'cancel',
        actions: ['emr-serverless:StopApplication'],
        staticResources: ['arn:${Partition}:emr-serverless:${Region}:${Account}:/applications/${Param:ApplicationId}'],
        dynamicResources: ['arn:${Partition}:emr-serverless:${Region}:${Account}:/applications/*'],
        parameterFields: ['ApplicationId'],
      },
      EVENTS_FOR_EMRSERVERLESS_APPLICATION_RULE,
    ],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-emr-serverless.html#emr-serverless-iam',
    docStatus: 'documented',
    notes: ['The page advises aws:SourceArn / aws:SourceAccount conditions when writing your own role.'],
  },
  {
    resource: 'arn:aws:states:::emr-serverless:stopApplication',
    service: 'emr-serverless',
    api: 'StopApplication',
    pattern: 'request-response',
    kind: 'task',
    permissions: [INVOKE_STOP_APPLICATION],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-emr-serverless.html#emr-serverless-iam',
    docStatus: 'documented',
    notes: ['The page advises aws:SourceArn / aws:SourceAccount conditions when writing your own role.'],
  },
  {
    resource: 'arn:aws:states:::emr-serverless:stopApplication.sync',
    service: 'emr-serverless',
    api: 'StopApplication',
    pattern: 'sync',
    kind: 'task',
    permissions: [INVOKE_STOP_APPLICATION, POLL_GET_APPLICATION, EVENTS_FOR_EMRSERVERLESS_APPLICATION_RULE],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-emr-serverless.html#emr-serverless-iam',
    docStatus: 'documented',
    notes: ['The page advises aws:SourceArn / aws:SourceAccount conditions when writing your own role.'],
  },
  {
    resource: 'arn:aws:states:::emr-serverless:deleteApplication',
    service: 'emr-serverless',
    api: 'DeleteApplication',
    pattern: 'request-response',
    kind: 'task',
    permissions: [INVOKE_DELETE_APPLICATION],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-emr-serverless.html#emr-serverless-iam',
    docStatus: 'documented',
    notes: ['The page advises aws:SourceArn / aws:SourceAccount conditions when writing your own role.'],
  },
  {
    resource: 'arn:aws:states:::emr-serverless:deleteApplication.sync',
    service: 'emr-serverless',
    api: 'DeleteApplication',
    pattern: 'sync',
    kind: 'task',
    permissions: [INVOKE_DELETE_APPLICATION, POLL_GET_APPLICATION, EVENTS_FOR_EMRSERVERLESS_APPLICATION_RULE],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-emr-serverless.html#emr-serverless-iam',
    docStatus: 'documented',
    notes: ['The page advises aws:SourceArn / aws:SourceAccount conditions when writing your own role.'],
  },
  {
    resource: 'arn:aws:states:::emr-serverless:startJobRun',
    service: 'emr-serverless',
    api: 'StartJobRun',
    pattern: 'request-response',
    kind: 'task',
    permissions: [INVOKE_START_JOB_RUN, PASSROLE_PASS_ROLE],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-emr-serverless.html#emr-serverless-iam',
    docStatus: 'documented',
    notes: ['The page advises aws:SourceArn / aws:SourceAccount conditions when writing your own role.'],
  },
  {
    resource: 'arn:aws:states:::emr-serverless:startJobRun.sync',
    service: 'emr-serverless',
    api: 'StartJobRun',
    pattern: 'sync',
    kind: 'task',
    permissions: [
      INVOKE_START_JOB_RUN,
      PASSROLE_PASS_ROLE,
      {
        purpose: 'poll',
        actions: ['emr-serverless:GetJobRun'],
        staticResources: [
          'arn:${Partition}:emr-serverless:${Region}:${Account}:/applications/${Param:ApplicationId}/jobruns/*',
        ],
        dynamicResources: ['arn:${Partition}:emr-serverless:${Region}:${Account}:/applications/*'],
        parameterFields: ['ApplicationId'],
      },
      {
        purpose: 'cancel',
        actions: ['emr-serverless:CancelJobRun'],
        staticResources: [
          'arn:${Partition}:emr-serverless:${Region}:${Account}:/applications/${Param:ApplicationId}/jobruns/*',
        ],
        dynamicResources: ['arn:${Partition}:emr-serverless:${Region}:${Account}:/applications/*'],
        parameterFields: ['ApplicationId'],
      },
      EVENTS_FOR_EMRSERVERLESS_JOB_RULE,
    ],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-emr-serverless.html#emr-serverless-iam',
    docStatus: 'documented',
    notes: ['The page advises aws:SourceArn / aws:SourceAccount conditions when writing your own role.'],
  },
  {
    resource: 'arn:aws:states:::emr-serverless:cancelJobRun',
    service: 'emr-serverless',
    api: 'CancelJobRun',
    pattern: 'request-response',
    kind: 'task',
    permissions: [INVOKE_CANCEL_JOB_RUN],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-emr-serverless.html#emr-serverless-iam',
    docStatus: 'documented',
    notes: ['The page advises aws:SourceArn / aws:SourceAccount conditions when writing your own role.'],
  },
  {
    resource: 'arn:aws:states:::emr-serverless:cancelJobRun.sync',
    service: 'emr-serverless',
    api: 'CancelJobRun',
    pattern: 'sync',
    kind: 'task',
    permissions: [
      INVOKE_CANCEL_JOB_RUN,
      {
        purpose: 'poll',
        actions: ['emr-serverless:GetJobRun'],
        staticResources: [
          'arn:${Partition}:emr-serverless:${Region}:${Account}:/applications/${Param:ApplicationId}/jobruns/${Param:JobRunId}',
        ],
        dynamicResources: ['arn:${Partition}:emr-serverless:${Region}:${Account}:/applications/*'],
        parameterFields: ['ApplicationId', 'JobRunId'],
      },
      EVENTS_FOR_EMRSERVERLESS_JOB_RULE,
    ],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-emr-serverless.html#emr-serverless-iam',
    docStatus: 'documented',
    notes: ['The page advises aws:SourceArn / aws:SourceAccount conditions when writing your own role.'],
  },
];
