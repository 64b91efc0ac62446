/**
 * The shapes every part of sfn-role-audit agrees on (see docs/architecture.md).
 * Pure data: no functions, no I/O.
 */

/** Why a permission is needed; decides the consequence and the severity of its absence. */
export type Purpose =
  | 'invoke'
  | 'poll'
  | 'events'
  | 'cancel'
  | 'passrole'
  | 'assume-role'
  | 'child-executions'
  | 'item-reader'
  | 'result-writer'
  | 'logging'
  | 'tracing'
  | 'kms'
  | 'http'
  | 'other';

/** Every purpose, in the order reports list them. */
export const PURPOSES = [
  'invoke',
  'passrole',
  'assume-role',
  'child-executions',
  'item-reader',
  'result-writer',
  'http',
  'poll',
  'events',
  'cancel',
  'kms',
  'logging',
  'tracing',
  'other',
] as const satisfies readonly Purpose[];

/** A state located in the definition: its name and the path of names/keys that leads to it. */
export type StateRef = {
  name: string;
  /** e.g. ['States', 'Fan out', 'Branches', '0', 'States', 'Resize'] — JSON keys from the root to the state. */
  path: string[];
};

/** Context values a request needs for its conditions (e.g. iam:PassedToService). */
export type ContextValues = Record<string, string | string[]>;

/** One permission (a set of actions on a set of resources) that a definition needs, and why. */
export type Requirement = {
  /** The state that needs it; null for state-machine-wide needs (logging, tracing, KMS). */
  state: StateRef | null;
  /** The Task `Resource` (or a cross-cutting key such as "logging-configuration"). */
  integration: string;
  purpose: Purpose;
  actions: string[];
  /**
   * The authorized resources: the ARNs IAM evaluates the call against (the action's resource types in the Service
   * Authorization Reference, filled from the state's parameters). A `*` or `?` inside an ARN is a hole (see `holes`);
   * `*` alone means the action is authorized on `*` (it has no resource type) or nothing of the ARN is known.
   */
  resources: string[];
  /** True when a value feeding the resource is only known at run time; `resources` then holds the dynamic form. */
  dynamic: boolean;
  /** Condition context keys and values the request carries (used for simulation and for the remediation condition). */
  context?: ContextValues;
  /** What breaks, in plain words, when this permission is missing. */
  consequence: string;
  /** URL of the AWS page the fact comes from. */
  source: string;
  /** The Step Functions managed EventBridge rule name, for `events` requirements. */
  managedRule?: string;
  /**
   * Set when the permission belongs to another principal than the execution role: the role named in the
   * task's `Credentials.RoleArn`. Such requirements are reported, not checked against the execution role.
   */
  assumedRoleArn?: string;
  /** True when AWS does not document this permission and the catalogue encodes the safest reading. */
  inferred?: boolean;
  /** True for a Task whose Resource the catalogue does not know: nothing can be checked (actions is empty). */
  unknownIntegration?: boolean;
  /**
   * The parts of `resources` that are unknown before run time (design.md, "holes"): each `*`/`?` of a resource
   * stands for such a part. Absent when every resource is a literal ARN (or `*` for an action IAM authorizes on `*`).
   */
  holes?: Hole[];
  /**
   * Set on a Task whose whole `Resource` is an unapplied `${…}` DefinitionSubstitutions placeholder: nothing can be
   * derived until it is substituted.
   */
  unresolvedPlaceholder?: string;
};

/** Why part of an authorized ARN cannot be known before run time. */
export type HoleReason =
  /** An id the service assigns at run time (a job run id, a task id). */
  | 'run-time-id'
  /** A JSONPath, JSONata or intrinsic-function value of the state. */
  | 'dynamic-value'
  /** An unapplied `${…}` DefinitionSubstitutions placeholder. */
  | 'placeholder'
  /** The Region, account or partition of the state machine is not known to the audit. */
  | 'unknown-context'
  /** A resource the service resolves at run time (the latest ACTIVE revision of an ECS task definition family). */
  | 'latest-revision'
  /** The random six-character suffix Secrets Manager appends to a secret's name. */
  | 'secret-suffix'
  /** A parameter the definition leaves out and the service fills in. */
  | 'absent-parameter';

/** One unknown part of an authorized resource. */
export type Hole = {
  /** The ARN variable of the Service Authorization Reference (`JobRunId`, `TaskDefinitionRevisionNumber`) or field. */
  variable: string;
  reason: HoleReason;
  /** The expression, placeholder or field behind the hole, when there is one (`$.functionName`, `${OrdersFunctionArn}`). */
  detail?: string;
};

/** One simulated request. */
export type SimulationRequest = {
  action: string;
  resource: string;
  context?: ContextValues;
};

/**
 * `notProvable`: the resource has holes and the policies allow (or deny) only some of the ARNs it can stand for, so
 * whether the call is allowed depends on run-time values.
 */
export type DecisionValue = 'allowed' | 'implicitDeny' | 'explicitDeny' | 'conditional' | 'notProvable';

/** Which policy layer decided a deny. */
export type DenyingLayer = 'identity' | 'boundary' | 'scp' | 'resource';

/** A policy statement that matched a request, for explanations. */
export type MatchedStatement = {
  /** Policy name, ARN or file the statement comes from. */
  policy: string;
  /** Sid, or the statement's index as `#N` when it has no Sid. */
  statement: string;
  layer: DenyingLayer;
  effect: 'Allow' | 'Deny';
};

