import type { FieldValue } from '../asl/types.js';
import type { Integration } from '../catalogue/types.js';
import type { Requirement, StateRef } from '../types.js';
import { compilePermission } from './compilePermission.js';
import type { TemplateEnv } from './expandTemplate.js';

/** One level of the memo: the next key's branches, and the requirements stored at the end of a key path. */
type MemoNode = { next: Map<string, MemoNode>; requirements?: readonly Requirement[] };

/** Requirements already derived in one run, by entry and then by the values of the fields that feed them. */
export type RequirementMemo = Map<Integration, MemoNode>;

const ABSENT = '\u0004';

const FIELDS = new WeakMap<Integration, readonly string[]>();

/** Every Parameters/Arguments field an entry's permissions read (templates, conditions, special rules). */
function fieldsOf(entry: Integration): readonly string[] {
  const cached = FIELDS.get(entry);
  if (cached !== undefined) return cached;
  const fields = new Set<string>();
  for (const spec of entry.permissions) {
    for (const field of spec.parameterFields) fields.add(field);
    for (const field of spec.onlyWhenFields ?? []) fields.add(field);
    const compiled = compilePermission(spec);
    for (const template of [...compiled.staticTemplates, ...compiled.dynamicTemplates]) {
      for (const param of template.params) fields.add(param.field);
    }
    for (const condition of compiled.conditions) {
      for (const template of condition.templates) for (const param of template.params) fields.add(param.field);
    }
  }
  const list = [...fields].sort();
  FIELDS.set(entry, list);
  return list;
}

/** A key for what a field holds (the literal string itself when it is one), or undefined when not memoisable. */
function fingerprint(values: readonly FieldValue[]): string | undefined {
  const [first] = values;
  if (first === undefined) return ABSENT;
  if (values.length === 1 && first.kind === 'literal' && typeof first.value === 'string') return first.value;
  let out = '\u0005';
  for (const value of values) {
    if (value.kind === 'dynamic') out += `\u0003D${value.knownPrefix ?? ''}`;
    else if (typeof value.value === 'string') out += `\u0003S${value.value}`;
    else if (typeof value.value === 'number' || typeof value.value === 'boolean') out += `\u0003N${value.value}`;
    else return undefined;
  }
  return out;
}

function child(node: MemoNode, key: string): MemoNode {
  let next = node.next.get(key);
  if (next === undefined) {
    next = { next: new Map() };
    node.next.set(key, next);
  }
  return next;
}

/** A requirement for another state, sharing the (frozen) arrays and context of the stored one. */
function copyFor(r: Requirement, state: StateRef | null): Requirement {
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
  return copy;
}

function freeze(r: Requirement): Requirement {
  Object.freeze(r.actions);
  Object.freeze(r.resources);
  if (r.context !== undefined) Object.freeze(r.context);
  return r;
}

/**
 * Derives an entry's requirements for one state through a per-run memo: states that call the same integration
 * (same Resource) with the same field values share the work, and the `actions`/`resources` arrays and `context`
 * of their requirements, which are frozen (the Region and account are the run's own).
 */
export function memoizeRequirements(
  memo: RequirementMemo,
  entry: Integration,
  env: TemplateEnv,
  state: StateRef | null,
  derive: () => Requirement[],
): Requirement[] {
  let node = memo.get(entry);
  if (node === undefined) {
    node = { next: new Map() };
    memo.set(entry, node);
  }
  node = child(node, env.resource);
  for (const field of fieldsOf(entry)) {
    const print = fingerprint(env.read(field));
    if (print === undefined) return derive();
    node = child(node, print);
  }
  if (node.requirements !== undefined) return node.requirements.map((r) => copyFor(r, state));
  const stored = derive().map(freeze);
  node.requirements = stored;
  return stored.map((r) => copyFor(r, state));
}
