import type { AslDefinition } from '../asl/types.js';
import { walkStates } from '../asl/walkStates.js';
import type { DeriveContext, Requirement } from '../types.js';
import { crossCuttingRequirements } from './crossCuttingRequirements.js';
import { deriveBaseOf } from './deriveBase.js';
import { appendDistributedMapRequirements } from './distributedMapRequirements.js';
import { mergeRequirements } from './mergeRequirements.js';
import { appendTaskRequirements } from './taskRequirements.js';

/**
 * Derives every permission a definition needs from its execution role, in document order of the states (then
 * catalogue order of permissions), followed by the state-machine-wide needs (logging, tracing, KMS); duplicates
 * are merged and the definition is not mutated. Facts come from the integration catalogue
 * (https://docs.aws.amazon.com/step-functions/latest/dg/service-integration-iam-templates.html).
 */
export function deriveRequirements(definition: AslDefinition, context: DeriveContext): Requirement[] {
  const base = deriveBaseOf(context);
  const requirements: Requirement[] = [];
  for (const visit of walkStates(definition)) {
    const type = visit.state.Type;
    if (type === 'Task') appendTaskRequirements(visit, base, requirements);
    else if (type === 'Map') appendDistributedMapRequirements(visit, base, requirements);
  }
  for (const r of mergeRequirements(crossCuttingRequirements(base))) requirements.push(r);
  return requirements;
}
