import type { Publication } from './publishToSinks.js';
import type { AuditHandlerDeps } from './types.js';

/** Counts the sinks skipped because they had been told already (DeliveriesSkipped). */
export function notePublication(publication: Publication, deps: Pick<AuditHandlerDeps, 'metrics'>): void {
  if (publication.skipped.length > 0) deps.metrics.add('DeliveriesSkipped', publication.skipped.length);
}
