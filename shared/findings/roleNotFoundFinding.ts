import type { Finding } from '../types.js';
import { findingId } from './findingId.js';

/** Who the missing role is and why it was not found. */
export type RoleNotFoundInput = { stateMachineArn: string | null; roleArn: string | null; reason?: string };

/**
 * The CRITICAL finding for an execution role that does not exist: Step Functions cannot assume it, so no execution
 * can start (https://docs.aws.amazon.com/step-functions/latest/dg/procedure-create-iam-role.html).
 */
export function roleNotFoundFinding(input: RoleNotFoundInput): Finding {
  const role = input.roleArn ?? 'the execution role';
  return {
    id: findingId({
      stateMachineArn: input.stateMachineArn,
      rule: 'RoleNotFound',
      state: null,
      actions: [],
      resources: input.roleArn === null ? [] : [input.roleArn],
    }),
    rule: 'RoleNotFound',
    severity: 'CRITICAL',
    purpose: null,
    state: null,
    integration: null,
    actions: [],
    resources: input.roleArn === null ? [] : [input.roleArn],
    decision: null,
    title: `Execution role ${role} not found`,
    consequence:
      'The state machine: Step Functions cannot assume a role that does not exist, so every execution fails to start; no permission was checked',
    docs: 'https://docs.aws.amazon.com/step-functions/latest/dg/procedure-create-iam-role.html',
    details: {
      reason: input.reason ?? 'the role does not exist',
      fix: 'create the role or point the state machine at an existing one',
    },
  };
}
