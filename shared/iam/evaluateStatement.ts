/**
 * Whether one compiled statement applies to a request: its Action (or NotAction) covers the action, its Resource
 * (or NotResource) covers the resource, and all its conditions hold.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notresource.html
 */
import { evaluateConditions } from './evaluateConditions.js';
import { anyOf, negate } from './tri.js';
import type { CompiledStatement, MissingKeys, PreparedRequest, Tri } from './types.js';

/** yes, no, or unknown when a condition key or policy variable the statement needs is missing (pushed to `missing`). */
export function evaluateStatement(statement: CompiledStatement, request: PreparedRequest, missing: MissingKeys): Tri {
  let actionMatches = false;
  for (const matches of statement.actions) {
    if (matches(request.action)) {
      actionMatches = true;
      break;
    }
  }
  if (actionMatches === statement.notAction) return 'no';
  const covered = anyOf(statement.resources, (match) => match(request.resource, request.context, missing));
  const resource = statement.notResource ? negate(covered) : covered;
  if (resource === 'no') return 'no';
  const conditions = evaluateConditions(statement.conditions, request.context, missing);
  if (conditions === 'no') return 'no';
  return resource === 'unknown' || conditions === 'unknown' ? 'unknown' : 'yes';
}
