import { isJsonataExpression } from '../asl/isJsonataExpression.js';
import { propertyKey } from '../asl/propertyKey.js';
import { readField } from '../asl/readField.js';
import type { FieldValue, QueryLanguage } from '../asl/types.js';
import type { Integration } from '../catalogue/types.js';
import type { Requirement, StateRef } from '../types.js';
import { authorizedGroupsOf } from './authorizedGroups.js';
import { compilePermission } from './compilePermission.js';
import { SPECIAL_FIELDS } from './resolveSpecialPermission.js';

/**
 * A requirement as the memo keeps it: every field a copy can carry, present (undefined when the requirement has not
 * got it), so all stored requirements share one shape and copying them reads one object layout.
 */
export type StoredRequirement = {
  integration: string;
  purpose: Requirement['purpose'];
  actions: string[];
  resources: string[];
  dynamic: boolean;
  consequence: string;
  source: string;
  context: Requirement['context'];
  managedRule: string | undefined;
  inferred: boolean | undefined;
  unknownIntegration: boolean | undefined;
  holes: Requirement['holes'];
  unresolvedPlaceholder: string | undefined;
  /** Which optional fields it has, when that is one of the usual sets (SHAPES); copyFor writes those in one literal. */
  shape: number;
};

/** The usual sets of optional fields of a requirement: none, holes, a managed rule, a context. */
const SHAPES = { other: 0, plain: 1, holes: 2, managedRule: 3, context: 4 } as const;

function shapeOf(r: Requirement): number {
  const optional =
    (r.context !== undefined ? 1 : 0) +
    (r.managedRule !== undefined ? 1 : 0) +
    (r.inferred !== undefined ? 1 : 0) +
    (r.unknownIntegration !== undefined ? 1 : 0) +
    (r.holes !== undefined ? 1 : 0) +
    (r.unresolvedPlaceholder !== undefined ? 1 : 0);
  if (optional === 0) return SHAPES.plain;
  if (optional > 1) return SHAPES.other;
  if (r.holes !== undefined) return SHAPES.holes;
  if (r.managedRule !== undefined) return SHAPES.managedRule;
  return r.context !== undefined ? SHAPES.context : SHAPES.other;
}

/**
 * One level of the memo: the next key's branches (none yet at a leaf), and at the end of a key path the requirements
 * derived for it — `pending` as the first state with that key got them, `requirements` once a second state has it.
 */
export type MemoNode = {
  next: Map<string, MemoNode> | undefined;
  requirements?: readonly StoredRequirement[];
  pending?: readonly Requirement[];
};

/**
 * The memo of one Task Resource in a run: the fields its entry's key reads, and the requirements already derived by
 * those fields' values.
 */
export type EntryMemo = { fields: readonly MemoField[]; root: MemoNode };

/**
 * A field read for a memo key. `keys`/`dynamicKeys` are its path's steps (and their JSONPath `key.$` twins) when it
 * has no `[*]`: such a field is fingerprinted by walking the arguments, without readField.
 */
export type MemoField = {
  field: string;
  keys: readonly string[] | undefined;
  dynamicKeys: readonly string[] | undefined;
};

/**
 * Memo keys are injective: a literal string is its own key unless it starts with a control character (then it is
 * escaped with LITERAL), an absent field is ABSENT alone, a run-time value read by the walk is a DYNAMIC tag (its
 * query language, or a value that stands for an ancestor of the field) whose next level is keyed by the expression,
 * and anything else is LIST followed by its JSON.
 */
const ABSENT = '\u0000';
const LITERAL = '\u0001';
const LIST = '\u0002';
const DYNAMIC_JSONATA = '\u0003a';
const DYNAMIC_JSONPATH = '\u0003p';
const DYNAMIC_ANCESTOR = '\u0003-';
const FIELDS = new WeakMap<Integration, readonly MemoField[]>();
const MAX_CACHED_MEMO_FIELDS = 10_000;
const memoFields = new Map<string, MemoField>();

