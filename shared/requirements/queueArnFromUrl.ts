import type { Location } from './location.js';
import { partitionOfRegion } from './parseArn.js';

/** `https://HOST/ACCOUNT/NAME`: the path of every SQS queue URL. */
const QUEUE_URL = /^https?:\/\/([^/]+)\/(\d{12})\/([^/?#]+)\/?$/;
/** Region in `sqs.REGION.amazonaws.com`, `sqs.REGION.amazonaws.com.cn` and VPC endpoint host names. */
const SQS_HOST_REGION = /(?:^|\.)sqs\.([a-z]{2}(?:-[a-z]+)+-\d+)\./;
/** Region in the legacy `REGION.queue.amazonaws.com` host names. */
const LEGACY_HOST_REGION = /^([a-z]{2}(?:-[a-z]+)+-\d+)\.queue\.amazonaws\.com/;

/** Region, account and name of a queue URL, or undefined when the text is not a queue URL. */
export function parseQueueUrl(url: string): (Partial<Location> & { name: string }) | undefined {
  const match = QUEUE_URL.exec(url);
  if (match === null) return undefined;
  const host = match[1] ?? '';
  const region =
    SQS_HOST_REGION.exec(host)?.[1] ??
    LEGACY_HOST_REGION.exec(host)?.[1] ??
    (host === 'queue.amazonaws.com' ? 'us-east-1' : undefined);
  const partition =
    region === undefined ? (host.endsWith('.amazonaws.com.cn') ? 'aws-cn' : undefined) : partitionOfRegion(region, '');
  return { name: match[3] ?? '', account: match[2], region, partition: partition || undefined };
}

/**
 * The queue ARN of an SQS queue URL (`https://sqs.REGION.amazonaws.com/ACCOUNT/NAME` →
 * `arn:PARTITION:sqs:REGION:ACCOUNT:NAME`), taking Region and account from the URL; undefined for a non-URL.
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-queue-message-identifiers.html
 */
export function queueArnFromUrl(url: string, defaults: Location): string | undefined {
  const queue = parseQueueUrl(url);
  if (queue === undefined) return undefined;
  const partition = queue.partition ?? defaults.partition;
  return `arn:${partition}:sqs:${queue.region ?? defaults.region}:${queue.account ?? defaults.account}:${queue.name}`;
}
