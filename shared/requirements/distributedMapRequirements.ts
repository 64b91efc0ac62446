import type { StateVisit } from '../asl/types.js';
import type { Integration } from '../catalogue/types.js';
import type { Requirement } from '../types.js';
import { ENTRY_KEYS, entryByKey } from './catalogueLookup.js';
import { compilePermission } from './compilePermission.js';
import { createTemplateEnv } from './createTemplateEnv.js';
import type { DeriveBase } from './deriveBase.js';
import { fieldDefaultsOf } from './fieldDefaults.js';
import { appendCopies, remember } from './memoizeRequirements.js';
import { mergeRequirements } from './mergeRequirements.js';
import { isExecutionRolePermission, permissionRequirements, toRequirement } from './permissionRequirements.js';
import { expandDynamicForm } from './resolvePermission.js';

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

/** `bucket//x` → `bucket/x`: an absent or `/`-terminated Prefix must not leave an empty key segment. */
function tidyS3(requirement: Requirement): Requirement {
  const resources = requirement.resources.map((r) =>
    r.includes(':s3:::') ? r.replace(/(?<=:s3:::.*)\/{2,}/g, '/') : r,
  );
  return { ...requirement, resources: [...new Set(resources)] };
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
  for (const key of ['ItemReader', 'ResultWriter']) {
    const io = visit.state[key];
    if (isObject(io) && typeof io.Resource === 'string') requirements.push(...ioRequirements(visit, base, io));
  }
  return requirements;
}

/** What a Distributed Map's requirements depend on besides the run: its reader, writer, label and query language. */
function mapMemoKey(visit: StateVisit): string | undefined {
  const { Label, ItemReader, ResultWriter } = visit.state;
  try {
    return JSON.stringify([visit.queryLanguage, Label ?? null, ItemReader ?? null, ResultWriter ?? null]);
  } catch {
    return undefined;
  }
}

/**
 * Appends a Distributed Map's merged requirements to `out`, through the run's memo: maps with the same reader, writer,
 * label and query language share them (frozen, as Task requirements are).
 */
export function appendDistributedMapRequirements(visit: StateVisit, base: DeriveBase, out: Requirement[]): void {
  if (!isDistributedMap(visit.state)) return;
  const key = mapMemoKey(visit);
  let stored = key === undefined ? undefined : base.mapMemo.get(key);
  if (stored === undefined) {
    const merged = mergeRequirements(distributedMapRequirements(visit, base));
    if (key === undefined) {
      for (const r of merged) out.push(r);
      return;
    }
    stored = remember({ next: new Map() }, merged);
    base.mapMemo.set(key, stored);
  }
  appendCopies(stored, visit.ref, out);
}
