// biome-ignore-all lint/suspicious/noTemplateCurlyInString: catalogue templates use ${…} placeholders
import type { Integration, PermissionSpec } from '../types.js';

const INVOKE_SEND_MESSAGE = {
  purpose: 'invoke',
  actions: ['sqs:SendMessage'],
  staticResources: ['arn:${Partition}:sqs:${Region}:${Account}:${Param:QueueUrl#queueName}'],
  dynamicResources: ['*'],
  parameterFields: ['QueueUrl'],
  note: 'The queue ARN is built from QueueUrl (its last path segment; a cross-account URL carries its own account). SSE-KMS queues also need KMS permissions on the key (SQS behaviour, not in the template).',
} satisfies PermissionSpec;

/** Amazon SQS SendMessage, request-response and callback. */
export const SQS_INTEGRATIONS: readonly Integration[] = [
  {
    resource: 'arn:aws:states:::sqs:sendMessage',
    service: 'sqs',
    api: 'SendMessage',
    pattern: 'request-response',
    kind: 'task',
    permissions: [INVOKE_SEND_MESSAGE],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-sqs.html#sqs-iam',
    docStatus: 'documented',
  },
  {
    resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
    service: 'sqs',
    api: 'SendMessage',
    pattern: 'callback',
    kind: 'task',
    permissions: [INVOKE_SEND_MESSAGE],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-sqs.html#sqs-iam',
    docStatus: 'documented',
  },
];
