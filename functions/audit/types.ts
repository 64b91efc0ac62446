import type {
  DeliveryLedger,
  FindingSink,
  PermissionSimulator,
  ReportChange,
  StateMachineSource,
} from '../../shared/ports.js';
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
  | 'FailedRecords'
  | 'EventsInProgress'
  | 'DeliveriesSkipped';

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
  /** When it was stored and for which event: together they name the stored state a change is computed from. */
  auditedAt?: string;
  lastEventId?: string;
};

/**
 * Where the previous audit of each state machine, the claims on CloudTrail events and the delivery records live
 * (DynamoDB). An event is claimed before any work (`claimed`), `done` once processed, and `leased` while another
 * invocation holds an unexpired claim on it.
 */
export type AuditStateStore = DeliveryLedger & {
  load(stateMachineArn: string): Promise<StoredAudit | undefined>;
  save(report: AuditReport, lastEventId?: string): Promise<void>;
  /** Forgets a state machine (deleted or gone), with its delivery records. */
  remove(stateMachineArn: string): Promise<void>;
  claimEvent(eventId: string, owner: string): Promise<'claimed' | 'done' | 'leased'>;
  completeEvent(eventId: string, owner: string): Promise<void>;
  /** Gives up a claim after a failure (only `owner`'s), so the retry need not wait for the lease to expire. */
  releaseEvent(eventId: string, owner: string): Promise<void>;
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
export type AuditSink = { sink: FindingSink; onlyNotable: boolean; onArchive: boolean; delivery: SinkDelivery };

/**
 * How a sink is kept from telling the same thing twice: `reimport` sinks are idempotent themselves (Security Hub
 * upserts by finding Id and keeps the newest UpdatedAt); `event` sinks (EventBridge: one message per audit) and
 * `change` sinks (SNS, Slack: one message per change of a state machine) claim a delivery record before the send and
 * mark it sent after it.
 */
export type SinkDelivery = 'reimport' | 'event' | 'change';

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
  /** A fresh owner token for an event claim; default crypto.randomUUID. */
  newClaimOwner?(): string;
  /** IAM calls made since the last take (counted by SDK middleware); emitted as IamCalls once per batch. */
  takeIamCalls?(): number;
};
