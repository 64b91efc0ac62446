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
  | 'resourceName';

/** A part taken out of a parameter value, with the location the value itself carries (a URL's Region, an ARN's account). */
export type ExtractedPart = { value: string; location?: Partial<Location> };

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
 * Takes the part a template needs out of a literal value: the queue name of an SQS URL
 * (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-queue-message-identifiers.html),
 * the API id of an API Gateway host name (https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-call-api.html),
 * the name in a state machine ARN, the project of a CodeBuild id, the report group of a report ARN
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_awscodebuild.html#awscodebuild-resources-for-iam-policies),
 * the object ARN of an `s3://bucket/key` URI.
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
    case 'objectArn': {
      const uri = S3_URI.exec(value);
      return uri === null ? undefined : { value: `arn:${partition}:s3:::${uri[1]}/${uri[2]}` };
    }
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
