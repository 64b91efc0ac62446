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

/** One audited state machine in a multi-target report: the target's id in the run and its report. */
export type JsonTargetReport = { id: string; report: JsonReport };

/** The JSON contract of a run that audited several state machines (docs/output.md, "Several state machines"). */
export type JsonRunReport = {
  version: AuditReport['version'];
  reports: JsonTargetReport[];
  summary: {
    stateMachines: number;
    bySeverity: AuditReport['summary']['bySeverity'];
    findings: number;
    suppressed: number;
    notCheckable: number;
  };
};

/**
 * The JSON of a `check` run: one target keeps the single-report contract exactly (toJsonReport); none or several
 * make the envelope `{ version, reports: [{ id, report }], summary }`, the summary adding up every report.
 */
export function renderJsonReports(entries: readonly { id: string; report: AuditReport }[]): string {
  const [only] = entries;
  if (entries.length === 1 && only !== undefined) return renderJson(only.report);
  const reports = entries.map(({ id, report }) => ({ id, report: toJsonReport(report) }));
  const bySeverity = { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, INFORMATIONAL: 0 };
  for (const { report } of reports) {
    for (const severity of Object.keys(bySeverity) as (keyof typeof bySeverity)[]) {
      bySeverity[severity] += report.summary.bySeverity[severity];
    }
  }
  const sum = (field: 'findings' | 'suppressed' | 'notCheckable') =>
    reports.reduce((total, { report }) => total + report.summary[field], 0);
  const run: JsonRunReport = {
    version: '1',
    reports,
    summary: {
      stateMachines: reports.length,
      bySeverity,
      findings: sum('findings'),
      suppressed: sum('suppressed'),
      notCheckable: sum('notCheckable'),
    },
  };
  return `${JSON.stringify(run, null, 2)}\n`;
}
