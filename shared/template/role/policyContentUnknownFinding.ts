import { findingId } from '../../findings/findingId.js';
import type { Finding } from '../../types.js';

/** What the audit does not know, and why. */
export type PolicyContentUnknownInput = {
  readonly stateMachineArn: string | null;
  readonly roleArn: string | undefined;
  /** The policy as the template names it (an ARN, or `OrdersRole Policies[2]`). */
  readonly policy: string;
  readonly reason: string;
  /** `identity` or `boundary`. */
  readonly layer: 'identity' | 'boundary';
};

const MANAGED_POLICY_REFERENCE = 'https://docs.aws.amazon.com/aws-managed-policy/latest/reference/policy-list.html';

/**
 * The LOW finding for a policy of the execution role whose document is unknown offline (a managed policy ARN not
 * shipped as data, an unresolved ARN, a SAM `Policies` entry SAM cannot read): it stands in as `Allow *` and
 * `Deny *` on a condition, so every request is reported `conditional` on it, never denied and never proven.
 */
export function policyContentUnknownFinding(input: PolicyContentUnknownInput): Finding {
  return {
    id: findingId({
      stateMachineArn: input.stateMachineArn,
      rule: 'PolicyContentUnknown',
      state: null,
      actions: [],
      resources: [input.policy],
    }),
    rule: 'PolicyContentUnknown',
    severity: 'LOW',
    purpose: null,
    state: null,
    integration: null,
    actions: [],
    resources: [input.policy],
    decision: null,
    title: `The ${input.layer === 'boundary' ? 'permissions boundary' : 'policy'} ${input.policy} of the execution role is unknown offline`,
    consequence:
      'What it allows or denies cannot be proven offline: permissions only it could grant are reported as conditional on it, not as missing, and permissions the other policies grant as conditional on it too, since it may deny them',
    docs: MANAGED_POLICY_REFERENCE,
    details: {
      policy: input.policy,
      ...(input.roleArn === undefined ? {} : { role: input.roleArn }),
      layer: input.layer,
      reason: input.reason,
      fix: 'audit the deployed role with check --state-machine-arn, where IAM returns every attached document',
    },
  };
}
