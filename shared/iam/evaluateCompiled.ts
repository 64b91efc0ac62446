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
const HOLE_CACHE_LIMIT = 4096;

/** The resource's holes, or undefined for a literal ARN and for `*` (an action authorized on `*` is literal). */
function toHolePattern(compiled: CompiledPolicies, resource: string): HolePattern | undefined {
  if (resource === '*' || !(resource.includes('*') || resource.includes('?'))) return undefined;
  let hole = compiled.holes.get(resource);
  if (hole === undefined) {
    const tokens = tokenizePattern([{ kind: 'pattern', text: resource }], true);
    hole = { text: resource, tokens: hasWildcards(tokens) ? tokens : [] };
    if (compiled.holes.size < HOLE_CACHE_LIMIT) compiled.holes.set(resource, hole);
  }
  return hole.tokens.length === 0 ? undefined : hole;
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
  const prepared: PreparedRequest = { action: request.action.toLowerCase(), resource: request.resource, scope };
  const hole = toHolePattern(compiled, request.resource);
  if (hole !== undefined) prepared.hole = hole;
  return prepared;
}

function decide(outcomes: readonly LayerOutcome[], decision: Decision): Decision {
  const denied = outcomes.find((o) => o.fullDeny);
  if (denied !== undefined) {
    decision.decision = 'explicitDeny';
    decision.deniedBy = denied.layer;
    return decision;
  }
  const failed = outcomes.find((o) => !o.fullAllow && !o.partialAllow && !o.undecidedAllow);
  if (failed !== undefined) {
    decision.decision = 'implicitDeny';
    decision.deniedBy = failed.layer;
    return decision;
  }
  if (outcomes.some((o) => o.undecidedDeny || (!o.fullAllow && o.undecidedAllow))) {
    const missing = outcomes.flatMap((o) => (o.fullAllow ? o.denyMissing : [...o.allowMissing, ...o.denyMissing]));
    decision.decision = 'conditional';
    decision.missingContext = unique(missing).sort();
    if (outcomes.every((o) => o.fullAllow)) decision.denyOnly = true;
    return decision;
  }
  if (outcomes.some((o) => o.partialDeny || !o.fullAllow)) {
    const identity = outcomes[0];
    decision.decision = 'notProvable';
    decision.grantedResources = unique(identity?.layer === 'identity' ? identity.granted : []);
    decision.deniedResources = unique(outcomes.flatMap((o) => o.denied));
  }
  return decision;
}

/** The decision for one request against compiled policies (request context merged over the input's context). */
export function evaluateCompiled(compiled: CompiledPolicies, request: SimulationRequest): Decision {
  const prepared = prepare(compiled, request);
  const matched: MatchedStatement[] = [];
  const outcomes = [evaluateLayer('identity', compiled.identity, prepared, matched)];
  if (compiled.boundary !== undefined) outcomes.push(evaluateLayer('boundary', compiled.boundary, prepared, matched));
  for (const level of compiled.scps) outcomes.push(evaluateLayer('scp', level, prepared, matched));
  const decision: Decision = { action: request.action, resource: request.resource, decision: 'allowed' };
  decide(outcomes, decision).matchedStatements = matched;
  return decision;
}
