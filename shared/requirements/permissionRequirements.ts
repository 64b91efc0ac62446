import type { Integration, PermissionSpec } from '../catalogue/types.js';
import type { ContextValues, Requirement, StateRef } from '../types.js';
import { compilePermission } from './compilePermission.js';
import { consequenceOf } from './consequenceOf.js';
import type { TemplateEnv } from './expandTemplate.js';
import { passedToServiceOfIntegration } from './passedToService.js';
import { purposeOf } from './purposeOf.js';
import { expandDynamicForm, type Resolution, resolvePermission } from './resolvePermission.js';
import { resolveSpecialPermission } from './resolveSpecialPermission.js';

/** Where the requirements of one catalogue entry go. */
export type EntryTarget = { state: StateRef | null; integration: string };

/** True for a permission the execution role itself needs (not a trust/resource policy statement, not empty). */
export function isExecutionRolePermission(spec: PermissionSpec): boolean {
  if (spec.placement !== undefined || spec.actions.length === 0) return false;
  return spec.staticResources.length > 0 || spec.dynamicResources.length > 0;
}

/** Builds the Requirement of one resolved catalogue permission. */
export function toRequirement(
  entry: Integration,
  spec: PermissionSpec,
  target: EntryTarget,
  resolution: Resolution,
): Requirement {
  const purpose = purposeOf(entry, spec);
  const actions = [...new Set(spec.actions)];
  let context: ContextValues | undefined = resolution.context;
  const passedTo = spec.purpose === 'passrole' ? passedToServiceOfIntegration(entry.service) : undefined;
  if (passedTo !== undefined && context?.['iam:PassedToService'] === undefined) {
    context = { ...context, 'iam:PassedToService': passedTo };
  }
  const requirement: Requirement = {
    state: target.state,
    integration: target.integration,
    purpose,
    actions,
    resources: resolution.resources,
    dynamic: resolution.dynamic,
    consequence: consequenceOf({
      purpose,
      actions,
      managedRule: spec.managedRule,
      hasManagedRule: entry.permissions.some((p) => p.managedRule !== undefined),
      redrive: entry.resource === 'distributed-map-redrive',
    }),
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
    const compiled = compilePermission(spec);
    const special = resolveSpecialPermission(entry, spec, env, () => expandDynamicForm(compiled, env));
    if (special === 'skip') continue;
    const resolution = special ?? resolvePermission(compiled, env);
    if (resolution === undefined || resolution.resources.length === 0) continue;
    requirements.push(toRequirement(entry, spec, target, resolution));
  }
  return requirements;
}
