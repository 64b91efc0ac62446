import { LineCounter, parseDocument } from 'yaml';
import { InputError } from '../shared/local/InputError.js';

/** A key path into a config file: `['ignore', 2, 'reason']`. */
export type ConfigPath = readonly (string | number)[];

/** A parsed config file: its plain value and the 1-based line of any key path (for messages). */
export type ConfigText = { value: unknown; lineOf(path: ConfigPath): number | undefined };

/** The first line of a yaml error message (the rest is a code excerpt). */
function firstLine(message: string): string {
  return message.split('\n')[0]?.replace(/:$/, '') ?? message;
}

/**
 * Parses a config file's text: JSON with JSON's types (`.json`), or YAML with the failsafe schema, where every
 * scalar is a string — so `account: 012345678901` keeps its leading zero, `expires: 2026-06-30` stays a date text
 * and no `yes`/`no` turns into a boolean. Syntax errors, duplicate keys, several documents, tags (`!Ref` means
 * nothing here) and bad aliases are InputErrors naming the file and line.
 */
export function parseConfigText(text: string, path: string): ConfigText {
  const lineCounter = new LineCounter();
  const json = path.toLowerCase().endsWith('.json');
  const document = parseDocument(text, {
    schema: json ? 'json' : 'failsafe',
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
  });
  const problem = document.errors[0] ?? document.warnings.find((warning) => warning.code === 'TAG_RESOLVE_FAILED');
  if (problem !== undefined) {
    const line = lineCounter.linePos(problem.pos[0]).line;
    throw new InputError(
      `${path}:${line}: not a valid ${json ? 'JSON' : 'YAML'} config file: ${firstLine(problem.message)}`,
    );
  }
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw new InputError(`${path}: not a valid config file: ${error instanceof Error ? error.message : error}`);
  }
  return {
    value,
    lineOf(keyPath) {
      const node = keyPath.length === 0 ? document.contents : document.getIn(keyPath, true);
      const offset = (node as { range?: [number, number, number] } | null | undefined)?.range?.[0];
      return offset === undefined ? undefined : lineCounter.linePos(offset).line;
    },
  };
}
