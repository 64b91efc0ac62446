/** JSONata string escapes (https://docs.jsonata.org/simple — string literals follow JSON's escapes). */
const ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

/** Operators that bind no tighter than `&`, so `'a' & $x <op> …` would not be a string starting with 'a'. */
const LOOSER_OPERATOR_CHARS = new Set(['=', '<', '>', '!', '?', ':', '~', ';', '+', '-']);
const LOOSER_OPERATOR_WORDS = /(^|[^\w$])(and|or|in)(?![\w$])/;

/** Reads a quoted JSONata string at `start`; returns its value and the index after it, or undefined. */
function readString(body: string, start: number): { value: string; end: number } | undefined {
  const quote = body[start];
  if (quote !== "'" && quote !== '"') return undefined;
  let value = '';
  for (let i = start + 1; i < body.length; i++) {
    const char = body[i] as string;
    if (char === quote) return { value, end: i + 1 };
    if (char !== '\\') {
      value += char;
      continue;
    }
    const code = body[i + 1] ?? '';
    if (code === 'u' && /^[0-9a-fA-F]{4}$/.test(body.slice(i + 2, i + 6))) {
      value += String.fromCharCode(Number.parseInt(body.slice(i + 2, i + 6), 16));
      i += 5;
    } else if (ESCAPES[code] !== undefined) {
      value += ESCAPES[code];
      i++;
    } else {
      return undefined;
    }
  }
  return undefined;
}

/** True when the rest of the expression, outside strings and brackets, has no operator looser than or equal to `&`. */
function isConcatenationTail(tail: string): boolean {
  let depth = 0;
  let outside = '';
  for (let i = 0; i < tail.length; i++) {
    const char = tail[i] as string;
    if (char === "'" || char === '"' || char === '`') {
      let close = i + 1;
      while (close < tail.length && tail[close] !== char) close += tail[close] === '\\' ? 2 : 1;
      if (close >= tail.length) return false;
      i = close;
      outside += ' ';
    } else if (char === '(' || char === '[' || char === '{') depth++;
    else if (char === ')' || char === ']' || char === '}') depth--;
    else if (depth === 0) {
      if (LOOSER_OPERATOR_CHARS.has(char)) return false;
      outside += char;
    }
  }
  return depth === 0 && !LOOSER_OPERATOR_WORDS.test(outside);
}

/**
 * The leading string literal(s) of a JSONata expression that joins them with `&` (`{% 'arn:…:function:orders-' & $x %}`);
 * undefined when the expression does not start that way or a looser operator could change the result.
 * https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html
 */
export function jsonataLiteralPrefix(expression: string): string | undefined {
  const body = expression.slice(2, -2);
  let prefix = '';
  let i = 0;
  for (;;) {
    while (body[i] === ' ' || body[i] === '\n' || body[i] === '\t' || body[i] === '\r') i++;
    const literal = readString(body, i);
    if (literal === undefined) break;
    prefix += literal.value;
    i = literal.end;
    while (body[i] === ' ' || body[i] === '\n' || body[i] === '\t' || body[i] === '\r') i++;
    if (i >= body.length) return prefix === '' ? undefined : prefix;
    if (body[i] !== '&') return undefined;
    i++;
  }
  const tail = body.slice(i);
  return prefix !== '' && tail.trim() !== '' && isConcatenationTail(tail) ? prefix : undefined;
}
