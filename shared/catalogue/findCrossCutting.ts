import { loadCatalogue } from './loadCatalogue.js';
import { normalisePartition } from './normalisePartition.js';
import type { Integration } from './types.js';

/** Keys of the entries that are not Task resources. */
export const CROSS_CUTTING_KEYS = {
  distributedMap: 'distributed-map-state',
  distributedMapRedrive: 'distributed-map-redrive',
  itemReaderGetObject: 'arn:aws:states:::s3:getObject',
  itemReaderListObjects: 'arn:aws:states:::s3:listObjectsV2',
  resultWriter: 'arn:aws:states:::s3:putObject',
  logging: 'logging-configuration',
  tracing: 'xray-tracing',
  stateMachineKms: 'kms-state-machine-encryption',
  activityKms: 'kms-activity-encryption',
  credentials: 'task-credentials-cross-account',
} as const;

/** Non-Task entries (Distributed Map, ItemReader/ResultWriter, state-machine-wide needs) by key, built on first use. */
let entries: ReadonlyMap<string, Integration> | undefined;

/**
 * The non-Task catalogue entry with this key: `logging-configuration`, `xray-tracing`, the KMS and Credentials
 * keys, `distributed-map-state`/`-redrive`, or an ItemReader/ResultWriter Resource in any partition.
 */
export function findCrossCutting(key: string): Integration | undefined {
  entries ??= new Map(
    loadCatalogue()
      .filter((entry) => entry.kind !== 'task')
      .map((entry) => [entry.resource, entry]),
  );
  return entries.get(normalisePartition(key));
}
