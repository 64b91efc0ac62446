import type { StateVisit } from '../asl/types.js';
import type { Integration } from '../catalogue/types.js';
import type { Requirement } from '../types.js';
import { ENTRY_KEYS, entryByKey } from './catalogueLookup.js';
import { compilePermission } from './compilePermission.js';
import { createTemplateEnv } from './createTemplateEnv.js';
import type { DeriveBase } from './deriveBase.js';
import { fieldDefaultsOf } from './fieldDefaults.js';
import { appendCopies, remember, type StoredRequirement } from './memoizeRequirements.js';
import { mergeRequirements } from './mergeRequirements.js';
import { isExecutionRolePermission, permissionRequirements, toRequirement } from './permissionRequirements.js';
import { expandDynamicForm } from './resolvePermission.js';

/** The fields of a Distributed Map that read or write S3 through their own Resource. */
const IO_FIELDS = ['ItemReader', 'ResultWriter'] as const;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True for a Map state in Distributed mode (https://docs.aws.amazon.com/step-functions/latest/dg/state-map-distributed.html). */
export function isDistributedMap(state: Record<string, unknown>): boolean {
  const processor = state.ItemProcessor;
  return state.Type === 'Map' && isObject(processor) && isObject(processor.ProcessorConfig)
    ? processor.ProcessorConfig.Mode === 'DISTRIBUTED'
    : false;
}

function envFor(
  visit: StateVisit,
  base: DeriveBase,
  container: unknown,
  resource: string,
  entry?: Integration,
  label?: string,
) {
  return createTemplateEnv({
    container,
    queryLanguage: visit.queryLanguage,
    location: base.location,
    stateMachineName: base.context.stateMachineName,
    stateMachineArn: base.stateMachineArn,
    resource,
    extras: { MapRunLabel: label },
    defaults: entry === undefined ? undefined : fieldDefaultsOf(entry),
  });
}

/** Child executions (StartExecution/DescribeExecution) and the Map Run redrive of a Distributed Map. */
function childExecutionRequirements(visit: StateVisit, base: DeriveBase): Requirement[] {
  const requirements: Requirement[] = [];
  const child = entryByKey(ENTRY_KEYS.distributedMap);
  if (child !== undefined) {
    const env = envFor(visit, base, {}, child.resource);
    requirements.push(...permissionRequirements(child, { state: visit.ref, integration: child.resource }, env));
  }
  const redrive = entryByKey(ENTRY_KEYS.distributedMapRedrive);
  if (redrive === undefined) return requirements;
  const label = typeof visit.state.Label === 'string' ? visit.state.Label : undefined;
  const env = envFor(visit, base, {}, redrive.resource, undefined, label);
  const target = { state: visit.ref, integration: redrive.resource };
  if (label !== undefined) return [...requirements, ...permissionRequirements(redrive, target, env)];
  // Without a Label the Map Run label is generated, so every label is covered (the spec marks this form inferred).
  for (const spec of redrive.permissions.filter(isExecutionRolePermission)) {
    const resources = expandDynamicForm(compilePermission(spec), env);
    requirements.push({
      ...toRequirement(redrive, spec, target, { resources, dynamic: false, context: undefined }),
      inferred: true,
    });
  }
  return requirements;
}

/** Runs of slashes after the `:s3:::` of an S3 ARN. */
const REPEATED_S3_SLASHES = /(?<=:s3:::.*)\/{2,}/g;

/**
 * `bucket//x` → `bucket/x`: an absent or `/`-terminated Prefix must not leave an empty key segment (the requirement is
 * freshly built, so its resources are replaced in place).
 */
function tidyS3(requirement: Requirement): Requirement {
  const { resources } = requirement;
  let tidied: string[] | undefined;
  for (let i = 0; i < resources.length; i++) {
    const r = resources[i] as string;
    if (!r.includes('//') || !r.includes(':s3:::')) continue;
    tidied ??= resources.slice();
    tidied[i] = r.replace(REPEATED_S3_SLASHES, '/');
  }
  const next = tidied ?? resources;
  requirement.resources = next.length < 2 ? next.slice() : [...new Set(next)];
  return requirement;
}

/**
 * S3 Inventory data files sit beside the manifest's folder: `…/config-ID/YYYY-MM-DDTHH-MMZ/manifest.json` lists
 * `…/config-ID/data/*`. https://docs.aws.amazon.com/AmazonS3/latest/userguide/storage-inventory-location.html
 */
function inventoryDataArn(manifestArn: string): string | undefined {
  const match = /^(arn:[^:]+:s3:::[^/]+\/.+)\/[^/]+\/manifest\.json$/.exec(manifestArn);
  return match === null ? undefined : `${match[1]}/data/*`;
}

/** True when a ReaderConfig `Transformation` loads the listed objects (or may: a JSONata expression). */
function loadsListedObjects(transformation: unknown): boolean {
  return (
    transformation === 'LOAD_AND_FLATTEN' || (typeof transformation === 'string' && transformation.startsWith('{%'))
  );
}

/** Requirements of an ItemReader or ResultWriter (its own Resource and Parameters/Arguments). */
function ioRequirements(visit: StateVisit, base: DeriveBase, io: Record<string, unknown>): Requirement[] {
  const resource = String(io.Resource);
  const entry = entryByKey(resource);
  if (entry === undefined) return [];
  const container =
    visit.queryLanguage === 'JSONata' ? (io.Arguments ?? io.Parameters) : (io.Parameters ?? io.Arguments);
  const env = envFor(visit, base, container ?? {}, resource, entry);
  const target = { state: visit.ref, integration: resource };
  const reader = isObject(io.ReaderConfig) ? io.ReaderConfig : {};
  let requirements = permissionRequirements(entry, target, env).map(tidyS3);
  // Listing objects reads none of them unless `Transformation: LOAD_AND_FLATTEN` loads each listed object's content.
  // https://docs.aws.amazon.com/step-functions/latest/dg/input-output-itemreader.html#itemreader-iam-policies
  if (entry.resource.endsWith(':listObjectsV2') && !loadsListedObjects(reader.Transformation)) {
    requirements = requirements.filter((r) => !r.actions.includes('s3:GetObject'));
  }
  const getObject = requirements.find(
    (r) => r.actions.includes('s3:GetObject') && entry.resource.endsWith(':getObject'),
  );
  if (getObject === undefined) return requirements;
  if (
    reader.ManifestType === 'S3_INVENTORY' ||
    (reader.InputType === 'MANIFEST' && reader.ManifestType !== 'ATHENA_DATA')
  ) {
    const data = getObject.resources.map(inventoryDataArn).filter((arn) => arn !== undefined);
    getObject.resources = [...new Set([...getObject.resources, ...data])];
  }
  if (reader.ManifestType === 'ATHENA_DATA') {
    // The data files an Athena manifest lists are only known when the Map Run reads it.
    requirements.push({ ...getObject, resources: ['*'], dynamic: true, inferred: true });
  }
  return requirements;
}

/**
 * Requirements of a Distributed Map state itself: child executions, Map Run redrive, ItemReader and ResultWriter
 * (a ResultWriter with only WriterConfig writes nothing to S3).
 * https://docs.aws.amazon.com/step-functions/latest/dg/iam-policies-eg-dist-map.html
 */
export function distributedMapRequirements(visit: StateVisit, base: DeriveBase): Requirement[] {
  if (!isDistributedMap(visit.state)) return [];
  const requirements = childExecutionRequirements(visit, base);
  for (const key of IO_FIELDS) {
    const io = visit.state[key];
    if (isObject(io) && typeof io.Resource === 'string') requirements.push(...ioRequirements(visit, base, io));
  }
  return requirements;
}

/** The key of a memoised part, or undefined when the value cannot be written as JSON (a cycle, a BigInt). */
function partKey(prefix: string, visit: StateVisit, value: unknown): string | undefined {
  try {
    return `${prefix}${visit.queryLanguage}\u0000${JSON.stringify(value)}`;
  } catch {
    return undefined;
  }
}

/** The merged requirements stored under `key` in the run's memo, derived (and frozen) by `derive` the first time. */
function memoPart(base: DeriveBase, key: string, derive: () => Requirement[]): readonly StoredRequirement[] {
  let stored = base.mapMemo.get(key);
  if (stored === undefined) {
    stored = remember({ next: undefined }, mergeRequirements(derive()));
    base.mapMemo.set(key, stored);
  }
  return stored;
}

/**
 * A Distributed Map's requirements in parts that depend on little: the child executions and redrive (on the label
 * and query language), then the ItemReader and ResultWriter (each on its own value); undefined when a part cannot be
 * keyed.
 */
function partsOf(visit: StateVisit, base: DeriveBase): (readonly StoredRequirement[])[] | undefined {
  const label = typeof visit.state.Label === 'string' ? visit.state.Label : undefined;
  const childKey = `c${visit.queryLanguage}\u0000${label === undefined ? '' : `\u0001${label}`}`;
  const parts = [memoPart(base, childKey, () => childExecutionRequirements(visit, base))];
  for (const field of IO_FIELDS) {
    const io = visit.state[field];
    if (!isObject(io) || typeof io.Resource !== 'string') continue;
    const key = partKey('i', visit, io);
    if (key === undefined) return undefined;
    parts.push(memoPart(base, key, () => ioRequirements(visit, base, io)));
  }
  return parts;
}

/** True when two parts hold a requirement of the same purpose: only then could merging join requirements across them. */
function sharesPurpose(parts: readonly (readonly StoredRequirement[])[]): boolean {
  const seen = new Set<string>();
  for (const part of parts) {
    for (const r of part) if (seen.has(r.purpose)) return true;
    for (const r of part) seen.add(r.purpose);
  }
  return false;
}

/**
 * Appends a Distributed Map's merged requirements to `out`, through the run's memo: its parts (child executions,
 * reader, writer) are shared with the maps that have the same (frozen, as Task requirements are). Parts of different
 * purposes never merge with each other, so appending each merged part is merging the whole.
 */
export function appendDistributedMapRequirements(visit: StateVisit, base: DeriveBase, out: Requirement[]): void {
  if (!isDistributedMap(visit.state)) return;
  const parts = partsOf(visit, base);
  if (parts === undefined) {
    for (const r of mergeRequirements(distributedMapRequirements(visit, base))) out.push(r);
    return;
  }
  if (sharesPurpose(parts)) {
    const merged = remember({ next: undefined }, mergeRequirements(distributedMapRequirements(visit, base)));
    appendCopies(merged, visit.ref, out);
    return;
  }
  for (const part of parts) appendCopies(part, visit.ref, out);
}
