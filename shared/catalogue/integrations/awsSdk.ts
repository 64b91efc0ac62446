// biome-ignore-all lint/suspicious/noTemplateCurlyInString: catalogue templates use ${…} placeholders
import type { Integration, PermissionSpec } from '../types.js';

const INVOKE_SDK_ACTION = {
  purpose: 'invoke',
  actions: ['${IamPrefix(SdkService)}:${ApiAction|UpperFirst}'],
  staticResources: ['<service-specific resource ARN from the Service Authorization Reference>'],
  dynamicResources: ['*'],
  parameterFields: ['<API-specific>'],
  note: "No template: resource ARNs and dependent actions come from the service's authorization reference; sdkIamActions gives the action names.",
} satisfies PermissionSpec;

const PASSROLE_PASS_ROLE = {
  purpose: 'passrole',
  actions: ['iam:PassRole'],
  staticResources: ['<role ARN fields such as RoleArn / ExecutionRoleArn / TaskRoleArn in the request>'],
  dynamicResources: ['*'],
  parameterFields: [],
  note: 'Whenever the request passes a role to the service, that role must be passable.',
} satisfies PermissionSpec;

/** The generic AWS SDK integration; the action comes from sdkIamActions, the resource is not templated. */
export const AWS_SDK_INTEGRATIONS: readonly Integration[] = [
  {
    resource: 'arn:aws:states:::aws-sdk:${SdkService}:${ApiAction}',
    service: '${IamPrefix(SdkService)}',
    api: '${ApiAction}',
    pattern: 'request-response',
    kind: 'task',
    permissions: [INVOKE_SDK_ACTION, PASSROLE_PASS_ROLE],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/supported-services-awssdk.html',
    docStatus: 'documented-no-template',
    notes: [
      'Resource: arn:aws:states:::aws-sdk:<service>:<apiAction>[.waitForTaskToken]; .sync is not supported for SDK integrations.',
      'The console cannot generate policies for SDK integrations.',
      'IAM action = <prefix>:<ApiAction, first letter upper-cased>, the prefix being the service name unless sdkIamPrefixes says otherwise (derived, not stated by AWS).',
      'Some operations are unsupported (e.g. sts AssumeRole*, s3 SelectObjectContent, streaming Bedrock calls).',
    ],
  },
  {
    resource: 'arn:aws:states:::aws-sdk:${SdkService}:${ApiAction}.waitForTaskToken',
    service: '${IamPrefix(SdkService)}',
    api: '${ApiAction}',
    pattern: 'callback',
    kind: 'task',
    permissions: [INVOKE_SDK_ACTION, PASSROLE_PASS_ROLE],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/supported-services-awssdk.html',
    docStatus: 'documented-no-template',
    notes: [
      'Resource: arn:aws:states:::aws-sdk:<service>:<apiAction>[.waitForTaskToken]; .sync is not supported for SDK integrations.',
      'The console cannot generate policies for SDK integrations.',
      'IAM action = <prefix>:<ApiAction, first letter upper-cased>, the prefix being the service name unless sdkIamPrefixes says otherwise (derived, not stated by AWS).',
      'Some operations are unsupported (e.g. sts AssumeRole*, s3 SelectObjectContent, streaming Bedrock calls).',
      'With .waitForTaskToken the request needs a field that can carry the task token.',
    ],
  },
];
