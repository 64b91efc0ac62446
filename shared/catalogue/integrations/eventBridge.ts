// biome-ignore-all lint/suspicious/noTemplateCurlyInString: catalogue templates use ${…} placeholders
import type { Integration, PermissionSpec } from '../types.js';

const INVOKE_PUT_EVENTS = {
  purpose: 'invoke',
  actions: ['events:PutEvents'],
  staticResources: ['arn:${Partition}:events:${Region}:${Account}:event-bus/${Param:Entries[*].EventBusName}'],
  dynamicResources: ['arn:${Partition}:events:*:*:event-bus/*'],
  parameterFields: ['Entries[*].EventBusName'],
  note: 'EventBusName may be a name or an ARN; absent means the default bus. One resource per distinct bus of all entries.',
} satisfies PermissionSpec;

/** Amazon EventBridge PutEvents, request-response and callback. */
export const EVENT_BRIDGE_INTEGRATIONS: readonly Integration[] = [
  {
    resource: 'arn:aws:states:::events:putEvents',
    service: 'events',
    api: 'PutEvents',
    pattern: 'request-response',
    kind: 'task',
    permissions: [INVOKE_PUT_EVENTS],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-eventbridge.html#eventbridge-iam',
    docStatus: 'documented',
  },
  {
    resource: 'arn:aws:states:::events:putEvents.waitForTaskToken',
    service: 'events',
    api: 'PutEvents',
    pattern: 'callback',
    kind: 'task',
    permissions: [INVOKE_PUT_EVENTS],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-eventbridge.html#eventbridge-iam',
    docStatus: 'documented',
  },
];
