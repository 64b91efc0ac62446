import type { DefinitionIssue } from './types.js';
import { valuesInKeyOrder } from './valuesInKeyOrder.js';

/** The state types of the Amazon States Language (https://states-language.net/spec.html#statetypes). */
export const STATE_TYPES = ['Task', 'Pass', 'Choice', 'Wait', 'Succeed', 'Fail', 'Parallel', 'Map'] as const;

/** Allowed `QueryLanguage` values (https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html). */
export const QUERY_LANGUAGES = ['JSONPath', 'JSONata'] as const;

const STATE_TYPE_SET: ReadonlySet<unknown> = new Set(STATE_TYPES);
const QUERY_LANGUAGE_SET: ReadonlySet<unknown> = new Set(QUERY_LANGUAGES);

type JsonObject = Record<string, unknown>;
/** One `{ StartAt, States }` object: the top level, a Parallel branch or a Map ItemProcessor/Iterator. */
type Scope = { value: unknown; path: string[]; label: string };
/**
 * The state being checked; paths and messages are only built when there is an issue to report. `names` are the
 * scope's state names in document order, `index` the checked state's; `nameSet` is built on the first transition to a
 * state other than the next one.
 */
type Here = {
  scope: Scope;
  names: readonly string[];
  nameSet: ReadonlySet<unknown> | undefined;
  index: number;
  name: string;
  issues: DefinitionIssue[];
};

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value === undefined) return 'nothing';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function report(here: Here, message: string, ...keys: string[]): void {
  here.issues.push({ message, path: [...here.scope.path, 'States', here.name, ...keys] });
}

function checkQueryLanguage(value: unknown, owner: string, path: string[], issues: DefinitionIssue[]): void {
  if (value === undefined || QUERY_LANGUAGE_SET.has(value)) return;
  const message = `QueryLanguage of ${owner} must be 'JSONPath' or 'JSONata', got ${JSON.stringify(value)}`;
  issues.push({ message, path: [...path, 'QueryLanguage'] });
}

/**
 * True when a transition (`Next`, `Default`, a Choice rule's or Catcher's `Next`) names a state of the same scope.
 * Most name the state written next, found without a lookup; the others in a Set of the names (with Object.hasOwn
 * on the strings JSON.parse made, validation took 0.19 of JSON.parse's time on the benchmark definition; 0.12 so).
 */
function isTarget(here: Here, target: unknown): boolean {
  if (typeof target !== 'string') return false;
  if (target === here.names[here.index + 1]) return true;
  here.nameSet ??= new Set(here.names);
  return here.nameSet.has(target);
}

function reportTarget(here: Here, target: unknown, owner: string, ...keys: string[]): void {
  const field = keys[keys.length - 1];
  const problem =
    typeof target === 'string'
      ? `names '${target}', which is not a state of ${here.scope.label}`
      : `must be a string, got ${describe(target)}`;
  report(here, `${field} of ${owner} ${problem}`, ...keys);
}

function checkChoice(here: Here, state: JsonObject): void {
  const owner = `Choice state '${here.name}'`;
  const choices = state.Choices;
  if (!Array.isArray(choices) || choices.length === 0) {
    report(here, `${owner} must have a non-empty Choices array`, 'Choices');
  } else {
    for (let i = 0; i < choices.length; i++) {
      const rule: unknown = choices[i];
      const next = isObject(rule) ? rule.Next : undefined;
      if (next === undefined) report(here, `Choice rule ${i} of ${owner} has no Next`, 'Choices', String(i), 'Next');
      else if (!isTarget(here, next))
        reportTarget(here, next, `Choice rule ${i} of ${owner}`, 'Choices', String(i), 'Next');
    }
  }
  if (state.Default !== undefined && !isTarget(here, state.Default))
    reportTarget(here, state.Default, owner, 'Default');
}

function checkParallel(here: Here, state: JsonObject, nested: Scope[]): void {
  const branches = state.Branches;
  if (Array.isArray(branches) && branches.length > 0) {
    const path = [...here.scope.path, 'States', here.name, 'Branches'];
    for (let i = 0; i < branches.length; i++) {
      const label = `branch ${i} of Parallel state '${here.name}'`;
      nested.push({ value: branches[i], path: [...path, String(i)], label });
    }
  } else if (branches === undefined) report(here, `Parallel state '${here.name}' has no Branches`, 'Branches');
  else report(here, `Branches of Parallel state '${here.name}' must be a non-empty array`, 'Branches');
}

function checkMap(here: Here, state: JsonObject, nested: Scope[]): void {
  const hasProcessor = state.ItemProcessor !== undefined;
  if (hasProcessor === (state.Iterator !== undefined)) {
    const problem = hasProcessor ? 'has both ItemProcessor and Iterator' : 'has neither ItemProcessor nor Iterator';
    report(here, `Map state '${here.name}' ${problem}`);
    return;
  }
  const key = hasProcessor ? 'ItemProcessor' : 'Iterator';
  const path = [...here.scope.path, 'States', here.name, key];
  nested.push({ value: state[key], path, label: `${key} of Map state '${here.name}'` });
}

/** States that move on with `Next` or stop with `End: true`; Choice, Succeed and Fail do neither. */
const TRANSITIONING_TYPES: ReadonlySet<unknown> = new Set(['Task', 'Pass', 'Wait', 'Parallel', 'Map']);

/**
 * Each Task, Pass, Wait, Parallel and Map state has exactly one of `Next` and `End: true`; Succeed and Fail have
 * neither (https://states-language.net/spec.html#transition, #succeed-state, #fail-state).
 */
