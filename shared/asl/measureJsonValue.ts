/** What a parsed JSON value holds: its number of object keys, and whether it nests deeper than a limit. */
export type JsonValueMeasure = { keys: number; tooDeep: boolean };

const QUOTE = 34;
const SPACE = 32;
const TAB = 9;
const LINE_FEED = 10;
const CARRIAGE_RETURN = 13;

/** What keysBelow answers for a value nested deeper than its limit. */
const TOO_DEEP = -1;

/**
 * The object keys inside `node` (an object or array at nesting `depth`), or TOO_DEEP when it nests deeper than
 * `maxDepth`. Recursive, but never deeper than `maxDepth` calls: a value nested deeper stops at the limit. A recursion
 * walks a parsed tree faster than an explicit stack (no pushes, no depth slots), measured in bench/run.ts.
 */
function keysBelow(node: object, depth: number, maxDepth: number): number {
  if (depth > maxDepth) return TOO_DEEP;
  let keys = 0;
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) {
      const item: unknown = node[i];
      if (typeof item !== 'object' || item === null) continue;
      const below = keysBelow(item, depth + 1, maxDepth);
      if (below === TOO_DEEP) return TOO_DEEP;
      keys += below;
    }
    return keys;
  }
  const record = node as Record<string, unknown>;
  for (const key in record) {
    keys++;
    const item = record[key];
    if (typeof item !== 'object' || item === null) continue;
    const below = keysBelow(item, depth + 1, maxDepth);
    if (below === TOO_DEEP) return TOO_DEEP;
    keys += below;
  }
  return keys;
}

/**
 * Counts the object keys of a parsed JSON value and checks its nesting against `maxDepth` (objects and arrays, as
 * scanJsonText counts them): a cheap check after `JSON.parse` that the text had no duplicate keys — the text then holds
 * at least as many `"key":` as the value has keys, and exactly as many only when no key repeats. The walk recurses at
 * most `maxDepth` calls deep (MAX_NESTING_DEPTH is 1,000), so any input is safe; `keys` is 0 when `tooDeep`.
 */
export function measureJsonValue(value: unknown, maxDepth: number): JsonValueMeasure {
  if (typeof value !== 'object' || value === null) return { keys: 0, tooDeep: false };
  const keys = keysBelow(value, 1, maxDepth);
  return keys === TOO_DEEP ? { keys: 0, tooDeep: true } : { keys, tooDeep: false };
}

function isJsonWhitespace(code: number): boolean {
  return code === SPACE || code === LINE_FEED || code === CARRIAGE_RETURN || code === TAB;
}

/** True when JSON whitespace ending at `end` (inclusive) follows a quote: a key that may stand apart from its colon. */
function followsQuote(text: string, end: number): boolean {
  let at = end;
  while (at >= 0 && isJsonWhitespace(text.charCodeAt(at))) at--;
  return text.charCodeAt(at) === QUOTE;
}

/**
 * Occurrences of a closing quote followed by a colon: every key of JSON text, and any `\":` inside a string; undefined
 * when a quote is followed by whitespace and a colon (`"a" : 1`), a key the count would miss. One pass over the
 * colons, in place of a scan of every character.
 */
export function countKeyMarks(text: string): number | undefined {
  let count = 0;
  for (let at = text.indexOf(':'); at !== -1; at = text.indexOf(':', at + 1)) {
    const before = text.charCodeAt(at - 1);
    if (before === QUOTE) count++;
    else if (isJsonWhitespace(before) && followsQuote(text, at - 1)) return undefined;
  }
  return count;
}
