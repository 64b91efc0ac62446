import { escapePolicyVariables } from '../iam/escapePolicyVariables.js';
import type { ContextValues, PolicyStatement } from '../types.js';

function hasWildcard(values: readonly string[]): boolean {
  return values.some((value) => value.includes('*') || value.includes('?'));
}

/**
 * The Condition block that reproduces a requirement's context (e.g. `iam:PassedToService` for iam:PassRole,
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#ck_PassedToService):
 * StringEquals, or StringLike when a value holds a wildcard
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_String).
 */
export function conditionOf(context: ContextValues | undefined): PolicyStatement['Condition'] | undefined {
  if (context === undefined) return undefined;
  const condition: NonNullable<PolicyStatement['Condition']> = {};
  for (const key of Object.keys(context).sort()) {
    const value = context[key];
    if (value === undefined) continue;
    const values = (Array.isArray(value) ? [...value].sort() : [value]).map(escapePolicyVariables);
    if (values.length === 0) continue;
    const operator = hasWildcard(values) ? 'StringLike' : 'StringEquals';
    condition[operator] = { ...condition[operator], [key]: values.length === 1 ? (values[0] as string) : values };
  }
  return Object.keys(condition).length === 0 ? undefined : condition;
}

/**
 * The Allow statement that grants exactly the missing actions on the missing resources, with the request's
 * conditions; a literal `${` from the definition is escaped as `${$}{` so IAM does not read it as a policy variable.
 */
export function remediationOf(
  actions: readonly string[],
  resources: readonly string[],
  context: ContextValues | undefined,
): PolicyStatement {
  const statement: PolicyStatement = {
    Effect: 'Allow',
    Action: [...actions],
    Resource: resources.map(escapePolicyVariables),
  };
  const condition = conditionOf(context);
  if (condition !== undefined) statement.Condition = condition;
  return statement;
}
