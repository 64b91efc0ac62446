import type { NamedPolicy } from '../ports.js';
import type { DenyingLayer } from '../types.js';
import { compilePolicy } from './compilePolicy.js';
import { toRequestContext } from './toRequestContext.js';
import type { CompiledPolicies, CompiledStatement, EvaluationInput } from './types.js';

function compileAll(policies: readonly NamedPolicy[], layer: DenyingLayer): CompiledStatement[] {
  return policies.flatMap((policy) => compilePolicy(policy, layer));
}

/**
 * Validates and compiles every policy of the input once (patterns to matchers, conditions to tests), so that
 * evaluateCompiled can answer many requests quickly; throws a PolicyError on the first malformed policy.
 */
export function compilePolicies(input: EvaluationInput): CompiledPolicies {
  return {
    identity: compileAll(input.identity, 'identity'),
    ...(input.boundary === undefined ? {} : { boundary: compilePolicy(input.boundary, 'boundary') }),
    scps: (input.scps ?? []).map((level) => compileAll(level, 'scp')),
    context: toRequestContext(input.context),
    ...(input.keyAvailability === undefined ? {} : { keyAvailability: input.keyAvailability }),
    holes: new Map(),
  };
}
