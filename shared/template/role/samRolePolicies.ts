import { isRecord } from '../../local/isRecord.js';
import type { NamedPolicy } from '../../ports.js';
import type { PolicyDocument } from '../../types.js';
import { expandSamPolicyTemplate } from '../expandSamPolicyTemplate.js';
import type { TemplateModel, TemplateResource } from '../model.js';
import { hasUnresolved } from '../unresolved.js';
import { awsManagedPolicyArn } from './awsManagedPolicy.js';
import { connectorPolicies } from './connectorPolicies.js';
import { managedPolicyOf } from './managedPolicyOf.js';
import { policyContentUnknownFinding } from './policyContentUnknownFinding.js';
import { policyWithUnresolved, unknownPolicy } from './policyWithUnresolved.js';
import type { RoleContext, RolePolicySet, RoleRef } from './roleContext.js';

/** The trust policy SAM gives a state machine's role (samtranslator/model/iam.py stepfunctions_assume_role_policy). */
export const SAM_STATE_MACHINE_TRUST: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [{ Action: ['sts:AssumeRole'], Effect: 'Allow', Principal: { Service: ['states.amazonaws.com'] } }],
};

/**
 * The role SAM generates for a state machine without `Role`: logical id `<LogicalId>Role`, with the physical name and
 * ARN the template model gives it, or else `<stack>-<LogicalId>Role` under its `RolePath` (CloudFormation adds a
 * random suffix the audit cannot know).
 */
export function samRoleRef(model: TemplateModel, stateMachine: TemplateResource): RoleRef {
  const logicalId = `${stateMachine.logicalId}Role`;
  const name = model.refOf(logicalId) ?? `${model.placement.stackName}-${logicalId}`;
  const rolePath = model.resolve(stateMachine.properties.RolePath);
  const path = typeof rolePath === 'string' ? `/${rolePath}/`.replace(/\/{2,}/g, '/') : '/';
  const { partition, account } = model.placement;
  return {
    logicalId,
    name,
    arn: model.attributeOf(logicalId, 'Arn') ?? `arn:${partition}:iam::${account}:role${path}${name}`,
  };
}

/**
 * The X-Ray policy SAM adds when `Tracing.Enabled` is `true` as written: AWSXrayWriteOnlyAccess in the aws partition,
 * AWSXRayDaemonWriteAccess elsewhere (samtranslator/model/xray_utils.py, stepfunctions/generators.py _construct_role).
 */
function tracingPolicyName(stateMachine: TemplateResource, partition: string): string | undefined {
  const tracing = stateMachine.properties.Tracing;
  if (!isRecord(tracing) || tracing.Enabled !== true) return undefined;
  return partition === 'aws' ? 'AWSXrayWriteOnlyAccess' : 'AWSXRayDaemonWriteAccess';
}

/** A `Policies` entry SAM cannot use (an unknown template, missing parameters, another shape): a stand-in and a finding. */
function unusable(context: RoleContext, role: RoleRef, where: string, reason: string): NamedPolicy {
  context.findings.push(
    policyContentUnknownFinding({
      stateMachineArn: context.stateMachineArn,
      roleArn: role.arn,
      policy: where,
      reason,
      layer: 'identity',
    }),
  );
  return { name: where, document: unknownPolicy(where) };
}

/** One resolved `Policies` entry: a managed policy name or ARN, an inline document, or a SAM policy template. */
function policiesOfEntry(context: RoleContext, role: RoleRef, entry: unknown, index: number): NamedPolicy[] {
  const { model } = context;
  const name = `${role.logicalId}Policy${index}`;
  if (typeof entry === 'string') {
    const arn =
      entry.startsWith('arn:') || hasUnresolved(entry) ? entry : awsManagedPolicyArn(entry, model.placement.partition);
    return [managedPolicyOf(context, arn, 'identity', role.arn).policy];
  }
  if (isRecord(entry) && 'Statement' in entry) return [{ name, document: policyWithUnresolved(entry) }];
  const [template, parameters] =
    isRecord(entry) && Object.keys(entry).length === 1 ? (Object.entries(entry)[0] ?? []) : [];
  if (template === undefined)
    return [unusable(context, role, `${role.logicalId} Policies[${index}]`, 'not a policy SAM accepts')];
  const expansion = expandSamPolicyTemplate(template, isRecord(parameters) ? parameters : {}, model.placement);
  if (!expansion.ok)
    return [unusable(context, role, `${role.logicalId} Policies[${index}] ${template}`, expansion.reason)];
  return [{ name: `${name} (${template})`, document: { Version: '2012-10-17', Statement: expansion.statements } }];
}

/**
 * The policies of the role SAM generates for an `AWS::Serverless::StateMachine` without `Role`: its `Policies` (a
 * managed policy name or ARN, or a list of those, inline documents and SAM policy templates), the X-Ray policy of
 * `Tracing`, its `PermissionsBoundary`, and SAM connectors' policies. SAM adds nothing for `Logging`, and the roles of
 * `Events` sources are other roles.
 * https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-statemachine.html
 */
export function samRolePolicies(context: RoleContext, role: RoleRef, stateMachine: TemplateResource): RolePolicySet {
  const { model } = context;
  const resolved = model.resolve(stateMachine.properties.Policies);
  const entries = resolved === undefined ? [] : Array.isArray(resolved) ? resolved : [resolved];
  // SAM lists a managed policy ARN once however often `Policies` names it (role_constructor.py).
  const identity: NamedPolicy[] = [];
  const managed = new Set<string>();
  for (const [index, entry] of entries.entries()) {
    if (entry === undefined) continue;
    for (const policy of policiesOfEntry(context, role, entry, index)) {
      if (policy.name.startsWith('arn:') && managed.has(policy.name)) continue;
      if (policy.name.startsWith('arn:')) managed.add(policy.name);
      identity.push(policy);
    }
  }
  const tracing = tracingPolicyName(stateMachine, model.placement.partition);
  if (tracing !== undefined) {
    const arn = awsManagedPolicyArn(tracing, model.placement.partition);
    if (!identity.some((policy) => policy.name === arn))
      identity.push(managedPolicyOf(context, arn, 'identity', role.arn).policy);
  }
  identity.push(...connectorPolicies(context, role));
  const boundaryArn = model.resolve(stateMachine.properties.PermissionsBoundary);
  if (typeof boundaryArn !== 'string') return { identity };
  return { identity, boundary: managedPolicyOf(context, boundaryArn, 'boundary', role.arn).policy };
}
