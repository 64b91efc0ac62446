import { locateJsonError } from '../asl/locateJsonError.js';
import { InputError } from './InputError.js';

const BYTE_ORDER_MARK = '\uFEFF';

/**
 * Parses JSON text read from `source` (a file name, for messages), throwing an InputError that names the source and
 * the line and column of the first syntax error when it is not valid JSON.
 */
export function parseJsonText(text: string, source: string): unknown {
  const body = text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text;
  if (body.trim() === '') throw new InputError(`${source}: the file is empty, expected JSON`);
  try {
    return JSON.parse(body);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = locateJsonError(body, message);
    const where = at === undefined ? '' : ` at line ${at.line}, column ${at.column}`;
    const reason = at?.reason ?? message;
    throw new InputError(`${source}: not valid JSON${where}: ${reason}`, { cause: error });
  }
}
