import type { DeliveryKey, DeliveryLedger, ReportChange } from '../../shared/ports.js';
import type { AuditReport } from '../../shared/types.js';
import type { AuditSink } from './types.js';

/** Thrown when at least one sink failed; the others were still told. */
export class SinkError extends AggregateError {
  override readonly name = 'SinkError';
}

/**
 * The delivery records a publication is claimed in: its event and its change of the state machine, under the
 * claiming invocation's `owner` token.
 */
export type DeliveryKeys = { ledger: DeliveryLedger; owner: string; event: DeliveryKey; change: DeliveryKey };

/** What each sink did: told now, or skipped (told before). */
export type Publication = { told: string[]; skipped: string[] };

/** A sink another attempt is telling right now: the record fails and is retried once that attempt is done. */
export class DeliveryInProgressError extends Error {
  override readonly name = 'DeliveryInProgressError';
}

async function deliver(
  { sink, delivery }: AuditSink,
  report: AuditReport,
  change: ReportChange,
  keys: DeliveryKeys,
): Promise<'told' | 'skipped'> {
  if (delivery === 'reimport') {
    await sink.publish(report, change);
    return 'told';
  }
  const key = delivery === 'event' ? keys.event : keys.change;
  const claim = await keys.ledger.claimDelivery(key, sink.name, keys.owner);
  if (claim === 'sent') return 'skipped';
  if (claim === 'sending') throw new DeliveryInProgressError(`another attempt is telling ${sink.name}`);
  try {
    await sink.publish(report, change);
  } catch (error) {
    await keys.ledger.releaseDelivery(key, sink.name, keys.owner).catch(() => undefined);
    throw error;
  }
  await keys.ledger.completeDelivery(key, sink.name, keys.owner);
  return 'told';
}

/**
 * Publishes a report to every selected sink concurrently, so one failing sink does not keep the others from
 * hearing about it. A sink with a delivery record claims it first (skipped when sent before, failed while another
 * attempt is sending) and marks it sent after a successful send (released after a failed one), so the record's
 * retry tells only the sinks that failed; Security Hub is re-imported (an upsert by finding Id). Throws a SinkError
 * carrying each failure.
 */
export async function publishToSinks(
  sinks: AuditSink[],
  report: AuditReport,
  change: ReportChange,
  keys: DeliveryKeys,
): Promise<Publication> {
  const results = await Promise.allSettled(sinks.map((s) => deliver(s, report, change, keys)));
  const publication: Publication = { told: [], skipped: [] };
  const failures: { sink: string; error: unknown }[] = [];
  results.forEach((result, index) => {
    const name = sinks[index]?.sink.name ?? '';
    if (result.status === 'rejected') failures.push({ sink: name, error: result.reason });
    else publication[result.value].push(name);
  });
  if (failures.length > 0) {
    throw new SinkError(
      failures.map((f) => f.error),
      `publishing to ${failures.map((f) => f.sink).join(', ')} failed`,
    );
  }
  return publication;
}
