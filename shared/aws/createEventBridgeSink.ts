import { type EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import type { FindingSink, ReportChange } from '../ports.js';
import type { AuditReport } from '../types.js';
import { awsCallError } from './awsErrorName.js';

// PutEvents: custom Source must not start with "aws."; an entry is ≤ 256 KB; partial failures come back in
// FailedEntryCount (https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutEvents.html).
export const AUDIT_EVENT_SOURCE = 'sfn-role-audit';
export const AUDIT_EVENT_DETAIL_TYPE = 'State Machine Audit Completed';
const MAX_DETAIL_BYTES = 200 * 1024;

/** The `detail` of a "State Machine Audit Completed" event. */
export type AuditCompletedDetail = {
  stateMachine: AuditReport['stateMachine'];
  role: AuditReport['role'];
  auditedAt: string;
  bySeverity: AuditReport['summary']['bySeverity'];
  findings: { id: string; severity: string; rule: string }[];
  /** Findings left out to keep the event under the size limit. */
  findingsOmitted?: number;
  change: ReportChange;
};

/** The event detail of a report: identity, counts by severity, each finding's id, severity and rule, and the change. */
export function auditCompletedDetail(report: AuditReport, change: ReportChange): AuditCompletedDetail {
  const all = report.findings.map((f) => ({ id: f.id, severity: f.severity, rule: f.rule }));
  const detail: AuditCompletedDetail = {
    stateMachine: report.stateMachine,
    role: report.role,
    auditedAt: report.auditedAt,
    bySeverity: report.summary.bySeverity,
    findings: all,
    change,
  };
  let kept = all.length;
  while (Buffer.byteLength(JSON.stringify(detail)) > MAX_DETAIL_BYTES && kept > 0) {
    kept = Math.floor(kept / 2);
    detail.findings = all.slice(0, kept);
    detail.findingsOmitted = all.length - kept;
  }
  return detail;
}

/**
 * A FindingSink putting one "State Machine Audit Completed" event (Source `sfn-role-audit`) per audit on an event
 * bus, with the state machine ARN as its resource; throws when PutEvents reports the entry failed.
 */
export function createEventBridgeSink(client: EventBridgeClient, options: { eventBusName: string }): FindingSink {
  return {
    name: 'eventbridge',
    async publish(report: AuditReport, change: ReportChange): Promise<void> {
      const entry = {
        EventBusName: options.eventBusName,
        Source: AUDIT_EVENT_SOURCE,
        DetailType: AUDIT_EVENT_DETAIL_TYPE,
        Resources: report.stateMachine.arn === null ? [] : [report.stateMachine.arn],
        Detail: JSON.stringify(auditCompletedDetail(report, change)),
      };
      let output: Awaited<ReturnType<typeof sendEntry>>;
      const sendEntry = () => client.send(new PutEventsCommand({ Entries: [entry] }));
      try {
        output = await sendEntry();
      } catch (error) {
        throw awsCallError('PutEvents', options.eventBusName, error);
      }
      if ((output.FailedEntryCount ?? 0) > 0) {
        const failed = output.Entries?.[0];
        throw new Error(
          `PutEvents ${options.eventBusName} failed for the audit of ${report.stateMachine.arn}: ${failed?.ErrorCode}: ${failed?.ErrorMessage}`,
        );
      }
    },
  };
}
