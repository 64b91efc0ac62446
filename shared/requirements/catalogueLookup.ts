import { CATALOGUE } from '../catalogue/catalogue.js';
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
  activity: 'activity-arn',
} as const;

let byKey: Map<string, Integration> | undefined;

/** The catalogue entry with this `resource` key (Task resource or a key such as `logging-configuration`). */
export function entryByKey(key: string): Integration | undefined {
  byKey ??= new Map(CATALOGUE.map((entry) => [entry.resource, entry]));
  return byKey.get(key);
}

/** `arn:aws-cn:states:::…` → `arn:aws:states:::…`: optimized integration resources are the same in every partition. */
const OTHER_PARTITION = /^arn:aws-[a-z-]+:states:::/;

/**
 * The catalogue entry of a Task `Resource` (any partition), or of a Distributed Map ItemReader/ResultWriter
 * resource; undefined when the catalogue does not know it.
 */
export function findTaskIntegration(resource: string): Integration | undefined {
  const found = findIntegration(resource);
  if (found !== undefined) return found;
  if (!OTHER_PARTITION.test(resource)) return entryByKey(resource);
  const normalised = resource.replace(/^arn:[^:]+:/, 'arn:aws:');
  return findIntegration(normalised) ?? entryByKey(normalised);
}
