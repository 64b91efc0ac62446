import { isRecord } from '../../local/isRecord.js';
import type { ConfigResource, PlanResource } from './planTypes.js';

/** The data source types rebuilt from the configuration when the plan holds no instance of them. */
export const CONFIG_ONLY_TYPES: ReadonlySet<string> = new Set(['aws_iam_policy_document']);

type Tree = { value: unknown; unknown: unknown };

function isExpression(node: Record<string, unknown>): boolean {
  return Object.hasOwn(node, 'constant_value') || Object.hasOwn(node, 'references');
}

/** Block expressions as values and an `after_unknown`-shaped tree: a constant is known, a reference is not. */
function treeOf(node: unknown, depth: number): Tree {
  if (depth > 32) return { value: undefined, unknown: true };
  if (Array.isArray(node)) {
    const items = node.map((item) => treeOf(item, depth + 1));
    return { value: items.map((item) => item.value), unknown: items.map((item) => item.unknown ?? false) };
  }
  if (!isRecord(node)) return { value: undefined, unknown: true };
  if (isExpression(node)) {
    return Object.hasOwn(node, 'constant_value')
      ? { value: node.constant_value, unknown: undefined }
      : { value: undefined, unknown: true };
  }
  const value: Record<string, unknown> = {};
  const unknown: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(node)) {
    const tree = treeOf(child, depth + 1);
    if (tree.value !== undefined) value[key] = tree.value;
    if (tree.unknown !== undefined) unknown[key] = tree.unknown;
  }
  return { value, unknown };
}

/**
 * A data source the plan only has in its configuration (Terraform left it out of the changes and the state), as an
 * instance whose values are the configuration's constants and whose referenced values are known only after apply.
 */
export function resourceFromConfiguration(config: ConfigResource, moduleAddress: string): PlanResource {
  const tree = treeOf(config.expressions, 0);
  const prefix = moduleAddress === '' ? '' : `${moduleAddress}.`;
  return {
    address: `${prefix}${config.mode === 'data' ? 'data.' : ''}${config.type}.${config.name}`,
    moduleAddress,
    mode: config.mode,
    type: config.type,
    name: config.name,
    values: isRecord(tree.value) ? tree.value : {},
    unknown: tree.unknown,
    actions: ['read'],
    config,
  };
}
