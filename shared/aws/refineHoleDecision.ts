import { patternsOverlap } from '../findings/patternsOverlap.js';
import { compilePolicies } from '../iam/compilePolicies.js';
import { evaluateCompiled } from '../iam/evaluateCompiled.js';
import type { NamedPolicy } from '../ports.js';
import type { Decision, PolicyStatement, SimulationRequest } from '../types.js';

/** True when a request resource has holes: a `*` or `?` inside an ARN (`*` alone is the resource `*`, no hole). */
export function hasHoles(resource: string): boolean {
  return resource !== '*' && /[*?]/.test(resource);
}

/**
 * True when every string `inner` stands for also matches `outer` (IAM wildcards: `*` any run, `?` one character).
 * Sound, not complete: it aligns the two patterns, so a cover only a union or a re-ordering proves (`*?` over `?*`)
 * is missed — the caller then says "not provable", never "allowed".
 */
export function patternCovers(outer: string, inner: string): boolean {
  const memo = new Map<number, boolean>();
  const width = inner.length + 1;
  const visit = (i: number, j: number): boolean => {
    const key = i * width + j;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let result: boolean;
    if (i === outer.length) result = j === inner.length;
    else if (outer[i] === '*') result = visit(i + 1, j) || (j < inner.length && visit(i, j + 1));
    else if (j === inner.length || inner[j] === '*') result = false;
    else if (outer[i] === '?') result = visit(i + 1, j + 1);
    else result = inner[j] !== '?' && outer[i] === inner[j] && visit(i + 1, j + 1);
    memo.set(key, result);
    return result;
  };
  return visit(0, 0);
}

type Scope = { overlaps: boolean; covers: boolean; patterns: string[] };

const listOf = (value: string | string[] | undefined): string[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** How a statement's Resource (or NotResource) relates to a hole pattern. */
function scopeOf(statement: PolicyStatement, resource: string): Scope {
  const notResource = statement.NotResource !== undefined;
  const patterns = listOf(notResource ? statement.NotResource : statement.Resource);
  const overlapping = patterns.filter((p) => patternsOverlap(p, resource));
  if (!notResource) {
    return {
      overlaps: overlapping.length > 0,
      covers: patterns.some((p) => patternCovers(p, resource)),
      patterns: overlapping,
    };
  }
  return {
    overlaps: !patterns.some((p) => patternCovers(p, resource)),
    covers: overlapping.length === 0,
    patterns: [],
  };
}

type Applies = 'yes' | 'no' | 'unknown';

/**
 * Whether a statement's Action/NotAction and Condition apply to the request, asked of the embedded evaluator with the
 * statement's resource set to `*` (so only action and conditions decide).
 */
function appliesTo(statement: PolicyStatement, version: string | undefined, request: SimulationRequest): Applies {
  const { Sid: _sid, Effect: _effect, Resource: _resource, NotResource: _notResource, ...rest } = statement;
  const probe: NamedPolicy = {
    name: 'probe',
    document: {
      ...(version === undefined ? {} : { Version: version }),
      Statement: [{ ...rest, Effect: 'Allow', Resource: '*' }],
    },
  };
  const answer = evaluateCompiled(compilePolicies({ identity: [probe] }), { ...request, resource: '*' });
  if (answer.decision === 'allowed') return 'yes';
  return answer.decision === 'conditional' ? 'unknown' : 'no';
}

const unique = (values: string[]) => [...new Set(values)];

/**
 * Refines SimulatePrincipalPolicy's literal answer for a resource with holes (which it evaluates as literal text) with
 * the role's identity policies (already validated, e.g. by compilePolicies): an identity implicit deny becomes `notProvable` when some Allow for the action
 * overlaps the pattern; `allowed` stays only when one Allow whose conditions hold covers the whole pattern and no Deny
 * that may apply overlaps it, else `notProvable`. `grantedResources` lists the overlapping Allow patterns (empty when
 * a Deny is the cause), `deniedResources` the overlapping Deny patterns. Explicit denies, conditional answers,
 * SCP/boundary denies and requests without holes keep the literal answer.
 */
export function refineHoleDecision(
  literal: Decision,
  request: SimulationRequest,
  policies: readonly NamedPolicy[],
): Decision {
  if (!hasHoles(request.resource)) return literal;
  const identityDeny = literal.decision === 'implicitDeny' && (literal.deniedBy ?? 'identity') === 'identity';
  if (literal.decision !== 'allowed' && !identityDeny) return literal;
  let overlapsAllow = false;
  let coveringAllow = false;
  let overlapsDeny = false;
  const granted: string[] = [];
  const denied: string[] = [];
  for (const policy of policies) {
    const { Version: version, Statement: statement } = policy.document;
    for (const s of Array.isArray(statement) ? statement : [statement]) {
      const scope = scopeOf(s, request.resource);
      if (!scope.overlaps) continue;
      const applies = appliesTo(s, version, request);
      if (applies === 'no') continue;
      if (s.Effect === 'Deny') {
        overlapsDeny = true;
        denied.push(...scope.patterns);
      } else {
        overlapsAllow = true;
        if (scope.covers && applies === 'yes') coveringAllow = true;
        granted.push(...scope.patterns);
      }
    }
  }
  const { deniedBy: _literalLayer, ...base } = literal;
  const notProvable = (grantedResources: string[]): Decision => ({
    ...base,
    decision: 'notProvable',
    grantedResources: unique(grantedResources),
    ...(denied.length === 0 ? {} : { deniedResources: unique(denied) }),
  });
  if (identityDeny) return overlapsAllow ? notProvable(granted) : literal;
  if (coveringAllow && !overlapsDeny) return literal;
  return notProvable(coveringAllow ? [] : granted);
}
