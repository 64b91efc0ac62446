import type { Integration, PermissionSpec } from '../catalogue/types.js';
import { authorizedTemplatesOf } from './authorizedTemplates.js';
import { type CompiledTemplate, compileTemplate } from './compileTemplate.js';
import { SPECIAL_FIELDS } from './resolveSpecialPermission.js';

/** Actions of one catalogue permission that IAM authorizes on the same resources. */
export type AuthorizedGroup = {
  actions: readonly string[];
  templates: readonly CompiledTemplate[];
  /** True when a template whose fields are all absent is dropped (the request names no such resource). */
  droppable: boolean;
};

const GROUPS = new WeakMap<Integration, Map<PermissionSpec, readonly AuthorizedGroup[]>>();
const FIELDS = new WeakMap<Integration, readonly string[]>();

/** Every field any permission of the entry reads: the fields that can name a resource of the call. */
function entryFields(entry: Integration): readonly string[] {
  const cached = FIELDS.get(entry);
  if (cached !== undefined) return cached;
  const fields = new Set<string>(SPECIAL_FIELDS[entry.service] ?? []);
  for (const spec of entry.permissions) for (const field of spec.parameterFields) fields.add(field);
  const list = [...fields].sort();
  FIELDS.set(entry, list);
  return list;
}

/**
 * True when every catalogue template is a field's whole value (a role ARN, a state machine ARN) or names what the
 * definition cannot show (the roles inside a registered ECS task definition): keep them, so a permission whose
 * fields are absent is not required.
 */
function isWholeFieldGrant(spec: PermissionSpec): boolean {
  return (
    spec.staticResources.length > 0 &&
    spec.staticResources.every((t) => t.startsWith('${Param:') || compileTemplate(t).unresolvable)
  );
}

/**
 * The actions of a catalogue permission grouped by the resources IAM authorizes them on, computed once per
 * permission: the permission's own `authorized` templates, else those of the Service Authorization Reference
 * (authorizedTemplatesOf), else (an action the reference does not know, or a grant that is a field's whole value
 * such as a role to pass) the catalogue's templates.
 */
export function authorizedGroupsOf(entry: Integration, spec: PermissionSpec): readonly AuthorizedGroup[] {
  let byEntry = GROUPS.get(entry);
  if (byEntry === undefined) {
    byEntry = new Map();
    GROUPS.set(entry, byEntry);
  }
  const cached = byEntry.get(spec);
  if (cached !== undefined) return cached;
  const byKey = new Map<string, { actions: string[]; sources: readonly string[]; droppable: boolean }>();
  const whole = isWholeFieldGrant(spec);
  for (const action of new Set(spec.actions)) {
    let sources: readonly string[];
    let droppable = false;
    const own = spec.authorized?.[action];
    if (own !== undefined) sources = own;
    else {
      const chosen = whole
        ? undefined
        : authorizedTemplatesOf({
            action,
            fields: entryFields(entry),
            catalogueTemplates: spec.staticResources,
            lowercase: entry.service === 'sagemaker',
          });
      if (chosen === undefined) {
        sources = spec.staticResources;
        droppable = true;
      } else {
        sources = chosen.templates;
        droppable = !chosen.fromReference && chosen.templates.some((t) => spec.staticResources.includes(t));
      }
    }
    const key = JSON.stringify([sources, droppable]);
    const group = byKey.get(key);
    if (group === undefined) byKey.set(key, { actions: [action], sources, droppable });
    else group.actions.push(action);
  }
  const groups = [...byKey.values()].map((g) => ({
    actions: g.actions,
    templates: g.sources.map(compileTemplate),
    droppable: g.droppable,
  }));
  byEntry.set(spec, groups);
  return groups;
}
