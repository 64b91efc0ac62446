/** `arn:aws-cn:…` / `arn:aws-us-gov:…` / `arn:aws-iso…:…` → `arn:aws:…`; anything else unchanged. */
const PARTITION = /^arn:aws(?:-[a-z]+)*:/;

/**
 * Rewrites an ARN to the `aws` partition, because optimized integration resources name the same integration in
 * every partition (https://docs.aws.amazon.com/step-functions/latest/dg/connect-to-resource.html).
 */
export function normalisePartition(arn: string): string {
  // Most Resources are in the `aws` partition already: no regular expression, no new string.
  return arn.startsWith('arn:aws:') ? arn : arn.replace(PARTITION, 'arn:aws:');
}
