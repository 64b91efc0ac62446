import type { ContextValues, Requirement } from '../types.js';

function keyOf(r: Requirement): string {
  return JSON.stringify([
    r.state?.path ?? null,
    r.purpose,
    [...r.actions].sort(),
    [...r.resources].sort(),
    r.assumedRoleArn ?? null,
    r.unknownIntegration === true ? r.integration : null,
  ]);
}

function mergeContext(a: ContextValues | undefined, b: ContextValues | undefined): ContextValues | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  const merged: ContextValues = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const existing = merged[key];
    if (existing === undefined) merged[key] = value;
    else {
      const values = [...new Set([existing, value].flat())];
      merged[key] = values.length === 1 ? (values[0] as string) : values;
    }
  }
  return merged;
}

/**
 * Merges requirements with the same state, purpose, actions and resources (keeping the first's position and
 * wording; `dynamic` and `inferred` if either is) and de-duplicates actions and resources, without mutating input.
 */
export function mergeRequirements(requirements: readonly Requirement[]): Requirement[] {
  const byKey = new Map<string, Requirement>();
  for (const requirement of requirements) {
    const r: Requirement = {
      ...requirement,
      actions: [...new Set(requirement.actions)],
      resources: [...new Set(requirement.resources)],
    };
    const key = keyOf(r);
    const existing = byKey.get(key);
    if (existing === undefined) {
      byKey.set(key, r);
      continue;
    }
    existing.dynamic ||= r.dynamic;
    if (r.inferred === true && existing.inferred !== true) existing.inferred = true;
    const context = mergeContext(existing.context, r.context);
    if (context !== undefined) existing.context = context;
  }
  return [...byKey.values()];
}
