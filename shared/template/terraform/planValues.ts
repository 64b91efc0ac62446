import { isRecord } from '../../local/isRecord.js';
import type { PlanBlock, PlanResource } from './planTypes.js';

/** A value of a resource after the plan: known (with the value), known only after apply, or absent/null. */
export type PlanValue =
  | { readonly state: 'known'; readonly value: unknown }
  | { readonly state: 'unknown' }
  | { readonly state: 'absent' };

type Path = readonly (string | number)[];

function step(node: unknown, key: string | number): unknown {
  if (typeof key === 'number') return Array.isArray(node) ? node[key] : undefined;
  return isRecord(node) && Object.hasOwn(node, key) ? node[key] : undefined;
}

/** True when `after_unknown` marks the value at `path` (or a value that holds it) as known only after apply. */
export function isUnknownAt(unknown: unknown, path: Path): boolean {
  let node = unknown;
  for (const key of path) {
    if (node === true) return true;
    node = step(node, key);
  }
  return node === true;
}

/**
 * The value at `path` of a resource after the plan, read from `change.after` and `after_unknown` together (an unknown
 * value is absent or null in `after`; https://developer.hashicorp.com/terraform/internals/json-format#change-representation).
 */
export function valueAt(resource: Pick<PlanResource, 'values' | 'unknown'>, path: Path): PlanValue {
  if (isUnknownAt(resource.unknown, path)) return { state: 'unknown' };
  let node: unknown = resource.values;
  for (const key of path) node = step(node, key);
  return node === undefined || node === null ? { state: 'absent' } : { state: 'known', value: node };
}

/** The known text at `path`, or undefined when it is unknown, absent or not text. */
export function knownString(resource: Pick<PlanResource, 'values' | 'unknown'>, path: Path): string | undefined {
  const value = valueAt(resource, path);
  return value.state === 'known' && typeof value.value === 'string' ? value.value : undefined;
}

/** An expression of the configuration: its constant value when it has one, and the references it makes. */
export type ConfigExpression = {
  readonly hasConstant: boolean;
  readonly constant: unknown;
  readonly references: string[];
};

/**
 * The `<expression-representation>` at `path` inside a block's expressions (nested blocks are objects or lists of
 * them), or undefined when the configuration does not set it
 * (https://developer.hashicorp.com/terraform/internals/json-format#expression-representation).
 */
export function expressionAt(block: PlanBlock | undefined, path: Path): ConfigExpression | undefined {
  let node: unknown = block;
  for (const key of path) node = step(node, key);
  if (!isRecord(node)) return undefined;
  const hasConstant = Object.hasOwn(node, 'constant_value');
  const references = Array.isArray(node.references)
    ? node.references.filter((r): r is string => typeof r === 'string')
    : [];
  if (!hasConstant && !Array.isArray(node.references)) return undefined;
  return { hasConstant, constant: hasConstant ? node.constant_value : undefined, references };
}

/** True when the configuration writes the nested block or attribute at `path` (as a block or an expression). */
export function isConfigured(block: PlanBlock | undefined, path: Path): boolean {
  let node: unknown = block;
  for (const key of path) node = step(node, key);
  return node !== undefined && node !== null && !(Array.isArray(node) && node.length === 0);
}
