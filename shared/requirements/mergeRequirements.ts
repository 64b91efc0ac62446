import type { ContextValues, Requirement } from '../types.js';

const SEP = '\u0000';

function sortedKey(values: readonly string[]): string {
  return values.length < 2 ? (values[0] ?? '') : [...values].sort().join(SEP);
}

function keyOf(r: Requirement): string {
  const path = r.state === null ? '' : r.state.path.join(SEP);
  const unknown = r.unknownIntegration === true ? r.integration : '';
  return [path, r.purpose, sortedKey(r.actions), sortedKey(r.resources), r.assumedRoleArn ?? '', unknown].join(
    '\u0001',
  );
}

function uniqueArray(values: string[]): string[] {
  if (values.length < 2) return values;
  const set = new Set(values);
  return set.size === values.length ? values : [...set];
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

/** Only requirements with the same purpose can merge; most states have one requirement per purpose. */
function hasRepeatedPurpose(requirements: readonly Requirement[]): boolean {
  for (let i = 1; i < requirements.length; i++) {
    for (let j = 0; j < i; j++) if (requirements[i]?.purpose === requirements[j]?.purpose) return true;
  }
  return false;
}

/**
 * Merges requirements with the same state, purpose, actions and resources (keeping the first's position and
 * wording; `dynamic` and `inferred` if either is) and de-duplicates actions and resources. The requirements must be
 * freshly built by the caller: they are updated in place.
 */
export function mergeRequirements(requirements: Requirement[]): Requirement[] {
  for (const r of requirements) {
    r.actions = uniqueArray(r.actions);
    r.resources = uniqueArray(r.resources);
  }
  if (!hasRepeatedPurpose(requirements)) return requirements;
  const byKey = new Map<string, Requirement>();
  const merged: Requirement[] = [];
  for (const r of requirements) {
    const key = keyOf(r);
    const existing = byKey.get(key);
    if (existing === undefined) {
      byKey.set(key, r);
      merged.push(r);
      continue;
    }
    existing.dynamic ||= r.dynamic;
    if (r.inferred === true) existing.inferred = true;
    if (r.holes !== undefined) existing.holes = [...(existing.holes ?? []), ...r.holes];
    const context = mergeContext(existing.context, r.context);
    if (context !== undefined) existing.context = context;
  }
  return merged;
}
