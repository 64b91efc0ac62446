import type { ContextValues, Requirement, SimulationRequest } from '../types.js';
import { type RequestOrigin, requestContextOf } from './requestContextOf.js';

/** The de-duplicated requests of an audit, and for each requirement the index of each of its requests. */
export type CollectedRequests = {
  requests: SimulationRequest[];
  /** indexes[i] lists, per action × resource of requirements[i], the index of its request in `requests` ([] when not checked). */
  indexes: number[][];
};

function contextKey(context: ContextValues | undefined): string {
  if (context === undefined) return '';
  return JSON.stringify(
    Object.keys(context)
      .sort()
      .map((key) => [key, context[key]]),
  );
}

/** The keys AWS sets under the requirement's own context: a key the requirement names (in any case) is its own. */
function mergeContext(set: ContextValues, own: ContextValues | undefined): ContextValues {
  if (own === undefined) return set;
  const named = new Set(Object.keys(own).map((key) => key.toLowerCase()));
  const merged: ContextValues = {};
  for (const [key, value] of Object.entries(set)) if (!named.has(key.toLowerCase())) merged[key] = value;
  return { ...merged, ...own };
}

/** True when a requirement is checked against the execution role (known integration, no Credentials role). */
export function isCheckable(requirement: Requirement): boolean {
  return requirement.unknownIntegration !== true && requirement.assumedRoleArn === undefined;
}

/**
 * The simulation requests of every checkable requirement (one per action × resource with the requirement's
 * context and, with `origin`, beneath it the keys AWS sets on the call — see requestContextOf), asking each identical
 * action + resource + context only once.
 */
export function collectRequests(requirements: readonly Requirement[], origin?: RequestOrigin): CollectedRequests {
  const requests: SimulationRequest[] = [];
  const byKey = new Map<string, number>();
  const indexes = requirements.map((requirement) => {
    if (!isCheckable(requirement)) return [];
    const own: number[] = [];
    for (const action of requirement.actions) {
      for (const resource of requirement.resources) {
        const context =
          origin === undefined
            ? requirement.context
            : mergeContext(requestContextOf(action, resource, origin), requirement.context);
        const key = JSON.stringify([action, resource, contextKey(context)]);
        let index = byKey.get(key);
        if (index === undefined) {
          index = requests.length;
          byKey.set(key, index);
          requests.push({ action, resource, ...(context === undefined ? {} : { context }) });
        }
        own.push(index);
      }
    }
    return own;
  });
  return { requests, indexes };
}
