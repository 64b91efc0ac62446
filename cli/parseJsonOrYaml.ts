import { parseDocument } from 'yaml';
import { InputError } from '../shared/local/InputError.js';
import { parseJsonText } from '../shared/local/parseJsonText.js';

const YAML_NAME = /\.ya?ml$/i;
const JSON_START = /^\uFEFF?\s*[[{]/;

/**
 * True when a file's text is read as YAML: a `.yaml`/`.yml` name, or text that does not open with `{` or `[` (a
 * `.json` file is always JSON, so its syntax errors are JSON's). SAM accepts definition files in either
 * (https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-statemachine.html).
 */
export function isYamlText(path: string, text: string): boolean {
  if (YAML_NAME.test(path)) return true;
  if (/\.json$/i.test(path)) return false;
  return !JSON_START.test(text);
}

/**
 * Parses YAML 1.2 (core schema: no timestamps, no `<<` merges), refusing duplicate keys as the JSON reader does; an
 * unknown tag (`!Ref`) keeps its plain value, so CloudFormation short forms still parse far enough to be recognised.
 * A syntax error is an InputError naming the source, line and column.
 */
export function parseYamlText(text: string, source: string): unknown {
  if (text.trim() === '') throw new InputError(`${source}: the file is empty, expected JSON or YAML`);
  const document = parseDocument(text, { schema: 'core', uniqueKeys: true, prettyErrors: true });
  const [error] = document.errors;
  if (error !== undefined) {
    const at = error.linePos?.[0];
    const where = at === undefined ? '' : ` at line ${at.line}, column ${at.col}`;
    const reason = error.message.split(' at line ')[0]?.split('\n')[0] ?? error.code;
    throw new InputError(`${source}: not valid YAML${where}: ${reason}`, { cause: error });
  }
  try {
    return document.toJS({ maxAliasCount: 100 });
  } catch (cause) {
    throw new InputError(`${source}: not usable YAML: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
  }
}

/** The file's text as a JSON value, read as JSON or YAML by isYamlText. */
export function parseJsonOrYaml(path: string, text: string, source = path): unknown {
  return isYamlText(path, text) ? parseYamlText(text, source) : parseJsonText(text, source);
}
