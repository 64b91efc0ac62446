import type { Integration, PermissionSpec } from '../catalogue/types.js';
import type { ContextValues, Hole, Purpose, Requirement, StateRef } from '../types.js';
import { type AuthorizedGroup, authorizedGroupsOf } from './authorizedGroups.js';
import { type CompiledPermission, compilePermission } from './compilePermission.js';
import { consequenceOf } from './consequenceOf.js';
import type { TemplateEnv } from './expandTemplate.js';
import { expandWithHoles } from './expandWithHoles.js';
import { passedToServiceOfIntegration } from './passedToService.js';
import { conditionContext, type Resolution } from './resolvePermission.js';
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

/**
 * Builds the Requirement of one resolved catalogue permission. The requirement keeps `holes` itself (every caller
 * passes an array it made for this requirement), so a copy is not made per state.
 */
export function toRequirement(
  entry: Integration,
  spec: PermissionSpec,
  target: EntryTarget,
  resolution: Resolution,
  holes: Hole[] = [],
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
  if (holes.length > 0) requirement.holes = holes;
  return requirement;
}

/** Holes of a special rule's resources: its run-time values, and the `*` the rule put in (an ECS family's revision). */
function specialHoles(spec: PermissionSpec, resolution: Resolution, env: TemplateEnv): Hole[] {
  const holes: Hole[] = [];
  const variable = spec.parameterFields[0] ?? 'resource';
  if (resolution.dynamic) {
    for (const field of spec.parameterFields) {
      for (const value of env.read(field)) {
        if (value.kind !== 'dynamic') continue;
        holes.push(
          value.placeholder === undefined
            ? { variable: field, reason: 'dynamic-value', detail: value.expression }
            : { variable: field, reason: 'placeholder', detail: value.placeholder },
        );
      }
    }
    if (holes.length === 0) holes.push({ variable, reason: 'dynamic-value' });
  } else if (resolution.resources.some((r) => r !== '*' && (r.includes('*') || r.includes('?')))) {
    holes.push({ variable, reason: 'latest-revision' });
  }
  return holes;
}

/** Expands the authorized templates of one action group; undefined when every template drops. */
function expandGroup(group: AuthorizedGroup, env: TemplateEnv): { resources: string[]; holes: Hole[] } | undefined {
  const resources: string[] = [];
  const holes: Hole[] = [];
  for (const template of group.templates) {
    const expansion = expandWithHoles(template, env, group.droppable);
    if (expansion.kind === 'dropped') continue;
    for (const value of expansion.values) if (!resources.includes(value)) resources.push(value);
    holes.push(...expansion.holes);
  }
  return resources.length === 0 ? undefined : { resources, holes };
}

/** The resources of one action group in hole form, for special rules whose value is only known at run time. */
function holeForm(groups: readonly AuthorizedGroup[], env: TemplateEnv): string[] {
  const resources = groups.flatMap((group) => expandGroup(group, env)?.resources ?? []);
  return resources.length === 0 ? ['*'] : [...new Set(resources)];
}

/**
 * The requirements of one catalogue entry for one state, in catalogue order: each execution-role permission's actions,
 * grouped by the resources IAM authorizes them on (authorizedGroupsOf), filled from the state's parameters with
 * holes for what the definition cannot fix; permissions whose templates all drop are left out.
 */
export function permissionRequirements(entry: Integration, target: EntryTarget, env: TemplateEnv): Requirement[] {
  const requirements: Requirement[] = [];
  for (const spec of entry.permissions) {
    if (!isExecutionRolePermission(spec)) continue;
    if (spec.onlyWhenFields?.every((field) => env.read(field).length === 0)) continue;
    const { compiled } = prepare(entry, spec);
    const groups = authorizedGroupsOf(entry, spec);
    const special = resolveSpecialPermission(entry, spec, env, () => holeForm(groups, env));
    if (special === 'skip') continue;
    if (special !== undefined) {
      if (special.resources.length === 0) continue;
      requirements.push(toRequirement(entry, spec, target, special, specialHoles(spec, special, env)));
      continue;
    }
    const context = compiled.conditions.length === 0 ? undefined : conditionContext(compiled, env);
    for (const group of groups) {
      const expanded = expandGroup(group, env);
      if (expanded === undefined) continue;
      const dynamic = expanded.holes.some((h) => h.reason === 'dynamic-value' || h.reason === 'placeholder');
      const requirement = toRequirement(
        entry,
        spec,
        target,
        { resources: expanded.resources, dynamic, context },
        expanded.holes,
      );
      if (group.actions.length !== spec.actions.length) requirement.actions = [...group.actions];
      requirements.push(requirement);
    }
  }
  return requirements;
}