/** The memo field of a field path, built once per path. */
function memoField(field: string): MemoField {
  const cached = memoFields.get(field);
  if (cached !== undefined) return cached;
  const keys = field.includes('[') ? undefined : field.split('.').map(propertyKey);
  const built: MemoField = { field, keys, dynamicKeys: keys?.map((key) => propertyKey(`${key}.$`)) };
  if (memoFields.size >= MAX_CACHED_MEMO_FIELDS) memoFields.clear();
  memoFields.set(field, built);
  return built;
}

/** Every Parameters/Arguments field that can change an entry's requirements (templates, conditions, special rules). */
function fieldsOf(entry: Integration): readonly MemoField[] {
  const cached = FIELDS.get(entry);
  if (cached !== undefined) return cached;
  const fields = new Set<string>(SPECIAL_FIELDS[entry.service] ?? []);
  for (const spec of entry.permissions) {
    for (const field of spec.onlyWhenFields ?? []) fields.add(field);
    const compiled = compilePermission(spec);
    for (const template of [...compiled.staticTemplates, ...compiled.dynamicTemplates]) {
      for (const param of template.params) fields.add(param.field);
    }
    for (const group of authorizedGroupsOf(entry, spec)) {
      for (const template of group.templates) for (const param of template.params) fields.add(param.field);
    }
    for (const condition of compiled.conditions) {
      for (const template of condition.templates) for (const param of template.params) fields.add(param.field);
    }
  }
  // An element without the field can take a default (EventBridge's `default` bus): the array itself decides then,
  // and an array of objects is not memoisable.
  for (const field of [...fields]) if (field.includes('[*].')) fields.add(field.slice(0, field.indexOf('[*].')));
  const list = [...fields].sort().map(memoField);
  FIELDS.set(entry, list);
  return list;
}

/** The key of one literal string: the string itself, escaped when it could be mistaken for another kind's key. */
function stringKey(value: string): string {
  return value === '' || value.charCodeAt(0) > 0x1f ? value : LITERAL + value;
}

/** A key for what a field holds (the literal string itself when it is one), or undefined when not memoisable. */
function fingerprint(values: readonly FieldValue[]): string | undefined {
  const [first] = values;
  if (first === undefined) return ABSENT;
  if (values.length === 1 && first.kind === 'literal' && typeof first.value === 'string') return stringKey(first.value);
  // A run-time value is an array (its known prefix, expression and placeholder: holes quote the last two), which no
  // memoisable literal is.
  const parts: unknown[] = [];
  for (const value of values) {
    if (value.kind === 'dynamic') parts.push([value.knownPrefix ?? null, value.expression, value.placeholder ?? null]);
    else if (typeof value.value === 'string' || typeof value.value === 'number' || typeof value.value === 'boolean')
      parts.push(value.value);
    else return undefined;
  }
  return LIST + JSON.stringify(parts);
}

