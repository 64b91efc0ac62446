import { countBySeverity } from '../shared/audit/countBySeverity.js';
import { sortFindings, stateOrderOf } from '../shared/findings/sortFindings.js';
import type { AuditReport, Finding } from '../shared/types.js';

/**
 * The report with the findings `reasonOf` gives a reason for moved to `suppressed`, each carrying that reason as
 * `details.suppressedBecause` (what SARIF shows as the suppression's justification); the summary counts only what
 * is left. Findings are copied, never mutated; `suppressed` stays in report order.
 */
export function moveToSuppressed(report: AuditReport, reasonOf: (finding: Finding) => string | undefined): AuditReport {
  const kept: Finding[] = [];
  const moved: Finding[] = [];
  for (const finding of report.findings) {
    const reason = reasonOf(finding);
    if (reason === undefined) kept.push(finding);
    else moved.push({ ...finding, details: { ...finding.details, suppressedBecause: reason } });
  }
  if (moved.length === 0) return report;
  return {
    ...report,
    findings: kept,
    suppressed: sortFindings([...report.suppressed, ...moved], stateOrderOf(report.requirements)),
    summary: { ...report.summary, bySeverity: countBySeverity(kept) },
  };
}
