import type { ReportChange } from '../../shared/ports.js';
import type { AuditReport } from '../../shared/types.js';
import type { AuditSink } from './types.js';

/** Thrown when at least one sink failed; the others were still told. */
export class SinkError extends AggregateError {
  override readonly name = 'SinkError';
}

/**
 * Publishes a report to every selected sink concurrently, so one failing sink does not keep the others from
 * hearing about it, then throws a SinkError carrying each failure (the record is retried; Security Hub upserts by
 * finding id, so a repeat is harmless). Returns the names of the sinks told.
 */
export async function publishToSinks(sinks: AuditSink[], report: AuditReport, change: ReportChange): Promise<string[]> {
  const results = await Promise.allSettled(sinks.map(({ sink }) => sink.publish(report, change)));
  const failures = results.flatMap((result, index) =>
    result.status === 'rejected' ? [{ sink: sinks[index]?.sink.name, error: result.reason as unknown }] : [],
  );
  if (failures.length > 0) {
    throw new SinkError(
      failures.map((f) => f.error),
      `publishing to ${failures.map((f) => f.sink).join(', ')} failed`,
    );
  }
  return sinks.map(({ sink }) => sink.name);
}
