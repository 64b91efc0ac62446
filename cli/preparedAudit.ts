import type { AuditInput } from '../shared/audit.js';
import type { PermissionSimulator } from '../shared/ports.js';
import type { AuditReport, DeriveContext, Finding, PolicyDocument, StateMachineDescription } from '../shared/types.js';

/**
 * One state machine `check` audits, gathered before the audit: the state machine, the simulator, the role, where
 * SARIF points, and what the input itself reported. One run of `check` may audit many (several files, every state
 * machine of a template, every stack of a CDK assembly).
 */
export type PreparedAudit = {
  /**
   * Stable name of the target within the run, never derived from how a path was typed beyond the path itself:
   * the definition or describe file, `TEMPLATE#LogicalId` for a template resource, the ARN when live.
   */
  id: string;
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
  /** True when the SARIF artifact is a definition file in YAML: its states are found as YAML keys, not JSON ones. */
  sarifYaml?: boolean;
  /** Findings about the input itself (definition not available offline, policy content unknown, unresolved values). */
  inputFindings?: Finding[];
  /** True when the definition could not be read at all (an inputFindings entry says why). */
  definitionUnavailable?: boolean;
  /**
   * True when the execution role's policies are unknown (a template's role defined outside it, no --policy or
   * --authorization-details): the requirements are derived and reported, nothing is simulated (a PolicyContentUnknown
   * entry of inputFindings says so).
   */
  rolePoliciesUnknown?: boolean;
  /**
   * Region, account and partition of this target where they differ from the run's --region/--account/--partition (a
   * CDK stack's own environment from the assembly manifest); the run's apply otherwise.
   */
  contextOverrides?: Partial<DeriveContext>;
  /** Ignore entries of this target alone (template Metadata `sfn-role-audit: {ignore: [...]}`, config overrides). */
  ignore?: string[];
  /**
   * Where findings point when the definition is not a file of its own: the template resource that declares the
   * state machine (1-based line and column in `uri`).
   */
  resource?: { uri: string; text: string; line: number; column: number };
};

/** One audited target and its report. */
export type TargetReport = { target: PreparedAudit; report: AuditReport };

/**
 * What `check` hands auditStateMachine for a target: its description, simulator and role, what its input reported,
 * its own placement over the run's (`runContext`, from --region/--account/--partition), and the run's ignore entries
 * before the target's own.
 */
export function auditInputOf(
  target: PreparedAudit,
  runContext: Partial<DeriveContext>,
  ignore: readonly string[],
  now: Date,
): AuditInput {
  return {
    description: target.description,
    simulator: target.simulator,
    ...(target.roleTrust === undefined ? {} : { roleTrust: target.roleTrust }),
    ...(target.roleFound === undefined ? {} : { roleFound: target.roleFound }),
    ...(target.inputFindings === undefined ? {} : { inputFindings: target.inputFindings }),
    ...(target.definitionUnavailable === true ? { definitionUnavailable: true } : {}),
    ...(target.rolePoliciesUnknown === true ? { rolePoliciesUnknown: true } : {}),
    contextOverrides: target.contextOverrides ?? runContext,
    ignore: [...ignore, ...(target.ignore ?? [])],
    now,
  };
}
