// biome-ignore-all lint/suspicious/noTemplateCurlyInString: catalogue templates use ${…} placeholders
import type { Integration, PermissionSpec } from '../types.js';

const INVOKE_START_JOB_RUN = {
  purpose: 'invoke',
  actions: ['databrew:startJobRun'],
  staticResources: ['arn:${Partition}:databrew:${Region}:${Account}:job/*'],
  dynamicResources: ['arn:${Partition}:databrew:${Region}:${Account}:job/*'],
  parameterFields: ['Name'],
  note: 'Always job/*, even for a literal job name.',
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
        note: 'Polling uses ListJobRuns, not DescribeJobRun.',
      },
      {
        purpose: 'cancel',
        actions: ['databrew:stopJobRun'],
        staticResources: ['arn:${Partition}:databrew:${Region}:${Account}:job/*'],
        dynamicResources: ['arn:${Partition}:databrew:${Region}:${Account}:job/*'],
        parameterFields: [],
      },
    ],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-databrew.html#databrew-iam',
    docStatus: 'documented',
    notes: ['No managed rule: completion is detected by polling only.'],
  },
];
