import type { AuditReport } from '../../shared/types.js';

/** A report with no findings for a state machine that no longer exists: lets sinks archive what they hold. */
export function emptyReport(stateMachineArn: string, roleArn: string | null, now: Date): AuditReport {
  const name = stateMachineArn.split(':')[6] ?? null;
  return {
    version: '1',
    stateMachine: { arn: stateMachineArn, name, revisionId: null },
    role: { arn: roleArn },
    auditedAt: now.toISOString(),
    requirements: [],
    findings: [],
    suppressed: [],
    notCheckable: [],
    summary: {
      bySeverity: { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, INFORMATIONAL: 0 },
      requirements: 0,
      checkedRequests: 0,
    },
  };
}
