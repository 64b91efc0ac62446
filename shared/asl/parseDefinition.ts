import { locateJsonError } from './locateJsonError.js';
import type { AslDefinition, DefinitionIssue, ParseResult } from './types.js';
import { validateDefinition } from './validateDefinition.js';

type Loaded = { ok: true; value: unknown } | { ok: false; issues: DefinitionIssue[] };

const BYTE_ORDER_MARK = '\uFEFF';

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function parseText(text: string): Loaded {
  const body = text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (error) {
    const reason = errorMessage(error);
    const at = locateJsonError(body, reason);
    const where = at === undefined ? '' : ` at line ${at.line}, column ${at.column} (offset ${at.offset})`;
    const detail = at === undefined || at.reason === reason ? reason : `${at.reason}; ${reason}`;
    return { ok: false, issues: [{ message: `definition is not valid JSON${where}: ${detail}`, path: [] }] };
  }
}

/** A JSON round trip: a private copy holding exactly what AWS would receive, whatever the caller does to its object. */
function copyValue(input: unknown): Loaded {
  try {
    const text = JSON.stringify(input);
    return { ok: true, value: text === undefined ? input : JSON.parse(text) };
  } catch (error) {
    return { ok: false, issues: [{ message: `definition cannot be read as JSON: ${errorMessage(error)}`, path: [] }] };
  }
}

/**
 * Parses a definition given as JSON text or as an already-parsed value into a checked private copy, reporting every
 * structural problem as a DefinitionIssue; never throws and never touches the caller's value.
 */
export function parseDefinition(input: string | unknown): ParseResult {
  const loaded = typeof input === 'string' ? parseText(input) : copyValue(input);
  if (!loaded.ok) return loaded;
  const issues = validateDefinition(loaded.value);
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, definition: loaded.value as AslDefinition };
}
