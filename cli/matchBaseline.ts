import type { Finding } from '../shared/types.js';
import type { BaselineEntry } from './baselineFile.js';

/** A current finding and the baseline key of its target. */
export type CurrentFinding = { target: string; finding: Finding };

/** Which current findings a baseline accepts, and which of its entries no longer occur. */
export type BaselineMatch = {
  /** Indexes into the current findings that an entry accepts. */
  accepted: Set<number>;
  /** Entries of audited targets that matched no current finding: the problem is gone. */
  fixed: BaselineEntry[];
};

/** Rule, target, state and actions: what stays when a rename changes a finding's id (its ARN or resources). */
function fallbackKey(target: string, rule: string, statePath: readonly string[], actions: readonly string[]): string {
  return JSON.stringify([target, rule, statePath, [...new Set(actions)].sort()]);
}

/** Files each entry under its key, in order, so each can be taken once. */
function indexBy(entries: readonly BaselineEntry[], keyOf: (entry: BaselineEntry) => string): Map<string, number[]> {
  const index = new Map<string, number[]>();
  entries.forEach((entry, at) => {
    const key = keyOf(entry);
    index.set(key, [...(index.get(key) ?? []), at]);
  });
  return index;
}

/** Takes the first entry under `key` that no finding has taken yet. */
function take(index: Map<string, number[]>, key: string, taken: Set<number>): boolean {
  const at = index.get(key)?.find((candidate) => !taken.has(candidate));
  if (at === undefined) return false;
  taken.add(at);
  return true;
}

/**
 * Matches current findings to baseline entries, each entry accepting at most one finding: first by finding id (a
 * stable hash of state machine, rule, state, actions and resources), then, for the findings left, by rule + target
 * + state + actions, so renaming a state machine or a resource keeps its findings accepted. Entries left over are
 * `fixed` when their target was audited in this run (`audited` holds target keys), so auditing a few files (a
 * pre-commit run) never calls the others' entries fixed.
 */
export function matchBaseline(
  entries: readonly BaselineEntry[],
  current: readonly CurrentFinding[],
  audited: ReadonlySet<string>,
): BaselineMatch {
  const taken = new Set<number>();
  const accepted = new Set<number>();
  const byId = indexBy(entries, (entry) => entry.id.toLowerCase());
  current.forEach(({ finding }, at) => {
    if (take(byId, finding.id.toLowerCase(), taken)) accepted.add(at);
  });
  const byShape = indexBy(entries, (entry) => fallbackKey(entry.target, entry.rule, entry.statePath, entry.actions));
  current.forEach(({ target, finding }, at) => {
    if (accepted.has(at)) return;
    const key = fallbackKey(target, finding.rule, finding.state?.path ?? [], finding.actions);
    if (take(byShape, key, taken)) accepted.add(at);
  });
  const fixed = entries.filter((entry, at) => !taken.has(at) && audited.has(entry.target));
  return { accepted, fixed };
}
