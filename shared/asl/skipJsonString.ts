/**
 * The index just after the JSON string that opens with the quote at `start` (the text's length when it never
 * closes): a linear scan that lets callers walk JSON text without recursion or a parse tree.
 */
export function skipJsonString(text: string, start: number): number {
  let from = start + 1;
  for (;;) {
    const quote = text.indexOf('"', from);
    if (quote < 0) return text.length;
    let backslash = quote - 1;
    while (text.charCodeAt(backslash) === 92) backslash--;
    if ((quote - 1 - backslash) % 2 === 0) return quote + 1;
    from = quote + 1;
  }
}

/** The value of the JSON string text[start, end) (quotes included), decoding escapes only when it has some. */
export function jsonStringValue(text: string, start: number, end: number): string {
  const raw = text.slice(start + 1, end - 1);
  return raw.includes('\\') ? (JSON.parse(text.slice(start, end)) as string) : raw;
}
