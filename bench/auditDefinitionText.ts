/** The audit of a generated benchmark definition, as `check --definition` runs it, with a given simulator. */
import { auditStateMachine } from '../shared/audit.js';
import type { PermissionSimulator } from '../shared/ports.js';
import type { AuditReport } from '../shared/types.js';

/** The state machine and role every generated-definition audit names. */
export const BENCH_STATE_MACHINE_ARN = 'arn:aws:states:us-east-1:111122223333:stateMachine:bench';
export const BENCH_ROLE_ARN = 'arn:aws:iam::111122223333:role/bench';

/** Audits `text` as the definition of the bench state machine, its role checked by `simulator`. */
export function auditDefinitionText(text: string, simulator: PermissionSimulator): Promise<AuditReport> {
  return auditStateMachine({
    description: { definition: text, stateMachineArn: BENCH_STATE_MACHINE_ARN, roleArn: BENCH_ROLE_ARN },
    simulator,
    roleFound: true,
    now: new Date(0),
  });
}
