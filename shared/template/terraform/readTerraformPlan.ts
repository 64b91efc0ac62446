import { InputError } from '../../local/InputError.js';
import { isRecord } from '../../local/isRecord.js';
import { parseJsonText } from '../../local/parseJsonText.js';
import { configModuleOf } from './moduleAddress.js';
import type { PlanResource, TerraformPlan } from './planTypes.js';
import { readPlanConfiguration } from './readPlanConfiguration.js';
import { CONFIG_ONLY_TYPES, resourceFromConfiguration } from './resourceFromConfiguration.js';

type Draft = Omit<PlanResource, 'config'>;

const ZIP_MAGIC = 'PK\u0003\u0004';

/** The nesting limit of child modules: deeper than any real configuration, and what keeps a hostile file cheap. */
const MAX_MODULE_DEPTH = 64;

/** The text of a list of records at `where`, or an InputError naming the path. */
function recordsAt(value: unknown, source: string, where: string): Record<string, unknown>[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new InputError(`${source}: ${where} is not a list`);
  return value.map((item, index) => {
    if (!isRecord(item)) throw new InputError(`${source}: ${where}[${index}] is not an object`);
    return item;
  });
}

function modeOf(value: unknown): 'managed' | 'data' {
  return value === 'data' ? 'data' : 'managed';
}

function indexOf(value: unknown): { index?: string | number } {
  return typeof value === 'string' || typeof value === 'number' ? { index: value } : {};
}

/** A resource of a values representation (planned values, prior state, a state), or undefined when unusable. */
function fromValues(item: Record<string, unknown>, moduleAddress: string): Draft | undefined {
  if (typeof item.address !== 'string' || typeof item.type !== 'string' || typeof item.name !== 'string') return;
  return {
    address: item.address,
    moduleAddress,
    mode: modeOf(item.mode),
    type: item.type,
    name: item.name,
    ...indexOf(item.index),
    values: isRecord(item.values) ? item.values : {},
    unknown: undefined,
    actions: [],
  };
}

/** Every resource of a `<values-representation>` module and its child modules, depth first. */
function walkValues(module: unknown, source: string, where: string, into: Draft[], depth = 0): void {
  if (module === undefined || module === null) return;
  if (!isRecord(module)) throw new InputError(`${source}: ${where} is not an object`);
  if (depth > MAX_MODULE_DEPTH)
    throw new InputError(`${source}: ${where}: modules nested deeper than ${MAX_MODULE_DEPTH}`);
  const moduleAddress = typeof module.address === 'string' ? module.address : '';
  for (const item of recordsAt(module.resources, source, `${where}.resources`)) {
    const draft = fromValues(item, moduleAddress);
    if (draft !== undefined) into.push(draft);
  }
  recordsAt(module.child_modules, source, `${where}.child_modules`).forEach((child, index) => {
    walkValues(child, source, `${where}.child_modules[${index}]`, into, depth + 1);
  });
}

/** A `resource_changes` entry, or undefined for one that leaves nothing after apply (a delete, a deposed object). */
function fromChange(item: Record<string, unknown>, source: string, where: string): Draft | undefined {
  if (item.deposed !== undefined) return;
  if (!isRecord(item.change)) throw new InputError(`${source}: ${where}.change is not an object`);
  const { change } = item;
  if (!isRecord(change.after)) return;
  if (typeof item.address !== 'string' || typeof item.type !== 'string' || typeof item.name !== 'string') {
    throw new InputError(`${source}: ${where} has no address, type or name`);
  }
  return {
    address: item.address,
    moduleAddress: typeof item.module_address === 'string' ? item.module_address : '',
    mode: modeOf(item.mode),
    type: item.type,
    name: item.name,
    ...indexOf(item.index),
    values: change.after,
    unknown: change.after_unknown,
    actions: Array.isArray(change.actions) ? change.actions.filter((a): a is string => typeof a === 'string') : [],
  };
}