/** The key of a literal value at the field: a string itself, a number or boolean as LIST; undefined for the rest. */
function literalKey(value: unknown): string | undefined {
  if (typeof value === 'string') return stringKey(value);
  return typeof value === 'number' || typeof value === 'boolean' ? LIST + JSON.stringify([value]) : undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The branch of `node` for `key`, made when first needed (a leaf keeps no map of branches). */
function child(node: MemoNode, key: string): MemoNode {
  let branches = node.next;
  if (branches === undefined) {
    branches = new Map();
    node.next = branches;
  }
  let next = branches.get(key);
  if (next === undefined) {
    next = { next: undefined };
    branches.set(key, next);
  }
  return next;
}

/**
 * The memo node below `node` for a run-time value (readField derives it from the expression, the query language and
 * whether it stands for the field or an ancestor alone): the tag, then the expression, so no key is concatenated.
 */
function dynamicChild(node: MemoNode, expression: string, atField: boolean, language: QueryLanguage): MemoNode {
  const tag = !atField ? DYNAMIC_ANCESTOR : language === 'JSONata' ? DYNAMIC_JSONATA : DYNAMIC_JSONPATH;
  return child(child(node, tag), expression);
}

/**
 * The memo node below `node` for a field without `[*]`, read the way readField reads it (a JSONata expression or a
 * JSONPath `key.$` on the way makes the value a run-time one, anything but an object on the way makes it absent);
 * undefined when the value is not memoisable, null when the walk leaves it to readField (a non-string expression).
 */
function walkedChild(
  node: MemoNode,
  args: unknown,
  keys: readonly string[],
  dynamicKeys: readonly string[],
  language: QueryLanguage,
): MemoNode | undefined | null {
  let value = args;
  for (let i = 0; i < keys.length; i++) {
    if (language === 'JSONata' && isJsonataExpression(value)) return dynamicChild(node, value, false, language);
    if (!isPlainObject(value)) return child(node, ABSENT);
    if (language === 'JSONPath') {
      const dynamic = dynamicKeys[i] as string;
      if (Object.hasOwn(value, dynamic)) {
        const expression = value[dynamic];
        return typeof expression === 'string' ? dynamicChild(node, expression, i === keys.length - 1, language) : null;
      }
    }
    const key = keys[i] as string;
    const next = value[key];
    if (next === undefined && !Object.hasOwn(value, key)) return child(node, ABSENT);
    value = next;
  }
  if (language === 'JSONata' && isJsonataExpression(value)) return dynamicChild(node, value, true, language);
  const key = literalKey(value);
  return key === undefined ? undefined : child(node, key);
}

/** The memo node below `node` for one field: walked when its path has no `[*]`, else keyed through readField. */
function fieldChild(node: MemoNode, args: unknown, f: MemoField, language: QueryLanguage): MemoNode | undefined {
  if (f.keys !== undefined && f.dynamicKeys !== undefined) {
    const walked = walkedChild(node, args, f.keys, f.dynamicKeys, language);
    if (walked !== null) return walked;
  }
  const print = fingerprint(readField(args, f.field, language));
  return print === undefined ? undefined : child(node, print);
}

/** An empty memo for a Resource of `entry`. */
export function createEntryMemo(entry: Integration): EntryMemo {
  return { fields: fieldsOf(entry), root: { next: undefined } };
}

/**
 * The memo node for a Resource called with these arguments (the values of every field that can change its
 * requirements), or undefined when a value is not memoisable (an object literal).
 */
export function memoNode(memo: EntryMemo, args: unknown, language: QueryLanguage): MemoNode | undefined {
  let next: MemoNode | undefined = memo.root;
  const fields = memo.fields;
  for (let i = 0; i < fields.length && next !== undefined; i++) {
    next = fieldChild(next, args, fields[i] as MemoField, language);
  }
  return next;
}

/**
 * The memo node for an AWS SDK task: every top-level field as written (its name, then its value),
 * in order, since sdkRequirements reads any of them; undefined when the arguments are not an object (an expression)
 * or a field holds an object or array (which may also hold a role to pass).
 */
export function sdkMemoNode(memo: EntryMemo, args: unknown, language: QueryLanguage): MemoNode | undefined {
  let node = memo.root;
  if (args === undefined) return node;
  if (!isPlainObject(args)) return undefined;
  for (const key in args) {
    if (!Object.hasOwn(args, key)) continue;
    const value = args[key];
    node = child(node, key);
    const expression =
      language === 'JSONPath' ? key.endsWith('.$') && typeof value === 'string' : isJsonataExpression(value);
    if (expression) {
      node = dynamicChild(node, value as string, true, language);
      continue;
    }
    const literal = literalKey(value);
    if (literal === undefined) return undefined;
    node = child(node, literal);
  }
  return node;
}

/**
 * A copy of a stored requirement for `state`, with the fields it has, always in this order; the usual sets of optional
 * fields in one object literal, so the copy holds them all in its own slots.
 */
function copyFor(r: StoredRequirement, state: StateRef | null): Requirement {
  const { integration, purpose, actions, resources, dynamic, consequence, source } = r;
  switch (r.shape) {
    case SHAPES.plain:
      return { state, integration, purpose, actions, resources, dynamic, consequence, source };
    case SHAPES.holes:
      return { state, integration, purpose, actions, resources, dynamic, consequence, source, holes: r.holes };
    case SHAPES.managedRule:
      return {
        state,
        integration,
        purpose,
        actions,
        resources,
        dynamic,
        consequence,
        source,
        managedRule: r.managedRule,
      };
    case SHAPES.context:
      return { state, integration, purpose, actions, resources, dynamic, consequence, source, context: r.context };
  }
  const copy: Requirement = {
    state,
    integration: r.integration,
    purpose: r.purpose,
    actions: r.actions,
    resources: r.resources,
    dynamic: r.dynamic,
    consequence: r.consequence,
    source: r.source,
  };
  if (r.context !== undefined) copy.context = r.context;
  if (r.managedRule !== undefined) copy.managedRule = r.managedRule;
  if (r.inferred !== undefined) copy.inferred = r.inferred;
  if (r.unknownIntegration !== undefined) copy.unknownIntegration = r.unknownIntegration;
  if (r.holes !== undefined) copy.holes = r.holes;
  if (r.unresolvedPlaceholder !== undefined) copy.unresolvedPlaceholder = r.unresolvedPlaceholder;
  return copy;
}

/** A requirement in the memo's one shape. */
function toStored(r: Requirement): StoredRequirement {
  return {
    integration: r.integration,
    purpose: r.purpose,
    actions: r.actions,
    resources: r.resources,
    dynamic: r.dynamic,
    consequence: r.consequence,
    source: r.source,
    context: r.context,
    managedRule: r.managedRule,
    inferred: r.inferred,
    unknownIntegration: r.unknownIntegration,
    holes: r.holes,
    unresolvedPlaceholder: r.unresolvedPlaceholder,
    shape: shapeOf(r),
  };
}

/** Appends to `out` a requirement per stored one, for `state`, sharing its (frozen) arrays and context. */
export function appendCopies(stored: readonly StoredRequirement[], state: StateRef | null, out: Requirement[]): void {
  for (let i = 0; i < stored.length; i++) out.push(copyFor(stored[i] as StoredRequirement, state));
}

/**
 * Appends to `out` the requirements memoised at `node`, for `state`; false when the key has none yet. The first state
 * with a key keeps the requirements derived for it (`rememberFirst`); they are stored, in the memo's one shape, when a
 * second state has the same key, so a key that no other state shares (a function or table named once, as in most
 * large definitions) costs neither a stored copy nor a second copy for its state.
 */
export function appendRemembered(node: MemoNode, state: StateRef | null, out: Requirement[]): boolean {
  let stored = node.requirements;
  if (stored === undefined) {
    if (node.pending === undefined) return false;
    stored = remember(node, node.pending);
    node.pending = undefined;
  }
  appendCopies(stored, state, out);
  return true;
}

/** Keeps at `node` the requirements derived for the first state with its key (they are that state's own). */
export function rememberFirst(node: MemoNode, requirements: readonly Requirement[]): void {
  node.pending = requirements;
}

/**
 * Stores merged requirements at a memo node, freezing their `actions`/`resources` arrays and `context`: states that
 * call the same integration with the same field values share them (the Region and account are the run's own).
 */
export function remember(node: MemoNode, requirements: readonly Requirement[]): readonly StoredRequirement[] {
  const stored: StoredRequirement[] = [];
  for (const r of requirements) {
    Object.freeze(r.actions);
    Object.freeze(r.resources);
    if (r.context !== undefined) Object.freeze(r.context);
    if (r.holes !== undefined) Object.freeze(r.holes);
    stored.push(toStored(r));
  }
  node.requirements = stored;
  return stored;
}
