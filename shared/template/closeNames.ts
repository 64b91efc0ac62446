/** How many suggestions an unknown name gets at most. */
const MAX_CLOSE_NAMES = 5;

/** Levenshtein distance between two texts (insertions, deletions and substitutions of one code unit). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * The candidates a mistyped name most likely meant, closest first: those within about a third of its length in
 * edits, ignoring case, or containing it (or contained in it), so `SecretsManagerGetSecretValuePolicy` finds
 * `AWSSecretsManagerGetSecretValuePolicy`.
 */
export function closeNames(name: string, candidates: Iterable<string>): string[] {
  const wanted = name.toLowerCase();
  const limit = Math.max(2, Math.ceil(wanted.length / 3));
  const scored: { candidate: string; score: number }[] = [];
  for (const candidate of candidates) {
    const lower = candidate.toLowerCase();
    const distance = editDistance(wanted, lower);
    const contains = wanted.length >= 4 && (lower.includes(wanted) || wanted.includes(lower));
    if (distance <= limit || contains) scored.push({ candidate, score: distance });
  }
  scored.sort((a, b) => a.score - b.score || (a.candidate < b.candidate ? -1 : a.candidate > b.candidate ? 1 : 0));
  return scored.slice(0, MAX_CLOSE_NAMES).map(({ candidate }) => candidate);
}
