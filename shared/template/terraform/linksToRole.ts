import { scopeOf } from './planPolicyOf.js';
import type { PlanResource, TerraformPlan } from './planTypes.js';
import { expressionAt, knownString, valueAt } from './planValues.js';
import { resolvePlanReferences } from './resolvePlanReferences.js';

/** The names an attribute may give a role by: its name, its id (the name, for aws_iam_role) and its ARN. */
function namesOf(role: PlanResource): string[] {
  return [knownString(role, ['name']), knownString(role, ['id']), knownString(role, ['arn'])].filter(
    (name): name is string => name !== undefined && name !== '',
  );
}

/**
 * True when a role attribute of a resource (`role`, `role_name`, `roles`) names this role: its expression references
 * the role (`aws_iam_role.sfn.name`, through module arguments too), or its known value is the role's name or ARN.
 */
export function linksToRole(plan: TerraformPlan, holder: PlanResource, attribute: string, role: PlanResource): boolean {
  const references = expressionAt(holder.config?.expressions, [attribute])?.references ?? [];
  if (references.length > 0 && resolvePlanReferences(plan, scopeOf(holder), references).includes(role)) return true;
  const value = valueAt(holder, [attribute]);
  if (value.state !== 'known') return false;
  const names = namesOf(role);
  const given = Array.isArray(value.value) ? value.value : [value.value];
  return given.some((item) => typeof item === 'string' && names.includes(item));
}
