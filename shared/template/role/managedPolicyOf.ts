import type { NamedPolicy } from '../../ports.js';
import { hasUnresolved } from '../unresolved.js';
import { awsManagedPolicy, parseAwsManagedPolicyArn } from './awsManagedPolicy.js';
import { policyContentUnknownFinding } from './policyContentUnknownFinding.js';
import { policyWithUnresolved, unknownPolicy } from './policyWithUnresolved.js';
import { type RoleContext, readable } from './roleContext.js';

/** A managed policy as the role gets it, and the template resource it is when the template defines it. */
export type ManagedPolicyUse = { readonly policy: NamedPolicy; readonly logicalId?: string };

/** Why a managed policy ARN has no known document. */
function unknownReason(arn: string): string {
  if (hasUnresolved(arn)) return 'its ARN is not known offline';
  const parsed = parseAwsManagedPolicyArn(arn);
  if (parsed === undefined) return 'a customer managed policy that the template does not define';
  if (parsed.partition !== 'aws') {
    return `AWS managed policies are shipped as data for the aws partition only, not ${parsed.partition}`;
  }
  return 'an AWS managed policy that is not shipped as data (docs/template-roles.md lists those that are)';
}

/**
 * The document behind a managed policy ARN the role attaches (`ManagedPolicyArns`, a SAM `Policies` name, a
 * permissions boundary): an `AWS::IAM::ManagedPolicy` of the template whose ARN it is, an AWS managed policy shipped
 * as data, or else a stand-in `Allow *` and `Deny *` conditional on `ManagedPolicy <arn>` with a PolicyContentUnknown
 * finding.
 */
export function managedPolicyOf(
  context: RoleContext,
  arn: string,
  layer: 'identity' | 'boundary',
  roleArn: string | undefined,
): ManagedPolicyUse {
  const { model } = context;
  if (!hasUnresolved(arn)) {
    for (const resource of model.resources.values()) {
      if (resource.type !== 'AWS::IAM::ManagedPolicy' || model.refOf(resource.logicalId) !== arn) continue;
      const document = policyWithUnresolved(model.resolve(resource.properties.PolicyDocument));
      return {
        policy: { name: `AWS::IAM::ManagedPolicy ${resource.logicalId}`, document },
        logicalId: resource.logicalId,
      };
    }
    const shipped = awsManagedPolicy(arn);
    if (shipped !== undefined) return { policy: { name: shipped.arn, document: shipped.document } };
  }
  const shown = readable(arn);
  context.findings.push(
    policyContentUnknownFinding({
      stateMachineArn: context.stateMachineArn,
      roleArn,
      policy: shown,
      reason: unknownReason(arn),
      layer,
    }),
  );
  return { policy: { name: shown, document: unknownPolicy(`ManagedPolicy ${shown}`) } };
}
