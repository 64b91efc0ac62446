import type { ContextValues, Requirement, SimulationRequest } from '../types.js';

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

/** True when a requirement is checked against the execution role (known integration, no Credentials role). */
export function isCheckable(requirement: Requirement): boolean {
  return requirement.unknownIntegration !== true && requirement.assumedRoleArn === undefined;
}

/**
 * The simulation requests of every checkable requirement (one per action × resource with the requirement's
 * context), asking each identical action + resource + context only once.
 */
export function collectRequests(requirements: readonly Requirement[]): CollectedRequests {
  const requests: SimulationRequest[] = [];
  const byKey = new Map<string, number>();
  const indexes = requirements.map((requirement) => {
    if (!isCheckable(requirement)) return [];
    const own: number[] = [];
    for (const action of requirement.actions) {
      for (const resource of requirement.resources) {
        const key = JSON.stringify([action, resource, contextKey(requirement.context)]);
        let index = byKey.get(key);
        if (index === undefined) {
          index = requests.length;
          byKey.set(key, index);
          requests.push({
            action,
            resource,
            ...(requirement.context === undefined ? {} : { context: requirement.context }),
          });
        }
        own.push(index);
      }
    }
    return own;
  });
  return { requests, indexes };
}
