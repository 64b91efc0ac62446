/**
 * Whether a role's trust policy lets Step Functions assume it: an Allow of `sts:AssumeRole` (also through `sts:*`,
 * `*` or another wildcard) to the service principal `states.amazonaws.com` or a regional `states.REGION.amazonaws.com`,
 * and no unconditional Deny of that action for that principal. Conditions on the Allow (aws:SourceAccount…) are
 * not evaluated: they hold for the role's own state machines.
 * https://docs.aws.amazon.com/step-functions/latest/dg/procedure-create-iam-role.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
 */
import type { PolicyDocument } from '../types.js';
import { compileActionPattern } from './compileActionPattern.js';

const STATES_PRINCIPAL = /^states(\.[a-z0-9-]+)?\.amazonaws\.com(\.cn)?$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asList(value: unknown): unknown[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function namesStates(principal: unknown): boolean {
  return (
    isRecord(principal) && asList(principal.Service).some((s) => typeof s === 'string' && STATES_PRINCIPAL.test(s))
  );
}

function namesEveryone(principal: unknown): boolean {
  return principal === '*' || (isRecord(principal) && asList(principal.AWS).includes('*'));
}

function coversAssumeRole(statement: Record<string, unknown>): boolean {
  const negated = statement.Action === undefined;
  const patterns = asList(negated ? statement.NotAction : statement.Action).filter((p) => typeof p === 'string');
  return patterns.some((p) => compileActionPattern(p)('sts:assumerole')) !== negated;
}

function deniesStates(statement: Record<string, unknown>): boolean {
  if (statement.Condition !== undefined || !coversAssumeRole(statement)) return false;
  if (statement.NotPrincipal !== undefined) return !namesStates(statement.NotPrincipal);
  return namesStates(statement.Principal) || namesEveryone(statement.Principal);
}

/** True when states.amazonaws.com may call sts:AssumeRole on the role (see the file comment for the exact rule). */
export function isTrustedByStepFunctions(trust: PolicyDocument): boolean {
  const statements = asList(isRecord(trust) ? trust.Statement : undefined).filter(isRecord);
  const allowed = statements.some(
    (s) => s.Effect === 'Allow' && s.Principal !== undefined && namesStates(s.Principal) && coversAssumeRole(s),
  );
  return allowed && !statements.some((s) => s.Effect === 'Deny' && deniesStates(s));
}
