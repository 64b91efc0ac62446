import type { EvaluationResult, ResourceSpecificResult, Statement } from '@aws-sdk/client-iam';
import type { Decision, DenyingLayer, MatchedStatement } from '../types.js';

function statementsOf(statements: Statement[] | undefined, effect: 'Allow' | 'Deny'): MatchedStatement[] {
  return (statements ?? []).map((s) => ({
    policy: s.SourcePolicyId ?? s.SourcePolicyType ?? 'unknown',
    // The simulator names no Sid, only where the statement starts in the policy text.
    statement:
      s.StartPosition === undefined
        ? '?'
        : `line ${s.StartPosition.Line ?? '?'}, column ${s.StartPosition.Column ?? '?'}`,
    layer: s.SourcePolicyType === 'resource' ? 'resource' : 'identity',
    effect,
  }));
}

/**
 * Turns the simulator's answer for one (action, resource) into a Decision: the per-resource entry of
 * `ResourceSpecificResults` when given, else the action's top-level result. A deny names the layer —
 * `AllowedByOrganizations: false` → scp, `AllowedByPermissionsBoundary: false` → boundary, otherwise identity — and an
 * identity implicit deny with `MissingContextValues` is `conditional`
 * (https://docs.aws.amazon.com/IAM/latest/APIReference/API_EvaluationResult.html,
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_ResourceSpecificResult.html).
 */
export function toSimulatorDecision(
  action: string,
  resource: string,
  result: EvaluationResult,
  specific: ResourceSpecificResult | undefined,
): Decision {
  const evalDecision = specific?.EvalResourceDecision ?? result.EvalDecision;
  const missing = specific?.MissingContextValues ?? result.MissingContextValues ?? [];
  const matched = specific?.MatchedStatements ?? result.MatchedStatements;
  const boundary = specific?.PermissionsBoundaryDecisionDetail ?? result.PermissionsBoundaryDecisionDetail;
  const statements = statementsOf(matched, evalDecision === 'explicitDeny' ? 'Deny' : 'Allow');
  const base = { action, resource, ...(statements.length === 0 ? {} : { matchedStatements: statements }) };
  if (evalDecision === 'allowed') return { ...base, decision: 'allowed' };
  let deniedBy: DenyingLayer = 'identity';
  if (result.OrganizationsDecisionDetail?.AllowedByOrganizations === false) deniedBy = 'scp';
  else if (boundary?.AllowedByPermissionsBoundary === false) deniedBy = 'boundary';
  if (evalDecision === 'explicitDeny') return { ...base, decision: 'explicitDeny', deniedBy };
  // A layer that denies outright outranks identity conditions the request did not satisfy.
  if (missing.length > 0 && deniedBy === 'identity') {
    return { ...base, decision: 'conditional', missingContext: [...missing] };
  }
  return { ...base, decision: 'implicitDeny', deniedBy };
}