function checkTransition(here: Here, state: JsonObject, type: unknown, next: unknown): void {
  const { name } = here;
  const ends = state.End === true;
  if (TRANSITIONING_TYPES.has(type)) {
    if (next !== undefined && ends) report(here, `state '${name}' has both Next and End`, 'End');
    else if (next === undefined && !ends) report(here, `state '${name}' has neither Next nor "End": true`);
  } else if ((type === 'Succeed' || type === 'Fail') && next !== undefined) {
    report(here, `${type} state '${name}' cannot have Next`, 'Next');
  }
}

function checkState(here: Here, state: unknown, nested: Scope[]): void {
  const { name } = here;
  if (!isObject(state)) {
    report(here, `state '${name}' must be an object, got ${describe(state)}`);
    return;
  }
  const type = state.Type;
  if (!STATE_TYPE_SET.has(type)) {
    const problem = type === undefined ? 'has no Type' : `has unknown Type ${JSON.stringify(type)}`;
    report(here, `state '${name}' ${problem} (expected one of ${STATE_TYPES.join(', ')})`, 'Type');
  }
  // Each field is read once: state objects come in many shapes, so every read is a megamorphic lookup.
  const language = state.QueryLanguage;
  if (language !== undefined && !QUERY_LANGUAGE_SET.has(language))
    checkQueryLanguage(language, `state '${name}'`, [...here.scope.path, 'States', name], here.issues);
  const next = state.Next;
  if (next !== undefined && !isTarget(here, next)) reportTarget(here, next, `state '${name}'`, 'Next');
  checkTransition(here, state, type, next);
  const catchers = state.Catch;
  if (Array.isArray(catchers)) {
    for (let i = 0; i < catchers.length; i++) {
      const catcher: unknown = catchers[i];
      if (isObject(catcher) && catcher.Next !== undefined && !isTarget(here, catcher.Next))
        reportTarget(here, catcher.Next, `Catcher ${i} of state '${name}'`, 'Catch', String(i), 'Next');
    }
  }
  if (type === 'Task') {
    const resource = state.Resource;
    if (resource === undefined) report(here, `Task state '${name}' has no Resource`, 'Resource');
    else if (typeof resource !== 'string')
      report(here, `Resource of Task state '${name}' must be a string, got ${describe(resource)}`, 'Resource');
  } else if (type === 'Choice') checkChoice(here, state);
  else if (type === 'Parallel') checkParallel(here, state, nested);
  else if (type === 'Map') checkMap(here, state, nested);
}

function checkStartAt(scope: Scope, startAt: unknown, states: JsonObject | undefined, issues: DefinitionIssue[]): void {
  const path = [...scope.path, 'StartAt'];
  if (startAt === undefined) issues.push({ message: `${scope.label} has no StartAt`, path });
  else if (typeof startAt !== 'string' || startAt === '')
    issues.push({ message: `StartAt of ${scope.label} must be a non-empty string, got ${describe(startAt)}`, path });
  else if (states !== undefined && !Object.hasOwn(states, startAt))
    issues.push({
      message: `StartAt of ${scope.label} names '${startAt}', which is not a state of ${scope.label}`,
      path,
    });
}

/** Checks one scope's StartAt and States; returns the scopes nested in its states (branches, item processors). */
function checkScope(scope: Scope, issues: DefinitionIssue[]): Scope[] {
  const { value, label } = scope;
  if (!isObject(value)) {
    issues.push({
      message: `${label} must be an object with StartAt and States, got ${describe(value)}`,
      path: scope.path,
    });
    return [];
  }
  const states = isObject(value.States) ? value.States : undefined;
  const names = states === undefined ? [] : Object.keys(states);
  if (states === undefined || names.length === 0) {
    const problem =
      value.States === undefined
        ? `${label} has no States`
        : states === undefined
          ? `States of ${label} must be an object, got ${describe(value.States)}`
          : `States of ${label} is empty`;
    issues.push({ message: problem, path: [...scope.path, 'States'] });
  }
  if (states === undefined || names.length === 0) {
    checkStartAt(scope, value.StartAt, undefined, issues);
    return [];
  }
  checkStartAt(scope, value.StartAt, states, issues);
  const nested: Scope[] = [];
  const values = valuesInKeyOrder(states, names);
  const here: Here = { scope, names, nameSet: undefined, index: 0, name: '', issues };
  for (let i = 0; i < names.length; i++) {
    here.index = i;
    here.name = names[i] as string;
    checkState(here, values[i], nested);
  }
  return nested;
}

/**
 * Collects every structural problem of a parsed definition (all of them, scope by scope), so a bad definition becomes
 * findings rather than an exception. Rules: https://states-language.net/spec.html
 */
export function validateDefinition(root: unknown): DefinitionIssue[] {
  const issues: DefinitionIssue[] = [];
  if (!isObject(root)) {
    issues.push({ message: `definition must be a JSON object, got ${describe(root)}`, path: [] });
    return issues;
  }
  checkQueryLanguage(root.QueryLanguage, 'the definition', [], issues);
  const stack: Scope[] = [{ value: root, path: [], label: 'the definition' }];
  for (let scope = stack.pop(); scope !== undefined; scope = stack.pop()) {
    const nested = checkScope(scope, issues);
    for (let i = nested.length - 1; i >= 0; i--) stack.push(nested[i] as Scope);
  }
  return issues;
}
