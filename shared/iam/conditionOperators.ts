/**
 * The condition operators the evaluator knows (without the `…IfExists` suffix and the `ForAllValues:`/`ForAnyValue:`
 * prefixes, which compileCondition peels off), as data: value type, comparison, negation.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 */

/** How an operator compares a context value with a policy value. */
export type OperatorSpec = {
  type: 'string' | 'stringIgnoreCase' | 'stringLike' | 'numeric' | 'date' | 'bool' | 'binary' | 'ip' | 'arn';
  /** For numeric and date operators. */
  compare?: 'eq' | 'lt' | 'le' | 'gt' | 'ge';
  /** Negated operators (StringNotEquals, NotIpAddress…) match when no policy value matches (logical NOR). */
  negated: boolean;
};

/** Every base operator by name; `Null` is handled apart because it tests presence, not values. */
export const CONDITION_OPERATORS = {
  StringEquals: { type: 'string', negated: false },
  StringNotEquals: { type: 'string', negated: true },
  StringEqualsIgnoreCase: { type: 'stringIgnoreCase', negated: false },
  StringNotEqualsIgnoreCase: { type: 'stringIgnoreCase', negated: true },
  StringLike: { type: 'stringLike', negated: false },
  StringNotLike: { type: 'stringLike', negated: true },
  NumericEquals: { type: 'numeric', compare: 'eq', negated: false },
  NumericNotEquals: { type: 'numeric', compare: 'eq', negated: true },
  NumericLessThan: { type: 'numeric', compare: 'lt', negated: false },
  NumericLessThanEquals: { type: 'numeric', compare: 'le', negated: false },
  NumericGreaterThan: { type: 'numeric', compare: 'gt', negated: false },
  NumericGreaterThanEquals: { type: 'numeric', compare: 'ge', negated: false },
  DateEquals: { type: 'date', compare: 'eq', negated: false },
  DateNotEquals: { type: 'date', compare: 'eq', negated: true },
  DateLessThan: { type: 'date', compare: 'lt', negated: false },
  DateLessThanEquals: { type: 'date', compare: 'le', negated: false },
  DateGreaterThan: { type: 'date', compare: 'gt', negated: false },
  DateGreaterThanEquals: { type: 'date', compare: 'ge', negated: false },
  Bool: { type: 'bool', negated: false },
  BinaryEquals: { type: 'binary', negated: false },
  IpAddress: { type: 'ip', negated: false },
  NotIpAddress: { type: 'ip', negated: true },
  ArnEquals: { type: 'arn', negated: false },
  ArnLike: { type: 'arn', negated: false },
  ArnNotEquals: { type: 'arn', negated: true },
  ArnNotLike: { type: 'arn', negated: true },
} as const satisfies Record<string, OperatorSpec>;

const BY_LOWER_CASE_NAME = new Map<string, OperatorSpec>(
  Object.entries(CONDITION_OPERATORS).map(([name, spec]) => [name.toLowerCase(), spec]),
);

/** Looks a base operator up by name, ignoring case; undefined when unknown. */
export function findOperator(name: string): OperatorSpec | undefined {
  return BY_LOWER_CASE_NAME.get(name.toLowerCase());
}
