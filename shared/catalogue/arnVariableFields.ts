/**
 * Request fields that carry an ARN variable of the Service Authorization Reference whose name differs from theirs,
 * most specific first (`#part` takes the variable out of the field's value, `Array[*].Field` reads every element).
 * Derived from the reference's ARN formats
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html)
 * and the API references of the services. AWS SDK integrations name request fields in PascalCase even where the
 * service's own API is camelCase (https://docs.aws.amazon.com/step-functions/latest/dg/supported-services-awssdk.html);
 * the camelCase twins kept here serve the catalogue's optimized integrations.
 */
const GENERAL: ReadonlyMap<string, readonly string[]> = new Map([
  ['BucketName', ['Bucket', 'BucketName']],
  ['ObjectName', ['Key']],
  ['QueueName', ['QueueUrl#queueName', 'QueueName']],
  ['TopicName', ['TopicArn', 'TopicName']],
  ['StateMachineName', ['StateMachineArn']],
  ['ActivityName', ['ActivityArn']],
  ['ClusterName', ['Cluster#resourceName', 'ClusterName', 'ClusterArn#resourceName']],
  ['WorkGroupName', ['WorkGroup']],
  ['ApiId', ['ApiEndpoint#apiId', 'ApiId']],
  ['ApiSpecificResourcePath', ['Path']],
  ['RoleNameWithPath', ['RoleArn', 'RoleName']],
  ['FunctionName', ['FunctionName']],
  ['ProjectName', ['ProjectName', 'Id#projectName']],
  ['ResourceId', ['Name']],
  ['ScheduleName', ['Name']],
  ['GroupName', ['GroupName']],
  ['EventBusName', ['EventBusName']],
  ['SecretId', ['SecretId', 'SecretArn']],
  ['KeyId', ['KeyId']],
  ['LogGroupName', ['logGroupName', 'LogGroupName']],
  ['LogStreamName', ['logStreamName', 'LogStreamName']],
  ['TableName', ['TableName', 'TableArn']],
  ['StreamName', ['StreamName', 'StreamARN']],
  ['DeliveryStreamName', ['DeliveryStreamName']],
  ['ConnectionName', ['ConnectionArn#resourceName', 'ConnectionName']],
  ['ApplicationId', ['ApplicationId']],
  ['VirtualClusterId', ['VirtualClusterId', 'Id']],
  ['ClusterId', ['ClusterId', 'JobFlowId']],
  ['JobDefinitionName', ['JobDefinition#resourceName']],
  ['JobQueueName', ['JobQueue#resourceName']],
]);

/**
 * Per IAM prefix, request fields that carry an ARN variable where the service names or writes them differently from
 * the general table; tried before a field named exactly like the variable. A key `type/Variable` applies to one
 * resource type only (Bedrock's `ModelId` names a foundation model, not every type that has a `ResourceId`).
 */
const BY_SERVICE: ReadonlyMap<string, ReadonlyMap<string, readonly string[]>> = new Map([
  // InvokeModel/Converse `modelId`: a foundation model id (its ARN has no account) or any model ARN, used whole.
  // https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_InvokeModel.html#API_runtime_InvokeModel_RequestSyntax
  ['bedrock', new Map([['foundation-model/ResourceId', ['ModelId']]])],
  // BatchGetBuilds `ids`: `project:uuid` build ids.
  // https://docs.aws.amazon.com/codebuild/latest/APIReference/API_BatchGetBuilds.html
  ['codebuild', new Map([['ProjectName', ['Ids[*]#projectName']]])],
  // RunTask `taskDefinition`: `family`, `family:revision` or the ARN. Only the family is read: the revision stays a hole
  // so that the optimized integration's own template (and its family-only `:*` rule) keeps precedence.
  // https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html#ECS-RunTask-request-taskDefinition
  ['ecs', new Map([['TaskDefinitionFamilyName', ['TaskDefinition#taskDefinitionFamily']]])],
  // PutEvents names the bus per entry (`Entries[*].EventBusName`, default `default`); rule APIs name the rule `Name`
  // or `Rule`. https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutEventsRequestEntry.html
  // https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutTargets.html
  [
    'events',
    new Map([
      ['EventBusName', ['EventBusName', 'Entries[*].EventBusName']],
      ['RuleName', ['Name', 'Rule']],
    ]),
  ],
  // Crawlers, workflows and triggers are named `Name`. https://docs.aws.amazon.com/glue/latest/webapi/API_StartCrawler.html
  [
    'glue',
    new Map([
      ['CrawlerName', ['Name']],
      ['WorkflowName', ['Name']],
      ['TriggerName', ['Name']],
    ]),
  ],
  // `KeyId`: a key id, key ARN, alias name or alias ARN; an alias authorizes on the key it points to.
  // https://docs.aws.amazon.com/kms/latest/developerguide/alias-authorization.html
  ['kms', new Map([['KeyId', ['KeyId#keyId']]])],
  // DescribeDBInstances `DBInstanceIdentifier`, DescribeDBClusters `DBClusterIdentifier`.
  // https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_DescribeDBInstances.html
  [
    'rds',
    new Map([
      ['DbInstanceName', ['DBInstanceIdentifier']],
      ['DbClusterInstanceName', ['DBClusterIdentifier']],
      ['SnapshotName', ['DBSnapshotIdentifier']],
    ]),
  ],
  // `ClusterIdentifier` names a provisioned cluster. https://docs.aws.amazon.com/redshift-data/latest/APIReference/API_ExecuteStatement.html
  ['redshift', new Map([['ClusterName', ['ClusterIdentifier']]])],
  ['redshift-data', new Map([['ClusterName', ['ClusterIdentifier']]])],
  // `SecretId`: a name or partial ARN (authorized on `NAME-??????`) or a full ARN.
  // https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_GetSecretValue.html#SecretsManager-GetSecretValue-request-SecretId
  ['secretsmanager', new Map([['SecretId', ['SecretId#secretName', 'SecretArn']]])],
  // `Name`/`Names`: a parameter name (with or without its leading `/`) or ARN; the ARN drops the leading `/`.
  // https://docs.aws.amazon.com/systems-manager/latest/userguide/sysman-paramstore-access.html
  ['ssm', new Map([['ParameterNameWithoutLeadingSlash', ['Name#parameterName', 'Names[*]#parameterName']]])],
]);

const NONE: readonly string[] = [];

/**
 * The request fields that may carry an ARN variable of the Service Authorization Reference for a resource type of a
 * service, most specific first: the service's own fields (for that type, then for any), the field named exactly like
 * the variable, then the general ones (`#part` takes the variable out of the field's value).
 */
export function fieldsOfArnVariable(service: string, variable: string, resourceType = ''): readonly string[] {
  const own = BY_SERVICE.get(service);
  const typed = own?.get(`${resourceType}/${variable}`) ?? NONE;
  const forService = own?.get(variable) ?? NONE;
  const general = GENERAL.get(variable) ?? NONE;
  return [...new Set([...typed, ...forService, variable, ...general])];
}
