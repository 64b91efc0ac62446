import { changeFingerprint } from './changeFingerprint.js';
import { emptyReport } from './emptyReport.js';
import { notePublication } from './notePublication.js';
import { publishToSinks } from './publishToSinks.js';
import type { AuditHandlerDeps } from './types.js';

/**
 * Handles a deleted (or vanished) state machine: resolves every finding the state store remembers for it in the
 * archive-capable sinks (Security Hub: RecordState ARCHIVED) and forgets its state.
 */
export async function archiveStateMachine(
  arn: string,
  deps: AuditHandlerDeps,
  reason: string,
  eventId: string,
  owner: string,
): Promise<void> {
  const previous = await deps.store.load(arn);
  if (previous !== undefined && previous.findings.length > 0) {
    const report = emptyReport(arn, previous.roleArn, deps.now());
    const change = deps.computeChange(previous, report);
    const sinks = deps.sinks.filter((s) => s.onArchive);
    const publication = await publishToSinks(sinks, report, change, {
      ledger: deps.store,
      owner,
      event: { scope: 'event', eventId },
      change: { scope: 'change', stateMachineArn: arn, fingerprint: changeFingerprint(previous, report, change) },
    });
    notePublication(publication, deps);
    deps.log.info('Archived the findings of a state machine', {
      stateMachineArn: arn,
      reason,
      archived: change.resolved.length,
      sinks: publication.told,
    });
  } else {
    deps.log.info('Nothing to archive for a state machine', { stateMachineArn: arn, reason });
  }
  if (previous !== undefined) await deps.store.remove(arn);
  deps.metrics.add('Archives', 1);
}
