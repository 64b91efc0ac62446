import { compilePolicies } from '../iam/compilePolicies.js';
import { evaluateCompiled } from '../iam/evaluateCompiled.js';
import { grantedResources } from '../iam/grantedResources.js';
import type { EvaluationInput } from '../iam/types.js';
import type { PermissionSimulator } from '../ports.js';

/**
 * The offline PermissionSimulator: validates and compiles the policies once at creation (throwing a PolicyError for a
 * malformed one), then evaluates every request with the embedded IAM evaluator.
 */
export function createEmbeddedSimulator(input: EvaluationInput): PermissionSimulator {
  const compiled = compilePolicies(input);
  return {
    name: 'embedded evaluator',
    simulate: async (requests) => requests.map((request) => evaluateCompiled(compiled, request)),
    grantedResources: async (action) => grantedResources(compiled, action),
  };
}
