import type { NamedPolicy } from '../../shared/ports.js';
import type { PolicyStatement } from '../../shared/types.js';

function asList<T>(value: T | T[] | undefined): T[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

function actionMatches(pattern: string, action: string): boolean {
  const escaped = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${escaped}$`, 'i').test(action);
}

/**
 * The Resource patterns of every Allow statement of `policies` whose Action covers `action`, sorted: what the role CDK
 * generated grants for that action, as the false-finding and under-grant tables record it.
 */
export function grantedResourcesOf(policies: readonly NamedPolicy[], action: string): string[] {
  const statements = policies.flatMap((p) => asList<PolicyStatement>(p.document.Statement));
  const resources = statements
    .filter((s) => s.Effect === 'Allow' && asList(s.Action).some((a) => actionMatches(a, action)))
    .flatMap((s) => asList(s.Resource));
  return [...new Set(resources)].sort();
}
