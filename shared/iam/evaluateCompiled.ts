/**
 * AWS's evaluation logic for one account, without resource-based policies: an explicit Deny in any layer wins;
 * otherwise the request is allowed only when the identity policies allow it, the permissions boundary (when set)
 * allows it and every SCP level allows it (each level through at least one of its policies).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html
 * https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_evaluation.html
 */
import type { Decision, DenyingLayer, MatchedStatement, SimulationRequest } from '../types.js';
import { evaluateStatement } from './evaluateStatement.js';
import { toRequestContext } from './toRequestContext.js';
import type { CompiledPolicies, CompiledStatement, PreparedRequest, Tri } from './types.js';

type LayerOutcome = { layer: DenyingLayer; allow: Tri; deny: boolean; missing: string[] };

function evaluateLayer(
  layer: DenyingLayer,
  statements: readonly CompiledStatement[],
  request: PreparedRequest,
  matched: MatchedStatement[],
): LayerOutcome {
  const outcome: LayerOutcome = { layer, allow: 'no', deny: false, missing: [] };
  for (const statement of statements) {
    const mark = outcome.missing.length;
    const result = evaluateStatement(statement, request, outcome.missing);
    if (result === 'yes') {
      matched.push({ policy: statement.policy, statement: statement.label, layer, effect: statement.effect });
      if (statement.effect === 'Deny') outcome.deny = true;
      else outcome.allow = 'yes';
    }
    if (result === 'unknown' && statement.effect === 'Allow') {
      if (outcome.allow === 'no') outcome.allow = 'unknown';
    } else outcome.missing.length = mark;
  }
  return outcome;
}

/** The decision for one request against compiled policies (request context merged over the input's context). */
export function evaluateCompiled(compiled: CompiledPolicies, request: SimulationRequest): Decision {
  const prepared: PreparedRequest = {
    action: request.action.toLowerCase(),
    resource: request.resource,
    context: toRequestContext(request.context, compiled.context),
  };
  const matched: MatchedStatement[] = [];
  const outcomes = [evaluateLayer('identity', compiled.identity, prepared, matched)];
  if (compiled.boundary !== undefined) outcomes.push(evaluateLayer('boundary', compiled.boundary, prepared, matched));
  for (const level of compiled.scps) outcomes.push(evaluateLayer('scp', level, prepared, matched));
  const base = { action: request.action, resource: request.resource };
  const denied = outcomes.find((o) => o.deny);
  if (denied !== undefined) {
    return { ...base, decision: 'explicitDeny', deniedBy: denied.layer, matchedStatements: matched };
  }
  const failed = outcomes.find((o) => o.allow === 'no');
  if (failed !== undefined)
    return { ...base, decision: 'implicitDeny', deniedBy: failed.layer, matchedStatements: matched };
  const undecided = outcomes.filter((o) => o.allow === 'unknown');
  if (undecided.length === 0) return { ...base, decision: 'allowed', matchedStatements: matched };
  const missingContext = [...new Set(undecided.flatMap((o) => o.missing))].sort();
  return { ...base, decision: 'conditional', missingContext, matchedStatements: matched };
}
