import { isRecord } from '../shared/local/isRecord.js';
import { closeNames } from '../shared/template/closeNames.js';
import type { ConfigPath, ConfigText } from './parseConfigText.js';
import { UsageError } from './UsageError.js';

/** `ignore[2].reason`, for messages. */
export function describePath(path: ConfigPath): string {
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`)).join('');
}

/** What a value is, for messages that do not quote it. */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (isRecord(value)) return 'a mapping';
  return typeof value === 'number' ? 'a number (quote it)' : typeof value;
}

/**
 * Reads the values of a parsed config file strictly: every problem is a one-line UsageError naming the file, the
 * line and the key (`.sfn-role-audit.yml:7: ignore[1]: unknown key "purpse" (did you mean "purpose"?)`).
 */
export class ConfigReader {
  constructor(
    readonly file: string,
    private readonly text: ConfigText,
  ) {}

  /** Throws the UsageError for a problem at `path`. */
  fail(path: ConfigPath, message: string): never {
    const line = this.text.lineOf(path);
    const where = path.length === 0 ? '' : ` ${describePath(path)}:`;
    throw new UsageError(`${this.file}${line === undefined ? '' : `:${line}`}:${where} ${message}`);
  }

  /** The mapping at `path`, after checking that it has only `known` keys (with a "did you mean" for a typo). */
  mapping(path: ConfigPath, value: unknown, known: readonly string[], hints: ReadonlyMap<string, string> = new Map()) {
    if (!isRecord(value)) this.fail(path, `expected a mapping of keys, not ${kindOf(value)}`);
    for (const key of Object.keys(value)) {
      if (known.includes(key)) continue;
      const hint = hints.get(key);
      if (hint !== undefined) this.fail([...path, key], hint);
      const [close] = closeNames(key, known);
      this.fail([...path, key], `unknown key "${key}"${close === undefined ? '' : ` (did you mean "${close}"?)`}`);
    }
    return value;
  }

  /** A non-empty string. */
  string(path: ConfigPath, value: unknown): string {
    if (typeof value !== 'string') this.fail(path, `expected a string, not ${kindOf(value)}`);
    if (value.trim() === '') this.fail(path, 'must not be empty');
    return value;
  }

  /** A string or a list of strings, as a list. */
  strings(path: ConfigPath, value: unknown): string[] {
    if (!Array.isArray(value)) return [this.string(path, value)];
    return value.map((item, index) => this.string([...path, index], item));
  }

  /** One of `allowed`. */
  oneOf<const A extends readonly string[]>(path: ConfigPath, value: unknown, allowed: A): A[number] {
    const text = this.string(path, value);
    if ((allowed as readonly string[]).includes(text)) return text as A[number];
    const [close] = closeNames(text, allowed);
    this.fail(
      path,
      `"${text}" is not one of ${allowed.join(', ')}${close === undefined ? '' : ` (did you mean "${close}"?)`}`,
    );
  }

  /**
   * A mapping of names to values (template parameters, substitutions, context keys): strings, or in a JSON file
   * integers and booleans, as text; with `lists`, a value may also be a list of them.
   */
  values(path: ConfigPath, value: unknown, lists = false): Map<string, string[]> {
    if (!isRecord(value)) this.fail(path, `expected a mapping of names to values, not ${kindOf(value)}`);
    const result = new Map<string, string[]>();
    for (const [key, item] of Object.entries(value)) {
      const items = lists && Array.isArray(item) ? item : [item];
      result.set(
        key,
        items.map((entry, index) => {
          const at = lists && Array.isArray(item) ? [...path, key, index] : [...path, key];
          if (typeof entry === 'string') return entry;
          if (typeof entry === 'boolean' || (typeof entry === 'number' && Number.isSafeInteger(entry))) {
            return String(entry);
          }
          return this.fail(at, `expected a string${lists ? ' or a list of strings' : ''}, not ${kindOf(entry)}`);
        }),
      );
    }
    return result;
  }

  /** A list of items (a single item is not a list here: ignore rules and overrides are always lists). */
  list(path: ConfigPath, value: unknown): unknown[] {
    if (!Array.isArray(value)) this.fail(path, `expected a list, not ${kindOf(value)}`);
    return value;
  }
}
