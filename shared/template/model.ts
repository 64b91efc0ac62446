import type { NamedPolicy } from '../ports.js';
import type { Finding, PolicyDocument } from '../types.js';

/** Where a template is deployed: fills pseudo parameters and the physical names of its resources. */
export type StackPlacement = {
  readonly partition: string;
  readonly region: string;
  readonly account: string;
  readonly stackName: string;
};

/** One resource of a template as written (long-form intrinsics: `{ "Fn::GetAtt": [...] }`, after YAML tags). */
export type TemplateResource = {
  readonly logicalId: string;
  readonly type: string;
  readonly properties: Readonly<Record<string, unknown>>;
  readonly metadata?: Readonly<Record<string, unknown>>;
  readonly condition?: string;
  readonly dependsOn?: readonly string[];
  /** SAM embedded connectors: the resource's top-level `Connectors` attribute (not a property), as written. */
  readonly connectors?: Readonly<Record<string, unknown>>;
};

/** A position in the template file, 1-based, for SARIF and text output. */
export type TemplatePosition = { readonly line: number; readonly column: number };

/**
 * A parsed CloudFormation/SAM template with its intrinsic resolver (shared/template/loadTemplateModel.ts). Every
 * consumer resolves through `resolve`, so definitions and policies see the same physical names and ARNs.
 */
export type TemplateModel = {
  /** The template file as typed, and its text. */
  readonly path: string;
  readonly text: string;
  readonly placement: StackPlacement;
  /** True for `Transform: AWS::Serverless-2016-10-31` (alone or in a list). */
  readonly sam: boolean;
  /** Resources by logical id, in document order; resources whose `Condition` is false are left out. */
  readonly resources: ReadonlyMap<string, TemplateResource>;
  /**
   * Resolves intrinsics (`Ref`, `Fn::GetAtt`, `Fn::Sub`, `Fn::Join`, `Fn::Select`, `Fn::Split`, `Fn::If`,
   * `Fn::FindInMap`, `Fn::ImportValue`, `Fn::GetAZs`, `Fn::Base64`, `Fn::ToJsonString`, `Fn::Length`, pseudo
   * parameters, `AWS::NoValue`) in a value to plain JSON; what cannot be known offline becomes an unresolvedMarker
   * (shared/template/unresolved.ts) in the text, never a throw.
   */
  resolve(value: unknown): unknown;
  /** The value `Ref` gives for a resource (its deterministic physical name or ARN), or undefined for an unknown id. */
  refOf(logicalId: string): string | undefined;
  /** `Fn::GetAtt` of a resource, or undefined when the attribute is unknown for its type. */
  attributeOf(logicalId: string, attribute: string): string | undefined;
  /** Where a resource (or a property path inside it) is written in the file. */
  positionOf(path: readonly (string | number)[]): TemplatePosition | undefined;
  /** Notes of what could not be resolved (each also an UnresolvedTemplateValue finding of its target). */
  readonly notes: readonly string[];
};

/**
 * The execution role of one state machine as the template defines it (shared/template/role/executionRoleOf.ts):
 * an `AWS::IAM::Role` of the template with the `AWS::IAM::Policy`/`ManagedPolicy` resources attached to it, or the
 * role SAM generates from `Policies` (inline statements, managed policy names/ARNs, SAM policy templates) and
 * Connectors. A role the template only names (an ARN parameter, an import) is `inTemplate: false`.
 */
export type ExecutionRole = {
  /** The role's ARN as the state machine's `RoleArn`/`Role` resolves it (may hold an unresolved marker). */
  readonly roleArn: string | undefined;
  /** False when the role is not defined by the template: its policies are unknown offline. */
  readonly inTemplate: boolean;
  readonly identity: readonly NamedPolicy[];
  readonly boundary?: NamedPolicy;
  readonly trust?: PolicyDocument;
  /** PolicyContentUnknown / UnresolvedTemplateValue findings about the role (unknown managed policies, …). */
  readonly findings: readonly Finding[];
};
