/**
 * Evaluates compiled conditions against a request context. Several operators or keys: AND; several values of one
 * key: OR (NOR for negated operators). ForAllValues: every context value matches (true for an empty set);
 * ForAnyValue: at least one does (false for an empty set). A multivalued context value without a set operator
 * matches when any of its values matches.
 * Missing keys (our rule, see docs/evaluator.md): `Null` tests presence; `…IfExists` is true when the key is absent
 * (AWS); every other operator cannot be decided without the key and yields `unknown`, naming the key.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_multi-value-conditions.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IfExists
 */
import { allOf, anyOf, negate } from './tri.js';
import type { CompiledCondition, MissingKeys, RequestContext, Tri } from './types.js';

function matchesAnyPolicyValue(
  condition: CompiledCondition,
  value: string,
  context: RequestContext,
  missing: MissingKeys,
): Tri {
  return anyOf(condition.tests, (test) => test(value, context, missing));
}

function evaluateCondition(condition: CompiledCondition, context: RequestContext, missing: MissingKeys): Tri {
  const values = context.get(condition.lookupKey);
  if (condition.nullValues !== undefined) {
    const absent = values === undefined;
    return condition.nullValues.includes(absent) ? 'yes' : 'no';
  }
  if (values === undefined) {
    if (condition.ifExists) return 'yes';
    missing.push(condition.key);
    return 'unknown';
  }
  const single = (value: string): Tri => {
    const matched = matchesAnyPolicyValue(condition, value, context, missing);
    return condition.negated ? negate(matched) : matched;
  };
  if (condition.set === 'all') return allOf(values, single);
  if (condition.set === 'any') return anyOf(values, single);
  const matched = anyOf(values, (value) => matchesAnyPolicyValue(condition, value, context, missing));
  return condition.negated ? negate(matched) : matched;
}

/** All conditions of a statement together: yes, no, or unknown (keys pushed to `missing`). */
export function evaluateConditions(
  conditions: readonly CompiledCondition[],
  context: RequestContext,
  missing: MissingKeys,
): Tri {
  return allOf(conditions, (condition) => evaluateCondition(condition, context, missing));
}
