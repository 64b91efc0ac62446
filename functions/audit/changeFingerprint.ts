import { createHash } from 'node:crypto';
import type { ReportChange } from '../../shared/ports.js';
import type { AuditReport } from '../../shared/types.js';
import type { StoredAudit } from './types.js';

/**
 * A stable hash of one change of one state machine: the stored state it starts from (its `auditedAt` and
 * `lastEventId`, or none for a first audit) and what changed (new or worse findings with their severities,
 * resolved ids, all clear). A retry, or another event computing the same change from the same stored state, gets
 * the same fingerprint, so a notification keyed by it is sent once; the next stored state starts a new one.
 */
export function changeFingerprint(
  previous: StoredAudit | undefined,
  report: Pick<AuditReport, 'stateMachine' | 'findings'>,
  change: ReportChange,
): string {
  const severities = new Map(report.findings.map((f) => [f.id, f.severity]));
  const basis = [
    report.stateMachine.arn,
    previous === undefined ? null : [previous.auditedAt ?? null, previous.lastEventId ?? null],
    [...change.newOrWorse].sort().map((id) => [id, severities.get(id) ?? null]),
    change.resolved.map((r) => r.id).sort(),
    change.allClear,
  ];
  return createHash('sha256').update(JSON.stringify(basis)).digest('hex').slice(0, 32);
}
