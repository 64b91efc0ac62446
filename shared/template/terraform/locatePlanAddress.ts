/** A position in the plan file, 1-based. */
export type PlanPosition = { readonly line: number; readonly column: number };

const ADDRESS = /"address"\s*:\s*("(?:[^"\\]|\\.)*")/g;

/** Finds where resource addresses are written in a plan's text; built once per plan, in one pass over it. */
export type PlanAddressLocator = (address: string) => PlanPosition;

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function positionAt(starts: readonly number[], offset: number): PlanPosition {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((starts[middle] ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, column: offset - (starts[low] ?? 0) + 1 };
}

/**
 * Where each resource instance is written in the plan text: the `"address"` key of its entry in `resource_changes`
 * (the planned change), else its first `"address"` anywhere (planned values, prior state), else the start of the
 * file. `terraform show -json` prints one line, so the line is 1 and the column says where; a pretty-printed plan gets
 * the entry's line. Addresses are compared as decoded JSON strings, so Go's `\u003c`-style escapes match.
 */
export function createPlanAddressLocator(text: string): PlanAddressLocator {
  const changes = text.indexOf('"resource_changes"');
  const first = new Map<string, number>();
  const inChanges = new Map<string, number>();
  for (const match of text.matchAll(ADDRESS)) {
    let address: string;
    try {
      address = JSON.parse(match[1] ?? '""') as string;
    } catch {
      continue;
    }
    if (!first.has(address)) first.set(address, match.index);
    if (changes !== -1 && match.index > changes && !inChanges.has(address)) inChanges.set(address, match.index);
  }
  let starts: number[] | undefined;
  return (address) => {
    starts ??= lineStartsOf(text);
    return positionAt(starts, inChanges.get(address) ?? first.get(address) ?? 0);
  };
}

/** The position of one address (see createPlanAddressLocator; build a locator to find many). */
export function locatePlanAddress(text: string, address: string): PlanPosition {
  return createPlanAddressLocator(text)(address);
}
