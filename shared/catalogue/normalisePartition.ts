/** `arn:aws-cn:…` / `arn:aws-us-gov:…` / `arn:aws-iso…:…` → `arn:aws:…`; anything else unchanged. */
const PARTITION = /^arn:aws(?:-[a-z]+)*:/;

/**
 * Rewrites an ARN to the `aws` partition, because optimized integration resources name the same integration in
 * every partition (https://docs.aws.amazon.com/step-functions/latest/dg/connect-to-resource.html).
 */
export function normalisePartition(arn: string): string {
  return arn.replace(PARTITION, 'arn:aws:');
}
