/** The six parts of an ARN: arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE. */
export type ArnParts = {
  partition: string;
  service: string;
  region: string;
  account: string;
  /** Everything after the fifth colon (may itself contain `:` and `/`). */
  resource: string;
};

/**
 * Splits an ARN into its parts, or returns undefined when the text is not an ARN.
 * Format: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html
 */
export function parseArn(text: string): ArnParts | undefined {
  if (!text.startsWith('arn:')) return undefined;
  const parts = text.split(':');
  if (parts.length < 6) return undefined;
  const [, partition, service, region, account] = parts;
  if (!partition || !service || partition.length === 0) return undefined;
  return {
    partition,
    service,
    region: region ?? '',
    account: account ?? '',
    resource: parts.slice(5).join(':'),
  };
}

/**
 * Region prefixes of the partitions other than `aws`.
 * https://docs.aws.amazon.com/whitepapers/latest/aws-fault-isolation-boundaries/partitions.html
 */
const PARTITION_BY_REGION_PREFIX: readonly (readonly [string, string])[] = [
  ['cn-', 'aws-cn'],
  ['us-gov-', 'aws-us-gov'],
  ['us-isob-', 'aws-iso-b'],
  ['us-isof-', 'aws-iso-f'],
  ['eu-isoe-', 'aws-iso-e'],
  ['us-iso-', 'aws-iso'],
];

/** The partition a Region belongs to; `fallback` when the Region is unknown (`*`, empty) or not recognised. */
export function partitionOfRegion(region: string, fallback: string): string {
  if (region === '' || region === '*') return fallback;
  for (const [prefix, partition] of PARTITION_BY_REGION_PREFIX) {
    if (region.startsWith(prefix)) return partition;
  }
  return /^[a-z]{2}-[a-z]+-\d+$/.test(region) ? 'aws' : fallback;
}
