import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { ROOT } from '../cli/builtCli.js';

// ajv-formats is CommonJS: its default export is the function under ESM interop.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

const schema = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8'));
// unicodeRegExp off: the schema's `language` pattern ends in a stray `]`, which only non-Unicode regular expressions accept.
const ajv = addFormats(new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }));
const validate = ajv.compile(schema);

/** The errors of a SARIF log against the OASIS SARIF 2.1.0 schema (formats uri, uri-reference, date-time checked). */
export function sarifSchemaErrors(sarifText: string): string[] {
  if (validate(JSON.parse(sarifText))) return [];
  return (validate.errors ?? []).map((e: ErrorObject) => `${e.instancePath} ${e.message ?? ''}`);
}
