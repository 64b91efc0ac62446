import type { PermissionSpec } from '../catalogue/types.js';
import { type CompiledTemplate, compileTemplate } from './compileTemplate.js';

/** A condition key of a permission and the templates of the value(s) a request carries for it. */
export type CompiledCondition = { key: string; templates: readonly CompiledTemplate[] };

/** A catalogue permission with its templates parsed once. */
export type CompiledPermission = {
  spec: PermissionSpec;
  staticTemplates: readonly CompiledTemplate[];
  dynamicTemplates: readonly CompiledTemplate[];
  conditions: readonly CompiledCondition[];
};

const CACHE = new WeakMap<PermissionSpec, CompiledPermission>();

/**
 * The value a request carries for a condition template: a StringLike pattern that ends in `*` right after a
 * placeholder (`${Param:ApiEndpoint}*`) is matched by the placeholder's own value.
 */
function requestValueTemplate(operator: string, template: string): string {
  return operator.startsWith('StringLike') && template.endsWith('}*') ? template.slice(0, -1) : template;
}

function compileConditions(spec: PermissionSpec): CompiledCondition[] {
  const conditions: CompiledCondition[] = [];
  for (const [operator, keys] of Object.entries(spec.condition ?? {})) {
    for (const [key, value] of Object.entries(keys)) {
      const templates = (typeof value === 'string' ? [value] : [...value]).map((t) =>
        compileTemplate(requestValueTemplate(operator, t)),
      );
      conditions.push({ key, templates });
    }
  }
  return conditions;
}

/** Compiles (once per catalogue permission, then from a cache) the templates of a permission. */
export function compilePermission(spec: PermissionSpec): CompiledPermission {
  const cached = CACHE.get(spec);
  if (cached !== undefined) return cached;
  const compiled: CompiledPermission = {
    spec,
    staticTemplates: spec.staticResources.map(compileTemplate),
    dynamicTemplates: spec.dynamicResources.map(compileTemplate),
    conditions: compileConditions(spec),
  };
  CACHE.set(spec, compiled);
  return compiled;
}
