import type { NamedPolicy } from '../../ports.js';
import type { PolicyDocument } from '../../types.js';
import { linksToRole } from './linksToRole.js';
import { managedPolicyAt, managedPolicyByArn, managedPolicyResource } from './planManagedPolicy.js';
import { isMetaReference, planPolicyOf, scopeOf, significantReferences } from './planPolicyOf.js';
import { decidableTrust, namedPlanPolicy, type PlanRoleContext, unknownPlanPolicy } from './planRoleContext.js';
import type { PlanResource } from './planTypes.js';
import { expressionAt, isConfigured, knownString, valueAt } from './planValues.js';
import { resolvePlanReferences } from './resolvePlanReferences.js';

/** The policies of a role of the plan, by kind (inline by policy name, so exclusive lists can keep or drop them). */
export type PlanRolePolicies = {
  readonly identity: NamedPolicy[];
  readonly boundary?: NamedPolicy;
  readonly trust?: PolicyDocument;
};

type Inline = { readonly policyName: string | undefined; readonly policy: NamedPolicy };

/** The role's `inline_policy` blocks (unknown ones only when the configuration writes them). */
function inlineBlocks(context: PlanRoleContext, role: PlanResource): Inline[] {
  const value = valueAt(role, ['inline_policy']);
  if (value.state === 'unknown') {
    if (!isConfigured(role.config?.expressions, ['inline_policy'])) return [];
    return [
      {
        policyName: undefined,
        policy: unknownPlanPolicy(context, `${role.address}.inline_policy`, 'known only after apply'),
      },
    ];
  }
  if (value.state !== 'known' || !Array.isArray(value.value)) return [];
  const blocks: Inline[] = [];
  value.value.forEach((_block, index) => {
    // An empty inline_policy block is how the configuration says "no inline policies"
    // (https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_role#inline_policy).
    if (knownString(role, ['inline_policy', index, 'policy']) === '') return;
    const policy = planPolicyOf(context.plan, role, ['inline_policy', index, 'policy']);
    if (policy === undefined) return;
    const policyName = knownString(role, ['inline_policy', index, 'name']);
    const name = `${role.address} inline_policy ${policyName ?? `[${index}]`}`;
    blocks.push({ policyName, policy: namedPlanPolicy(context, name, policy) });
  });
  return blocks;
}

/** The `aws_iam_role_policy` resources whose `role` is this role. */
function rolePolicies(context: PlanRoleContext, role: PlanResource): Inline[] {
  return context.plan.resources
    .filter(
      (r) => r.type === 'aws_iam_role_policy' && r.mode === 'managed' && linksToRole(context.plan, r, 'role', role),
    )
    .map((resource) => {
      const policy = planPolicyOf(context.plan, resource, ['policy']) ?? {
        kind: 'unknown',
        dependsOn: [resource.address],
      };
      return {
        policyName: knownString(resource, ['name']),
        policy: namedPlanPolicy(context, resource.address, policy),
      };
    });
}

/** `managed_policy_arns` of the role: each known ARN, and for the unknown ones the policies the expression references. */
function managedPolicyArns(context: PlanRoleContext, role: PlanResource): NamedPolicy[] {
  const value = valueAt(role, ['managed_policy_arns']);
  if (value.state === 'absent') return [];
  if (value.state === 'known' && Array.isArray(value.value) && value.value.every((arn) => typeof arn === 'string')) {
    return value.value.map((arn: string) => managedPolicyByArn(context, arn, 'identity'));
  }
  if (!isConfigured(role.config?.expressions, ['managed_policy_arns'])) return [];
  const items = value.state === 'known' && Array.isArray(value.value) ? value.value : [];
  const known = items.filter((arn): arn is string => typeof arn === 'string');
  const policies = known.map((arn) => managedPolicyByArn(context, arn, 'identity'));
  const references = significantReferences(
    expressionAt(role.config?.expressions, ['managed_policy_arns'])?.references ?? [],
  );
  for (const reference of references.filter((r) => !isMetaReference(r))) {
    const [target, ...others] = resolvePlanReferences(context.plan, scopeOf(role), [reference]);
    if (target?.type === 'aws_iam_policy' && others.length === 0) {
      const arn = knownString(target, ['arn']);
      if (arn !== undefined && known.includes(arn)) continue;
      policies.push(managedPolicyResource(context, target, 'identity'));
    } else {
      policies.push(
        unknownPlanPolicy(context, `${role.address}.managed_policy_arns (${reference})`, 'known only after apply'),
      );
    }
  }
  return policies;
}

