import { onlyTarget, significantReferences } from './planPolicyOf.js';
import type { PlanResource, TerraformPlan } from './planTypes.js';
import { expressionAt, knownString, valueAt } from './planValues.js';

/** The execution role of a state machine as the plan links it, or why no `aws_iam_role` of the plan is it. */
export type PlanRoleLink =
  | { readonly found: true; readonly role: PlanResource }
  | { readonly found: false; readonly roleArn: string | undefined; readonly reason: string };

const ROLE_ARN = /^arn:[a-z-]+:iam::(\d{12}):role(\/(?:[^/]+\/)*)([^/]+)$/;

/**
 * Finds the `aws_iam_role` instance a state machine's `role_arn` names: through the configuration's reference
 * (`aws_iam_role.sfn.arn`, needed when the ARN is known only after apply), else by the known ARN, else by the name and
 * path in it. A role the plan does not define (a data source, a variable, a literal ARN of another stack) is not found.
 */
export function findPlanRole(plan: TerraformPlan, stateMachine: PlanResource): PlanRoleLink {
  const references = significantReferences(
    expressionAt(stateMachine.config?.expressions, ['role_arn'])?.references ?? [],
  );
  const target = references.length === 0 ? undefined : onlyTarget(plan, stateMachine, references);
  if (target?.type === 'aws_iam_role' && target.mode === 'managed') return { found: true, role: target };
  const value = valueAt(stateMachine, ['role_arn']);
  const arn = value.state === 'known' && typeof value.value === 'string' ? value.value : undefined;
  if (arn === undefined) {
    const depends = references.length === 0 ? '' : ` and depends on ${references.join(', ')}`;
    return {
      found: false,
      roleArn: undefined,
      reason: `role_arn is known only after apply${depends}, and leads to no aws_iam_role of the plan`,
    };
  }
  const roles = plan.resources.filter((r) => r.type === 'aws_iam_role' && r.mode === 'managed');
  const byArn = roles.find((role) => knownString(role, ['arn']) === arn);
  if (byArn !== undefined) return { found: true, role: byArn };
  const match = ROLE_ARN.exec(arn);
  const byName = roles.filter(
    (role) =>
      match !== null &&
      knownString(role, ['arn']) === undefined &&
      knownString(role, ['name']) === match[3] &&
      (knownString(role, ['path']) ?? '/') === match[2],
  );
  if (byName.length === 1 && byName[0] !== undefined) return { found: true, role: byName[0] };
  return {
    found: false,
    roleArn: arn,
    reason: 'the plan does not define it',
  };
}
