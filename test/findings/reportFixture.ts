import { buildFindings } from '../../shared/findings/buildFindings.js';
import { untrustedRoleFinding } from '../../shared/findings/untrustedRoleFinding.js';
import type { AuditReport } from '../../shared/types.js';
import { decide, requirement, SM_ARN } from './builders.js';

/** A definition whose "Run job" key sits on line 4, column 5. */
export const DEFINITION_TEXT = `{
  "StartAt": "Run job",
  "States": {
    "Run job": {
      "Type": "Task",
      "Resource": "arn:aws:states:::ecs:runTask.sync",
      "End": true
    }
  }
}`;

/** A report with a HIGH missing invoke, a MEDIUM explicit deny (cancel, boundary), and a CRITICAL untrusted role. */
export function sampleReport(): AuditReport {
  const invoke = requirement({ purpose: 'invoke' });
  const cancel = requirement({
    purpose: 'cancel',
    actions: ['ecs:StopTask'],
    resources: ['*'],
    consequence: 'stopping the execution leaves the job running and billing',
  });
  const assumed = requirement({ purpose: 'invoke', assumedRoleArn: 'arn:aws:iam::444455556666:role/other' });
  const findings = [
    untrustedRoleFinding({ stateMachineArn: SM_ARN, roleArn: 'arn:aws:iam::111122223333:role/orders' }),
    ...buildFindings({
      stateMachineArn: SM_ARN,
      requirements: [invoke, cancel, assumed],
      decisions: [decide(invoke, 'implicitDeny'), decide(cancel, 'explicitDeny', { deniedBy: 'boundary' }), []],
    }),
  ];
  return {
    version: '1',
    stateMachine: { arn: SM_ARN, name: 'orders', revisionId: null },
    role: { arn: 'arn:aws:iam::111122223333:role/orders' },
    auditedAt: '2025-01-02T03:04:05.000Z',
    requirements: [invoke, cancel, assumed],
    findings,
    suppressed: [],
    notCheckable: [assumed],
    summary: {
      bySeverity: { CRITICAL: 1, HIGH: 1, MEDIUM: 1, LOW: 0, INFORMATIONAL: 0 },
      requirements: 3,
      checkedRequests: 2,
    },
  };
}