/** Refuses what is not the JSON of a plan or state, with a line that says what to run instead. */
function checkShape(value: unknown, source: string): asserts value is Record<string, unknown> {
  if (!isRecord(value)) throw new InputError(`${source}: expected the JSON object of terraform show -json PLANFILE`);
  const version = value.format_version;
  if (version === undefined && typeof value.version === 'number' && Array.isArray(value.resources)) {
    throw new InputError(
      `${source}: this is a raw Terraform state file, not a plan: run terraform show -json PLANFILE > plan.json`,
    );
  }
  if (typeof version !== 'string') {
    throw new InputError(`${source}: no format_version: expected the output of terraform show -json PLANFILE`);
  }
  const major = version.split('.')[0];
  if (major !== '0' && major !== '1') {
    throw new InputError(`${source}: format_version ${version} is not supported (this tool reads 1.x)`);
  }
}

/**
 * Reads the JSON of `terraform show -json PLANFILE` (or of a state): every resource instance with its values after
 * the plan (`resource_changes[].change.after` and `after_unknown`), data sources read at plan time (`prior_state`),
 * the configuration (references, provider blocks) and the root variables. Throws an InputError naming the file for
 * anything that is not such a document (https://developer.hashicorp.com/terraform/internals/json-format).
 */
export function readTerraformPlan(text: string, path: string): TerraformPlan {
  if (text.startsWith(ZIP_MAGIC)) {
    throw new InputError(
      `${path}: this is a binary plan file: convert it with terraform show -json ${path} > plan.json`,
    );
  }
  const value = parseJsonText(text, path);
  checkShape(value, path);
  const drafts: Draft[] = [];
  const seen = new Set<string>();
  const add = (draft: Draft | undefined) => {
    if (draft === undefined || seen.has(draft.address)) return;
    seen.add(draft.address);
    drafts.push(draft);
  };
  recordsAt(value.resource_changes, path, 'resource_changes').forEach((item, index) => {
    add(fromChange(item, path, `resource_changes[${index}]`));
  });
  const hasChanges = Array.isArray(value.resource_changes);
  const planned: Draft[] = [];
  if (isRecord(value.planned_values))
    walkValues(value.planned_values.root_module, path, 'planned_values.root_module', planned);
  // Without resource_changes (a hand-cut plan), planned values are all there is; with them, a managed resource
  // absent from resource_changes is not part of the plan's outcome.
  for (const draft of planned) if (!hasChanges || draft.mode === 'data') add(draft);
  const prior: Draft[] = [];
  const priorValues = isRecord(value.prior_state) ? value.prior_state.values : undefined;
  if (isRecord(priorValues)) walkValues(priorValues.root_module, path, 'prior_state.values.root_module', prior);
  for (const draft of prior) if (draft.mode === 'data') add(draft);
  // The JSON of a state (terraform show -json with no plan): its values are the whole outcome.
  if (isRecord(value.values) && !hasChanges && !isRecord(value.planned_values)) {
    const state: Draft[] = [];
    walkValues(value.values.root_module, path, 'values.root_module', state);
    for (const draft of state) add(draft);
  }
  const { root, providers } = readPlanConfiguration(value.configuration, path);
  const resources: PlanResource[] = drafts.map((draft) => ({ ...draft, config: configOf(root, draft) }));
  resources.push(...configOnlyResources(root, resources));
  const variables = new Map<string, unknown>();
  if (isRecord(value.variables)) {
    for (const [name, variable] of Object.entries(value.variables)) {
      if (isRecord(variable) && 'value' in variable) variables.set(name, variable.value);
    }
  }
  return {
    path,
    text,
    resources,
    byAddress: new Map(resources.map((resource) => [resource.address, resource])),
    configuration: root,
    providers,
    variables,
  };
}

function configOf(root: TerraformPlan['configuration'], draft: Draft) {
  const module = configModuleOf(root, draft.moduleAddress);
  return module?.resources.find((r) => r.mode === draft.mode && r.type === draft.type && r.name === draft.name);
}

/** Policy documents written in the configuration of a module instance of the plan but absent from its values. */
function configOnlyResources(root: TerraformPlan['configuration'], resources: readonly PlanResource[]): PlanResource[] {
  const known = new Set(resources.map((resource) => resource.address));
  const added: PlanResource[] = [];
  for (const moduleAddress of new Set(['', ...resources.map((resource) => resource.moduleAddress)])) {
    for (const config of configModuleOf(root, moduleAddress)?.resources ?? []) {
      if (config.mode !== 'data' || config.repeated || !CONFIG_ONLY_TYPES.has(config.type)) continue;
      const resource = resourceFromConfiguration(config, moduleAddress);
      if (!known.has(resource.address)) added.push(resource);
    }
  }
  return added;
}
