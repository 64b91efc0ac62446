import type { Decision, SimulationRequest } from '../types.js';
import { compilePolicies } from './compilePolicies.js';
import { evaluateCompiled } from './evaluateCompiled.js';
import type { EvaluationInput } from './types.js';

export type { EvaluationInput } from './types.js';

/**
 * Decides one request against identity policies, boundary and SCPs (compiling them first; for many requests compile
 * once with compilePolicies and call evaluateCompiled).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 */
export function evaluateRequest(input: EvaluationInput, request: SimulationRequest): Decision {
  return evaluateCompiled(compilePolicies(input), request);
}
