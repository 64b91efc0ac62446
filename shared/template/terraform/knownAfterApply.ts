const SUFFIX = ' (known after apply)';

/**
 * What an unresolved marker (and so its condition key, shared/iam/unresolvedValueKey.ts) says of a value the plan knows
 * only after apply: the reference behind it, in Terraform's words (`aws_kms_key.sfn.arn (known after apply)`).
 */
export function knownAfterApply(reference: string): string {
  return `${reference}${SUFFIX}`;
}

/** The reference a knownAfterApply text names (the text itself for any other). */
export function referenceOfKnownAfterApply(what: string): string {
  return what.endsWith(SUFFIX) ? what.slice(0, -SUFFIX.length) : what;
}
