import type { TextPosition } from './locateJsonPaths.js';

/** A SARIF region: 1-based lines and columns in UTF-16 code units; the end column is the one after the region. */
export type SarifRegion = { startLine: number; startColumn: number; endLine?: number; endColumn?: number };

/** The text of line `line` (1-based) without its line break, or undefined past the end. */
function lineOf(lineStarts: readonly number[], text: string, line: number): string | undefined {
  const start = lineStarts[line - 1];
  if (start === undefined) return undefined;
  const next = lineStarts[line];
  const end = next === undefined ? text.length : next - 1;
  const raw = text.slice(start, end);
  return raw.endsWith('\r') ? raw.slice(0, -1) : raw;
}

/** Index after the quoted token that starts at `from` (a JSON or YAML double-quoted, or a YAML single-quoted key). */
function quotedEnd(lineText: string, from: number): number {
  const quote = lineText[from];
  for (let i = from + 1; i < lineText.length; i++) {
    const char = lineText[i];
    if (quote === '"' && char === '\\') i++;
    else if (char === quote) {
      if (quote === "'" && lineText[i + 1] === "'") i++;
      else return i + 1;
    }
  }
  return lineText.length;
}

/** Index after the plain (unquoted YAML) key that starts at `from`: up to `: `, a final `:` or the end of the line. */
function plainEnd(lineText: string, from: number): number {
  for (let i = from; i < lineText.length; i++) {
    if (lineText[i] === ':' && (i + 1 === lineText.length || lineText[i + 1] === ' ' || lineText[i + 1] === '\t')) {
      return i;
    }
  }
  return lineText.trimEnd().length;
}

/**
 * Makes regions of key positions in one text: the region covers the key at the position (a quoted JSON key, or a
 * YAML key up to its colon), on its line, as GitHub code scanning wants start and end. Line starts are found once.
 */
export function createRegionFinder(text: string | undefined): (position: TextPosition) => SarifRegion {
  if (text === undefined) return ({ line, column }) => ({ startLine: line, startColumn: column });
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  return ({ line, column }) => {
    const lineText = lineOf(lineStarts, text, line);
    if (lineText === undefined) return { startLine: line, startColumn: column };
    const from = column - 1;
    const char = lineText[from];
    const end = char === '"' || char === "'" ? quotedEnd(lineText, from) : plainEnd(lineText, from);
    return { startLine: line, startColumn: column, endLine: line, endColumn: Math.max(end + 1, column + 1) };
  };
}
