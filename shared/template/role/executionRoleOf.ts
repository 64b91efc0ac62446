import type { Finding } from '../../types.js';
import type { ExecutionRole, TemplateModel, TemplateResource } from '../model.js';
import { policyWithUnresolved } from './policyWithUnresolved.js';
import { logicalIdOf, type RoleContext, type RoleRef } from './roleContext.js';
import { SAM_STATE_MACHINE_TRUST, samRolePolicies, samRoleRef } from './samRolePolicies.js';
import { templateRolePolicies } from './templateRolePolicies.js';

const ROLE_TYPE = 'AWS::IAM::Role';

function templateRoleRef(model: TemplateModel, logicalId: string): RoleRef {
  return { logicalId, name: model.refOf(logicalId), arn: model.attributeOf(logicalId, 'Arn') };
}

/**
 * The template's `AWS::IAM::Role` a `RoleArn`/`Role` value names: by `Fn::GetAtt R.Arn`, `Ref R`, an `Fn::Sub` of
 * `${R.Arn}`, or text equal to the role's deterministic ARN (or name) once resolved.
 */
function namedTemplateRole(model: TemplateModel, raw: unknown, resolved: unknown): RoleRef | undefined {
  const named = logicalIdOf(raw);
  if (named !== undefined && model.resources.get(named)?.type === ROLE_TYPE) return templateRoleRef(model, named);
  if (typeof resolved !== 'string') return undefined;
  for (const resource of model.resources.values()) {
    if (resource.type !== ROLE_TYPE) continue;
    const role = templateRoleRef(model, resource.logicalId);
    if (resolved === role.arn || resolved === role.name) return role;
  }
  return undefined;
}

function uniqueFindings(findings: readonly Finding[]): Finding[] {
  return [...new Map(findings.map((finding) => [finding.id, finding])).values()];
}

/**
 * The execution role of a state machine resource as the template defines it: the `AWS::IAM::Role` its `RoleArn`
 * (`AWS::StepFunctions::StateMachine`) or `Role` (`AWS::Serverless::StateMachine`) names, with every policy attached
 * to it; for a SAM state machine without `Role`, the role SAM generates; otherwise (a literal ARN of another role, a
 * parameter, an import) `inTemplate: false` with the ARN as resolved. Values unknown offline make the statements that
 * use them conditional; policies whose documents are unknown stand in as conditional `Allow *` and `Deny *` with a
 * PolicyContentUnknown finding (docs/template-roles.md).
 */
export function executionRoleOf(model: TemplateModel, stateMachine: TemplateResource): ExecutionRole {
  const context: RoleContext = { model, stateMachineArn: model.refOf(stateMachine.logicalId) ?? null, findings: [] };
  const sam = stateMachine.type === 'AWS::Serverless::StateMachine';
  const raw = sam ? stateMachine.properties.Role : stateMachine.properties.RoleArn;
  if (sam && raw === undefined) {
    const role = samRoleRef(model, stateMachine);
    const policies = samRolePolicies(context, role, stateMachine);
    return {
      roleArn: role.arn,
      inTemplate: true,
      ...policies,
      trust: SAM_STATE_MACHINE_TRUST,
      findings: uniqueFindings(context.findings),
    };
  }
  const resolved = raw === undefined ? undefined : model.resolve(raw);
  const role = namedTemplateRole(model, raw, resolved);
  if (role === undefined) {
    return {
      roleArn: typeof resolved === 'string' ? resolved : undefined,
      inTemplate: false,
      identity: [],
      findings: [],
    };
  }
  const policies = templateRolePolicies(context, role);
  const trustDocument = model.resources.get(role.logicalId)?.properties.AssumeRolePolicyDocument;
  const trust = trustDocument === undefined ? undefined : policyWithUnresolved(model.resolve(trustDocument));
  return {
    roleArn: role.arn ?? (typeof resolved === 'string' ? resolved : undefined),
    inTemplate: true,
    ...policies,
    ...(trust === undefined ? {} : { trust }),
    findings: uniqueFindings(context.findings),
  };
}
