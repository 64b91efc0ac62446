import { ACTIVITY_INTEGRATIONS } from './integrations/activity.js';
import { API_GATEWAY_INTEGRATIONS } from './integrations/apiGateway.js';
import { ATHENA_INTEGRATIONS } from './integrations/athena.js';
import { AWS_SDK_INTEGRATIONS } from './integrations/awsSdk.js';
import { BATCH_INTEGRATIONS } from './integrations/batch.js';
import { BEDROCK_INTEGRATIONS } from './integrations/bedrock.js';
import { CODEBUILD_INTEGRATIONS } from './integrations/codebuild.js';
import { CROSS_CUTTING_INTEGRATIONS } from './integrations/crossCutting.js';
import { DATA_BREW_INTEGRATIONS } from './integrations/dataBrew.js';
import { DISTRIBUTED_MAP_INTEGRATIONS } from './integrations/distributedMap.js';
import { DYNAMODB_INTEGRATIONS } from './integrations/dynamodb.js';
import { ECS_INTEGRATIONS } from './integrations/ecs.js';
import { EKS_INTEGRATIONS } from './integrations/eks.js';
import { EMR_INTEGRATIONS } from './integrations/emr.js';
import { EMR_CONTAINERS_INTEGRATIONS } from './integrations/emrContainers.js';
import { EMR_SERVERLESS_INTEGRATIONS } from './integrations/emrServerless.js';
import { EVENT_BRIDGE_INTEGRATIONS } from './integrations/eventBridge.js';
import { GLUE_INTEGRATIONS } from './integrations/glue.js';
import { HTTP_TASK_INTEGRATIONS } from './integrations/httpTask.js';
import { LAMBDA_INTEGRATIONS } from './integrations/lambda.js';
import { MEDIA_CONVERT_INTEGRATIONS } from './integrations/mediaConvert.js';
import { SAGEMAKER_INTEGRATIONS } from './integrations/sagemaker.js';
import { SNS_INTEGRATIONS } from './integrations/sns.js';
import { SQS_INTEGRATIONS } from './integrations/sqs.js';
import { STEP_FUNCTIONS_INTEGRATIONS } from './integrations/stepFunctions.js';
import type { Integration } from './types.js';

/**
 * Every catalogue entry: the documented IAM needs of each Step Functions Task resource, Distributed Map feature and
 * state-machine-wide setting (https://docs.aws.amazon.com/step-functions/latest/dg/service-integration-iam-templates.html).
 */
export const CATALOGUE: readonly Integration[] = [
  ...LAMBDA_INTEGRATIONS,
  ...BATCH_INTEGRATIONS,
  ...DYNAMODB_INTEGRATIONS,
  ...ECS_INTEGRATIONS,
  ...SNS_INTEGRATIONS,
  ...SQS_INTEGRATIONS,
  ...GLUE_INTEGRATIONS,
  ...SAGEMAKER_INTEGRATIONS,
  ...EMR_INTEGRATIONS,
  ...EMR_CONTAINERS_INTEGRATIONS,
  ...EMR_SERVERLESS_INTEGRATIONS,
  ...CODEBUILD_INTEGRATIONS,
  ...ATHENA_INTEGRATIONS,
  ...EKS_INTEGRATIONS,
  ...API_GATEWAY_INTEGRATIONS,
  ...EVENT_BRIDGE_INTEGRATIONS,
  ...DATA_BREW_INTEGRATIONS,
  ...STEP_FUNCTIONS_INTEGRATIONS,
  ...BEDROCK_INTEGRATIONS,
  ...MEDIA_CONVERT_INTEGRATIONS,
  ...HTTP_TASK_INTEGRATIONS,
  ...DISTRIBUTED_MAP_INTEGRATIONS,
  ...ACTIVITY_INTEGRATIONS,
  ...AWS_SDK_INTEGRATIONS,
  ...CROSS_CUTTING_INTEGRATIONS,
];
