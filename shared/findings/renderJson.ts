import type { AuditReport, PolicyDocument } from '../types.js';
import { mergeRemediations } from './mergeRemediations.js';

/** The JSON contract of a report (docs/output.md); `version` changes only when a field is removed or changes meaning. */
export type JsonReport = {
  version: AuditReport['version'];
  stateMachine: AuditReport['stateMachine'];
  role: AuditReport['role'];
  auditedAt: string;
  summary: AuditReport['summary'] & { findings: number; suppressed: number; notCheckable: number };
  findings: AuditReport['findings'];
  suppressed: AuditReport['suppressed'];
  notCheckable: AuditReport['notCheckable'];
  /** Every remediation merged into one policy to add, or null when there is nothing to add. */
  remediationPolicy: PolicyDocument | null;
};

/** The report as the documented JSON contract (docs/output.md), in a fixed key order. */
export function toJsonReport(report: AuditReport): JsonReport {
  const policy = mergeRemediations(report.findings);
  const statements = Array.isArray(policy.Statement) ? policy.Statement : [policy.Statement];
  return {
    version: report.version,
    stateMachine: report.stateMachine,
    role: report.role,
    auditedAt: report.auditedAt,
    summary: {
      bySeverity: report.summary.bySeverity,
      requirements: report.summary.requirements,
      checkedRequests: report.summary.checkedRequests,
      findings: report.findings.length,
      suppressed: report.suppressed.length,
      notCheckable: report.notCheckable.length,
    },
    findings: report.findings,
    suppressed: report.suppressed,
    notCheckable: report.notCheckable,
    remediationPolicy: statements.length === 0 ? null : policy,
  };
}

/** The report as pretty-printed JSON text following the documented contract (docs/output.md). */
export function renderJson(report: AuditReport): string {
  return `${JSON.stringify(toJsonReport(report), null, 2)}\n`;
}
