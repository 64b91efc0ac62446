import type { Integration, PermissionSpec } from '../catalogue/types.js';
import type { ContextValues, Purpose, Requirement, StateRef } from '../types.js';
import { type CompiledPermission, compilePermission } from './compilePermission.js';
import { consequenceOf } from './consequenceOf.js';
import type { TemplateEnv } from './expandTemplate.js';
import { passedToServiceOfIntegration } from './passedToService.js';
import { type Resolution, resolvePermission } from './resolvePermission.js';
import { resolveSpecialPermission } from './resolveSpecialPermission.js';

/** Where the requirements of one catalogue entry go. */
export type EntryTarget = { state: StateRef | null; integration: string };

/** What does not depend on the state: computed once per catalogue permission. */
type PreparedPermission = {
  compiled: CompiledPermission;
  purpose: Purpose;
  actions: readonly string[];
  consequence: string;
  passedToService: string | undefined;
};

const PREPARED = new WeakMap<Integration, Map<PermissionSpec, PreparedPermission>>();

/**
 * True for a permission the execution role itself needs: not a trust/resource policy statement, not one the template
 * grants although the API does not use it (`optional`), not empty.
 */
export function isExecutionRolePermission(spec: PermissionSpec): boolean {
  if (spec.placement !== undefined || spec.optional === true || spec.actions.length === 0) return false;
  return spec.staticResources.length > 0 || spec.dynamicResources.length > 0;
}

function prepare(entry: Integration, spec: PermissionSpec): PreparedPermission {
  let byEntry = PREPARED.get(entry);
  if (byEntry === undefined) {
    byEntry = new Map();
    PREPARED.set(entry, byEntry);
  }
  const cached = byEntry.get(spec);
  if (cached !== undefined) return cached;
  const purpose = spec.purpose;
  const actions = [...new Set(spec.actions)];
  const prepared: PreparedPermission = {
    compiled: compilePermission(spec),
    purpose,
    actions,
    consequence: consequenceOf({
      purpose,
      actions,
      managedRule: spec.managedRule,
      hasManagedRule: entry.permissions.some((p) => p.managedRule !== undefined),
      redrive: entry.resource === 'distributed-map-redrive',
    }),
    passedToService: spec.purpose === 'passrole' ? passedToServiceOfIntegration(entry.service) : undefined,
  };
  byEntry.set(spec, prepared);
  return prepared;
}

/** Builds the Requirement of one resolved catalogue permission. */
export function toRequirement(
  entry: Integration,
  spec: PermissionSpec,
  target: EntryTarget,
  resolution: Resolution,
): Requirement {
  const prepared = prepare(entry, spec);
  let context: ContextValues | undefined = resolution.context;
  if (prepared.passedToService !== undefined && context?.['iam:PassedToService'] === undefined) {
    context = { ...context, 'iam:PassedToService': prepared.passedToService };
  }
  const requirement: Requirement = {
    state: target.state,
    integration: target.integration,
    purpose: prepared.purpose,
    actions: prepared.actions.slice(),
    resources: resolution.resources,
    dynamic: resolution.dynamic,
    consequence: prepared.consequence,
    source: entry.source,
  };
  if (context !== undefined) requirement.context = context;
  if (spec.managedRule !== undefined) requirement.managedRule = spec.managedRule;
  if (spec.inferred === true) requirement.inferred = true;
  return requirement;
}

/**
 * The requirements of one catalogue entry for one state, in catalogue order: each execution-role permission
 * resolved against the state's parameters; permissions whose templates all drop are left out.
 */
export function permissionRequirements(entry: Integration, target: EntryTarget, env: TemplateEnv): Requirement[] {
  const requirements: Requirement[] = [];
  for (const spec of entry.permissions) {
    if (!isExecutionRolePermission(spec)) continue;
    if (spec.onlyWhenFields?.every((field) => env.read(field).length === 0)) continue;
    const { compiled } = prepare(entry, spec);
    const special = resolveSpecialPermission(entry, spec, env, compiled);
    if (special === 'skip') continue;
    const resolution = special ?? resolvePermission(compiled, env);
    if (resolution === undefined || resolution.resources.length === 0) continue;
    requirements.push(toRequirement(entry, spec, target, resolution));
  }
  return requirements;
}
