import { lineAndColumn, locateJsonError } from './locateJsonError.js';
import { measureJsonValue } from './measureJsonValue.js';
import { scanJsonText } from './scanJsonText.js';
import { scanKeyMarks } from './scanKeyMarks.js';
import type { AslDefinition, DefinitionIssue, ParseResult } from './types.js';
import { validateDefinition } from './validateDefinition.js';

type Loaded = { ok: true; value: unknown } | { ok: false; issues: DefinitionIssue[] };

/**
 * The longest definition Step Functions accepts: CreateStateMachine's `definition` has "Maximum length of 1048576"
 * (https://docs.aws.amazon.com/step-functions/latest/apireference/API_CreateStateMachine.html; "Maximum size of state
 * machine definition: 1 MB", a hard quota, https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html).
 */
export const MAX_DEFINITION_LENGTH = 1_048_576;

/**
 * The deepest nesting of objects and arrays read. Step Functions documents no limit; 1,000 open `{`/`[` is the
 * default of Jackson's StreamReadConstraints (https://github.com/FasterXML/jackson-core/wiki/StreamReadConstraints),
 * far beyond real definitions (each Parallel or Map level adds 5–6), and keeps every walk fast and off the stack.
 */
export const MAX_NESTING_DEPTH = 1_000;

const BYTE_ORDER_MARK = '\uFEFF';

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function invalid(message: string): Loaded {
  return { ok: false, issues: [{ message, path: [] }] };
}

function where(text: string, offset: number): string {
  const { line, column } = lineAndColumn(text, offset);
  return `line ${line}, column ${column}`;
}

function tooLong(length: number): Loaded {
  return invalid(
    `definition is ${length.toLocaleString('en-US')} characters long; Step Functions accepts at most ` +
      `${MAX_DEFINITION_LENGTH.toLocaleString('en-US')}`,
  );
}

/** Nesting and duplicate keys of JSON text: problems `JSON.parse` does not report. */
function checkText(text: string, parsedOk: boolean): DefinitionIssue[] {
  const scan = scanJsonText(text, MAX_NESTING_DEPTH, parsedOk);
  if (scan.tooDeepAt !== undefined) {
    const message =
      `definition nests objects and arrays more than ${MAX_NESTING_DEPTH.toLocaleString('en-US')} levels deep ` +
      `(at ${where(text, scan.tooDeepAt)}, offset ${scan.tooDeepAt})`;
    return [{ message, path: [] }];
  }
  return scan.duplicates.map((d) => {
    // State names must be unique: https://states-language.net/spec.html#states-fields
    const isState = d.path[d.path.length - 2] === 'States';
    const places = `${where(text, d.firstOffset)} and ${where(text, d.secondOffset)}`;
    const why = isState
      ? 'JSON keeps only the last, and Step Functions rejects duplicate state names'
      : 'JSON keeps only the last';
    return { message: `key '${d.key}' appears twice in the same object (${places}); ${why}`, path: d.path };
  });
}

function parseText(text: string): Loaded {
  const body = text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text;
  if (body.length > MAX_DEFINITION_LENGTH) return tooLong(body.length);
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    const reason = errorMessage(error);
    const limits = checkText(body, false);
    if (limits.length > 0) return { ok: false, issues: limits };
    const at = locateJsonError(body, reason);
    const place = at === undefined ? '' : ` at line ${at.line}, column ${at.column} (offset ${at.offset})`;
    const detail = at === undefined || at.reason === reason ? reason : `${at.reason}; ${reason}`;
    return invalid(`definition is not valid JSON${place}: ${detail}`);
  }
  // The full scan runs only when the value nests too deep or has fewer keys than the text names (a key repeated, or a
  // `":` inside a string), or a key may stand apart from its colon: it then says where.
  const measure = measureJsonValue(value, MAX_NESTING_DEPTH);
  if (!measure.tooDeep && measure.keys === scanKeyMarks(body)) return { ok: true, value };
  const issues = checkText(body, true);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value };
}

/** A JSON round trip: a private copy holding exactly what AWS would receive, whatever the caller does to its object. */
function copyValue(input: unknown): Loaded {
  let text: string | undefined;
  try {
    text = JSON.stringify(input);
  } catch (error) {
    if (error instanceof RangeError && /call stack/i.test(error.message)) {
      return invalid(
        `definition nests objects and arrays more than ${MAX_NESTING_DEPTH.toLocaleString('en-US')} levels deep`,
      );
    }
    return invalid(`definition cannot be read as JSON: ${errorMessage(error)}`);
  }
  if (text === undefined) return { ok: true, value: input };
  if (text.length > MAX_DEFINITION_LENGTH) return tooLong(text.length);
  const issues = checkText(text, false);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: JSON.parse(text) };
}

/**
 * Parses a definition given as JSON text or as an already-parsed value into a checked private copy, reporting every
 * structural problem as a DefinitionIssue — invalid JSON, more than MAX_DEFINITION_LENGTH characters, nesting deeper
 * than MAX_NESTING_DEPTH, duplicate keys — without recursion; never throws and never touches the caller's value.
 */
export function parseDefinition(input: string | unknown): ParseResult {
  const loaded = typeof input === 'string' ? parseText(input) : copyValue(input);
  if (!loaded.ok) return loaded;
  const issues = validateDefinition(loaded.value);
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, definition: loaded.value as AslDefinition };
}
