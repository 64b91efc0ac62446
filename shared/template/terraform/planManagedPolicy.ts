import type { NamedPolicy } from '../../ports.js';
import { awsManagedPolicy, parseAwsManagedPolicyArn } from '../role/awsManagedPolicy.js';
import { onlyTarget, planPolicyOf, significantReferences } from './planPolicyOf.js';
import { namedPlanPolicy, type PlanRoleContext, unknownPlanPolicy } from './planRoleContext.js';
import type { PlanResource } from './planTypes.js';
import { expressionAt, knownString, valueAt } from './planValues.js';

/** The parts of a customer managed policy ARN `arn:P:iam::ACCOUNT:policy/PATH/NAME`. */
function policyNameOf(arn: string): { path: string; name: string } | undefined {
  const match = /^arn:[a-z-]+:iam::\d{12}:policy(\/(?:[^/]+\/)*)([^/]+)$/.exec(arn);
  return match === null ? undefined : { path: match[1] ?? '/', name: match[2] ?? '' };
}

/** The policy resource or data source of the plan whose ARN (or name and path) this is. */
function policyInPlan(context: PlanRoleContext, arn: string): PlanResource | undefined {
  const policies = context.plan.resources.filter((r) => r.type === 'aws_iam_policy');
  const byArn = policies.find((policy) => knownString(policy, ['arn']) === arn);
  if (byArn !== undefined) return byArn;
  const parts = policyNameOf(arn);
  if (parts === undefined) return undefined;
  return policies.find(
    (policy) =>
      policy.mode === 'managed' &&
      knownString(policy, ['name']) === parts.name &&
      (knownString(policy, ['path']) ?? '/') === parts.path,
  );
}

/** The document of a managed policy the plan names by ARN: in the plan, shipped as AWS managed data, or unknown. */
export function managedPolicyByArn(context: PlanRoleContext, arn: string, layer: 'identity' | 'boundary'): NamedPolicy {
  const resource = policyInPlan(context, arn);
  if (resource !== undefined) return managedPolicyResource(context, resource, layer);
  const shipped = awsManagedPolicy(arn);
  if (shipped !== undefined) return { name: shipped.arn, document: shipped.document };
  const reason =
    parseAwsManagedPolicyArn(arn) === undefined
      ? 'a customer managed policy that the plan does not define'
      : 'an AWS managed policy that is not shipped as data (docs/template-roles.md lists those that are)';
  return unknownPlanPolicy(context, arn, reason, layer);
}

/** An `aws_iam_policy` resource or data source of the plan as a named policy (its `policy` attribute). */
export function managedPolicyResource(
  context: PlanRoleContext,
  resource: PlanResource,
  layer: 'identity' | 'boundary',
) {
  const policy = planPolicyOf(context.plan, resource, ['policy']);
  if (policy === undefined)
    return unknownPlanPolicy(context, resource.address, 'the plan holds no policy document for it', layer);
  return namedPlanPolicy(context, resource.address, policy, layer);
}

/**
 * The managed policy an ARN attribute names (`policy_arn`, `permissions_boundary`, an item of `managed_policy_arns`):
 * by its value when known, else through the one `aws_iam_policy` (resource or data source) its expression references;
 * otherwise a stand-in with a PolicyContentUnknown finding.
 */
export function managedPolicyAt(
  context: PlanRoleContext,
  holder: PlanResource,
  path: readonly (string | number)[],
  layer: 'identity' | 'boundary',
): NamedPolicy | undefined {
  const value = valueAt(holder, path);
  if (value.state === 'absent') return undefined;
  if (value.state === 'known') {
    return typeof value.value === 'string' && value.value !== ''
      ? managedPolicyByArn(context, value.value, layer)
      : undefined;
  }
  const references = significantReferences(expressionAt(holder.config?.expressions, path)?.references ?? []);
  const target = onlyTarget(context.plan, holder, references);
  if (target?.type === 'aws_iam_policy') {
    const arn = knownString(target, ['arn']);
    return arn !== undefined && target.mode === 'data'
      ? managedPolicyByArn(context, arn, layer)
      : managedPolicyResource(context, target, layer);
  }
  const name = `${holder.address}.${path.join('.')}`;
  const depends = references.length === 0 ? '' : `: it depends on ${references.join(', ')}`;
  return unknownPlanPolicy(context, name, `its ARN is known only after apply${depends}`, layer);
}
