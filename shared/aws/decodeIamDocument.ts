import type { PolicyDocument } from '../types.js';

/**
 * Parses a policy document as IAM returns it: URL-encoded (RFC 3986) JSON for inline, managed-version and trust
 * policies alike — the SDK does not decode it (https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetRolePolicy.html,
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetPolicyVersion.html). Text that already starts with `{`
 * (as some emulators return it) is parsed as it is. Throws naming `source` when it is not a policy document.
 */
export function decodeIamDocument(text: string | undefined, source: string): PolicyDocument {
  const trimmed = (text ?? '').trim();
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed.startsWith('{') ? trimmed : decodeURIComponent(trimmed));
  } catch (error) {
    throw new Error(`${source}: the policy document is not (URL-encoded) JSON`, { cause: error });
  }
  const statement = (parsed as { Statement?: unknown } | null)?.Statement;
  if (typeof statement !== 'object' || statement === null) {
    throw new Error(`${source}: the policy document has no Statement`);
  }
  return parsed as PolicyDocument;
}
