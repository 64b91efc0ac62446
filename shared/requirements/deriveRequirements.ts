import type { AslDefinition } from '../asl/types.js';
import { walkStates } from '../asl/walkStates.js';
import type { DeriveContext, Requirement } from '../types.js';
import { crossCuttingRequirements } from './crossCuttingRequirements.js';
import { deriveBaseOf } from './deriveBase.js';
import { distributedMapRequirements } from './distributedMapRequirements.js';
import { mergeRequirements } from './mergeRequirements.js';
import { taskRequirements } from './taskRequirements.js';

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
    if (visit.state.Type === 'Task') requirements.push(...taskRequirements(visit, base));
    else if (visit.state.Type === 'Map') requirements.push(...distributedMapRequirements(visit, base));
  }
  requirements.push(...crossCuttingRequirements(base));
  return mergeRequirements(requirements);
}
