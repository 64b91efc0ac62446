/**
 * Shapes of the embedded IAM evaluator: what it evaluates and the compiled form it evaluates quickly.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 */
import type { NamedPolicy } from '../ports.js';
import type { ContextValues, DenyingLayer } from '../types.js';

/**
 * What can be said about a condition key the request does not supply: `absent` (it can never be in the request:
 * AWS's absent-key rules apply), `present` (AWS always sets it, its value is unknown) or `unknown` (it may or may not
 * be there).
 */
export type KeyAvailability = 'absent' | 'present' | 'unknown';

/** Says, for an action as the request names it and a lower-cased condition key, whether the key can be in the request. */
export type KeyAvailabilityOf = (action: string, lowerCaseKey: string) => KeyAvailability;

/** The policies the embedded evaluator combines: identity policies, an optional boundary, SCP levels (root first), default context. */
export type EvaluationInput = {
  identity: NamedPolicy[];
  boundary?: NamedPolicy;
  /** One entry per organisation level (root, OUs, account); each level must allow. */
  scps?: NamedPolicy[][];
  /** Context every request carries; a request's own context wins key by key. */
  context?: ContextValues;
  /**
   * Which keys a request that does not supply them can carry (see createKeyAvailability). Without it, a key the request
   * does not supply is unknown, except that `Null` and `…IfExists` treat it as absent (the evaluator's older rule).
   */
  keyAvailability?: KeyAvailabilityOf;
};

/** Three-valued outcome of a policy element: matches, does not, or cannot be decided without missing context. */
export type Tri = 'yes' | 'no' | 'unknown';

/** How a statement's Resource relates to a resource with holes: covers every ARN it stands for, some, none, or unknown. */
export type ResourceVerdict = 'all' | 'some' | 'none' | 'unknown';

/** Whether a statement applies: fully, to part of a resource with holes only, not at all, or undecided. */
export type StatementResult = 'yes' | 'partial' | 'no' | 'unknown';

/** Request context values by lower-cased key (condition key names are case-insensitive). */
export type RequestContext = ReadonlyMap<string, readonly string[]>;

/** Receives the context keys an undecidable element needed. */
export type MissingKeys = string[];

/**
 * What a key the request does not supply means for one request: a KeyAvailability, or `legacy` when the input gives
 * no keyAvailability (unknown, but absent for `Null` and `…IfExists`).
 */
export type MissingKeyRule = KeyAvailability | 'legacy';

/** Everything a matcher needs besides the value: the context, where to report missing keys, and what a missing key means. */
export type Scope = {
  context: RequestContext;
  missing: MissingKeys;
  /** For a lower-cased key that is not in `context`. */
  missingKey: (lowerCaseKey: string) => MissingKeyRule;
};

/** Tests a value (a resource, a context value) against one compiled pattern or policy value. */
export type Matcher = (value: string, scope: Scope) => Tri;

/** One character of a wildcard pattern: a literal character, `*` (a run) or `?` (one), the wildcards with or without `:`. */
export type PatternToken = { kind: 'char' | 'star' | 'one'; char: string; crossesColon: boolean };

/** A request resource with holes, tokenised once per request. */
export type HolePattern = { text: string; tokens: readonly PatternToken[] };

/** Decides one compiled Resource pattern against a resource with holes. */
export type HoleMatcher = (hole: HolePattern, scope: Scope) => ResourceVerdict;

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
  /** One per Resource/NotResource pattern, for resources with holes. */
  holeMatchers: HoleMatcher[];
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
  keyAvailability?: KeyAvailabilityOf;
  /** Request resources already tokenised (a cache shared by the requests evaluated against these policies). */
  holes: Map<string, HolePattern>;
};

/**
 * A request prepared for evaluation: action lower-cased, context merged and keyed by lower-cased name; `hole` set when
 * the resource has wildcards that stand for unknown parts.
 */
export type PreparedRequest = { action: string; resource: string; hole?: HolePattern; scope: Scope };
