import type { PolicyDocument, PolicyStatement } from '../types.js';

function asList(value: unknown): unknown[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** Step Functions' service principal, global or regional (https://docs.aws.amazon.com/step-functions/latest/dg/procedure-create-iam-role.html). */
function isStatesPrincipal(value: unknown): boolean {
  return typeof value === 'string' && /^states(\.[a-z0-9-]+)?\.amazonaws\.com(\.cn)?$/.test(value);
}

function namesStepFunctions(statement: PolicyStatement): boolean {
  const principal = statement.Principal;
  if (principal === '*') return true;
  if (typeof principal !== 'object' || principal === null) return false;
  const service = (principal as Record<string, unknown>).Service;
  return asList(service).some(isStatesPrincipal);
}

function coversAssumeRole(statement: PolicyStatement): boolean {
  return asList(statement.Action).some((a) => typeof a === 'string' && /^(\*|sts:\*|sts:AssumeRole)$/i.test(a));
}

/**
 * True when a role trust policy lets states.amazonaws.com call sts:AssumeRole (an Allow naming the principal and
 * the action, and no Deny naming both); conditions are not evaluated.
 */
export function trustsStepFunctions(trust: PolicyDocument): boolean {
  const statements = asList(trust.Statement) as PolicyStatement[];
  const matching = statements.filter((s) => namesStepFunctions(s) && coversAssumeRole(s));
  return matching.some((s) => s.Effect === 'Allow') && !matching.some((s) => s.Effect === 'Deny');
}
