import { unresolvedCondition, unresolvedValueKey } from '../../iam/unresolvedValueKey.js';
import { isRecord } from '../../local/isRecord.js';
import type { PolicyDocument, PolicyStatement } from '../../types.js';
import { hasUnresolved, replaceUnresolved, unresolvedIn } from '../unresolved.js';

type ConditionBlock = NonNullable<PolicyStatement['Condition']>;

/**
 * The stand-in for a policy whose content is unknown offline: `Allow * on *` and `Deny * on *`, both conditional on
 * `what`. It may grant any request and may deny any request, so every request is `conditional` on it: one no other
 * policy allows is not denied, and one the others allow is not allowed (a customer managed policy, or an AWS managed
 * one such as AWSDenyAll, `Deny * on *`: https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSDenyAll.html,
 * can hold a Deny; an explicit Deny in any identity policy or boundary wins:
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html).
 */
export function unknownPolicy(what: string): PolicyDocument {
  return { Version: '2012-10-17', Statement: unknownStatements(what) };
}

/** What an unknown statement may be: an Allow or a Deny of anything, conditional on `what`. */
function unknownStatements(what: string): PolicyStatement[] {
  return (['Allow', 'Deny'] as const).map((Effect) => ({
    Effect,
    Action: '*',
    Resource: '*',
    Condition: unresolvedCondition(what),
  }));
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

/** Every marker in a value (strings, lists, objects), in order. */
function markersIn(value: unknown): string[] {
  if (typeof value === 'string') return hasUnresolved(value) ? unresolvedIn(value) : [];
  if (Array.isArray(value)) return value.flatMap(markersIn);
  if (isRecord(value)) return Object.entries(value).flatMap(([key, item]) => [...markersIn(key), ...markersIn(item)]);
  return [];
}

/** A pattern with each marker widened to `*`; an action that lost its service prefix becomes `*`. */
function widened(pattern: string, isAction: boolean): string {
  const text = replaceUnresolved(pattern, () => '*').replace(/\*{2,}/g, '*');
  return isAction && text !== '*' && !text.includes(':') ? '*' : text;
}

/** One statement with its unresolved parts made conditional; `whats` collects what they stand for. */
function statementWithUnresolved(statement: Record<string, unknown>, whats: Set<string>): Record<string, unknown> {
  const result: Record<string, unknown> = { ...statement };
  const note = (value: unknown) => {
    for (const what of markersIn(value)) whats.add(what);
  };
  for (const [field, isAction] of [
    ['Action', true],
    ['Resource', false],
  ] as const) {
    const value = statement[field];
    if (markersIn(value).length === 0) continue;
    note(value);
    result[field] = Array.isArray(value)
      ? [...new Set(value.map((item) => (typeof item === 'string' ? widened(item, isAction) : item)))]
      : typeof value === 'string'
        ? widened(value, isAction)
        : value;
  }
  // A NotAction/NotResource item that is unknown cannot be widened (that would apply the statement to fewer requests
  // than it may apply to); it is left out, so the statement applies to more of them, conditionally.
  for (const [field, positive] of [
    ['NotAction', 'Action'],
    ['NotResource', 'Resource'],
  ] as const) {
    const value = statement[field];
    if (markersIn(value).length === 0) continue;
    note(value);
    const kept = asList(value).filter((item) => markersIn(item).length === 0);
    if (kept.length > 0) {
      result[field] = kept;
    } else {
      delete result[field];
      result[positive] = '*';
    }
  }
  if (isRecord(statement.Condition)) {
    const condition: ConditionBlock = {};
    for (const [operator, entries] of Object.entries(statement.Condition)) {
      if (!isRecord(entries)) {
        condition[operator] = entries as ConditionBlock[string];
        continue;
      }
      // An entry that tests an unknown key or value is unknown: it is replaced by the unresolved value's condition.
      const kept = Object.entries(entries).filter(([key, value]) => markersIn([key, value]).length === 0);
      note(Object.entries(entries));
      if (kept.length > 0) condition[operator] = Object.fromEntries(kept) as ConditionBlock[string];
    }
    result.Condition = condition;
  }
  if (typeof statement.Sid === 'string' && hasUnresolved(statement.Sid)) delete result.Sid;
  if (whats.size > 0) {
    const condition = (result.Condition ?? {}) as ConditionBlock;
    const nulls = { ...(condition.Null ?? {}) };
    for (const what of whats) nulls[unresolvedValueKey(what)] = 'false';
    result.Condition = { ...condition, Null: nulls };
  }
  return result;
}

/**
 * A policy document after intrinsic resolution with every value unknown offline (an unresolvedMarker,
 * shared/template/unresolved.ts) made a condition instead of a guess: a marker in an `Action` or `Resource` pattern
 * becomes `*`, an unknown `NotAction`/`NotResource` item or `Condition` entry is left out, and the statement gets
 * `Null: {sfn-role-audit:unresolved/WHAT: false}` for each, so the evaluator answers `conditional`, naming the value,
 * for the requests the statement may cover, never allowed or denied. A document or statement that is itself unknown
 * becomes `Allow * on *` and `Deny * on *` on that condition (unknownPolicy). Other shapes are returned as they
 * are, for the policy validator to reject.
 */
export function policyWithUnresolved(document: unknown): PolicyDocument {
  if (typeof document === 'string' && hasUnresolved(document)) {
    return unknownPolicy(unresolvedIn(document).join(', '));
  }
  if (!isRecord(document) || !('Statement' in document)) return document as PolicyDocument;
  const unknown = (statement: unknown): statement is string =>
    typeof statement === 'string' && hasUnresolved(statement);
  const statements = asList(document.Statement).flatMap((statement): unknown[] => {
    if (unknown(statement)) return unknownStatements(unresolvedIn(statement).join(', '));
    if (!isRecord(statement)) return [statement];
    const whats = new Set<string>();
    return [statementWithUnresolved(statement, whats)];
  });
  const single = !Array.isArray(document.Statement) && !unknown(document.Statement);
  return { ...document, Statement: single ? statements[0] : statements } as PolicyDocument;
}
