/** What a parsed JSON value holds: its number of object keys, and whether it nests deeper than a limit. */
export type JsonValueMeasure = { keys: number; tooDeep: boolean };

const QUOTE = 34;
const SPACE = 32;
const TAB = 9;
const LINE_FEED = 10;
const CARRIAGE_RETURN = 13;

/**
 * Counts the object keys of a parsed JSON value and checks its nesting against `maxDepth` (objects and arrays, as
 * scanJsonText counts them), iteratively: a cheap check after `JSON.parse` that the text had no duplicate keys — the
 * text then holds at least as many `"key":` as the value has keys, and exactly as many only when no key repeats.
 */
export function measureJsonValue(value: unknown, maxDepth: number): JsonValueMeasure {
  let keys = 0;
  // Two parallel stacks of the containers still to visit and their depths; slots are reused, so the walk allocates
  // only as much as its widest frontier.
  const nodes: unknown[] = [value];
  const depths: number[] = [1];
  let size = 1;
  while (size > 0) {
    size--;
    const node = nodes[size] as Record<string, unknown> | unknown[];
    const depth = depths[size] as number;
    if (typeof node !== 'object' || node === null) continue;
    if (depth > maxDepth) return { keys, tooDeep: true };
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const item = node[i];
        if (typeof item !== 'object' || item === null) continue;
        nodes[size] = item;
        depths[size++] = depth + 1;
      }
      continue;
    }
    for (const key in node) {
      keys++;
      const item = node[key];
      if (typeof item !== 'object' || item === null) continue;
      nodes[size] = item;
      depths[size++] = depth + 1;
    }
  }
  return { keys, tooDeep: false };
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
