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
