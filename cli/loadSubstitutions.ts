import { InputError } from '../shared/local/InputError.js';
import { INPUT_LIMITS } from '../shared/local/inputLimits.js';
import { isRecord } from '../shared/local/isRecord.js';
import { readJsonFile } from '../shared/local/readJsonFile.js';
import { UsageError } from './UsageError.js';

/** The flags that give DefinitionSubstitutions. */
export type SubstitutionFlags = { substitution?: string[] | undefined; substitutions?: string | undefined };

/**
 * A DefinitionSubstitutions value as CloudFormation takes it: a string, an integer or a boolean, turned into text by
 * Java's toString (`60`, `true`); any other type fails the deployment ("Invalid definition substitution type").
 * https://github.com/aws-cloudformation/aws-cloudformation-resource-providers-stepfunctions/blob/3df87f89a420d7e45ed6c4a381e50308d9c37374/statemachine/src/main/java/com/amazonaws/stepfunctions/cloudformation/statemachine/DefinitionProcessor.java
 */
function valueText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  return undefined;
}

/** What a JSON value is, for messages that must not quote it (a substitution value may be a secret). */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number') return 'a fractional or unsafe number';
  return typeof value === 'object' ? 'an object' : typeof value;
}

/** `{"OrdersFunctionArn": "arn:…", "Timeout": 60}` from --substitutions FILE. */
async function readSubstitutionsFile(path: string): Promise<Map<string, string>> {
  const file = await readJsonFile(path, INPUT_LIMITS.substitutions);
  if (!isRecord(file.value)) {
    throw new InputError(`${path}: expected a JSON object of DefinitionSubstitutions ({"Key": "value", …})`);
  }
  const substitutions = new Map<string, string>();
  for (const [key, value] of Object.entries(file.value)) {
    const text = valueText(value);
    if (text === undefined) {
      throw new InputError(
        `${path}: the value of "${key}" must be a string, an integer or a boolean (as CloudFormation accepts), not ${kindOf(value)}`,
      );
    }
    substitutions.set(key, text);
  }
  return substitutions;
}

/**
 * The DefinitionSubstitutions to apply: --substitutions FILE, then each --substitution KEY=VALUE over it (a flag wins
 * over the file, and a later flag over an earlier one, key by key); empty when neither is given.
 */
export async function loadSubstitutions(flags: SubstitutionFlags): Promise<Map<string, string>> {
  const substitutions =
    flags.substitutions === undefined ? new Map<string, string>() : await readSubstitutionsFile(flags.substitutions);
  for (const pair of flags.substitution ?? []) {
    const equals = pair.indexOf('=');
    if (equals <= 0) throw new UsageError(`--substitution must be KEY=VALUE (VALUE may be empty), not "${pair}"`);
    substitutions.set(pair.slice(0, equals), pair.slice(equals + 1));
  }
  return substitutions;
}
