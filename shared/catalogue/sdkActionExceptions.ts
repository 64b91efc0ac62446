/**
 * AWS SDK integration APIs whose IAM action is not `<prefix>:<ApiAction>`, keyed `sdkService:apiAction` as the Task
 * resource writes them. The S3 bucket rows come from the Step Functions S3 tutorial
 * (https://docs.aws.amazon.com/step-functions/latest/dg/tutorial-gather-s3-info.html); the rest from each service's
 * API permissions reference, cited per row. API Gateway management APIs are handled by `apiGatewayIamActions`.
 */
export const SDK_ACTION_EXCEPTIONS: Readonly<Record<string, readonly string[]>> = {
  's3:listBuckets': ['s3:ListAllMyBuckets'],
  's3:headBucket': ['s3:ListBucket'],
  's3:getBucketVersioning': ['s3:GetBucketVersioning'],
  // https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectsV2.html
  's3:listObjectsV2': ['s3:ListBucket'],
  // https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjects.html
  's3:listObjects': ['s3:ListBucket'],
  // https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectVersions.html
  's3:listObjectVersions': ['s3:ListBucketVersions'],
  // https://docs.aws.amazon.com/AmazonS3/latest/API/API_HeadObject.html
  's3:headObject': ['s3:GetObject'],
  // GetObject on the source object, PutObject on the destination: https://docs.aws.amazon.com/AmazonS3/latest/API/API_CopyObject.html
  's3:copyObject': ['s3:GetObject', 's3:PutObject'],
  // https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteObjects.html
  's3:deleteObjects': ['s3:DeleteObject'],
  // Multipart uploads are authorised as PutObject: https://docs.aws.amazon.com/AmazonS3/latest/userguide/mpuoverview.html#mpuAndPermissions
  's3:createMultipartUpload': ['s3:PutObject'],
  's3:uploadPart': ['s3:PutObject'],
  's3:completeMultipartUpload': ['s3:PutObject'],
  // https://docs.aws.amazon.com/lambda/latest/dg/lambda-api-permissions-ref.html
  'lambda:invoke': ['lambda:InvokeFunction'],
  // Batch APIs use the single-message actions: https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-api-permissions-reference.html
  'sqs:sendMessageBatch': ['sqs:SendMessage'],
  'sqs:deleteMessageBatch': ['sqs:DeleteMessage'],
  'sqs:changeMessageVisibilityBatch': ['sqs:ChangeMessageVisibility'],
  // https://docs.aws.amazon.com/sns/latest/api/API_PublishBatch.html
  'sns:publishBatch': ['sns:Publish'],
  // https://docs.aws.amazon.com/bedrock/latest/userguide/conversation-inference-call.html
  'bedrockruntime:converse': ['bedrock:InvokeModel'],
  // https://docs.aws.amazon.com/step-functions/latest/dg/connect-stepfunctions.html
  'sfn:startSyncExecution': ['states:StartSyncExecution'],
};
