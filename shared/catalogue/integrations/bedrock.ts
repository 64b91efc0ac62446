// biome-ignore-all lint/suspicious/noTemplateCurlyInString: catalogue templates use ${…} placeholders
import type { Integration, PermissionSpec } from '../types.js';

const INVOKE_CREATE_MODEL_CUSTOMIZATION_JOB = {
  purpose: 'invoke',
  actions: ['bedrock:CreateModelCustomizationJob'],
  staticResources: [
    'arn:${Partition}:bedrock:${Region}::foundation-model/${Param:BaseModelIdentifier}',
    'arn:${Partition}:bedrock:${Region}:${Account}:custom-model/*',
    'arn:${Partition}:bedrock:${Region}:${Account}:model-customization-job/*',
  ],
  dynamicResources: [
    'arn:${Partition}:bedrock:${Region}::foundation-model/*',
    'arn:${Partition}:bedrock:${Region}:${Account}:custom-model/*',
    'arn:${Partition}:bedrock:${Region}:${Account}:model-customization-job/*',
  ],
  parameterFields: ['BaseModelIdentifier', 'CustomModelName', 'JobName'],
  // Authorized on the base model and on the custom model it creates (both required resource types); the custom
  // model's id is assigned at creation (a hole). A base model given as an ARN (a custom model) is used as is.
  // https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonbedrock.html
  // https://docs.aws.amazon.com/bedrock/latest/userguide/model-customization-iam-role.html
  authorized: {
    'bedrock:CreateModelCustomizationJob': [
      'arn:${Partition}:bedrock:${Region}::foundation-model/${Param:BaseModelIdentifier}',
      'arn:${Partition}:bedrock:${Region}:${Account}:custom-model/${Hole:ResourceId}',
    ],
  },
  note: 'With a custom base model the foundation-model resource is dropped and custom-model/* covers it.',
} satisfies PermissionSpec;

const PASSROLE_PASS_ROLE = {
  purpose: 'passrole',
  actions: ['iam:PassRole'],
  staticResources: ['${Param:RoleArn}'],
  dynamicResources: ['${Param:RoleArn}'],
  parameterFields: ['RoleArn'],
  note: 'Documented without an iam:PassedToService condition.',
} satisfies PermissionSpec;

/** Amazon Bedrock InvokeModel and model customization jobs. */
export const BEDROCK_INTEGRATIONS: readonly Integration[] = [
  {
    resource: 'arn:aws:states:::bedrock:invokeModel',
    service: 'bedrock',
    api: 'InvokeModel',
    pattern: 'request-response',
    kind: 'task',
    permissions: [
      {
        purpose: 'invoke',
        actions: ['bedrock:InvokeModel'],
        staticResources: ['arn:${Partition}:bedrock:${Region}::foundation-model/${Param:ModelId}'],
        dynamicResources: [
          'arn:${Partition}:bedrock:${Region}::foundation-model/*',
          'arn:${Partition}:bedrock:${Region}:${Account}:provisioned-model/*',
        ],
        parameterFields: ['ModelId'],
        note: 'Foundation-model ARNs have an empty account; a provisioned model uses provisioned-model/<id> in the account.',
      },
      // Unconfirmed: as AWS CDK grants (input read, output write), so a role without them is not reported as sufficient.
      {
        purpose: 'other',
        actions: ['s3:GetObject'],
        staticResources: ['${Param:Input.S3Uri#objectArn}'],
        dynamicResources: ['arn:${Partition}:s3:::*'],
        parameterFields: ['Input.S3Uri'],
        onlyWhenFields: ['Input.S3Uri'],
        inferred: true,
        note: 'Not in the AWS templates: reads/writes the input object when Input.S3Uri is set (AWS CDK grants the same).',
      },
      {
        purpose: 'other',
        actions: ['s3:PutObject'],
        staticResources: ['${Param:Output.S3Uri#objectArn}'],
        dynamicResources: ['arn:${Partition}:s3:::*'],
        parameterFields: ['Output.S3Uri'],
        onlyWhenFields: ['Output.S3Uri'],
        inferred: true,
        note: 'Not in the AWS templates: reads/writes the output object when Output.S3Uri is set (AWS CDK grants the same).',
      },
      // https://docs.aws.amazon.com/bedrock/latest/userguide/guardrails-permissions.html#guardrails-permissions-invoke
      {
        purpose: 'other',
        actions: ['bedrock:ApplyGuardrail'],
        staticResources: ['arn:${Partition}:bedrock:${Region}:${Account}:guardrail/${Param:GuardrailIdentifier}'],
        dynamicResources: ['arn:${Partition}:bedrock:${Region}:${Account}:guardrail/*'],
        parameterFields: ['GuardrailIdentifier', 'GuardrailVersion'],
        onlyWhenFields: ['GuardrailIdentifier'],
        inferred: true,
        note: 'Only when GuardrailIdentifier is set (an ARN is used as is); required by the Bedrock guide, not by the Step Functions template.',
      },
      // Unconfirmed: required (not dropped) so a role that cannot read the guardrail is not reported as sufficient. https://docs.aws.amazon.com/bedrock/latest/userguide/inference-prereq.html
      {
        purpose: 'other',
        actions: ['bedrock:GetGuardrail'],
        staticResources: ['arn:${Partition}:bedrock:${Region}:${Account}:guardrail/${Param:GuardrailIdentifier}'],
        dynamicResources: ['arn:${Partition}:bedrock:${Region}:${Account}:guardrail/*'],
        parameterFields: ['GuardrailIdentifier'],
        onlyWhenFields: ['GuardrailIdentifier'],
        inferred: true,
        note: 'Listed as required for guardrails by the Bedrock inference prerequisites, but missing from its permission example.',
      },
    ],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-bedrock.html#bedrock-iam',
    docStatus: 'documented',
    notes: ['No callback entry: no callback example exists for Bedrock.'],
  },
  {
    resource: 'arn:aws:states:::bedrock:createModelCustomizationJob',
    service: 'bedrock',
    api: 'CreateModelCustomizationJob',
    pattern: 'request-response',
    kind: 'task',
    permissions: [INVOKE_CREATE_MODEL_CUSTOMIZATION_JOB, PASSROLE_PASS_ROLE],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-bedrock.html#bedrock-iam',
    docStatus: 'documented',
    notes: ['No managed rule: completion is detected by polling only.'],
  },
  {
    resource: 'arn:aws:states:::bedrock:createModelCustomizationJob.sync',
    service: 'bedrock',
    api: 'CreateModelCustomizationJob',
    pattern: 'sync',
    kind: 'task',
    permissions: [
      INVOKE_CREATE_MODEL_CUSTOMIZATION_JOB,
      {
        purpose: 'poll',
        actions: ['bedrock:GetModelCustomizationJob'],
        staticResources: ['arn:${Partition}:bedrock:${Region}:${Account}:model-customization-job/*'],
        dynamicResources: ['arn:${Partition}:bedrock:${Region}:${Account}:model-customization-job/*'],
        parameterFields: [],
      },
      {
        purpose: 'cancel',
        actions: ['bedrock:StopModelCustomizationJob'],
        staticResources: ['arn:${Partition}:bedrock:${Region}:${Account}:model-customization-job/*'],
        dynamicResources: ['arn:${Partition}:bedrock:${Region}:${Account}:model-customization-job/*'],
        parameterFields: [],
      },
      PASSROLE_PASS_ROLE,
    ],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-bedrock.html#bedrock-iam',
    docStatus: 'documented',
    notes: ['No managed rule: completion is detected by polling only.'],
  },
];
