/** Types of the integration catalogue: the documented IAM needs of every Step Functions integration. */
import type { Purpose } from '../types.js';

/** How Step Functions calls the service (`n/a` for cross-cutting and state-level entries). */
export type Pattern = 'request-response' | 'sync' | 'sync2' | 'callback' | 'n/a';

/** What an entry describes: a Task resource, a Distributed Map feature, or a state-machine-wide need. */
export type IntegrationKind = 'task' | 'state-level' | 'itemreader' | 'resultwriter' | 'cross-cutting';

/**
 * Resource and condition templates use the placeholders of the catalogue spec:
 * `${Partition}` `${Region}` `${Account}` `${StateMachineName}` `${StateMachineArn}` `${Resource}`
 * `${Param:Field}` (dots for nesting, `[*]` for arrays), `${Param:Field#part}` (queueName, apiId, name,
 * projectName, objectArn), `${Param:Field|lowercase}`, `${StateMachineKmsKeyArn}`, `${ActivityKmsKeyArn}`, …
 */
export type Template = string;

/** One permission an integration needs, with why. */
export type PermissionSpec = {
  purpose: Purpose;
  actions: readonly string[];
  /**
   * What AWS's template grants when every field feeding it is a literal (the grant). The resource the call is
   * authorized on comes from the Service Authorization Reference (shared/requirements/authorizedTemplates.ts); these
   * templates are used for it only where they name a resource of the action's type.
   */
  staticResources: readonly Template[];
  /** Resources when a field feeding them is only known at run time. */
  dynamicResources: readonly Template[];
  /** The Parameters/Arguments fields that feed the resources or condition. */
  parameterFields: readonly string[];
  /**
   * Per action, the templates of the resources IAM authorizes the call on, where the Service Authorization Reference
   * alone does not say it (several resource types checked together, a resource the service resolves). `${Hole:Name}`
   * marks a part unknown before run time.
   */
  authorized?: Readonly<Record<string, readonly Template[]>>;
  /** Condition operator → key → template value(s). */
  condition?: Readonly<Record<string, Readonly<Record<string, Template | readonly Template[]>>>>;
  /** Exact name of the Step Functions managed EventBridge rule (events purpose). */
  managedRule?: string;
  /** True when AWS does not document this permission and the catalogue encodes the safest reading. */
  inferred?: boolean;
  /** Set when the statement belongs on another policy than the execution role's (a trust or resource policy). */
  placement?: 'target-role-trust-policy' | 'api-resource-policy';
  /**
   * True when the documented template grants the permission although the called API does not need it (the DynamoDB
   * template grants all four item actions for every item API); the requirements builder skips it.
   */
  optional?: boolean;
  /**
   * The permission is needed only when the state sets at least one of these Parameters/Arguments fields (e.g.
   * `VersionId` for `s3:GetObjectVersion`); the requirements builder skips it when all of them are absent.
   */
  onlyWhenFields?: readonly string[];
  /** Why the fact is as it is, and what AWS leaves unconfirmed. */
  note?: string;
};

/** One catalogue entry. */
export type Integration = {
  /** The Task Resource (or a key such as 'logging-configuration' for non-Task entries). */
  resource: string;
  /** IAM prefix of the called service. */
  service: string;
  api: string;
  pattern: Pattern;
  kind: IntegrationKind;
  permissions: readonly PermissionSpec[];
  /** The AWS page the facts come from. */
  source: string;
  docStatus: 'documented' | 'documented-no-template' | 'documented-no-iam' | 'api-listed-no-template';
  notes?: readonly string[];
};
