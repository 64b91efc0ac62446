/** Each `${…}` in `text` (up to the first `}`) that names a substitution, with how often it occurs. */
function countPlaceholders(text: string, substitutions: ReadonlyMap<string, string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (let at = text.indexOf('${'); at !== -1; at = text.indexOf('${', at + 2)) {
    const end = text.indexOf('}', at + 2);
    if (end === -1) break;
    const key = text.slice(at + 2, end);
    if (substitutions.has(key)) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/**
 * An estimate, in characters, of `text` once its DefinitionSubstitutions are applied repeatedly (each value's own
 * placeholders expanded too), computed without building it, so `A` → `${B}${B}`, `B` → `${C}${C}`… cannot make the
 * command build gigabytes; `Infinity` when a placeholder the text uses leads back to itself (it never stops expanding).
 */
export function substitutedLength(text: string, substitutions: ReadonlyMap<string, string>): number {
  const expanded = new Map<string, number>();
  const visiting = new Set<string>();
  const counted = new Map<string, Map<string, number>>();
  const lengthOf = (source: string, counts: Map<string, number>): number => {
    let length = source.length;
    for (const [key, count] of counts) length += count * (expandedLength(key) - (key.length + 3));
    return length;
  };
  function expandedLength(key: string): number {
    const known = expanded.get(key);
    if (known !== undefined) return known;
    if (visiting.has(key)) return Number.POSITIVE_INFINITY;
    visiting.add(key);
    const value = substitutions.get(key) ?? '';
    let counts = counted.get(key);
    if (counts === undefined) {
      counts = countPlaceholders(value, substitutions);
      counted.set(key, counts);
    }
    const length = lengthOf(value, counts);
    visiting.delete(key);
    expanded.set(key, length);
    return length;
  }
  return lengthOf(text, countPlaceholders(text, substitutions));
}
