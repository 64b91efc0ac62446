import { isPolicyDocument } from '../../local/decodePolicyDocument.js';
import { InputError } from '../../local/InputError.js';
import type { PolicyDocument } from '../../types.js';

/**
 * A policy document written as JSON text in the plan (a `policy`, `assume_role_policy` or `json` attribute), or an
 * InputError naming `source` (the plan file and the attribute) when it is not one: IAM would refuse it at apply.
 */
export function parsePlanPolicyText(text: string, source: string): PolicyDocument {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${source}: the policy is not valid JSON`, { cause: error });
  }
  if (!isPolicyDocument(value)) throw new InputError(`${source}: not an IAM policy document (no Statement)`);
  return value;
}
