/**
 * Builds the evaluator's KeyAvailabilityOf from the Service Authorization Reference's condition keys per action and
 * the table of global keys: for a key the request does not supply, `absent` when it can never be in the request of a
 * role session's call (a global key AWS never sets for one, a `listedOnly` global key or a service key the action does
 * not list), `present` when AWS always sets it, `unknown` otherwise. For an action the reference does not know, only
 * the `always`/`never` global keys are decided.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
 * https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
 */
import { findGlobalConditionKey } from './globalConditionKeys.js';
import type { KeyAvailability, KeyAvailabilityOf } from './types.js';

/** The condition keys of an action as the reference writes them (`aws:ResourceTag/${TagKey}`), undefined when unknown. */
export type ConditionKeysOfAction = (action: string) => readonly string[] | undefined;

const SPECIAL = /[.*+?^${}()|[\]\\]/g;
const VARIABLE = /\\\$\\\{[^}]*\\\}/g;

/** Tests a lower-cased key against an action's keys; `${TagKey}`-style variables stand for any non-empty text. */
function compileKeys(keys: readonly string[]): (lowerCaseKey: string) => boolean {
  const exact = new Set<string>();
  const patterns: RegExp[] = [];
  for (const key of keys) {
    const lower = key.toLowerCase();
    if (!lower.includes('${')) exact.add(lower);
    else patterns.push(new RegExp(`^${lower.replace(SPECIAL, '\\$&').replace(VARIABLE, '.+')}$`, 's'));
  }
  return (key) => exact.has(key) || patterns.some((pattern) => pattern.test(key));
}

/** Global keys decided without the action's list: `always` → present, `never` → absent. */
function globalOnly(lowerCaseKey: string): KeyAvailability {
  const global = findGlobalConditionKey(lowerCaseKey);
  if (global?.availability === 'always') return 'present';
  if (global?.availability === 'never') return 'absent';
  return 'unknown';
}

/** A KeyAvailabilityOf for EvaluationInput.keyAvailability, from the reference's per-action condition keys. */
export function createKeyAvailability(conditionKeysOfAction: ConditionKeysOfAction): KeyAvailabilityOf {
  const byAction = new Map<string, ((lowerCaseKey: string) => boolean) | undefined>();
  return (action, key) => {
    const lowerAction = action.toLowerCase();
    let listed = byAction.get(lowerAction);
    if (!byAction.has(lowerAction)) {
      const keys = conditionKeysOfAction(action);
      listed = keys === undefined ? undefined : compileKeys(keys);
      byAction.set(lowerAction, listed);
    }
    if (listed === undefined) return globalOnly(key);
    const global = findGlobalConditionKey(key);
    if (listed(key)) return global?.availability === 'always' ? 'present' : 'unknown';
    if (global === undefined) return key.startsWith('aws:') ? 'unknown' : 'absent';
    if (global.listedOnly || global.availability === 'never') return 'absent';
    return global.availability === 'always' ? 'present' : 'unknown';
  };
}
