// biome-ignore-all lint/suspicious/noTemplateCurlyInString: catalogue templates use ${…} placeholders
import type { Integration, PermissionSpec } from '../types.js';

const INVOKE_CREATE_JOB = {
  purpose: 'invoke',
  actions: ['mediaconvert:CreateJob'],
  staticResources: [
    'arn:${Partition}:mediaconvert:${Region}:${Account}:queues/*',
    'arn:${Partition}:mediaconvert:${Region}:${Account}:jobTemplates/*',
    'arn:${Partition}:mediaconvert:${Region}:${Account}:presets/*',
  ],
  dynamicResources: [
    'arn:${Partition}:mediaconvert:${Region}:${Account}:queues/*',
    'arn:${Partition}:mediaconvert:${Region}:${Account}:jobTemplates/*',
    'arn:${Partition}:mediaconvert:${Region}:${Account}:presets/*',
  ],
  parameterFields: ['Queue', 'JobTemplate', 'Settings'],
  // CreateJob is authorized on the queue the job goes to (Queue, a name or an ARN; the Default queue when absent, left
  // a hole here) and, when named, on the job template (INVOKE_CREATE_JOB_TEMPLATE); presets named inside Settings are
  // not read. https://docs.aws.amazon.com/service-authorization/latest/reference/list_awselementalmediaconvert.html
  // https://docs.aws.amazon.com/mediaconvert/latest/ug/working-with-queues.html
  authorized: {
    'mediaconvert:CreateJob': ['arn:${Partition}:mediaconvert:${Region}:${Account}:queues/${Param:Queue#resourceName}'],
  },
  note: 'The template grants queues/*, jobTemplates/*, presets/*, not a job ARN.',
} satisfies PermissionSpec;

/** The job template a CreateJob names, needed only when JobTemplate is set. */
const INVOKE_CREATE_JOB_TEMPLATE = {
  ...INVOKE_CREATE_JOB,
  parameterFields: ['JobTemplate'],
  onlyWhenFields: ['JobTemplate'],
  authorized: {
    'mediaconvert:CreateJob': [
      'arn:${Partition}:mediaconvert:${Region}:${Account}:jobTemplates/${Param:JobTemplate#resourceName}',
    ],
  },
} satisfies PermissionSpec;

const PASSROLE_PASS_ROLE = {
  purpose: 'passrole',
  actions: ['iam:PassRole'],
  staticResources: ['${Param:Role}'],
  dynamicResources: ['${Param:Role}'],
  parameterFields: ['Role'],
  condition: {
    StringEquals: {
      'iam:PassedToService': ['mediaconvert.amazonaws.com'],
    },
  },
} satisfies PermissionSpec;

/** AWS Elemental MediaConvert CreateJob. */
export const MEDIA_CONVERT_INTEGRATIONS: readonly Integration[] = [
  {
    resource: 'arn:aws:states:::mediaconvert:createJob',
    service: 'mediaconvert',
    api: 'CreateJob',
    pattern: 'request-response',
    kind: 'task',
    permissions: [INVOKE_CREATE_JOB, INVOKE_CREATE_JOB_TEMPLATE, PASSROLE_PASS_ROLE],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-mediaconvert.html',
    docStatus: 'documented',
  },
  {
    resource: 'arn:aws:states:::mediaconvert:createJob.sync',
    service: 'mediaconvert',
    api: 'CreateJob',
    pattern: 'sync',
    kind: 'task',
    permissions: [
      INVOKE_CREATE_JOB,
      INVOKE_CREATE_JOB_TEMPLATE,
      {
        purpose: 'poll',
        actions: ['mediaconvert:GetJob'],
        staticResources: ['arn:${Partition}:mediaconvert:${Region}:${Account}:jobs/*'],
        dynamicResources: ['arn:${Partition}:mediaconvert:${Region}:${Account}:jobs/*'],
        parameterFields: [],
        condition: {
          StringEquals: {
            'aws:ResourceTag/ManagedByService': 'AWSStepFunctions',
          },
        },
      },
      {
        purpose: 'cancel',
        actions: ['mediaconvert:CancelJob'],
        staticResources: ['arn:${Partition}:mediaconvert:${Region}:${Account}:jobs/*'],
        dynamicResources: ['arn:${Partition}:mediaconvert:${Region}:${Account}:jobs/*'],
        parameterFields: [],
        condition: {
          StringEquals: {
            'aws:ResourceTag/ManagedByService': 'AWSStepFunctions',
          },
        },
        note: 'Step Functions tags its jobs ManagedByService=AWSStepFunctions; changing that tag breaks executions.',
      },
      PASSROLE_PASS_ROLE,
      {
        purpose: 'events',
        actions: ['events:PutTargets', 'events:PutRule', 'events:DescribeRule'],
        staticResources: [
          'arn:${Partition}:events:${Region}:${Account}:rule/StepFunctionsGetEventsForMediaConvertJobRule',
        ],
        dynamicResources: [
          'arn:${Partition}:events:${Region}:${Account}:rule/StepFunctionsGetEventsForMediaConvertJobRule',
        ],
        parameterFields: [],
        managedRule: 'StepFunctionsGetEventsForMediaConvertJobRule',
        note: 'Account-wide managed rule through which Step Functions hears that the job finished; without it completion is only seen by polling.',
      },
    ],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-mediaconvert.html',
    docStatus: 'documented',
  },
];
