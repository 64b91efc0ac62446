import type { NamedPolicy } from '../../ports.js';
import type { Finding, PolicyDocument } from '../../types.js';
import { policyContentUnknownFinding } from '../role/policyContentUnknownFinding.js';
import { policyWithUnresolved, unknownPolicy } from '../role/policyWithUnresolved.js';
import { unresolvedIn } from '../unresolved.js';
import { valueKnownAfterApplyFinding } from './planFindings.js';
import type { TerraformPlan } from './planTypes.js';
import type { PlanPolicy } from './policyDocumentData.js';

/** What the readers of one execution role share: the plan, the role's ARN, and the findings so far. */
export type PlanRoleContext = {
  readonly plan: TerraformPlan;
  readonly stateMachineArn: string | null;
  readonly roleArn: string | undefined;
  readonly findings: Finding[];
};

/**
 * A policy of the plan as the evaluator gets it: a document with its values known only after apply made conditional
 * (policyWithUnresolved, each also an UnresolvedTemplateValue finding), or, when nothing of it is known, the stand-in
 * `Allow *` and `Deny *` conditional on it with a PolicyContentUnknown finding.
 */
export function namedPlanPolicy(
  context: PlanRoleContext,
  name: string,
  policy: PlanPolicy,
  layer: 'identity' | 'boundary' = 'identity',
): NamedPolicy {
  if (policy.kind === 'unknown')
    return unknownPlanPolicy(
      context,
      name,
      `known only after apply: it depends on ${policy.dependsOn.join(', ')}`,
      layer,
    );
  for (const value of unresolvedIn(JSON.stringify(policy.document))) {
    context.findings.push(
      valueKnownAfterApplyFinding({ stateMachineArn: context.stateMachineArn, value, usedBy: name }),
    );
  }
  return { name, document: policyWithUnresolved(policy.document) };
}

/** The stand-in for a policy whose document is unknown, and the PolicyContentUnknown finding that says why. */
export function unknownPlanPolicy(
  context: PlanRoleContext,
  name: string,
  reason: string,
  layer: 'identity' | 'boundary' = 'identity',
): NamedPolicy {
  context.findings.push(
    policyContentUnknownFinding({
      stateMachineArn: context.stateMachineArn,
      roleArn: context.roleArn,
      policy: name,
      reason,
      layer,
    }),
  );
  return { name, document: unknownPolicy(`Policy ${name}`) };
}

/** A trust policy the audit can decide on: a known document without values known only after apply. */
export function decidableTrust(policy: PlanPolicy | undefined): PolicyDocument | undefined {
  if (policy?.kind !== 'document') return undefined;
  return unresolvedIn(JSON.stringify(policy.document)).length === 0 ? policy.document : undefined;
}
