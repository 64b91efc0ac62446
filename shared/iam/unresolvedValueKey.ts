/**
 * A condition key that stands for a value the audit cannot know offline: a template value that did not resolve
 * (`Fn::ImportValue`, a parameter without a value) or a whole policy whose document is unknown (a managed policy ARN
 * not shipped as data). An input adapter writes the unknown part of a policy as `*` and adds a condition on such a
 * key; the embedded evaluator treats every key with this prefix as present-but-unknown, so a statement that depends
 * on it makes the decision `conditional` (naming the key), never `allowed` and never `denied`.
 */
export const UNRESOLVED_KEY_PREFIX = 'sfn-role-audit:';

/** The key for one unresolved value, e.g. `sfn-role-audit:unresolved/Fn::ImportValue SharedBucket`. */
export function unresolvedValueKey(what: string): string {
  return `${UNRESOLVED_KEY_PREFIX}unresolved/${what}`;
}

/**
 * The Condition block that makes a statement depend on an unresolved value: `Null` `false` on its key (true only
 * when the key is present, which the evaluator cannot decide), so the statement neither applies nor fails to apply.
 */
export function unresolvedCondition(what: string): Record<string, Record<string, string>> {
  return { Null: { [unresolvedValueKey(what)]: 'false' } };
}

/** True for a key made by unresolvedValueKey (case-insensitive, as IAM compares key names). */
export function isUnresolvedValueKey(key: string): boolean {
  return key.toLowerCase().startsWith(UNRESOLVED_KEY_PREFIX);
}
