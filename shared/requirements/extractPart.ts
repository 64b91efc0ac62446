import type { HoleReason } from '../types.js';
import type { Location } from './location.js';
import { parseArn } from './parseArn.js';
import { parseQueueUrl } from './queueArnFromUrl.js';

/** The `#part` modifiers of catalogue templates (`${Param:QueueUrl#queueName}`). */
export type PartName =
  | 'queueName'
  | 'apiId'
  | 'name'
  | 'projectName'
  | 'reportGroupName'
  | 'objectArn'
  | 'resourceName'
  | 'revisionedName'
  | 'parameterName'
  | 'secretName'
  | 'keyId'
  | 'taskDefinitionFamily';

/** A part taken out of a parameter value, with the location the value itself carries (a URL's Region, an ARN's account). */
export type ExtractedPart = {
  value: string;
  location?: Partial<Location>;
  /** Why the `*`/`?` the value carries cannot be known before run time (a secret's suffix, an alias's key). */
  hole?: HoleReason;
};

/** Parts of a field that takes a name or a whole ARN: a run-time value may name another Region or account. */
export const ARN_VALUED_PARTS: ReadonlySet<PartName> = new Set(['parameterName', 'secretName', 'keyId']);

/** `<apiId>.execute-api.<region>.amazonaws.com[.cn]`, optionally with a scheme. */
const API_HOST = /^(?:https?:\/\/)?([a-z0-9]+)\.execute-api\.([a-z0-9-]+)\.amazonaws\.com/;
const S3_URI = /^s3:\/\/([^/]+)\/?(.*)$/;

function arnLocation(arn: { partition: string; region: string; account: string }): Partial<Location> {
  return { partition: arn.partition, region: arn.region, account: arn.account };
}

