import { forEachState } from '../asl/forEachState.js';
import type { AslDefinition } from '../asl/types.js';
import type { DeriveContext, Requirement } from '../types.js';
import { crossCuttingRequirements } from './crossCuttingRequirements.js';
import { deriveBaseOf } from './deriveBase.js';
import { appendDistributedMapRequirements } from './distributedMapRequirements.js';
import { mergeRequirements } from './mergeRequirements.js';
import { appendTaskRequirements } from './taskRequirements.js';

/** The state types that need permissions of their own: Tasks, and Maps (a Distributed Map's child executions). */
const DERIVED_TYPES: ReadonlySet<unknown> = new Set(['Task', 'Map']);

/**
 * Derives every permission a definition needs from its execution role, in document order of the states (then
 * catalogue order of permissions), followed by the state-machine-wide needs (logging, tracing, KMS); duplicates
 * are merged and the definition is not mutated. Facts come from the integration catalogue
 * (https://docs.aws.amazon.com/step-functions/latest/dg/service-integration-iam-templates.html).
 */
export function deriveRequirements(definition: AslDefinition, context: DeriveContext): Requirement[] {
  const base = deriveBaseOf(context);
  const requirements: Requirement[] = [];
  forEachState(
    definition,
    (visit, type) => {
      if (type === 'Task') appendTaskRequirements(visit, base, requirements);
      else appendDistributedMapRequirements(visit, base, requirements);
    },
    DERIVED_TYPES,
  );
  for (const r of mergeRequirements(crossCuttingRequirements(base))) requirements.push(r);
  return requirements;
}
