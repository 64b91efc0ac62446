import { taskArguments } from '../asl/taskArguments.js';
import type { StateVisit } from '../asl/types.js';
import type { Integration } from '../catalogue/types.js';
import type { Requirement } from '../types.js';
import { ACTIVITY_KEY, ENTRY_KEYS, entryByKey, findTaskIntegration } from './catalogueLookup.js';
import { createTemplateEnv } from './createTemplateEnv.js';
import type { DeriveBase } from './deriveBase.js';
import { fieldDefaultsOf, fieldNormalizersOf } from './fieldDefaults.js';
import type { Location } from './location.js';
import { memoizeRequirements } from './memoizeRequirements.js';
import { parseArn } from './parseArn.js';
import { permissionRequirements } from './permissionRequirements.js';
import { sdkRequirements } from './sdkRequirements.js';

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
function credentialsRequirement(visit: StateVisit, base: DeriveBase, location: Location) {
  if (visit.state.Credentials === undefined) return undefined;
  const entry = entryByKey(ENTRY_KEYS.credentials);
  if (entry === undefined) return undefined;
  const env = createTemplateEnv({
    container: visit.state,
    queryLanguage: visit.queryLanguage,
    location,
    stateMachineName: base.context.stateMachineName,
    stateMachineArn: base.stateMachineArn,
    resource: String(visit.state.Resource),
  });
  const [requirement] = permissionRequirements(
    entry,
    { state: visit.ref, integration: String(visit.state.Resource) },
    env,
  );
  return requirement === undefined ? undefined : { requirement, roleArn: requirement.resources[0] ?? '*' };
}

function optimizedRequirements(
  visit: StateVisit,
  entry: Integration,
  resource: string,
  base: DeriveBase,
  location: Location,
) {
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
  const derive = () => permissionRequirements(entry, { state: visit.ref, integration: resource }, env);
  return memoizeRequirements(base.memo, entry, env, visit.ref, derive);
}

/**
 * Requirements of one Task state: its integration's catalogue permissions resolved against its arguments (an
 * unknown integration gives one `unknownIntegration` requirement). With `Credentials`, the execution role needs
 * sts:AssumeRole and every other requirement belongs to the assumed role (`assumedRoleArn`); cross-account `.sync`
 * polls only, so the managed-rule permission is dropped
 * (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-access-cross-acct-resources.html).
 */
export function taskRequirements(visit: StateVisit, base: DeriveBase): Requirement[] {
  const resource = typeof visit.state.Resource === 'string' ? visit.state.Resource : String(visit.state.Resource ?? '');
  const entry = findTaskIntegration(resource);
  const partition = resource.startsWith('arn:') ? resource.slice(4, resource.indexOf(':', 4)) : undefined;
  const location = partition ? { ...base.location, partition } : base.location;
  let requirements: Requirement[];
  if (entry === undefined) requirements = [unknownIntegration(visit, resource)];
  else if (entry.resource === ACTIVITY_KEY) requirements = activityRequirements(visit, resource, base);
  else if (entry.resource.includes(':::aws-sdk:')) {
    requirements = sdkRequirements(visit, entry, resource, location) ?? [unknownIntegration(visit, resource)];
  } else requirements = optimizedRequirements(visit, entry, resource, base, location);
  const credentials = credentialsRequirement(visit, base, location);
  if (credentials === undefined) return requirements;
  const delegated = requirements
    .filter((r) => r.purpose !== 'events')
    .map((r) => ({ ...r, assumedRoleArn: credentials.roleArn }));
  return [credentials.requirement, ...delegated];
}
