import { isRecord } from '../../local/isRecord.js';
import type { NamedPolicy } from '../../ports.js';
import { hasUnresolved } from '../unresolved.js';
import { connectorPolicies } from './connectorPolicies.js';
import { managedPolicyOf } from './managedPolicyOf.js';
import { policyWithUnresolved } from './policyWithUnresolved.js';
import { namesRole, type RoleContext, type RolePolicySet, type RoleRef, resolvedItems } from './roleContext.js';

/** `Policies` of an `AWS::IAM::Role`: `[{PolicyName, PolicyDocument}]`, each named `<RoleId> <PolicyName>`. */
function inlinePolicies(context: RoleContext, role: RoleRef, raw: unknown): NamedPolicy[] {
  return resolvedItems(context.model, raw).flatMap(({ value }, index) => {
    if (typeof value === 'string' && hasUnresolved(value)) {
      return [{ name: `${role.logicalId} Policies[${index}]`, document: policyWithUnresolved(value) }];
    }
    if (!isRecord(value)) return [];
    const name = typeof value.PolicyName === 'string' ? value.PolicyName : `Policies[${index}]`;
    return [{ name: `${role.logicalId} ${name}`, document: policyWithUnresolved(value.PolicyDocument) }];
  });
}

/**
 * The policies of the template's `AWS::IAM::Role` `role`: its inline `Policies`, its `ManagedPolicyArns`, its
 * `PermissionsBoundary`, and every `AWS::IAM::Policy`, `AWS::IAM::ManagedPolicy` (by `Roles`, or named in
 * `ManagedPolicyArns`) and `AWS::IAM::RolePolicy` of the template attached to it, plus SAM connectors' policies.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-iam-role.html
 */
export function templateRolePolicies(context: RoleContext, role: RoleRef): RolePolicySet {
  const { model } = context;
  const properties = model.resources.get(role.logicalId)?.properties ?? {};
  const identity = inlinePolicies(context, role, properties.Policies);
  const attachedManaged = new Set<string>();
  for (const { value } of resolvedItems(model, properties.ManagedPolicyArns)) {
    if (typeof value !== 'string') continue;
    const use = managedPolicyOf(context, value, 'identity', role.arn);
    if (use.logicalId !== undefined) {
      if (attachedManaged.has(use.logicalId)) continue;
      attachedManaged.add(use.logicalId);
    }
    identity.push(use.policy);
  }
  for (const resource of model.resources.values()) {
    const { type, logicalId, properties: attached } = resource;
    if (type === 'AWS::IAM::Policy' && resolvedItems(model, attached.Roles).some((item) => namesRole(item, role))) {
      const name = typeof attached.PolicyName === 'string' ? ` (${attached.PolicyName})` : '';
      const document = policyWithUnresolved(model.resolve(attached.PolicyDocument));
      identity.push({ name: `AWS::IAM::Policy ${logicalId}${name}`, document });
    }
    if (
      type === 'AWS::IAM::ManagedPolicy' &&
      !attachedManaged.has(logicalId) &&
      resolvedItems(model, attached.Roles).some((item) => namesRole(item, role))
    ) {
      attachedManaged.add(logicalId);
      const document = policyWithUnresolved(model.resolve(attached.PolicyDocument));
      identity.push({ name: `AWS::IAM::ManagedPolicy ${logicalId}`, document });
    }
    if (type === 'AWS::IAM::RolePolicy' && resolvedItems(model, attached.RoleName).some((i) => namesRole(i, role))) {
      const document = policyWithUnresolved(model.resolve(attached.PolicyDocument));
      identity.push({ name: `AWS::IAM::RolePolicy ${logicalId}`, document });
    }
  }
  identity.push(...connectorPolicies(context, role));
  const boundaryArn = model.resolve(properties.PermissionsBoundary);
  if (typeof boundaryArn !== 'string') return { identity };
  return { identity, boundary: managedPolicyOf(context, boundaryArn, 'boundary', role.arn).policy };
}
