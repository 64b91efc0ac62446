// biome-ignore-all lint/suspicious/noTemplateCurlyInString: catalogue templates use ${…} placeholders
import type { Integration, PermissionSpec } from '../types.js';

const JOB_ARN = 'arn:${Partition}:databrew:${Region}:${Account}:job/${Param:Name#resourceName}';

/**
 * DataBrew authorizes StartJobRun, ListJobRuns and StopJobRun on the job named by `Name` (a job name, never an ARN:
 * the job's Region and account are the state machine's); AWS's template grants `job/*` whatever the name.
 * https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsgluedatabrew.html
 * https://docs.aws.amazon.com/databrew/latest/dg/API_StartJobRun.html
 */
const INVOKE_START_JOB_RUN = {
  purpose: 'invoke',
  actions: ['databrew:startJobRun'],
  staticResources: ['arn:${Partition}:databrew:${Region}:${Account}:job/*'],
  dynamicResources: ['arn:${Partition}:databrew:${Region}:${Account}:job/*'],
  parameterFields: ['Name'],
  authorized: { 'databrew:startJobRun': [JOB_ARN] },
  note: 'The template grants job/*, even for a literal job name; the call is authorized on the named job.',
} satisfies PermissionSpec;

/** AWS Glue DataBrew StartJobRun (polling only). */
export const DATA_BREW_INTEGRATIONS: readonly Integration[] = [
  {
    resource: 'arn:aws:states:::databrew:startJobRun',
    service: 'databrew',
    api: 'StartJobRun',
    pattern: 'request-response',
    kind: 'task',
    permissions: [INVOKE_START_JOB_RUN],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-databrew.html#databrew-iam',
    docStatus: 'documented',
  },
  {
    resource: 'arn:aws:states:::databrew:startJobRun.sync',
    service: 'databrew',
    api: 'StartJobRun',
    pattern: 'sync',
    kind: 'task',
    permissions: [
      INVOKE_START_JOB_RUN,
      {
        purpose: 'poll',
        actions: ['databrew:listJobRuns'],
        staticResources: ['arn:${Partition}:databrew:${Region}:${Account}:job/*'],
        dynamicResources: ['arn:${Partition}:databrew:${Region}:${Account}:job/*'],
        parameterFields: [],
        authorized: { 'databrew:listJobRuns': [JOB_ARN] },
        note: 'Polling uses ListJobRuns, not DescribeJobRun.',
      },
      {
        purpose: 'cancel',
        actions: ['databrew:stopJobRun'],
        staticResources: ['arn:${Partition}:databrew:${Region}:${Account}:job/*'],
        dynamicResources: ['arn:${Partition}:databrew:${Region}:${Account}:job/*'],
        parameterFields: [],
        authorized: { 'databrew:stopJobRun': [JOB_ARN] },
      },
    ],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-databrew.html#databrew-iam',
    docStatus: 'documented',
    notes: ['No managed rule: completion is detected by polling only.'],
  },
];
