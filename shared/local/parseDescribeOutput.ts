import type { StateMachineDescription } from '../types.js';
import { InputError } from './InputError.js';
import { INPUT_LIMITS } from './inputLimits.js';
import { isRecord } from './isRecord.js';
import { readJsonFile } from './readJsonFile.js';

function optionalString(value: Record<string, unknown>, key: string, source: string): string | undefined {
  const field = value[key];
  if (field === undefined || field === null) return undefined;
  if (typeof field !== 'string') throw new InputError(`${source}: "${key}" must be a string`);
  return field;
}

function optionalRecord<T>(value: Record<string, unknown>, key: string, source: string): T | undefined {
  const field = value[key];
  if (field === undefined || field === null) return undefined;
  if (!isRecord(field)) throw new InputError(`${source}: "${key}" must be an object`);
  return field as T;
}

function stateMachineType(value: Record<string, unknown>, source: string): StateMachineDescription['type'] {
  const type = optionalString(value, 'type', source);
  if (type === undefined || type === 'STANDARD' || type === 'EXPRESS') return type;
  throw new InputError(`${source}: "type" must be STANDARD or EXPRESS`);
}

/**
 * Reads the output of `aws stepfunctions describe-state-machine` (definition as JSON text, roleArn, stateMachineArn,
 * name, type, revisionId and the logging, tracing and encryption configurations) into a StateMachineDescription.
 * https://docs.aws.amazon.com/step-functions/latest/apireference/API_DescribeStateMachine.html
 */
export function parseDescribeOutput(value: unknown, source: string): StateMachineDescription {
  if (!isRecord(value)) throw new InputError(`${source}: expected the JSON object describe-state-machine prints`);
  const definition = value.definition;
  if (typeof definition !== 'string' && !isRecord(definition)) {
    throw new InputError(
      `${source}: no "definition" (is this the output of aws stepfunctions describe-state-machine?)`,
    );
  }
  const description: StateMachineDescription = { definition };
  const stateMachineArn = optionalString(value, 'stateMachineArn', source);
  const name = optionalString(value, 'name', source);
  const roleArn = optionalString(value, 'roleArn', source);
  const revisionId = optionalString(value, 'revisionId', source);
  const type = stateMachineType(value, source);
  const logging = optionalRecord<StateMachineDescription['loggingConfiguration']>(
    value,
    'loggingConfiguration',
    source,
  );
  const tracing = optionalRecord<StateMachineDescription['tracingConfiguration']>(
    value,
    'tracingConfiguration',
    source,
  );
  const encryption = optionalRecord<StateMachineDescription['encryptionConfiguration']>(
    value,
    'encryptionConfiguration',
    source,
  );
  if (stateMachineArn !== undefined) description.stateMachineArn = stateMachineArn;
  if (name !== undefined) description.name = name;
  if (roleArn !== undefined) description.roleArn = roleArn;
  if (revisionId !== undefined) description.revisionId = revisionId;
  if (type !== undefined) description.type = type;
  if (logging !== undefined) description.loggingConfiguration = logging;
  if (tracing !== undefined) description.tracingConfiguration = tracing;
  if (encryption !== undefined) description.encryptionConfiguration = encryption;
  return description;
}

/** A describe-state-machine file as read: the description and the file's text (for SARIF locations). */
export type DescribeFile = { path: string; text: string; description: StateMachineDescription };

/** Reads a describe-state-machine output file (see parseDescribeOutput) from disk. */
export async function loadDescribeFile(path: string): Promise<DescribeFile> {
  const file = await readJsonFile(path, INPUT_LIMITS.describe);
  return { path, text: file.text, description: parseDescribeOutput(file.value, path) };
}
