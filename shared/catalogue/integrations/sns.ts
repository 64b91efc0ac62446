// biome-ignore-all lint/suspicious/noTemplateCurlyInString: catalogue templates use ${…} placeholders
import type { Integration, PermissionSpec } from '../types.js';

// SSE-KMS topics: https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html#send-to-encrypted-topic
const INVOKE_PUBLISH = {
  purpose: 'invoke',
  actions: ['sns:Publish'],
  staticResources: ['${Param:TopicArn}'],
  dynamicResources: ['*'],
  parameterFields: ['TopicArn', 'TargetArn', 'PhoneNumber'],
  // Authorized on the topic (resource type topic, arn:…:sns:REGION:ACCOUNT:TopicName): a literal TopicArn as is, a
  // run-time one any topic of any Region and account. TargetArn/PhoneNumber are `*` (resolveSpecialPermission).
  // https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonsns.html
  authorized: { 'sns:Publish': ['arn:${Partition}:sns:${Region}:${Account}:${Param:TopicArn}'] },
  note: 'Topic ARN when TopicArn is literal; "*" for a runtime topic and for TargetArn/PhoneNumber even when literal. Topics with a customer managed key also need kms:GenerateDataKey and kms:Decrypt on it (SNS behaviour, not in the template).',
} satisfies PermissionSpec;

/** Amazon SNS Publish, request-response and callback. */
export const SNS_INTEGRATIONS: readonly Integration[] = [
  {
    resource: 'arn:aws:states:::sns:publish',
    service: 'sns',
    api: 'Publish',
    pattern: 'request-response',
    kind: 'task',
    permissions: [INVOKE_PUBLISH],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-sns.html#sns-iam',
    docStatus: 'documented',
  },
  {
    resource: 'arn:aws:states:::sns:publish.waitForTaskToken',
    service: 'sns',
    api: 'Publish',
    pattern: 'callback',
    kind: 'task',
    permissions: [INVOKE_PUBLISH],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-sns.html#sns-iam',
    docStatus: 'documented',
  },
];