/** The project name of a CodeBuild build or batch id (`project:uuid`, or its ARN `…:build/project:uuid`). */
function projectName(value: string): ExtractedPart {
  const arn = parseArn(value);
  if (arn === undefined) return { value: value.split(':')[0] ?? value };
  const resource = arn.resource.replace(/^build(?:-batch)?\//, '');
  return { value: resource.split(':')[0] ?? resource, location: arnLocation(arn) };
}

/**
 * The parameter name of an SSM parameter ARN's resource (`parameter/app/db`) or of a name: without its leading `/`
 * and without a `:version`/`:label` selector, as the parameter's ARN writes it
 * (https://docs.aws.amazon.com/systems-manager/latest/userguide/sysman-paramstore-access.html,
 * https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_GetParameter.html#systemsmanager-GetParameter-request-Name).
 */
function parameterName(value: string): ExtractedPart | undefined {
  const arn = parseArn(value);
  const name = arn === undefined ? value.replace(/^\//, '') : arn.resource.replace(/^parameter\//, '');
  if (arn !== undefined && !arn.resource.startsWith('parameter/')) return undefined;
  const bare = name.replace(/:[^/:]*$/, '');
  return arn === undefined ? { value: bare } : { value: bare, location: arnLocation(arn) };
}

/**
 * The secret part of a Secrets Manager ARN from a `SecretId`: a full ARN's `NAME-AbCdEf` as it is, a name or a
 * partial ARN (no 6-character suffix) `NAME-??????`
 * (https://docs.aws.amazon.com/secretsmanager/latest/userguide/auth-and-access_iam-policies.html#auth-and-access_examples_wildcard,
 * https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_GetSecretValue.html#SecretsManager-GetSecretValue-request-SecretId).
 */
function secretName(value: string): ExtractedPart | undefined {
  const arn = parseArn(value);
  if (arn === undefined) return { value: `${value}-??????`, hole: 'secret-suffix' };
  if (!arn.resource.startsWith('secret:')) return undefined;
  const name = arn.resource.slice('secret:'.length);
  if (/-[A-Za-z0-9]{6}$/.test(name)) return { value: name, location: arnLocation(arn) };
  return { value: `${name}-??????`, location: arnLocation(arn), hole: 'secret-suffix' };
}

/**
 * The key id of a KMS `KeyId` (a key id, key ARN, alias name or alias ARN). An alias authorizes on the key it points
 * to, which KMS resolves at run time (`*`, in the alias's Region and account)
 * (https://docs.aws.amazon.com/kms/latest/developerguide/alias-authorization.html,
 * https://docs.aws.amazon.com/kms/latest/APIReference/API_Encrypt.html#KMS-Encrypt-request-KeyId).
 */
function keyId(value: string): ExtractedPart | undefined {
  const arn = parseArn(value);
  if (arn === undefined) return value.startsWith('alias/') ? { value: '*', hole: 'run-time-id' } : { value };
  if (arn.resource.startsWith('key/')) return { value: arn.resource.slice('key/'.length), location: arnLocation(arn) };
  if (arn.resource.startsWith('alias/')) return { value: '*', location: arnLocation(arn), hole: 'run-time-id' };
  return undefined;
}

/**
 * The family of an ECS `TaskDefinition` (`family`, `family:revision` or its ARN)
 * (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html#ECS-RunTask-request-taskDefinition).
 */
function taskDefinitionFamily(value: string): ExtractedPart | undefined {
  const arn = parseArn(value);
  if (arn === undefined) return { value: value.split(':')[0] ?? value };
  if (!arn.resource.startsWith('task-definition/')) return undefined;
  const family = arn.resource.slice('task-definition/'.length).split(':')[0] ?? '';
  return { value: family, location: arnLocation(arn) };
}

/**
 * Takes the part a template needs out of a literal value: the queue name of an SQS URL
 * (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-queue-message-identifiers.html),
 * the API id of an API Gateway host name (https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-call-api.html),
 * the name in a state machine ARN, the project of a CodeBuild id, the report group of a report ARN
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_awscodebuild.html#awscodebuild-resources-for-iam-policies),
 * the object ARN of an `s3://bucket/key` URI, an SSM parameter name, a Secrets Manager secret name with its suffix, a
 * KMS key id, an ECS task definition's family.
 */
export function extractPart(part: PartName, value: string, partition: string): ExtractedPart | undefined {
  switch (part) {
    case 'queueName': {
      const queue = parseQueueUrl(value);
      if (queue === undefined) return { value: value.split('/').pop() ?? value };
      return {
        value: queue.name,
        location: { region: queue.region, account: queue.account, partition: queue.partition },
      };
    }
    case 'apiId': {
      const host = API_HOST.exec(value);
      return host === null ? undefined : { value: host[1] ?? '', location: { region: host[2] } };
    }
    case 'name': {
      const arn = parseArn(value);
      if (arn === undefined) return { value };
      const [type, name] = arn.resource.split(':');
      return type === 'stateMachine' && name ? { value: name, location: arnLocation(arn) } : undefined;
    }
    case 'projectName':
      return projectName(value);
    case 'reportGroupName': {
      const arn = parseArn(value);
      if (arn === undefined || !arn.resource.startsWith('report/')) return undefined;
      const group = arn.resource.slice('report/'.length).split(':')[0] ?? '';
      return { value: group, location: arnLocation(arn) };
    }
    case 'resourceName': {
      // A name, or the ARN of the named resource (`arn:aws:ecs:eu-west-1:1:cluster/NAME` → NAME).
      const arn = parseArn(value);
      if (arn === undefined) return { value };
      const slash = arn.resource.indexOf('/');
      return slash < 0 ? undefined : { value: arn.resource.slice(slash + 1), location: arnLocation(arn) };
    }
    case 'revisionedName': {
      // `name:revision`, or a name alone (or its ARN without revision) standing for every revision: AWS Batch evaluates
      // SubmitJob on the revision it resolves, so `job-definition/name` never matches the request.
      // https://docs.aws.amazon.com/batch/latest/userguide/iam-example-restrict-job-submission.html
      const named = extractPart('resourceName', value, partition);
      if (named === undefined) return undefined;
      return { ...named, value: named.value.includes(':') ? named.value : `${named.value}:*` };
    }
    case 'objectArn': {
      const uri = S3_URI.exec(value);
      return uri === null ? undefined : { value: `arn:${partition}:s3:::${uri[1]}/${uri[2]}` };
    }
    case 'parameterName':
      return parameterName(value);
    case 'secretName':
      return secretName(value);
    case 'keyId':
      return keyId(value);
    case 'taskDefinitionFamily':
      return taskDefinitionFamily(value);
  }
}

/**
 * The literal start of a part when only a prefix of the value is known, for the parts that end their value (the
 * queue name after the last `/` of a URL, the name after `stateMachine:`); undefined when the prefix stops before.
 */
export function extractPartPrefix(part: PartName, prefix: string): ExtractedPart | undefined {
  if (part === 'queueName') {
    const match = /^https?:\/\/[^/]+\/(\d{12})\/([^/]*)$/.exec(prefix);
    if (match === null) return undefined;
    const queue = parseQueueUrl(`${prefix}x`);
    return {
      value: match[2] ?? '',
      location: { region: queue?.region, account: match[1], partition: queue?.partition },
    };
  }
  if (part === 'name') {
    const arn = parseArn(prefix);
    if (arn === undefined || !arn.resource.startsWith('stateMachine:')) return undefined;
    const name = arn.resource.slice('stateMachine:'.length);
    return name.includes(':') ? undefined : { value: name, location: arnLocation(arn) };
  }
  return undefined;
}
