import type { Finding, PolicyStatement } from '../types.js';
import { findingId } from './findingId.js';

const ROLE_PAGE = 'https://docs.aws.amazon.com/step-functions/latest/dg/procedure-create-iam-role.html';

/**
 * The trust statement that lets Step Functions assume the execution role, with the confused-deputy conditions of
 * ROLE_PAGE (aws:SourceAccount, aws:SourceArn) when the state machine's ARN is known.
 */
export function stepFunctionsTrustStatement(stateMachineArn: string | null): PolicyStatement {
  const statement: PolicyStatement = {
    Effect: 'Allow',
    Principal: { Service: 'states.amazonaws.com' },
    Action: 'sts:AssumeRole',
  };
  const [, partition, , region, account] = stateMachineArn?.split(':') ?? [];
  if (partition && region && account && region !== '*' && account !== '*') {
    statement.Condition = {
      StringEquals: { 'aws:SourceAccount': account },
      ArnLike: { 'aws:SourceArn': `arn:${partition}:states:${region}:${account}:stateMachine:*` },
    };
  }
  return statement;
}

/** Which role no longer trusts Step Functions. */
export type UntrustedRoleInput = { stateMachineArn: string | null; roleArn: string | null };

/**
 * The CRITICAL finding for an execution role whose trust policy does not let states.amazonaws.com assume it:
 * executions cannot start (ROLE_PAGE). The fix goes in the trust policy, not in a permissions policy, so
 * `remediation` is absent and `details.trustStatement` holds the statement to add.
 */
export function untrustedRoleFinding(input: UntrustedRoleInput): Finding {
  const resources = input.roleArn === null ? [] : [input.roleArn];
  const role = input.roleArn === null ? 'The execution role' : `Execution role ${input.roleArn}`;
  return {
    id: findingId({
      stateMachineArn: input.stateMachineArn,
      rule: 'UntrustedRole',
      state: null,
      actions: ['sts:AssumeRole'],
      resources,
    }),
    rule: 'UntrustedRole',
    severity: 'CRITICAL',
    purpose: null,
    state: null,
    integration: null,
    actions: ['sts:AssumeRole'],
    resources,
    decision: null,
    title: `${role} does not trust states.amazonaws.com`,
    consequence:
      'The state machine: Step Functions cannot assume the execution role, so every execution fails to start',
    docs: ROLE_PAGE,
    details: {
      fix: "add this statement to the role's trust policy (iam:UpdateAssumeRolePolicy)",
      trustStatement: stepFunctionsTrustStatement(input.stateMachineArn),
    },
  };
}
