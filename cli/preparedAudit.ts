import type { PermissionSimulator } from '../shared/ports.js';
import type { PolicyDocument, StateMachineDescription } from '../shared/types.js';

/** What `check` gathered before the audit: the state machine, the simulator, the role, and where SARIF points. */
export type PreparedAudit = {
  description: StateMachineDescription;
  simulator: PermissionSimulator;
  roleTrust?: PolicyDocument;
  roleFound?: boolean;
  /** SARIF artifact: the definition file, the describe file, or the state machine ARN when live. */
  sarifUri: string;
  /** The text of that file, for line numbers (absent when live). */
  sarifText?: string;
  /** True when the definition is a JSON string inside the SARIF artifact (describe-state-machine output). */
  embedded: boolean;
};
