/**
 * The SAM policy templates a template may use, as SAM expands them (`Resource` with the template's parameters as
 * `${…}`), copied from https://github.com/aws/serverless-application-model/blob/develop/samtranslator/policy_templates_data/policy_templates.json.
 * A template not listed here is a violation until its expansion is added, so none goes unchecked.
 */
export const SAM_POLICY_TEMPLATES: ReadonlyMap<string, readonly Record<string, unknown>[]> = new Map([
  [
    'SQSPollerPolicy',
    [
      {
        Effect: 'Allow',
        Action: [
          // SAM also lists sqs:ChangeMessageVisibilityBatch and sqs:DeleteMessageBatch, which are not IAM actions
          // (the batch calls are authorized as the single-message actions), so the reference does not know them.
          'sqs:ChangeMessageVisibility',
          'sqs:DeleteMessage',
          'sqs:GetQueueAttributes',
          'sqs:ReceiveMessage',
        ],
        // biome-ignore lint/suspicious/noTemplateCurlyInString: CloudFormation Fn::Sub placeholders
        Resource: { 'Fn::Sub': 'arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:${queueName}' },
      },
    ],
  ],
  [
    'DynamoDBCrudPolicy',
    [
      {
        Effect: 'Allow',
        Action: [
          'dynamodb:GetItem',
          'dynamodb:DeleteItem',
          'dynamodb:PutItem',
          'dynamodb:Scan',
          'dynamodb:Query',
          'dynamodb:UpdateItem',
          'dynamodb:BatchWriteItem',
          'dynamodb:BatchGetItem',
          'dynamodb:DescribeTable',
          'dynamodb:ConditionCheckItem',
        ],
        Resource: [
          // biome-ignore lint/suspicious/noTemplateCurlyInString: CloudFormation Fn::Sub placeholders
          { 'Fn::Sub': 'arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${tableName}' },
          // biome-ignore lint/suspicious/noTemplateCurlyInString: CloudFormation Fn::Sub placeholders
          { 'Fn::Sub': 'arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${tableName}/index/*' },
        ],
      },
    ],
  ],
  [
    'SNSPublishMessagePolicy',
    [
      {
        Effect: 'Allow',
        Action: ['sns:Publish'],
        // biome-ignore lint/suspicious/noTemplateCurlyInString: CloudFormation Fn::Sub placeholders
        Resource: { 'Fn::Sub': 'arn:${AWS::Partition}:sns:${AWS::Region}:${AWS::AccountId}:${topicName}' },
      },
    ],
  ],
  [
    'AWSSecretsManagerGetSecretValuePolicy',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: CloudFormation Fn::Sub placeholders
    [{ Effect: 'Allow', Action: ['secretsmanager:GetSecretValue'], Resource: { 'Fn::Sub': '${secretArn}' } }],
  ],
  ['CloudWatchPutMetricPolicy', [{ Effect: 'Allow', Action: ['cloudwatch:PutMetricData'], Resource: '*' }]],
  [
    'EventBridgePutEventsPolicy',
    [
      {
        Effect: 'Allow',
        Action: 'events:PutEvents',
        Resource: {
          // biome-ignore lint/suspicious/noTemplateCurlyInString: CloudFormation Fn::Sub placeholders
          'Fn::Sub': 'arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:event-bus/${eventBusName}',
        },
      },
    ],
  ],
  [
    'KMSDecryptPolicy',
    [
      {
        Effect: 'Allow',
        Action: 'kms:Decrypt',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: CloudFormation Fn::Sub placeholders
        Resource: { 'Fn::Sub': 'arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:key/${keyId}' },
      },
    ],
  ],
  [
    'StepFunctionsExecutionPolicy',
    [
      {
        Effect: 'Allow',
        Action: ['states:StartExecution'],
        Resource: {
          // biome-ignore lint/suspicious/noTemplateCurlyInString: CloudFormation Fn::Sub placeholders
          'Fn::Sub': 'arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:stateMachine:${stateMachineName}',
        },
      },
    ],
  ],
]);
