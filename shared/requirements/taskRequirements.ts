import { taskArguments } from '../asl/taskArguments.js';
import type { StateVisit } from '../asl/types.js';
import type { Integration } from '../catalogue/types.js';
import type { Requirement } from '../types.js';
import { ACTIVITY_KEY, ENTRY_KEYS, entryByKey, findTaskIntegration } from './catalogueLookup.js';
import { createTemplateEnv } from './createTemplateEnv.js';
import type { DeriveBase, TaskResource } from './deriveBase.js';
import { fieldDefaultsOf, fieldNormalizersOf } from './fieldDefaults.js';
import type { Location } from './location.js';
import {
  appendRemembered,
  createEntryMemo,
  type MemoNode,
  memoNode,
  rememberFirst,
  sdkMemoNode,
} from './memoizeRequirements.js';
import { mergeRequirements } from './mergeRequirements.js';
import { parseArn } from './parseArn.js';
import { permissionRequirements } from './permissionRequirements.js';
import { sdkRequirements } from './sdkRequirements.js';
import { unresolvedPlaceholderRequirement } from './unresolvedPlaceholderRequirement.js';

/** How the catalogue's AWS SDK entries' Resources start (`arn:aws:states:::aws-sdk:${SdkService}:${ApiAction}`). */
const SDK_ENTRY_PREFIX = 'arn:aws:states:::aws-sdk:';
const COLON = 58;

/** The requirement that says a Task's integration is not known: never silence (https://docs.aws.amazon.com/step-functions/latest/dg/integrate-services.html). */
function unknownIntegration(visit: StateVisit, resource: string): Requirement {
  return {
    state: visit.ref,
    integration: resource,
    purpose: 'other',
    actions: [],
    resources: [],
    dynamic: false,
    consequence: 'not checked: sfn-role-audit does not know which permissions this integration needs',
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/integrate-services.html',
    unknownIntegration: true,
  };
}

/** Activity Tasks need nothing, unless the activity is encrypted with a customer managed key the context names. */
function activityRequirements(visit: StateVisit, resource: string, base: DeriveBase): Requirement[] {
  const keyArn = base.context.activityKmsKeys?.[resource];
  const entry = entryByKey(ENTRY_KEYS.activityKms);
  const arn = parseArn(resource);
  if (keyArn === undefined || entry === undefined || arn === undefined) return [];
  const env = createTemplateEnv({
    container: {},
    queryLanguage: visit.queryLanguage,
    location: { partition: arn.partition, region: arn.region, account: arn.account },
    stateMachineName: base.context.stateMachineName,
    stateMachineArn: base.stateMachineArn,
    resource,
    extras: { ActivityKmsKeyArn: keyArn, ActivityName: arn.resource.replace(/^activity:/, '') },
  });
  return permissionRequirements(entry, { state: visit.ref, integration: resource }, env);
}

/** The sts:AssumeRole requirement of a Task's `Credentials.RoleArn`, and the role that then makes the calls. */
function credentialsRequirement(visit: StateVisit, resource: string, base: DeriveBase, location: Location) {
  const entry = entryByKey(ENTRY_KEYS.credentials);
  if (entry === undefined) return undefined;
  const env = createTemplateEnv({
    container: visit.state,
    queryLanguage: visit.queryLanguage,
    location,
    stateMachineName: base.context.stateMachineName,
    stateMachineArn: base.stateMachineArn,
    resource,
  });
  const [requirement] = permissionRequirements(entry, { state: visit.ref, integration: resource }, env);
  return requirement === undefined ? undefined : { requirement, roleArn: requirement.resources[0] ?? '*' };
}

function optimizedRequirements(
  visit: StateVisit,
  entry: Integration,
  resource: string,
  base: DeriveBase,
  location: Location,
): Requirement[] {
  const env = createTemplateEnv({
    container: taskArguments(visit),
    queryLanguage: visit.queryLanguage,
    location,
    stateMachineName: base.context.stateMachineName,
    stateMachineArn: base.stateMachineArn,
    resource,
    defaults: fieldDefaultsOf(entry),
    normalize: fieldNormalizersOf(entry),
  });
  return permissionRequirements(entry, { state: visit.ref, integration: resource }, env);
}

/** The location of a Task: the run's, in the partition its `Resource` names (a literal ARN keeps its own). */
function taskLocation(resource: string, base: DeriveBase): Location {
  if (!resource.startsWith('arn:')) return base.location;
  const own = base.location.partition;
  if (resource.startsWith(own, 4) && resource.charCodeAt(4 + own.length) === COLON) return base.location;
  const partition = resource.slice(4, resource.indexOf(':', 4));
  if (partition === '' || partition === base.location.partition) return base.location;
  let location = base.locations.get(partition);
  if (location === undefined) {
    location = { ...base.location, partition };
    base.locations.set(partition, location);
  }
  return location;
}

