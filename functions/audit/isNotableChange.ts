import type { ReportChange } from '../../shared/ports.js';
import { type AuditReport, SEVERITIES, type Severity } from '../../shared/types.js';

function rankOf(severity: string): number {
  const rank = (SEVERITIES as readonly string[]).indexOf(severity);
  return rank === -1 ? SEVERITIES.length : rank;
}

/**
 * True when people should be told: a finding at least as severe as `minSeverity` is new or got worse, or the
 * previous audit had findings and this one has none ("all clear").
 */
export function isNotableChange(report: AuditReport, change: ReportChange, minSeverity: Severity): boolean {
  if (change.allClear) return true;
  const threshold = rankOf(minSeverity);
  const changed = new Set(change.newOrWorse);
  return report.findings.some((finding) => changed.has(finding.id) && rankOf(finding.severity) <= threshold);
}
