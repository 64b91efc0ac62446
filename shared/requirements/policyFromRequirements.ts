import type { PolicyDocument, PolicyStatement, Requirement } from '../types.js';
import { policyStatementsOf } from './policyStatementsOf.js';

/**
 * IAM counts policy size without whitespace: a role's inline policies may total 10,240 characters.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html#reference_iam-quotas-entity-length
 */
export const INLINE_ROLE_POLICIES_LIMIT = 10_240;
/** A managed policy may hold 6,144 characters (same page, same counting). */
export const MANAGED_POLICY_LIMIT = 6_144;
const VERSION = '2012-10-17';

/** Size as IAM counts it: the minified JSON, without whitespace. */
export function policySize(document: PolicyDocument): number {
  return JSON.stringify(document).replace(/\s/g, '').length;
}

const documentOf = (statements: PolicyStatement[]): PolicyDocument => ({ Version: VERSION, Statement: statements });

/** Splits a statement too big for one document into halves by resources (then by actions) until each part fits. */
function fitStatement(statement: PolicyStatement, limit: number): PolicyStatement[] {
  if (policySize(documentOf([statement])) <= limit) return [statement];
  const resources = statement.Resource as string[];
  const actions = statement.Action as string[];
  const [field, values] = resources.length > 1 ? (['Resource', resources] as const) : (['Action', actions] as const);
  if (values.length < 2) return [statement];
  const half = Math.ceil(values.length / 2);
  const parts = [values.slice(0, half), values.slice(half)].map((part, i) => ({
    ...statement,
    Sid: `${statement.Sid ?? 'Statement'}Part${i + 1}`,
    [field]: part,
  }));
  return parts.flatMap((part) => fitStatement(part, limit));
}

/**
 * The least-privilege policy for the requirements, as one document when it fits the 10,240-character aggregate
 * of a role's inline policies; otherwise (splitting inline policies cannot help: the limit is aggregate) as
 * several documents of at most 6,144 characters each, to attach as customer managed policies.
 */
export function policyFromRequirements(reqs: Requirement[]): PolicyDocument[] {
  const statements = policyStatementsOf(reqs);
  const whole = documentOf(statements);
  if (policySize(whole) <= INLINE_ROLE_POLICIES_LIMIT) return [whole];
  const documents: PolicyDocument[] = [];
  let current: PolicyStatement[] = [];
  for (const statement of statements.flatMap((s) => fitStatement(s, MANAGED_POLICY_LIMIT))) {
    if (current.length > 0 && policySize(documentOf([...current, statement])) > MANAGED_POLICY_LIMIT) {
      documents.push(documentOf(current));
      current = [];
    }
    current.push(statement);
  }
  if (current.length > 0) documents.push(documentOf(current));
  return documents;
}
