import { AUDIT_SET_KEYS } from '../audit/requestContextOf.js';
import { conditionKeysOfAction } from '../catalogue/iamReference.js';
import { compilePolicies } from '../iam/compilePolicies.js';
import { createKeyAvailability } from '../iam/createKeyAvailability.js';
import { evaluateCompiled } from '../iam/evaluateCompiled.js';
import { grantedResources } from '../iam/grantedResources.js';
import type { EvaluationInput, KeyAvailabilityOf } from '../iam/types.js';
import { isUnresolvedValueKey } from '../iam/unresolvedValueKey.js';
import type { PermissionSimulator } from '../ports.js';
import type { ContextValues, SimulationRequest } from '../types.js';

/** The input context's values for keys the audit sets on every request (`aws:RequestedRegion`, `aws:CurrentTime` …). */
function auditKeyOverrides(context: ContextValues | undefined): ContextValues | undefined {
  const entries = Object.entries(context ?? {}).filter(([key]) => AUDIT_SET_KEYS.has(key.toLowerCase()));
  return entries.length === 0 ? undefined : Object.fromEntries(entries);
}

function withOverrides(request: SimulationRequest, overrides: ContextValues): SimulationRequest {
  const named = new Set(Object.keys(overrides).map((key) => key.toLowerCase()));
  const kept = Object.entries(request.context ?? {}).filter(([key]) => !named.has(key.toLowerCase()));
  return { ...request, context: { ...Object.fromEntries(kept), ...overrides } };
}

/**
 * Key availability from the Service Authorization Reference, except that a key of the action's own service that the
 * reference does not list stays unknown: the reference misses keys AWS documents elsewhere (`states:HTTPEndpoint` and
 * `states:HTTPMethod` for `states:InvokeHTTPEndpoint`, https://docs.aws.amazon.com/step-functions/latest/dg/call-https-apis.html),
 * and calling such a key absent would deny what AWS allows. Keys of other services stay absent; keys that stand for a
 * value unresolved offline (shared/iam/unresolvedValueKey.ts) are unknown.
 */
function referenceKeyAvailability(): KeyAvailabilityOf {
  const fromReference = createKeyAvailability(conditionKeysOfAction);
  return (action, key) => {
    if (isUnresolvedValueKey(key)) return 'unknown';
    const availability = fromReference(action, key);
    if (availability !== 'absent') return availability;
    const prefix = action.slice(0, action.indexOf(':') + 1).toLowerCase();
    return prefix !== '' && key.startsWith(prefix) ? 'unknown' : 'absent';
  };
}

/**
 * The offline PermissionSimulator: validates and compiles the policies once at creation (throwing a PolicyError for a
 * malformed one), then evaluates every request with the embedded IAM evaluator. A request's own context wins over the
 * input's key by key, except for the keys the audit fills in itself (requestContextOf): for those an explicit input
 * value (a user's `--context aws:RequestedRegion=us-east-1`) wins over the audit's. Condition keys are absent,
 * present or unknown per the Service Authorization Reference and the global key table (createKeyAvailability), so
 * AWS's absent-key rules apply to keys a request can never carry.
 */
export function createEmbeddedSimulator(input: EvaluationInput): PermissionSimulator {
  const compiled = compilePolicies({ ...input, keyAvailability: input.keyAvailability ?? referenceKeyAvailability() });
  const overrides = auditKeyOverrides(input.context);
  return {
    name: 'embedded evaluator',
    simulate: async (requests) =>
      requests.map((request) =>
        evaluateCompiled(compiled, overrides === undefined ? request : withOverrides(request, overrides)),
      ),
    grantedResources: async (action) => grantedResources(compiled, action),
  };
}