/** The answer for one (action, resource) request. */
export type Decision = {
  action: string;
  resource: string;
  decision: DecisionValue;
  deniedBy?: DenyingLayer;
  /** Condition keys the policies test that the request did not supply. */
  missingContext?: string[];
  /**
   * `conditional` only because a Deny whose condition is unknown may apply: every layer allows the request (the
   * embedded evaluator says so; SimulatePrincipalPolicy does not tell).
   */
  denyOnly?: true;
  matchedStatements?: MatchedStatement[];
  /** `notProvable`: the identity-policy Allow Resource patterns that overlap the resource (as written, policy order). */
  grantedResources?: string[];
  /** `notProvable`: Deny Resource patterns that cover part of the resource. */
  deniedResources?: string[];
};

export type Severity = 'CRITICAL' | 'HIGH' | 'MEDIUM' | 'LOW' | 'INFORMATIONAL';

/** Severities from worst to mildest. */
export const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL'] as const satisfies readonly Severity[];

export type Rule =
  | 'MissingPermission'
  /** A resource with holes that the role allows for some of its ARNs only (LOW). */
  | 'UnprovableResource'
  /** A permission AWS does not document (the catalogue's safest reading) is missing (LOW). */
  | 'InferredPermission'
  /** A Task `Resource` or value is an unapplied `${…}` DefinitionSubstitutions placeholder. */
  | 'UnresolvedPlaceholder'
  | 'ConditionalPermission'
  | 'UnknownIntegration'
  | 'InvalidDefinition'
  | 'RoleNotFound'
  | 'UntrustedRole'
  /** The definition cannot be read offline (a template's `DefinitionS3Location`, a missing `DefinitionUri` file). */
  | 'DefinitionUnavailable'
  /** A policy or role whose content is unknown offline (a managed policy ARN not shipped as data, a role outside the template). */
  | 'PolicyContentUnknown'
  /** A template value (parameter without a value, `Fn::ImportValue`, unknown attribute) the audit could not resolve offline. */
  | 'UnresolvedTemplateValue';

/** An IAM policy statement (as we write them in remediations and generated policies). */
export type PolicyStatement = {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  NotResource?: string | string[];
  Condition?: Record<string, Record<string, string | string[] | boolean | number>>;
  Principal?: unknown;
  NotPrincipal?: unknown;
};

/** An IAM policy document. */
export type PolicyDocument = {
  Version?: string;
  Id?: string;
  Statement: PolicyStatement | PolicyStatement[];
};

/** One problem the audit found. */
export type Finding = {
  /** Stable hash of state machine + rule + state path + action + resource. */
  id: string;
  rule: Rule;
  severity: Severity;
  purpose: Purpose | null;
  state: StateRef | null;
  integration: string | null;
  actions: string[];
  resources: string[];
  decision: DecisionValue | null;
  deniedBy?: DenyingLayer;
  title: string;
  consequence: string;
  /** The IAM statement to add (absent when adding a statement cannot fix it, e.g. an explicit deny or a bad definition). */
  remediation?: PolicyStatement;
  /** URL of the AWS page that documents the need. */
  docs: string;
  /** Extra facts: missing context keys, the specific ARNs a dynamic resource is granted on, the definition error. */
  details?: Record<string, unknown>;
};

/** What DescribeStateMachine returns that the audit uses (field names as in @aws-sdk/client-sfn and the AWS CLI). */
export type StateMachineDescription = {
  stateMachineArn?: string;
  name?: string;
  /** The ASL definition, as text (as DescribeStateMachine returns it) or already parsed. */
  definition: string | Record<string, unknown>;
  roleArn?: string;
  type?: 'STANDARD' | 'EXPRESS';
  revisionId?: string;
  loggingConfiguration?: {
    level?: string;
    includeExecutionData?: boolean;
    destinations?: { cloudWatchLogsLogGroup?: { logGroupArn?: string } }[];
  };
  tracingConfiguration?: { enabled?: boolean };
  encryptionConfiguration?: {
    type?: string;
    kmsKeyId?: string;
    kmsDataKeyReusePeriodSeconds?: number;
  };
};

/** Where the state machine runs and how it is configured: fills the placeholders of the catalogue. */
export type DeriveContext = {
  partition: string;
  /** Region, or `*` when unknown. */
  region: string;
  /** Account id, or `*` when unknown. */
  account: string;
  /** The state machine's name, or `*` when unknown. */
  stateMachineName: string;
  stateMachineArn?: string;
  /** True when CloudWatch Logs logging is on (level other than OFF). */
  loggingEnabled?: boolean;
  tracingEnabled?: boolean;
  /** The customer managed KMS key of the state machine, when one is configured. */
  kmsKeyArn?: string;
  /** Customer managed KMS keys of activities the definition uses, by activity ARN (when known). */
  activityKmsKeys?: Record<string, string>;
};

/** Identifies an audited state machine in reports. */
export type StateMachineIdentity = {
  arn: string | null;
  name: string | null;
  revisionId?: string | null;
};

/** The whole result of one audit: what every sink and renderer consumes. */
export type AuditReport = {
  /** Version of this report's JSON contract (docs/output.md). */
  version: '1';
  stateMachine: StateMachineIdentity;
  role: { arn: string | null };
  auditedAt: string;
  requirements: Requirement[];
  findings: Finding[];
  /** Findings muted by a `sfn-role-audit:ignore` tag or option; not counted in the summary. */
  suppressed: Finding[];
  /** Requirements that belong to roles assumed with `Credentials` and cannot be checked against the execution role. */
  notCheckable: Requirement[];
  summary: {
    bySeverity: Record<Severity, number>;
    requirements: number;
    checkedRequests: number;
  };
};
