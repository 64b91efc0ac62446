import type { NamedPolicy } from '../ports.js';
import { decodePolicyDocument, isPolicyDocument } from './decodePolicyDocument.js';
import { InputError } from './InputError.js';
import { isRecord } from './isRecord.js';
import { readJsonFile } from './readJsonFile.js';

/**
 * Reads one identity policy from a parsed file that holds a policy document, the output of `aws iam get-role-policy`
 * (`{RoleName, PolicyName, PolicyDocument}`, the document an object or URL-encoded text) or of
 * `aws iam get-policy-version` (`{PolicyVersion: {Document, VersionId}}`); the policy is named after what the file
 * says, else after `source`.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetRolePolicy.html
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetPolicyVersion.html
 */
export function parsePolicyFile(value: unknown, source: string): NamedPolicy {
  if (isPolicyDocument(value)) return { name: source, document: value };
  if (isRecord(value) && 'PolicyDocument' in value) {
    const name = typeof value.PolicyName === 'string' ? value.PolicyName : source;
    return { name, document: decodePolicyDocument(value.PolicyDocument, source) };
  }
  if (isRecord(value) && isRecord(value.PolicyVersion) && 'Document' in value.PolicyVersion) {
    const version = value.PolicyVersion.VersionId;
    const name = typeof version === 'string' ? `${source} (${version})` : source;
    return { name, document: decodePolicyDocument(value.PolicyVersion.Document, source) };
  }
  throw new InputError(
    `${source}: expected a policy document or the output of aws iam get-role-policy or get-policy-version`,
  );
}

/** Reads a policy file (see parsePolicyFile) from disk. */
export async function loadPolicyFile(path: string): Promise<NamedPolicy> {
  const file = await readJsonFile(path);
  return parsePolicyFile(file.value, path);
}
