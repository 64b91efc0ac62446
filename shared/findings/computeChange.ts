import type { ReportChange } from '../ports.js';
import { type AuditReport, SEVERITIES } from '../types.js';

/** What the previous audit of a state machine left behind (the state store's record). */
export type PreviousAudit = { findings: readonly { id: string; severity: string }[] };

function rankOf(severity: string): number {
  const rank = (SEVERITIES as readonly string[]).indexOf(severity);
  return rank === -1 ? SEVERITIES.length : rank;
}

/**
 * Compares a report with the previous audit of the same state machine: findings that are new or more severe than
 * before, findings that are gone (resolved), "all clear" when the previous audit had findings and this one has none,
 * and whether this is the first audit. Suppressed findings count as gone.
 */
export function computeChange(previous: PreviousAudit | undefined, report: AuditReport): ReportChange {
  const before = new Map((previous?.findings ?? []).map((f) => [f.id, f.severity]));
  const now = new Set(report.findings.map((f) => f.id));
  const newOrWorse = report.findings
    .filter((f) => {
      const old = before.get(f.id);
      return old === undefined || rankOf(f.severity) < rankOf(old);
    })
    .map((f) => f.id);
  const resolved = (previous?.findings ?? [])
    .filter((f) => !now.has(f.id))
    .map((f) => ({ id: f.id, severity: f.severity }));
  return {
    newOrWorse,
    resolved,
    allClear: previous !== undefined && previous.findings.length > 0 && report.findings.length === 0,
    first: previous === undefined,
  };
}
