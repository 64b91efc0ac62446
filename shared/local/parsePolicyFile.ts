import type { NamedPolicy } from '../ports.js';
import { decodePolicyDocument, isPolicyDocument } from './decodePolicyDocument.js';
import { InputError } from './InputError.js';
import { INPUT_LIMITS } from './inputLimits.js';
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

/**
 * Reads the identity policies of one --policy file: one policy (see parsePolicyFile), or a JSON array of them, as
 * `sfn-role-audit policy` prints a policy too large for one document (each named `FILE[i]`).
 */
export function parseIdentityPolicyFile(value: unknown, source: string): NamedPolicy[] {
  if (!Array.isArray(value)) return [parsePolicyFile(value, source)];
  if (value.length === 0) throw new InputError(`${source}: the policy list is empty`);
  return value.map((item, index) => parsePolicyFile(item, `${source}[${index}]`));
}

/** Reads a policy file holding one policy (see parsePolicyFile) from disk: a permissions boundary. */
export async function loadPolicyFile(path: string): Promise<NamedPolicy> {
  const file = await readJsonFile(path, INPUT_LIMITS.policy);
  return parsePolicyFile(file.value, path);
}

/** Reads an identity policy file holding one policy or an array of them (see parseIdentityPolicyFile) from disk. */
export async function loadIdentityPolicyFile(path: string): Promise<NamedPolicy[]> {
  const file = await readJsonFile(path, INPUT_LIMITS.policy);
  return parseIdentityPolicyFile(file.value, path);
}
