// biome-ignore-all lint/suspicious/noTemplateCurlyInString: catalogue templates use ${…} placeholders
import type { Integration, PermissionSpec } from '../types.js';

const INVOKE_SUBMIT_JOB = {
  purpose: 'invoke',
  actions: ['batch:SubmitJob'],
  staticResources: ['*'],
  dynamicResources: ['*'],
  parameterFields: ['JobName', 'JobQueue', 'JobDefinition'],
  // AWS Batch authorizes SubmitJob on the job queue and on the job definition revision together ("you must provide
  // both job queue and job definition resource types"); a definition named without revision is evaluated on the
  // revision Batch resolves, so `job-definition/NAME` never matches and the revision is a hole (`NAME:*`). The
  // reference also lists the job (whose id does not exist yet) as required; AWS's example policies name only the queue
  // and the definition. https://docs.aws.amazon.com/batch/latest/userguide/iam-example-restrict-job-submission.html
  // https://docs.aws.amazon.com/batch/latest/userguide/iam-example-restrict-job-queue.html
  authorized: {
    'batch:SubmitJob': [
      'arn:${Partition}:batch:${Region}:${Account}:job-queue/${Param:JobQueue}',
      'arn:${Partition}:batch:${Region}:${Account}:job-definition/${Param:JobDefinition#revisionedName}',
    ],
  },
  note: 'The template grants "*" for literal and runtime values alike; the call is authorized on the queue and the definition.',
} satisfies PermissionSpec;

/** AWS Batch SubmitJob, request-response and run-a-job. */
export const BATCH_INTEGRATIONS: readonly Integration[] = [
  {
    resource: 'arn:aws:states:::batch:submitJob',
    service: 'batch',
    api: 'SubmitJob',
    pattern: 'request-response',
    kind: 'task',
    permissions: [INVOKE_SUBMIT_JOB],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-batch.html#batch-iam',
    docStatus: 'documented',
    notes: ['Scoping SubmitJob by job queue/definition or tags is possible but not part of the generated template.'],
  },
  {
    resource: 'arn:aws:states:::batch:submitJob.sync',
    service: 'batch',
    api: 'SubmitJob',
    pattern: 'sync',
    kind: 'task',
    permissions: [
      INVOKE_SUBMIT_JOB,
      {
        purpose: 'poll',
        actions: ['batch:DescribeJobs'],
        staticResources: ['*'],
        dynamicResources: ['*'],
        parameterFields: [],
      },
      {
        purpose: 'cancel',
        actions: ['batch:TerminateJob'],
        staticResources: ['*'],
        dynamicResources: ['*'],
        parameterFields: [],
        note: 'Best-effort stop of the job when the task is aborted.',
      },
      {
        purpose: 'events',
        actions: ['events:PutTargets', 'events:PutRule', 'events:DescribeRule'],
        staticResources: ['arn:${Partition}:events:${Region}:${Account}:rule/StepFunctionsGetEventsForBatchJobsRule'],
        dynamicResources: ['arn:${Partition}:events:${Region}:${Account}:rule/StepFunctionsGetEventsForBatchJobsRule'],
        parameterFields: [],
        managedRule: 'StepFunctionsGetEventsForBatchJobsRule',
        note: 'Account-wide managed rule through which Step Functions hears that the job finished; without it completion is only seen by polling.',
      },
    ],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-batch.html#batch-iam',
    docStatus: 'documented',
  },
];
