import { conditionOfContext } from '../iam/conditionOfContext.js';
import { escapePolicyVariables } from '../iam/escapePolicyVariables.js';
import type { ContextValues, PolicyStatement } from '../types.js';

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
  const condition = conditionOfContext(context);
  if (condition !== undefined) statement.Condition = condition;
  return statement;
}
