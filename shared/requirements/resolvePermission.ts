import type { ContextValues } from '../types.js';
import type { CompiledPermission } from './compilePermission.js';
import { expandTemplate, type TemplateEnv } from './expandTemplate.js';

/** The concrete resources (and request context) of one permission for one state. */
export type Resolution = { resources: string[]; dynamic: boolean; context: ContextValues | undefined };

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** The dynamic form of a permission: its `dynamicResources`, with runtime values as `prefix*` or `*`. */
export function expandDynamicForm(permission: CompiledPermission, env: TemplateEnv): string[] {
  const resources: string[] = [];
  for (const template of permission.dynamicTemplates) {
    const expansion = expandTemplate(template, env);
    if (expansion.kind === 'values') resources.push(...expansion.values);
    else if (expansion.kind === 'dynamic') resources.push(...(expansion.narrowed ?? ['*']));
  }
  return resources.length === 0 ? ['*'] : unique(resources);
}

/** The condition context values a request of this permission carries, from the catalogue's condition templates. */
export function conditionContext(permission: CompiledPermission, env: TemplateEnv): ContextValues | undefined {
  let context: ContextValues | undefined;
  for (const condition of permission.conditions) {
    const values: string[] = [];
    for (const template of condition.templates) {
      const expansion = expandTemplate(template, env);
      if (expansion.kind !== 'values') break;
      values.push(...expansion.values.filter((v) => v !== ''));
    }
    if (values.length === 0 || values.length < condition.templates.length) continue;
    context ??= {};
    context[condition.key] = values.length === 1 ? (values[0] as string) : unique(values);
  }
  return context;
}

/**
 * Resolves a permission's resources for one state: literal values give the static templates' ARNs; a runtime
 * value gives `prefix*` when every runtime value narrows, else the dynamic form. Templates whose parameter is
 * absent (or that name what the definition cannot show) are dropped; undefined when all of them are.
 */
export function resolvePermission(permission: CompiledPermission, env: TemplateEnv): Resolution | undefined {
  const resources: string[] = [];
  let kept = 0;
  let dynamic = false;
  let widened = false;
  for (const template of permission.staticTemplates) {
    const expansion = expandTemplate(template, env);
    if (expansion.kind === 'dropped') continue;
    kept++;
    if (expansion.kind === 'values') {
      for (const value of expansion.values) resources.push(value);
      continue;
    }
    dynamic = true;
    if (expansion.narrowed === undefined) widened = true;
    else for (const value of expansion.narrowed) resources.push(value);
  }
  if (kept === 0) return undefined;
  const context = permission.conditions.length === 0 ? undefined : conditionContext(permission, env);
  if (widened) return { resources: expandDynamicForm(permission, env), dynamic: true, context };
  return { resources: resources.length < 2 ? resources : unique(resources), dynamic, context };
}
