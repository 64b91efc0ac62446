import { type ParseError, parse as parseTolerant, printParseErrorCode } from 'jsonc-parser';
import { scanJsonText } from './scanJsonText.js';

/** Where a JSON text stops being valid: 0-based offset and 1-based line/column, plus a short reason. */
export type JsonErrorLocation = { offset: number; line: number; column: number; reason: string };

const POSITION_IN_MESSAGE = /position (\d+)/;
/** Nesting jsonc-parser's recursive parse is given (it overflows Node's default stack near 5,000 levels). */
const MAX_TOLERANT_DEPTH = 1_000;

/** 1-based line and column of a 0-based offset in `text`. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * Locates the first error in a text that `JSON.parse` rejected (V8's message on Node 20 often has no position), using a
 * strict jsonc-parser pass; undefined when neither that pass nor the message names a position.
 */
export function locateJsonError(text: string, jsonParseMessage: string): JsonErrorLocation | undefined {
  const errors: ParseError[] = [];
  // jsonc-parser recurses per nesting level: deeper text would overflow the stack, so only the message is read then.
  if (scanJsonText(text, MAX_TOLERANT_DEPTH, false).tooDeepAt === undefined) {
    parseTolerant(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  }
  const first = errors[0];
  if (first !== undefined) {
    return { offset: first.offset, ...lineAndColumn(text, first.offset), reason: printParseErrorCode(first.error) };
  }
  const match = POSITION_IN_MESSAGE.exec(jsonParseMessage);
  if (match?.[1] === undefined) return undefined;
  const offset = Number(match[1]);
  return { offset, ...lineAndColumn(text, offset), reason: jsonParseMessage };
}
