/**
 * Shapes of the embedded IAM evaluator: what it evaluates and the compiled form it evaluates quickly.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 */
import type { NamedPolicy } from '../ports.js';
import type { ContextValues, DenyingLayer } from '../types.js';

/** The policies the embedded evaluator combines: identity policies, an optional boundary, SCP levels (root first), default context. */
export type EvaluationInput = {
  identity: NamedPolicy[];
  boundary?: NamedPolicy;
  /** One entry per organisation level (root, OUs, account); each level must allow. */
  scps?: NamedPolicy[][];
  /** Context every request carries; a request's own context wins key by key. */
  context?: ContextValues;
};

/** Three-valued outcome of a policy element: matches, does not, or cannot be decided without missing context. */
export type Tri = 'yes' | 'no' | 'unknown';

/** Request context values by lower-cased key (condition key names are case-insensitive). */
export type RequestContext = ReadonlyMap<string, readonly string[]>;

/** Receives the context keys an undecidable element needed. */
export type MissingKeys = string[];

/** Tests a value (a resource, a context value) against one compiled pattern or policy value. */
export type Matcher = (value: string, context: RequestContext, missing: MissingKeys) => Tri;

/** Tests a lower-cased action name against one compiled Action/NotAction pattern. */
export type ActionMatcher = (lowerCaseAction: string) => boolean;

/** One compiled `operator: { key: values }` pair of a Condition block. */
export type CompiledCondition = {
  /** The key as the policy spells it (reported in missingContext). */
  key: string;
  lookupKey: string;
  /** Set for the Null operator: one entry per policy value, true meaning "the key is absent". */
  nullValues?: boolean[];
  set?: 'all' | 'any';
  ifExists: boolean;
  negated: boolean;
  /** One test per policy value: does the context value match it (before negation)? */
  tests: Matcher[];
};

/** A validated, normalised statement with its patterns compiled. */
export type CompiledStatement = {
  policy: string;
  /** Sid, or `#index` when the statement has none. */
  label: string;
  layer: DenyingLayer;
  effect: 'Allow' | 'Deny';
  actions: ActionMatcher[];
  notAction: boolean;
  resources: Matcher[];
  /** The Resource/NotResource patterns as written. */
  resourcePatterns: string[];
  notResource: boolean;
  conditions: CompiledCondition[];
};

/** Every policy of an EvaluationInput compiled once, ready for many requests. */
export type CompiledPolicies = {
  identity: CompiledStatement[];
  boundary?: CompiledStatement[];
  scps: CompiledStatement[][];
  context: RequestContext;
};

/** A request prepared for evaluation: action lower-cased, context merged and keyed by lower-cased name. */
export type PreparedRequest = { action: string; resource: string; context: RequestContext };
