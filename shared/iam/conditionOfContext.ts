import type { ContextValues, PolicyStatement } from '../types.js';
import { escapePolicyVariables } from './escapePolicyVariables.js';

/**
 * The Condition block that reproduces a request's context (e.g. `iam:PassedToService` for iam:PassRole,
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#ck_PassedToService):
 * StringEquals on each key, or StringLike when a value holds a wildcard
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_String);
 * keys sorted, values sorted without repeats, a literal `${` escaped; undefined for no context.
 */
export function conditionOfContext(context: ContextValues | undefined): PolicyStatement['Condition'] | undefined {
  if (context === undefined) return undefined;
  const condition: NonNullable<PolicyStatement['Condition']> = {};
  for (const key of Object.keys(context).sort()) {
    const value = context[key];
    if (value === undefined) continue;
    const values = [...new Set((Array.isArray(value) ? value : [value]).map(escapePolicyVariables))].sort();
    if (values.length === 0) continue;
    const operator = values.some((v) => v.includes('*') || v.includes('?')) ? 'StringLike' : 'StringEquals';
    condition[operator] = { ...condition[operator], [key]: values.length === 1 ? (values[0] as string) : values };
  }
  return Object.keys(condition).length === 0 ? undefined : condition;
}
