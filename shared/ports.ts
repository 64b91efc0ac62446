/**
 * The interfaces the use case (`auditStateMachine`) depends on. Adapters in shared/aws (AWS SDK) and
 * shared/local (files, embedded evaluator, stdout) implement them; the core never imports an SDK.
 */
import type { AuditReport, Decision, PolicyDocument, SimulationRequest, StateMachineDescription } from './types.js';

/** Answers whether the execution role may make each request. */
export type PermissionSimulator = {
  /** Human-readable name for reports ("embedded evaluator", "iam:SimulatePrincipalPolicy"). */
  readonly name: string;
  /** One decision per request, in the same order. */
  simulate(requests: SimulationRequest[]): Promise<Decision[]>;
  /**
   * The resource patterns that identity Allow statements name for an action (used to say which specific ARNs a
   * role grants when a dynamic resource cannot be proven). Optional: the AWS simulator cannot answer it.
   */
  grantedResources?(action: string): Promise<string[]>;
};

/** Result of looking a state machine up. */
export type StateMachineLookup =
  | {
      found: true;
      description: StateMachineDescription;
      tags?: Record<string, string>;
      /**
       * Alias lookups only: the versions the alias routes to, by weight. `description` is the highest-weight one's
       * (ties go to the newer version), with `stateMachineArn` set to the alias ARN; audit the others by version ARN.
       */
      routing?: { versionArn: string; weight: number }[];
    }
  | { found: false; arn: string; reason: string };

/** Fetches a state machine (plain, version or alias ARN). */
export type StateMachineSource = {
  describe(arn: string): Promise<StateMachineLookup>;
};

/** A named policy document. */
export type NamedPolicy = { name: string; document: PolicyDocument };

/** The policies attached to a role, as the embedded evaluator needs them. */
export type RolePolicies = {
  roleArn: string;
  /** Inline and attached managed (default version) identity policies. */
  identity: NamedPolicy[];
  boundary?: NamedPolicy;
  /** The role's trust policy. */
  trust?: PolicyDocument;
};

/** Result of reading a role's policies. */
export type RolePoliciesLookup =
  | { found: true; policies: RolePolicies }
  | { found: false; roleArn: string; reason: string };

/** Reads a role's policies (GetRole / ListRolePolicies / … or an authorization-details file). */
export type RolePolicySource = {
  read(roleArn: string): Promise<RolePoliciesLookup>;
};

/** Somewhere findings go: Security Hub, SNS, EventBridge, the console, a file. */
export type FindingSink = {
  readonly name: string;
  publish(report: AuditReport, change: ReportChange): Promise<void>;
};

/** What changed since the previous audit of the same state machine (from the state store). */
export type ReportChange = {
  /** Ids of findings that are new or got worse since the last audit. */
  newOrWorse: string[];
  /** Findings present last time and gone now. */
  resolved: { id: string; severity: string }[];
  /** True when the previous audit had findings and this one has none. */
  allClear: boolean;
  /** True when this is the first audit of the state machine. */
  first: boolean;
};

/**
 * What a delivery record is about: one CloudTrail event (a per-audit message such as EventBridge's "audit
 * completed"), or one change of one state machine from one stored state (a notification such as SNS or Slack).
 */
export type DeliveryKey =
  | { scope: 'event'; eventId: string }
  | { scope: 'change'; stateMachineArn: string; fingerprint: string };

/**
 * Remembers which sink was told about what, so a retried, repeated or concurrent record does not tell it again: a
 * delivery is claimed (conditional write with a lease) before the send and marked sent after it.
 */
export type DeliveryLedger = {
  /** `claimed` (go ahead), `sent` (told before) or `sending` (another attempt holds an unexpired claim). */
  claimDelivery(key: DeliveryKey, sink: string, owner: string): Promise<'claimed' | 'sent' | 'sending'>;
  /** Marks a claimed delivery sent. */
  completeDelivery(key: DeliveryKey, sink: string, owner: string): Promise<void>;
  /** Gives a claim up after a failed send (only `owner`'s), so the retry can send. */
  releaseDelivery(key: DeliveryKey, sink: string, owner: string): Promise<void>;
};
