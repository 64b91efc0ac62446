/** Where a quoted scalar that starts at `from` ends (after its closing quote), or the text's length. */
function skipQuoted(text: string, from: number): number {
  const quote = text[from];
  for (let i = from + 1; i < text.length; i++) {
    const char = text[i];
    if (quote === '"' && char === '\\') i++;
    else if (char === quote) {
      if (quote === "'" && text[i + 1] === "'") i++;
      else return i + 1;
    }
  }
  return text.length;
}

type Scan = { depth: number; indent: number; blockScalar: number | undefined };

/** The end of a line's block-context content, opening a flow collection or a block scalar where a value starts. */
function scanBlockLine(text: string, start: number, end: number, indent: number, scan: Scan): number {
  let i = start;
  for (;;) {
    while (i < end && text[i] === ' ') i++;
    const char = text[i];
    if (i >= end || char === '#') return end;
    if (char === '-' && (text[i + 1] === ' ' || i + 1 === end)) i += 1;
    else if (char === '!' || char === '&') while (i < end && text[i] !== ' ') i++;
    else if (char === '|' || char === '>') {
      scan.blockScalar = indent;
      return end;
    } else if (char === '{' || char === '[') {
      scan.depth = 1;
      scan.indent = indent;
      return i + 1;
    } else if (char === '"' || char === "'") {
      i = skipQuoted(text, i);
      if (text[i] === ':') i++;
      else return Math.max(i, end);
    } else {
      const colon = text.slice(i, end).search(/:( |$)/);
      if (colon === -1) return end;
      i += colon + 1;
    }
  }
}

/**
 * YAML text whose flow collections (`{…}`, `[…]`) are indented as YAML 1.2 requires: a continuation line of a flow
 * collection gets leading spaces until it is deeper than the block line that opened it. PyYAML, which SAM and
 * cfn-lint use, accepts the JSON-style policies AWS samples often write with the closing `}` under their key; the
 * yaml package does not. Whitespace at the start of a line inside a flow collection means nothing, so the value is
 * the same, and no line moves (positions keep their line; the column of a re-indented line shifts).
 */
export function relaxFlowIndentation(text: string): string {
  const scan: Scan = { depth: 0, indent: 0, blockScalar: undefined };
  let out = '';
  let at = 0;
  while (at < text.length) {
    const newline = text.indexOf('\n', at);
    const end = newline === -1 ? text.length : newline;
    let line = text.slice(at, end);
    const indent = line.length - line.trimStart().length;
    if (scan.depth > 0 && line.trim() !== '' && indent <= scan.indent)
      line = ' '.repeat(scan.indent + 1 - indent) + line;
    const lineStart = out.length;
    out += line + (newline === -1 ? '' : '\n');
    let i = lineStart + (line.length - line.trimStart().length);
    const lineEnd = lineStart + line.length;
    if (scan.depth === 0 && scan.blockScalar !== undefined) {
      if (line.trim() === '' || indent > scan.blockScalar) {
        at = end + 1;
        continue;
      }
      scan.blockScalar = undefined;
    }
    if (scan.depth === 0) i = scanBlockLine(out, i, lineEnd, indent, scan);
    for (; i < lineEnd && scan.depth > 0; i++) {
      const char = out[i];
      if (char === '"' || char === "'") i = skipQuoted(out, i) - 1;
      else if (char === '#' && out[i - 1] === ' ') break;
      else if (char === '{' || char === '[') scan.depth++;
      else if (char === '}' || char === ']') scan.depth--;
    }
    if (scan.depth === 0 && i < lineEnd) scanBlockLine(out, i, lineEnd, indent, scan);
    at = end + 1;
  }
  return out;
}
