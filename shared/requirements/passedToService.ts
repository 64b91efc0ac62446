/**
 * `iam:PassedToService` is the service principal of the service a role is passed to
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#ck_PassedToService).
 * Values here are only those an AWS page shows; passrole permissions whose catalogue entry already documents the
 * condition (SageMaker, EMR Serverless, EKS, MediaConvert) take it from there.
 */
const BY_INTEGRATION_SERVICE: Readonly<Record<string, string>> = {
  // ECS task roles and task execution roles: AmazonEC2ContainerServiceEventsRole passes them to ecs-tasks.
  // https://docs.aws.amazon.com/AmazonECS/latest/developerguide/CWE_IAM_role.html
  ecs: 'ecs-tasks.amazonaws.com',
  // Bedrock model customization jobs run with a service role Bedrock assumes.
  // https://docs.aws.amazon.com/bedrock/latest/userguide/model-customization-iam-role.html
  bedrock: 'bedrock.amazonaws.com',
};

/**
 * Service principal per AWS SDK integration service name (the lowercase SDK client name), for roles found in
 * SDK task arguments. https://docs.aws.amazon.com/step-functions/latest/dg/supported-services-awssdk.html
 */
const BY_SDK_SERVICE: Readonly<Record<string, string>> = {
  // https://docs.aws.amazon.com/AmazonECS/latest/developerguide/CWE_IAM_role.html
  ecs: 'ecs-tasks.amazonaws.com',
  // https://docs.aws.amazon.com/step-functions/latest/dg/connect-sagemaker.html#sagemaker-iam
  sagemaker: 'sagemaker.amazonaws.com',
  // https://docs.aws.amazon.com/step-functions/latest/dg/connect-emr-serverless.html#emr-serverless-iam
  emrserverless: 'emr-serverless.amazonaws.com',
  // https://docs.aws.amazon.com/step-functions/latest/dg/connect-mediaconvert.html
  mediaconvert: 'mediaconvert.amazonaws.com',
  // https://docs.aws.amazon.com/step-functions/latest/dg/connect-eks.html#eks-iam
  eks: 'eks.amazonaws.com',
  // https://docs.aws.amazon.com/bedrock/latest/userguide/model-customization-iam-role.html
  bedrock: 'bedrock.amazonaws.com',
  // Glue jobs and crawlers assume their role as glue.amazonaws.com.
  // https://docs.aws.amazon.com/glue/latest/dg/create-an-iam-role.html
  glue: 'glue.amazonaws.com',
  // A Lambda function's execution role is assumed by lambda.amazonaws.com.
  // https://docs.aws.amazon.com/lambda/latest/dg/lambda-intro-execution-role.html
  lambda: 'lambda.amazonaws.com',
  // Batch compute environments take a service role for batch.amazonaws.com.
  // https://docs.aws.amazon.com/batch/latest/userguide/service_IAM_role.html
  batch: 'batch.amazonaws.com',
};

/** The `iam:PassedToService` value for a passrole permission of an optimized integration, when an AWS page shows it. */
export function passedToServiceOfIntegration(integrationService: string): string | undefined {
  return Object.hasOwn(BY_INTEGRATION_SERVICE, integrationService)
    ? BY_INTEGRATION_SERVICE[integrationService]
    : undefined;
}

/**
 * The `iam:PassedToService` value for a role field of an AWS SDK task. AWS Batch job roles (`JobRoleArn`,
 * `ExecutionRoleArn`) run ECS tasks, so they go to ecs-tasks.amazonaws.com
 * (https://docs.aws.amazon.com/batch/latest/userguide/execution-IAM-role.html).
 */
export function passedToServiceOfSdkField(sdkService: string, field: string): string | undefined {
  if (sdkService === 'batch' && /(?:JobRoleArn|ExecutionRoleArn)$/i.test(field)) return 'ecs-tasks.amazonaws.com';
  return Object.hasOwn(BY_SDK_SERVICE, sdkService) ? BY_SDK_SERVICE[sdkService] : undefined;
}
