import { CROSS_CUTTING_KEYS, findCrossCutting } from '../catalogue/findCrossCutting.js';
import { findIntegration } from '../catalogue/findIntegration.js';
import type { Integration } from '../catalogue/types.js';

/** Keys of the catalogue entries that are not Task resources (the catalogue's own table). */
export const ENTRY_KEYS = CROSS_CUTTING_KEYS;

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
  const known = lookups.get(resource);
  if (known !== undefined || lookups.has(resource)) return known;
  if (lookups.size >= MAX_CACHED_LOOKUPS) lookups.clear();
  const entry = findIntegration(resource);
  lookups.set(resource, entry);
  return entry;
}
