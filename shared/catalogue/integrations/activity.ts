// biome-ignore-all lint/suspicious/noTemplateCurlyInString: catalogue templates use ${…} placeholders
import type { Integration } from '../types.js';

/** An activity ARN as Task Resource. */
export const ACTIVITY_INTEGRATIONS: readonly Integration[] = [
  {
    resource: 'activity-arn',
    service: 'states',
    api: 'Activity task (arn:aws:states:REGION:ACCOUNT:activity:NAME)',
    pattern: 'callback',
    kind: 'task',
    permissions: [
      {
        purpose: 'other',
        actions: [],
        staticResources: [],
        dynamicResources: [],
        parameterFields: [],
        note: 'Scheduling an activity task needs no permission on the execution role.',
      },
      {
        purpose: 'kms',
        actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
        staticResources: ['${ActivityKmsKeyArn}'],
        dynamicResources: ['${ActivityKmsKeyArn}'],
        parameterFields: [],
        // KMS authorizes the call on the activity's key (resource type key).
        // https://docs.aws.amazon.com/step-functions/latest/dg/encryption-at-rest.html
        authorized: { 'kms:Decrypt': ['${ActivityKmsKeyArn}'], 'kms:GenerateDataKey': ['${ActivityKmsKeyArn}'] },
        condition: {
          StringEquals: {
            'kms:EncryptionContext:aws:states:activityArn': ['${Resource}'],
          },
        },
        note: 'Only for an activity encrypted with a customer managed key.',
      },
    ],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/activities-iam.html',
    docStatus: 'documented',
    notes: [
      'Workers (another principal) call GetActivityTask and SendTask*; for a CMK-encrypted activity they also need kms:Decrypt.',
    ],
  },
];
