/**
 * Whether one compiled statement applies to a request: its Action (or NotAction) covers the action, its Resource
 * (or NotResource) covers the resource, and all its conditions hold. For a resource with holes the Resource part is
 * `all`, `some` or `none` of the ARNs it stands for (NotResource swaps all and none), and a statement that covers only
 * some of them applies `partial`ly.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notresource.html
 */
import { evaluateConditions } from './evaluateConditions.js';
import { anyOf, negate } from './tri.js';
import type {
  CompiledStatement,
  HolePattern,
  PreparedRequest,
  ResourceVerdict,
  Scope,
  StatementResult,
} from './types.js';

function coversAction(statement: CompiledStatement, action: string): boolean {
  let actionMatches = false;
  for (const matches of statement.actions) {
    if (matches(action)) {
      actionMatches = true;
      break;
    }
  }
  return actionMatches !== statement.notAction;
}

/** Resource verdict of the statement's patterns together; `overlapping` receives the Resource patterns that meet the hole. */
function holeVerdict(statement: CompiledStatement, hole: HolePattern, scope: Scope, overlapping?: string[]) {
  let all = false;
  let some = false;
  let unknown = false;
  statement.holeMatchers.forEach((matcher, index) => {
    const verdict = matcher(hole, scope);
    if (verdict === 'all') all = true;
    else if (verdict === 'some') some = true;
    else if (verdict === 'unknown') unknown = true;
    if ((verdict === 'all' || verdict === 'some') && !statement.notResource)
      overlapping?.push(statement.resourcePatterns[index] as string);
  });
  const covered: ResourceVerdict = all ? 'all' : unknown ? 'unknown' : some ? 'some' : 'none';
  if (!statement.notResource) return covered;
  return covered === 'all' ? 'none' : covered === 'none' ? 'all' : covered;
}

/**
 * yes, partial (a resource with holes only in part), no, or unknown when a condition key or policy variable the
 * statement needs is missing (pushed to `request.scope.missing`); `overlapping` receives the Resource patterns that meet
 * a resource with holes.
 */
export function evaluateStatement(
  statement: CompiledStatement,
  request: PreparedRequest,
  overlapping?: string[],
): StatementResult {
  if (!coversAction(statement, request.action)) return 'no';
  const { scope, hole } = request;
  let resource: ResourceVerdict;
  if (hole === undefined) {
    const covered = anyOf(statement.resources, (match) => match(request.resource, scope));
    const applies = statement.notResource ? negate(covered) : covered;
    resource = applies === 'yes' ? 'all' : applies === 'no' ? 'none' : 'unknown';
  } else resource = holeVerdict(statement, hole, scope, overlapping);
  if (resource === 'none') return 'no';
  const conditions = evaluateConditions(statement.conditions, scope);
  if (conditions === 'no') return 'no';
  if (resource === 'unknown' || conditions === 'unknown') return 'unknown';
  return resource === 'all' ? 'yes' : 'partial';
}
