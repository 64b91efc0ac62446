import type { FindingSink, PermissionSimulator, ReportChange, StateMachineSource } from '../../shared/ports.js';
import type { AuditReport, PolicyDocument, Severity } from '../../shared/types.js';

/** Structured logging as the handler uses it (Powertools Logger fits). Never pass definitions, policies or secrets. */
export type AuditLog = {
  info(message: string, attributes?: Record<string, unknown>): void;
  warn(message: string, attributes?: Record<string, unknown>): void;
  error(message: string, attributes?: Record<string, unknown>): void;
};

/** The metric names the handler emits (EMF namespace SfnRoleAudit). */
export type AuditMetricName =
  | 'Audits'
  | 'Findings'
  | 'IamCalls'
  | 'AuditDurationMs'
  | 'MalformedRecords'
  | 'DuplicateEvents'
  | 'Archives'
  | 'FailedRecords';

/** Metrics as the handler uses them (backed by Powertools Metrics in Lambda). */
export type AuditMetrics = {
  /** Adds a count (or, for AuditDurationMs, milliseconds), optionally under one extra dimension. */
  add(name: AuditMetricName, value: number, dimension?: { name: string; value: string }): void;
  /** Writes the stored metrics (EMF) at the end of an invocation. */
  flush(): void;
};

/** The last audit of a state machine as the state store keeps it. */
export type StoredAudit = {
  stateMachineArn: string;
  roleArn: string | null;
  findings: { id: string; severity: Severity | string }[];
};

/** Where the previous audit of each state machine and the processed CloudTrail event ids live (DynamoDB). */
export type AuditStateStore = {
  load(stateMachineArn: string): Promise<StoredAudit | undefined>;
  save(report: AuditReport): Promise<void>;
  /** Forgets a state machine (deleted or gone). */
  remove(stateMachineArn: string): Promise<void>;
  hasProcessedEvent(eventId: string): Promise<boolean>;
  markEventProcessed(eventId: string): Promise<void>;
};

/** How the execution role is checked: a simulator, whether the role exists, and its trust policy when read. */
export type ResolvedPrincipal = { roleFound: boolean; simulator: PermissionSimulator; roleTrust?: PolicyDocument };

/** Builds the simulator for an execution role (SIMULATOR=aws: SimulatePrincipalPolicy; local: embedded evaluator). */
export type PrincipalResolver = (roleArn: string, region: string) => Promise<ResolvedPrincipal>;

/**
 * A sink and when it is told: `onlyNotable` sinks (SNS, Slack) only hear about new or worse findings at the
 * notification threshold and about "all clear"; `onArchive` sinks (Security Hub) also hear about deleted state
 * machines, so they can archive their findings.
 */
export type AuditSink = { sink: FindingSink; onlyNotable: boolean; onArchive: boolean };

/** Everything the handler depends on; the Lambda entry point wires AWS adapters, tests wire fakes. */
export type AuditHandlerDeps = {
  source: StateMachineSource;
  resolvePrincipal: PrincipalResolver;
  store: AuditStateStore;
  computeChange(previous: StoredAudit | undefined, report: AuditReport): ReportChange;
  sinks: AuditSink[];
  notifyMinSeverity: Severity;
  log: AuditLog;
  metrics: AuditMetrics;
  now(): Date;
  /** IAM calls made since the last take (counted by SDK middleware); emitted as IamCalls once per batch. */
  takeIamCalls?(): number;
};
