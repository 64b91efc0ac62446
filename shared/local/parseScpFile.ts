import type { NamedPolicy } from '../ports.js';
import { decodePolicyDocument, isPolicyDocument } from './decodePolicyDocument.js';
import { InputError } from './InputError.js';
import { INPUT_LIMITS } from './inputLimits.js';
import { isRecord } from './isRecord.js';
import { readJsonFile } from './readJsonFile.js';

/** One SCP: a policy document, or `aws organizations describe-policy` output (`{Policy: {PolicySummary, Content}}`). */
function toScp(value: unknown, name: string): NamedPolicy {
  if (isPolicyDocument(value)) return { name, document: value };
  // https://docs.aws.amazon.com/organizations/latest/APIReference/API_DescribePolicy.html
  if (isRecord(value) && isRecord(value.Policy) && 'Content' in value.Policy) {
    const summary = value.Policy.PolicySummary;
    const summaryName = isRecord(summary) && typeof summary.Name === 'string' ? summary.Name : undefined;
    return { name: summaryName ?? name, document: decodePolicyDocument(value.Policy.Content, name) };
  }
  throw new InputError(`${name}: expected a service control policy document`);
}

/**
 * Reads one level of service control policies (one node of the organization tree: root, an OU or the account) from
 * a parsed file holding a policy document or an array of them; an action must be allowed by some SCP of every level.
 * https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_evaluation.html
 */
export function parseScpFile(value: unknown, source: string): NamedPolicy[] {
  if (!Array.isArray(value)) return [toScp(value, source)];
  if (value.length === 0) throw new InputError(`${source}: the SCP list is empty`);
  return value.map((item, index) => toScp(item, `${source}[${index}]`));
}

/** Reads an SCP file (see parseScpFile) from disk. */
export async function loadScpFile(path: string): Promise<NamedPolicy[]> {
  const file = await readJsonFile(path, INPUT_LIMITS.policy);
  return parseScpFile(file.value, path);
}
