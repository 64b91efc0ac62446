// biome-ignore-all lint/suspicious/noTemplateCurlyInString: catalogue templates use ${…} placeholders
import type { Integration, PermissionSpec } from '../types.js';

// The template grants "*", but Glue authorizes StartJobRun, GetJobRun(s) and BatchStopJobRun on the job named by
// JobName (`job/NAME`), which the reference's ARN format fills from the state's JobName for every permission here.
// https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsglue.html
// https://docs.aws.amazon.com/glue/latest/dg/glue-specifying-resource-arns.html
const INVOKE_START_JOB_RUN = {
  purpose: 'invoke',
  actions: ['glue:StartJobRun'],
  staticResources: ['*'],
  dynamicResources: ['*'],
  parameterFields: ['JobName'],
  note: 'No resource-level scoping in the template: "*" for literal and runtime values.',
} satisfies PermissionSpec;

/** AWS Glue StartJobRun, request-response and run-a-job (polling only). */
export const GLUE_INTEGRATIONS: readonly Integration[] = [
  {
    resource: 'arn:aws:states:::glue:startJobRun',
    service: 'glue',
    api: 'StartJobRun',
    pattern: 'request-response',
    kind: 'task',
    permissions: [INVOKE_START_JOB_RUN],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-glue.html#glue-iam',
    docStatus: 'documented',
    notes: ['The policy tab mentions callback but the integration table does not support it; no callback entry.'],
  },
  {
    resource: 'arn:aws:states:::glue:startJobRun.sync',
    service: 'glue',
    api: 'StartJobRun',
    pattern: 'sync',
    kind: 'task',
    permissions: [
      INVOKE_START_JOB_RUN,
      {
        purpose: 'poll',
        actions: ['glue:GetJobRun', 'glue:GetJobRuns'],
        staticResources: ['*'],
        dynamicResources: ['*'],
        parameterFields: [],
      },
      {
        purpose: 'cancel',
        actions: ['glue:BatchStopJobRun'],
        staticResources: ['*'],
        dynamicResources: ['*'],
        parameterFields: [],
      },
    ],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-glue.html#glue-iam',
    docStatus: 'documented',
    notes: ['No managed rule: completion is detected by polling only.'],
  },
];
