/**
 * Evaluates compiled conditions against a request context. Several operators or keys: AND; several values of one
 * key: OR (NOR for negated operators). ForAllValues: every context value matches (true for an empty set);
 * ForAnyValue: at least one does (false for an empty set). A multivalued context value without a set operator
 * matches when any of its values matches.
 * A key the request does not supply (docs/evaluator.md, "The missing-key rule"): when it can never be in the request
 * AWS's absent-key rules apply exactly — `Null` by presence, `…IfExists` true, `ForAllValues:` true, `ForAnyValue:`
 * false, negated operators true, every other operator false; when AWS always sets it, `Null` knows it is present and
 * everything else is undecided; otherwise the condition is undecided (`unknown`, naming the key). Without a
 * keyAvailability, `Null` and `…IfExists` treat the key as absent and the rest is undecided.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_multi-value-conditions.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IfExists
 */
import { allOf, anyOf, negate } from './tri.js';
import type { CompiledCondition, Scope, Tri } from './types.js';

function matchesAnyPolicyValue(condition: CompiledCondition, value: string, scope: Scope): Tri {
  return anyOf(condition.tests, (test) => test(value, scope));
}

/** AWS's outcome for a condition whose key is not in the request context. */
function whenAbsent(condition: CompiledCondition): Tri {
  if (condition.nullValues !== undefined) return condition.nullValues.includes(true) ? 'yes' : 'no';
  if (condition.ifExists || condition.set === 'all') return 'yes';
  if (condition.set === 'any') return 'no';
  return condition.negated ? 'yes' : 'no';
}

function whenNotSupplied(condition: CompiledCondition, scope: Scope): Tri {
  const rule = scope.missingKey(condition.lookupKey);
  if (rule === 'absent') return whenAbsent(condition);
  if (condition.nullValues !== undefined && rule === 'present')
    return condition.nullValues.includes(false) ? 'yes' : 'no';
  if (rule === 'legacy' && (condition.nullValues !== undefined || condition.ifExists)) return whenAbsent(condition);
  scope.missing.push(condition.key);
  return 'unknown';
}

function evaluateCondition(condition: CompiledCondition, scope: Scope): Tri {
  const values = scope.context.get(condition.lookupKey);
  if (values === undefined) return whenNotSupplied(condition, scope);
  if (condition.nullValues !== undefined) return condition.nullValues.includes(false) ? 'yes' : 'no';
  const single = (value: string): Tri => {
    const matched = matchesAnyPolicyValue(condition, value, scope);
    return condition.negated ? negate(matched) : matched;
  };
  if (condition.set === 'all') return allOf(values, single);
  if (condition.set === 'any') return anyOf(values, single);
  const matched = anyOf(values, (value) => matchesAnyPolicyValue(condition, value, scope));
  return condition.negated ? negate(matched) : matched;
}

/** All conditions of a statement together: yes, no, or unknown (keys pushed to `scope.missing`). */
export function evaluateConditions(conditions: readonly CompiledCondition[], scope: Scope): Tri {
  return allOf(conditions, (condition) => evaluateCondition(condition, scope));
}
