import { configModuleOf, formatModuleAddress, parseModuleAddress } from './moduleAddress.js';
import type { PlanResource, TerraformPlan } from './planTypes.js';
import { expressionAt } from './planValues.js';

/** Where an expression is evaluated: a module instance, and the instance key of the resource or module using it. */
export type ReferenceScope = { readonly moduleAddress: string; readonly index?: string | number };

/** How many `var.`/`module.` hops a reference may take: more than real module trees use, and a stop for cycles. */
const MAX_HOPS = 16;

const NOT_RESOURCES = new Set(['var', 'local', 'module', 'each', 'count', 'path', 'terraform', 'self']);
const RESOURCE_REF = /^(data\.)?([A-Za-z_][A-Za-z0-9_-]*)\.([A-Za-z_][A-Za-z0-9_-]*)(\[(\d+|"(?:[^"\\]|\\.)*")\])?/;
const VARIABLE_REF = /^var\.([A-Za-z_][A-Za-z0-9_-]*)/;
const MODULE_REF = /^module\.([A-Za-z_][A-Za-z0-9_-]*)(\[(?:\d+|"(?:[^"\\]|\\.)*")\])?\.([A-Za-z_][A-Za-z0-9_-]*)/;

function keyOf(text: string): string | number {
  return text.startsWith('"') ? (JSON.parse(text) as string) : Number(text);
}

function moduleKeyOf(key: string | undefined): string | number | undefined {
  return key === undefined ? undefined : keyOf(key.slice(1, -1));
}

type Ref = { group: string; mode: 'managed' | 'data'; type: string; name: string; key?: string | number };

function parseResourceRef(reference: string): Ref | undefined {
  const match = RESOURCE_REF.exec(reference);
  if (match === null) return undefined;
  const [, data, type = '', name = '', , key] = match;
  if (data === undefined && NOT_RESOURCES.has(type)) return undefined;
  const mode = data === undefined ? 'managed' : 'data';
  return { group: `${mode}.${type}.${name}`, mode, type, name, ...(key === undefined ? {} : { key: keyOf(key) }) };
}

/** The instances one resource reference stands for in a scope: its key, the only instance, or the scope's key. */
function instancesOf(plan: TerraformPlan, scope: ReferenceScope, refs: readonly Ref[]): PlanResource[] {
  const [first] = refs;
  if (first === undefined) return [];
  const all = plan.resources.filter(
    (r) =>
      r.moduleAddress === scope.moduleAddress &&
      r.mode === first.mode &&
      r.type === first.type &&
      r.name === first.name,
  );
  const keyed = refs.filter((ref) => ref.key !== undefined);
  if (keyed.length > 0) return all.filter((r) => keyed.some((ref) => ref.key === r.index));
  if (all.length === 1) return all;
  if (scope.index !== undefined) return all.filter((r) => r.index === scope.index);
  return all;
}

function resolve(
  plan: TerraformPlan,
  scope: ReferenceScope,
  references: readonly string[],
  hops: number,
): PlanResource[] {
  if (hops > MAX_HOPS) return [];
  const found: PlanResource[] = [];
  const groups = new Map<string, Ref[]>();
  for (const reference of references) {
    const ref = parseResourceRef(reference);
    if (ref !== undefined) groups.set(ref.group, [...(groups.get(ref.group) ?? []), ref]);
    const variable = VARIABLE_REF.exec(reference);
    if (variable !== null) found.push(...throughVariable(plan, scope, variable[1] ?? '', hops));
    const output = MODULE_REF.exec(reference);
    if (output !== null) found.push(...throughOutput(plan, scope, output, hops));
  }
  for (const refs of groups.values()) found.push(...instancesOf(plan, scope, refs));
  return [...new Set(found)];
}

/** `var.NAME` inside a module: the argument the parent module gives the call, evaluated in the parent. */
function throughVariable(plan: TerraformPlan, scope: ReferenceScope, name: string, hops: number): PlanResource[] {
  const steps = parseModuleAddress(scope.moduleAddress);
  const last = steps?.pop();
  if (steps === undefined || last === undefined) return [];
  const parentAddress = formatModuleAddress(steps);
  const call = configModuleOf(plan.configuration, parentAddress)?.calls.get(last.name);
  const argument = expressionAt(call?.expressions, [name]);
  if (argument === undefined) return [];
  const index = moduleKeyOf(last.key);
  return resolve(
    plan,
    { moduleAddress: parentAddress, ...(index === undefined ? {} : { index }) },
    argument.references,
    hops + 1,
  );
}

/** `module.M.OUT`: the output's expression, evaluated in the child module instance. */
function throughOutput(
  plan: TerraformPlan,
  scope: ReferenceScope,
  match: RegExpExecArray,
  hops: number,
): PlanResource[] {
  const [, name = '', key, output = ''] = match;
  const childAddress = `${scope.moduleAddress === '' ? '' : `${scope.moduleAddress}.`}module.${name}${key ?? ''}`;
  const expression = configModuleOf(plan.configuration, childAddress)?.outputs.get(output);
  const value = expressionAt(expression === undefined ? undefined : { value: expression }, ['value']);
  if (value === undefined) return [];
  return resolve(plan, { moduleAddress: childAddress }, value.references, hops + 1);
}

/**
 * The resource instances an expression's `references` lead to, following `var.` arguments up to the calling module
 * and `module.NAME.OUTPUT` down into outputs; a reference without an instance key picks the only instance, else the
 * instance with the scope's own key (`aws_iam_role.sfn[count.index]`). `local.` values are not in the plan's
 * configuration, so references through them lead nowhere.
 */
export function resolvePlanReferences(
  plan: TerraformPlan,
  scope: ReferenceScope,
  references: readonly string[],
): PlanResource[] {
  return resolve(plan, scope, references, 0);
}
