/**
 * AWS's evaluation logic for one account, without resource-based policies: an explicit Deny in any layer wins;
 * otherwise the request is allowed only when the identity policies allow it, the permissions boundary (when set)
 * allows it and every SCP level allows it (each level through at least one of its policies). An outcome that hangs on
 * a missing key — of an Allow or of a Deny — is `conditional`; a resource with holes that the layers allow or deny only
 * in part is `notProvable`.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html
 * https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_evaluation.html
 */
import type { Decision, MatchedStatement, SimulationRequest } from '../types.js';
import { evaluateLayer, type LayerOutcome } from './evaluateLayer.js';
import { hasWildcards, tokenizePattern } from './tokenizePattern.js';
import { toRequestContext } from './toRequestContext.js';
import type { CompiledPolicies, HolePattern, MissingKeyRule, PreparedRequest, Scope } from './types.js';

const LEGACY = (): MissingKeyRule => 'legacy';

/** The resource's holes, or undefined for a literal ARN and for `*` (an action authorized on `*` is literal). */
function toHolePattern(resource: string): HolePattern | undefined {
  if (resource === '*' || !(resource.includes('*') || resource.includes('?'))) return undefined;
  const tokens = tokenizePattern([{ kind: 'pattern', text: resource }], true);
  return hasWildcards(tokens) ? { text: resource, tokens } : undefined;
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}

function prepare(compiled: CompiledPolicies, request: SimulationRequest): PreparedRequest {
  const availability = compiled.keyAvailability;
  const scope: Scope = {
    context: toRequestContext(request.context, compiled.context),
    missing: [],
    missingKey: availability === undefined ? LEGACY : (key) => availability(request.action, key),
  };
  const hole = toHolePattern(request.resource);
  return { action: request.action.toLowerCase(), resource: request.resource, scope, ...(hole && { hole }) };
}

function decide(
  outcomes: readonly LayerOutcome[],
  base: Pick<Decision, 'action' | 'resource'>,
): Omit<Decision, 'matchedStatements'> {
  const denied = outcomes.find((o) => o.deny.full);
  if (denied !== undefined) return { ...base, decision: 'explicitDeny', deniedBy: denied.layer };
  const failed = outcomes.find((o) => !o.allow.full && !o.allow.partial && !o.allow.undecided);
  if (failed !== undefined) return { ...base, decision: 'implicitDeny', deniedBy: failed.layer };
  const missing = outcomes.flatMap((o) => [...(o.allow.full ? [] : o.allowMissing), ...o.denyMissing]);
  if (outcomes.some((o) => o.deny.undecided || (!o.allow.full && o.allow.undecided))) {
    return { ...base, decision: 'conditional', missingContext: unique(missing).sort() };
  }
  if (outcomes.some((o) => o.deny.partial || !o.allow.full)) {
    const identity = outcomes[0];
    return {
      ...base,
      decision: 'notProvable',
      grantedResources: unique(identity?.layer === 'identity' ? identity.granted : []),
      deniedResources: unique(outcomes.flatMap((o) => o.denied)),
    };
  }
  return { ...base, decision: 'allowed' };
}

/** The decision for one request against compiled policies (request context merged over the input's context). */
export function evaluateCompiled(compiled: CompiledPolicies, request: SimulationRequest): Decision {
  const prepared = prepare(compiled, request);
  const matched: MatchedStatement[] = [];
  const outcomes = [evaluateLayer('identity', compiled.identity, prepared, matched)];
  if (compiled.boundary !== undefined) outcomes.push(evaluateLayer('boundary', compiled.boundary, prepared, matched));
  for (const level of compiled.scps) outcomes.push(evaluateLayer('scp', level, prepared, matched));
  return { ...decide(outcomes, { action: request.action, resource: request.resource }), matchedStatements: matched };
}