/**
 * How many memo lookups of a Resource show whether its states share inputs, and the hits among them for the memo to
 * stay: with fewer, the memo's keys and stored requirements cost more than they save (a large definition that names
 * each function or table once derives about a third slower with the memo than without). The memo only saves work, so
 * dropping it changes no requirement; the probe is long enough for inputs that repeat in cycles (97 function names
 * over 378 states, as in bench/buildLargeDefinition.ts, hit 159 times in the first 256 lookups).
 */
export const MEMO_PROBE_LOOKUPS = 256;
const MEMO_MIN_HITS = MEMO_PROBE_LOOKUPS / 16;

/** The memo node of a Task's inputs, counted as a lookup; undefined when they have no key or the memo was dropped. */
function memoNodeOf(task: TaskResource, entry: Integration, args: unknown, visit: StateVisit): MemoNode | undefined {
  if (task.memo === null) return undefined;
  if (task.lookups === MEMO_PROBE_LOOKUPS && task.hits < MEMO_MIN_HITS) {
    task.memo = null;
    return undefined;
  }
  task.memo ??= createEntryMemo(entry);
  task.lookups++;
  return (task.sdk ? sdkMemoNode : memoNode)(task.memo, args, visit.queryLanguage);
}

/** Requirements of a Task for the execution role itself, through the run's memo (same Resource, same values). */
function ownRequirements(
  visit: StateVisit,
  task: TaskResource,
  entry: Integration,
  resource: string,
  base: DeriveBase,
  out: Requirement[],
) {
  const args = taskArguments(visit);
  const node = memoNodeOf(task, entry, args, visit);
  if (node !== undefined && appendRemembered(node, visit.ref, out)) {
    task.hits++;
    return;
  }
  const derived = mergeRequirements(
    task.sdk
      ? (sdkRequirements(visit, entry, resource, task.location) ?? [unknownIntegration(visit, resource)])
      : optimizedRequirements(visit, entry, resource, base, task.location),
  );
  if (node !== undefined) rememberFirst(node, derived);
  for (const r of derived) out.push(r);
}

/** The run's record of a Task Resource, made on its first state: entry, location and memo are looked up once. */
function taskResourceOf(resource: string, base: DeriveBase): TaskResource {
  let task = base.tasks.get(resource);
  if (task === undefined) {
    const entry = findTaskIntegration(resource);
    const sdk = entry?.resource.startsWith(SDK_ENTRY_PREFIX) === true;
    task = { entry, location: taskLocation(resource, base), sdk, memo: undefined, lookups: 0, hits: 0 };
    base.tasks.set(resource, task);
  }
  return task;
}

/**
 * Appends the requirements of one Task state to `out`: its integration's catalogue permissions resolved against its
 * arguments (an unknown integration gives one `unknownIntegration` requirement). With `Credentials`, the execution
 * role needs sts:AssumeRole and every other requirement belongs to the assumed role (`assumedRoleArn`); cross-account
 * `.sync` polls only, so the managed-rule permission is dropped
 * (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-access-cross-acct-resources.html).
 */
export function appendTaskRequirements(visit: StateVisit, base: DeriveBase, out: Requirement[]): void {
  const written = visit.state.Resource;
  const resource = typeof written === 'string' ? written : String(written ?? '');
  const task = taskResourceOf(resource, base);
  const { entry } = task;
  // A placeholder that leaves the integration known only leaves a hole: only an unknown Resource can be one.
  const placeholder = entry === undefined ? unresolvedPlaceholderRequirement(visit) : undefined;
  if (placeholder !== undefined) {
    out.push(placeholder);
    return;
  }
  const credentials =
    visit.state.Credentials === undefined ? undefined : credentialsRequirement(visit, resource, base, task.location);
  const target = credentials === undefined ? out : [];
  if (entry === undefined) target.push(unknownIntegration(visit, resource));
  else if (entry.resource === ACTIVITY_KEY) {
    for (const r of mergeRequirements(activityRequirements(visit, resource, base))) target.push(r);
  } else ownRequirements(visit, task, entry, resource, base, target);
  if (credentials === undefined) return;
  out.push(credentials.requirement);
  for (const r of target) if (r.purpose !== 'events') out.push({ ...r, assumedRoleArn: credentials.roleArn });
}
