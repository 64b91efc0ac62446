import { findCrossCutting } from '../catalogue/findCrossCutting.js';
import { findIntegration } from '../catalogue/findIntegration.js';
import type { Integration } from '../catalogue/types.js';

/** Keys of the catalogue entries that are not Task resources (Distributed Map, cross-cutting needs). */
export const ENTRY_KEYS = {
  distributedMap: 'distributed-map-state',
  distributedMapRedrive: 'distributed-map-redrive',
  logging: 'logging-configuration',
  tracing: 'xray-tracing',
  stateMachineKms: 'kms-state-machine-encryption',
  activityKms: 'kms-activity-encryption',
  credentials: 'task-credentials-cross-account',
} as const;

/** The key of the catalogue's activity Task entry. */
export const ACTIVITY_KEY = 'activity-arn';

/** The non-Task catalogue entry with this key, or of this ItemReader/ResultWriter Resource (any partition). */
export function entryByKey(key: string): Integration | undefined {
  return findCrossCutting(key);
}

const MAX_CACHED_LOOKUPS = 10_000;
const lookups = new Map<string, Integration | undefined>();

/** The catalogue entry of a Task `Resource` (any partition), remembered: definitions repeat their Resources. */
export function findTaskIntegration(resource: string): Integration | undefined {
  if (lookups.has(resource)) return lookups.get(resource);
  if (lookups.size >= MAX_CACHED_LOOKUPS) lookups.clear();
  const entry = findIntegration(resource);
  lookups.set(resource, entry);
  return entry;
}
