/**
 * Request fields that carry an ARN variable whose name differs from theirs, most specific first (`#part` takes the
 * variable out of the field's value). Derived from the Service Authorization Reference's ARN formats and the API
 * references of the services; a field named exactly like the variable needs no entry.
 */
const GENERAL: ReadonlyMap<string, readonly string[]> = new Map([
  ['BucketName', ['Bucket', 'BucketName']],
  ['ObjectName', ['Key']],
  ['QueueName', ['QueueUrl#queueName', 'QueueName']],
  ['TopicName', ['TopicArn', 'TopicName']],
  ['StateMachineName', ['StateMachineArn']],
  ['ClusterName', ['Cluster#resourceName', 'ClusterName', 'ClusterArn#resourceName']],
  ['WorkGroupName', ['WorkGroup']],
  ['ApiId', ['ApiEndpoint#apiId', 'ApiId', 'RestApiId']],
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
 * Per IAM prefix, request fields that carry an ARN variable where the service names them differently from the
 * general table (checked before it).
 */
const BY_SERVICE: ReadonlyMap<string, ReadonlyMap<string, readonly string[]>> = new Map([]);

const NONE: readonly string[] = [];

/**
 * The request fields that may carry an ARN variable of the Service Authorization Reference for a service, most
 * specific first (`#part` takes the variable out of the field's value; a field named exactly like the variable is
 * always tried first by the caller).
 */
export function fieldsOfArnVariable(service: string, variable: string): readonly string[] {
  const own = BY_SERVICE.get(service)?.get(variable);
  const general = GENERAL.get(variable);
  if (own === undefined) return general ?? NONE;
  return general === undefined ? own : [...own, ...general];
}
