/** Test helper: evaluates one request and keeps the parts of the Decision that test tables assert. */
import { evaluateRequest } from '../../shared/iam/evaluateRequest.js';
import type { EvaluationInput } from '../../shared/iam/types.js';
import type { ContextValues, Decision, PolicyStatement } from '../../shared/types.js';

export type Outcome = Pick<
  Decision,
  'decision' | 'deniedBy' | 'missingContext' | 'grantedResources' | 'deniedResources'
>;

/** The decision, deniedBy, missingContext and granted/denied resources of a request (absent when left out). */
export function outcomeOf(input: EvaluationInput, action: string, resource: string, context?: ContextValues): Outcome {
  const { decision, deniedBy, missingContext, grantedResources, deniedResources } = evaluateRequest(input, {
    action,
    resource,
    ...(context === undefined ? {} : { context }),
  });
  return {
    decision,
    ...(deniedBy === undefined ? {} : { deniedBy }),
    ...(missingContext === undefined ? {} : { missingContext }),
    ...(grantedResources === undefined ? {} : { grantedResources }),
    ...(deniedResources === undefined ? {} : { deniedResources }),
  };
}

/** An identity-only input with one policy named `p` holding the statements (Version 2012-10-17 unless given; null: none). */
export function identityOf(statements: PolicyStatement[], version: string | null = '2012-10-17'): EvaluationInput {
  return {
    identity: [{ name: 'p', document: { ...(version === null ? {} : { Version: version }), Statement: statements } }],
  };
}

export const ALLOWED: Outcome = { decision: 'allowed' };
export const IDENTITY_DENIES: Outcome = { decision: 'implicitDeny', deniedBy: 'identity' };

/** Outcome `notProvable` with the granted and denied Resource patterns. */
export function notProvable(grantedResources: string[], deniedResources: string[] = []): Outcome {
  return { decision: 'notProvable', grantedResources, deniedResources };
}

/** Outcome `conditional` naming the missing keys. */
export function conditional(...missingContext: string[]): Outcome {
  return { decision: 'conditional', missingContext };
}
