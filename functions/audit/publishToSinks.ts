import type { DeliveryKey, DeliveryLedger, ReportChange } from '../../shared/ports.js';
import type { AuditReport } from '../../shared/types.js';
import type { AuditSink } from './types.js';

/** Thrown when at least one sink failed; the others were still told. */
export class SinkError extends AggregateError {
  override readonly name = 'SinkError';
}

/** The delivery records a publication is checked against: its event, and its change of the state machine. */
export type DeliveryKeys = { ledger: DeliveryLedger; event: DeliveryKey; change: DeliveryKey };

/** What each sink did: told now, skipped (told before), or told although another attempt had recorded it first. */
export type Publication = { told: string[]; skipped: string[]; raced: string[] };

async function deliver(
  { sink, delivery }: AuditSink,
  report: AuditReport,
  change: ReportChange,
  keys: DeliveryKeys,
): Promise<'told' | 'skipped' | 'raced'> {
  if (delivery === 'reimport') {
    await sink.publish(report, change);
    return 'told';
  }
  const key = delivery === 'event' ? keys.event : keys.change;
  if (await keys.ledger.hasDelivered(key, sink.name)) return 'skipped';
  await sink.publish(report, change);
  return (await keys.ledger.recordDelivery(key, sink.name)) ? 'told' : 'raced';
}

/**
 * Publishes a report to every selected sink concurrently, so one failing sink does not keep the others from
 * hearing about it. A sink with a delivery record is checked first and recorded after a successful send, so the
 * record's retry tells only the sinks that failed; Security Hub is re-imported (an upsert by finding Id). Throws a
 * SinkError carrying each failure.
 */
export async function publishToSinks(
  sinks: AuditSink[],
  report: AuditReport,
  change: ReportChange,
  keys: DeliveryKeys,
): Promise<Publication> {
  const results = await Promise.allSettled(sinks.map((s) => deliver(s, report, change, keys)));
  const publication: Publication = { told: [], skipped: [], raced: [] };
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
