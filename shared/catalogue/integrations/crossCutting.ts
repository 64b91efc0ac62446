// biome-ignore-all lint/suspicious/noTemplateCurlyInString: catalogue templates use ${…} placeholders
import type { Integration } from '../types.js';

/** State-machine-wide needs: logging, X-Ray tracing, customer managed KMS keys, cross-account Credentials. */
export const CROSS_CUTTING_INTEGRATIONS: readonly Integration[] = [
  {
    resource: 'logging-configuration',
    service: 'logs',
    api: 'State machine LoggingConfiguration (CloudWatch Logs)',
    pattern: 'n/a',
    kind: 'cross-cutting',
    permissions: [
      {
        purpose: 'logging',
        actions: [
          'logs:CreateLogDelivery',
          'logs:CreateLogStream',
          'logs:GetLogDelivery',
          'logs:UpdateLogDelivery',
          'logs:DeleteLogDelivery',
          'logs:ListLogDeliveries',
          'logs:PutLogEvents',
          'logs:PutResourcePolicy',
          'logs:DescribeResourcePolicies',
          'logs:DescribeLogGroups',
        ],
        staticResources: ['*'],
        dynamicResources: ['*'],
        parameterFields: [],
        note: 'Must be "*": these actions have no resource type. The current page lists 10 actions (2023: no CreateLogStream).',
      },
    ],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/cw-logs.html#cloudwatch-iam-policy',
    docStatus: 'documented',
    notes: [
      "'not authorized to access the Log Destination' can also mean the CloudWatch Logs resource-policy quota or size limit; /aws/vendedlogs/states log groups avoid the size issue.",
    ],
  },
  {
    resource: 'xray-tracing',
    service: 'xray',
    api: 'TracingConfiguration enabled',
    pattern: 'n/a',
    kind: 'cross-cutting',
    permissions: [
      {
        purpose: 'tracing',
        actions: [
          'xray:PutTraceSegments',
          'xray:PutTelemetryRecords',
          'xray:GetSamplingRules',
          'xray:GetSamplingTargets',
        ],
        staticResources: ['*'],
        dynamicResources: ['*'],
        parameterFields: [],
      },
    ],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/concepts-xray-tracing.html#xray-iam',
    docStatus: 'documented',
    notes: ['Only needed when tracing is enabled, although Workflow Studio roles always include it.'],
  },
  {
    resource: 'kms-state-machine-encryption',
    service: 'kms',
    api: 'EncryptionConfiguration (customer managed key) on a state machine',
    pattern: 'n/a',
    kind: 'cross-cutting',
    permissions: [
      {
        purpose: 'kms',
        actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
        staticResources: ['${StateMachineKmsKeyArn}'],
        dynamicResources: ['${StateMachineKmsKeyArn}'],
        parameterFields: [],
        // KMS authorizes the call on the key itself (resource type key), the one the state machine is encrypted with.
        // https://docs.aws.amazon.com/step-functions/latest/dg/encryption-at-rest.html
        authorized: {
          'kms:Decrypt': ['${StateMachineKmsKeyArn}'],
          'kms:GenerateDataKey': ['${StateMachineKmsKeyArn}'],
        },
        condition: {
          StringEquals: {
            'kms:EncryptionContext:aws:states:stateMachineArn': [
              'arn:${Partition}:states:${Region}:${Account}:stateMachine:${StateMachineName}',
            ],
          },
        },
        note: 'Standard and asynchronous Express executions need both; synchronous Express needs kms:Decrypt.',
      },
      {
        purpose: 'kms',
        actions: ['kms:GenerateDataKey'],
        staticResources: ['${StateMachineKmsKeyArn}'],
        dynamicResources: ['${StateMachineKmsKeyArn}'],
        parameterFields: [],
        // https://docs.aws.amazon.com/step-functions/latest/dg/encryption-at-rest.html
        authorized: { 'kms:GenerateDataKey': ['${StateMachineKmsKeyArn}'] },
        condition: {
          StringEquals: {
            'kms:EncryptionContext:SourceArn': 'arn:${Partition}:logs:${Region}:${Account}:*',
          },
        },
        note: 'Only when the encrypted state machine also logs to CloudWatch Logs; the key policy must also let delivery.logs.amazonaws.com decrypt.',
      },
    ],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/encryption-at-rest.html',
    docStatus: 'documented',
    notes: [
      'A kms:ViaService condition on the execution role can stop executions from starting.',
      'API callers (not the execution role) need their own KMS permissions for Create/Update/Describe calls.',
    ],
  },
  {
    resource: 'kms-activity-encryption',
    service: 'kms',
    api: 'EncryptionConfiguration (customer managed key) on an activity',
    pattern: 'n/a',
    kind: 'cross-cutting',
    permissions: [
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
            'kms:EncryptionContext:aws:states:activityArn': [
              'arn:${Partition}:states:${Region}:${Account}:activity:${ActivityName}',
            ],
          },
        },
        note: 'For every state machine that schedules the encrypted activity.',
      },
    ],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/encryption-at-rest.html',
    docStatus: 'documented',
    notes: ['CreateActivity callers need kms:DescribeKey; GetActivityTask callers need kms:Decrypt.'],
  },
  {
    resource: 'task-credentials-cross-account',
    service: 'sts',
    api: 'Task state Credentials.RoleArn (cross-account)',
    pattern: 'n/a',
    kind: 'cross-cutting',
    permissions: [
      {
        purpose: 'assume-role',
        actions: ['sts:AssumeRole'],
        staticResources: ['${Param:Credentials.RoleArn}'],
        dynamicResources: ['*'],
        parameterFields: ['Credentials.RoleArn'],
        // Authorized on the role (arn:…:iam::ACCOUNT:role/NAME-WITH-PATH): the literal ARN as is, a run-time one any role.
        // https://docs.aws.amazon.com/service-authorization/latest/reference/list_awssecuritytokenservice.html
        authorized: { 'sts:AssumeRole': ['arn:${Partition}:iam::${Account}:role/${Param:Credentials.RoleArn}'] },
        note: 'The execution role must be allowed to assume the role named in Credentials.RoleArn (literal, path, intrinsic or JSONata).',
      },
      {
        purpose: 'assume-role',
        actions: ['sts:AssumeRole'],
        staticResources: [],
        dynamicResources: [],
        parameterFields: [],
        condition: {
          StringEquals: {
            'sts:ExternalId': 'arn:${Partition}:states:${Region}:${Account}:stateMachine:${StateMachineName}',
          },
        },
        placement: 'target-role-trust-policy',
        note: "Goes on the target role's trust policy (principal: the execution role); the external id is the calling state machine's ARN.",
      },
    ],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/concepts-access-cross-acct-resources.html',
    docStatus: 'documented',
    notes: [
      "The integration's own permissions (incl. .sync polling) belong on the target role.",
      'Cross-account .sync polls only (no EventBridge events).',
      'No cross-partition or cross-Region calls.',
    ],
  },
];
