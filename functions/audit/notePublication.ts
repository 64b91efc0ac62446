import type { Publication } from './publishToSinks.js';
import type { AuditHandlerDeps } from './types.js';

/**
 * Counts the sinks skipped because they had been told already (DeliveriesSkipped), and logs and counts a sink told
 * twice because a concurrent attempt recorded the same delivery first (DuplicateDeliveries).
 */
export function notePublication(
  publication: Publication,
  deps: Pick<AuditHandlerDeps, 'log' | 'metrics'>,
  keys: Record<string, unknown>,
): void {
  if (publication.skipped.length > 0) deps.metrics.add('DeliveriesSkipped', publication.skipped.length);
  if (publication.raced.length > 0) {
    deps.log.warn('A sink was told twice: another attempt recorded the same delivery first', {
      ...keys,
      sinks: publication.raced,
    });
    deps.metrics.add('DuplicateDeliveries', publication.raced.length);
  }
}
