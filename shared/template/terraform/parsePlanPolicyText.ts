import { isPolicyDocument } from '../../local/decodePolicyDocument.js';
import { InputError } from '../../local/InputError.js';
import type { PolicyDocument } from '../../types.js';

/** How deep a policy's JSON may nest: IAM documents use about six levels (Statement, Condition, operator, key, values). */
const MAX_POLICY_DEPTH = 32;

/** The deepest nesting of arrays and objects in JSON text, counted without recursion. */
function nestingOf(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '[' || char === '{') deepest = Math.max(deepest, ++depth);
    else if (char === ']' || char === '}') depth--;
  }
  return deepest;
}

/**
 * A policy document written as JSON text in the plan (a `policy`, `assume_role_policy` or `json` attribute), or an
 * InputError naming `source` (the plan file and the attribute) when it is not one: IAM would refuse it at apply.
 */
export function parsePlanPolicyText(text: string, source: string): PolicyDocument {
  if (nestingOf(text) > MAX_POLICY_DEPTH) {
    throw new InputError(`${source}: the policy nests deeper than ${MAX_POLICY_DEPTH} levels; IAM would refuse it`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${source}: the policy is not valid JSON`, { cause: error });
  }
  if (!isPolicyDocument(value)) throw new InputError(`${source}: not an IAM policy document (no Statement)`);
  return value;
}
