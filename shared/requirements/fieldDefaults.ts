import type { Integration } from '../catalogue/types.js';

/** Values services use for absent fields, by integration service (IAM prefix). */
const DEFAULTS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  // A query without WorkGroup runs in the `primary` workgroup.
  // https://docs.aws.amazon.com/athena/latest/ug/workgroups-create-update-delete.html
  athena: { WorkGroup: 'primary' },
  // A task without Cluster runs on the `default` cluster.
  // https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html#ECS-RunTask-request-cluster
  ecs: { Cluster: 'default' },
  // An entry without EventBusName goes to the account's `default` event bus.
  // https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutEventsRequestEntry.html
  events: { 'Entries[*].EventBusName': 'default' },
  // A schedule without GroupName belongs to the `default` schedule group.
  // https://docs.aws.amazon.com/scheduler/latest/APIReference/API_CreateSchedule.html#scheduler-CreateSchedule-request-GroupName
  scheduler: { GroupName: 'default' },
  // ItemReader listObjectsV2 / ResultWriter without Prefix: the whole bucket.
  // https://docs.aws.amazon.com/step-functions/latest/dg/input-output-itemreader.html
  s3: { Prefix: '' },
  // No Path calls the API's root resource (`…/STAGE/VERB/`).
  // https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-control-access-using-iam-policies-to-invoke-api.html
  'execute-api': { Path: '' },
};

/** Rewrites of literal values before they enter an ARN, by integration service. */
const NORMALIZE: Readonly<Record<string, Readonly<Record<string, (value: string) => string>>>> = {
  // execute-api ARNs write the resource path without its leading slash: `…/prod/GET/pets`.
  // https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-control-access-using-iam-policies-to-invoke-api.html
  'execute-api': { Path: (path) => path.replace(/^\/+/, ''), Method: (method) => method.toUpperCase() },
};

/** The defaults of absent fields an integration's service applies. */
export function fieldDefaultsOf(entry: Integration): Readonly<Record<string, string>> | undefined {
  return DEFAULTS[entry.service];
}

/** The defaults of absent fields a service applies, by IAM prefix (for AWS SDK integrations). */
export function fieldDefaultsOfService(service: string): Readonly<Record<string, string>> | undefined {
  return DEFAULTS[service];
}

/** The rewrites of literal field values an integration's ARNs need. */
export function fieldNormalizersOf(
  entry: Integration,
): Readonly<Record<string, (value: string) => string>> | undefined {
  return NORMALIZE[entry.service];
}
