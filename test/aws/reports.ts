import type { ReportChange } from '../../shared/ports.js';
import type { AuditReport, Finding, Severity } from '../../shared/types.js';
import { sampleReport } from '../findings/reportFixture.js';

export { sampleReport };

/** A HIGH missing-permission finding with a given id. */
export function finding(id: string, severity: Severity = 'HIGH', extra: Partial<Finding> = {}): Finding {
  return {
    id,
    rule: 'MissingPermission',
    severity,
    purpose: 'invoke',
    state: { name: 'Charge', path: ['States', 'Charge'] },
    integration: 'arn:aws:states:::lambda:invoke',
    actions: ['lambda:InvokeFunction'],
    resources: [`arn:aws:lambda:eu-west-1:111122223333:function:${id}`],
    decision: 'implicitDeny',
    deniedBy: 'identity',
    title: `The execution role cannot call the service: missing lambda:InvokeFunction (${id})`,
    consequence: 'the task fails with AccessDenied',
    remediation: {
      Effect: 'Allow',
      Action: 'lambda:InvokeFunction',
      Resource: `arn:aws:lambda:eu-west-1:111122223333:function:${id}`,
    },
    docs: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-lambda.html',
    ...extra,
  };
}

/** The sample report with its findings replaced. */
export function reportWith(findings: Finding[]): AuditReport {
  const report = sampleReport();
  const bySeverity = { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, INFORMATIONAL: 0 };
  for (const f of findings) bySeverity[f.severity] += 1;
  return { ...report, findings, summary: { ...report.summary, bySeverity } };
}

/** A change where every finding of the report is new. */
export function allNew(report: AuditReport, extra: Partial<ReportChange> = {}): ReportChange {
  return { newOrWorse: report.findings.map((f) => f.id), resolved: [], allClear: false, first: true, ...extra };
}

export const NO_CHANGE: ReportChange = { newOrWorse: [], resolved: [], allClear: false, first: false };
