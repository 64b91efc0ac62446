import type { CompiledPolicies } from './types.js';

/**
 * The Resource patterns of identity Allow statements whose Action (or NotAction) covers an action, NotResource
 * statements excluded, in policy order without duplicates: used to say "the role grants this only on these ARNs".
 */
export function grantedResources(compiled: CompiledPolicies, action: string): string[] {
  const lower = action.toLowerCase();
  const patterns = new Set<string>();
  for (const statement of compiled.identity) {
    if (statement.effect !== 'Allow' || statement.notResource) continue;
    if (statement.actions.some((matches) => matches(lower)) === statement.notAction) continue;
    for (const pattern of statement.resourcePatterns) patterns.add(pattern);
  }
  return [...patterns];
}