/** Attachments of managed policies to this role, by any of the attachment resources. */
function attachedPolicies(context: PlanRoleContext, role: PlanResource): NamedPolicy[] {
  const { plan } = context;
  const policies: NamedPolicy[] = [];
  for (const resource of plan.resources) {
    if (resource.mode !== 'managed') continue;
    if (resource.type === 'aws_iam_role_policy_attachment' && linksToRole(plan, resource, 'role', role)) {
      const policy = managedPolicyAt(context, resource, ['policy_arn'], 'identity');
      if (policy !== undefined) policies.push(policy);
    } else if (resource.type === 'aws_iam_policy_attachment' && linksToRole(plan, resource, 'roles', role)) {
      const policy = managedPolicyAt(context, resource, ['policy_arn'], 'identity');
      if (policy !== undefined) policies.push(policy);
    } else if (
      resource.type === 'aws_iam_role_policy_attachments_exclusive' &&
      linksToRole(plan, resource, 'role_name', role)
    ) {
      const arns = valueAt(resource, ['policy_arns']);
      if (arns.state === 'known' && Array.isArray(arns.value)) {
        arns.value.forEach((_arn, index) => {
          const policy = managedPolicyAt(context, resource, ['policy_arns', index], 'identity');
          if (policy !== undefined) policies.push(policy);
        });
      } else if (arns.state === 'unknown') {
        policies.push(unknownPlanPolicy(context, `${resource.address}.policy_arns`, 'known only after apply'));
      }
    }
  }
  return policies;
}

/**
 * Keeps only the inline policies an `aws_iam_role_policies_exclusive` of the role lists: Terraform removes the others
 * (https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_role_policies_exclusive).
 */
function exclusiveInline(context: PlanRoleContext, role: PlanResource, inline: Inline[]): NamedPolicy[] {
  const exclusive = context.plan.resources.find(
    (r) =>
      r.type === 'aws_iam_role_policies_exclusive' &&
      r.mode === 'managed' &&
      linksToRole(context.plan, r, 'role_name', role),
  );
  if (exclusive === undefined) return inline.map((item) => item.policy);
  const names = valueAt(exclusive, ['policy_names']);
  if (names.state !== 'known' || !Array.isArray(names.value)) {
    return [
      ...inline.map((item) => item.policy),
      unknownPlanPolicy(context, `${exclusive.address}.policy_names`, 'known only after apply'),
    ];
  }
  const listed = names.value.filter((name): name is string => typeof name === 'string');
  const kept = inline.filter((item) => item.policyName === undefined || listed.includes(item.policyName));
  const outside = listed.filter((name) => !inline.some((item) => item.policyName === name));
  return [
    ...kept.map((item) => item.policy),
    ...outside.map((name) =>
      unknownPlanPolicy(
        context,
        `${role.address} inline policy ${name}`,
        `${exclusive.address} keeps it, but the plan does not write it`,
      ),
    ),
  ];
}

/**
 * Every policy of a role the plan defines: its `inline_policy` blocks and `aws_iam_role_policy` resources (filtered by
 * an `aws_iam_role_policies_exclusive`), `managed_policy_arns`, the `aws_iam_role_policy_attachment`,
 * `aws_iam_policy_attachment` and `aws_iam_role_policy_attachments_exclusive` that attach a policy to it, its
 * `permissions_boundary`, and its trust policy when fully known. Policies attached outside the plan are not seen.
 */
export function planRolePolicies(context: PlanRoleContext, role: PlanResource): PlanRolePolicies {
  const inline = exclusiveInline(context, role, [...inlineBlocks(context, role), ...rolePolicies(context, role)]);
  const identity = [...inline, ...managedPolicyArns(context, role), ...attachedPolicies(context, role)];
  const boundary = managedPolicyAt(context, role, ['permissions_boundary'], 'boundary');
  const trust = decidableTrust(planPolicyOf(context.plan, role, ['assume_role_policy']));
  return { identity, ...(boundary === undefined ? {} : { boundary }), ...(trust === undefined ? {} : { trust }) };
}
