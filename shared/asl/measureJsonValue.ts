/** What a parsed JSON value holds: its number of object keys, and whether it nests deeper than a limit. */
export type JsonValueMeasure = { keys: number; tooDeep: boolean };

/**
 * Counts the object keys of a parsed JSON value and checks its nesting against `maxDepth` (objects and arrays, as
 * scanJsonText counts them), iteratively: a cheap check after `JSON.parse` that the text had no duplicate keys — the
 * text then holds at least as many `"key":` as the value has keys, and exactly as many only when no key repeats.
 */
export function measureJsonValue(value: unknown, maxDepth: number): JsonValueMeasure {
  let keys = 0;
  // Pairs of (node, depth), flat, so the walk allocates one array.
  const stack: unknown[] = [value, 1];
  while (stack.length > 0) {
    const depth = stack.pop() as number;
    const node = stack.pop() as Record<string, unknown> | unknown[];
    if (depth > maxDepth) return { keys, tooDeep: true };
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const item = node[i];
        if (typeof item === 'object' && item !== null) stack.push(item, depth + 1);
      }
      continue;
    }
    for (const key in node) {
      keys++;
      const item = node[key];
      if (typeof item === 'object' && item !== null) stack.push(item, depth + 1);
    }
  }
  return { keys, tooDeep: false };
}

/** Occurrences of a closing quote followed by a colon: every key of JSON text, and any `\":` inside a string. */
export function countKeyMarks(text: string): number {
  let count = 0;
  for (let at = text.indexOf('":'); at !== -1; at = text.indexOf('":', at + 2)) count++;
  return count;
}
