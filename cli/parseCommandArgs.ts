import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UsageError } from './UsageError.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** The first sentence of a node:util parseArgs error ("Unknown option '--x'"), which goes on to explain `--`. */
function firstSentence(message: string): string {
  const end = message.indexOf('. ');
  return end === -1 ? message : message.slice(0, end);
}

/** Like parseCommandArgs, for a command that also takes positional arguments (paths and globs). */
export function parseCommandArgsWithPositionals<T extends Options>(command: string, argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(`${firstSentence(message)} (see sfn-role-audit ${command} --help)`);
  }
}

/**
 * Parses a command's flags strictly (unknown flags, missing values and positionals are UsageErrors naming the
 * command's --help), so every command reports bad usage the same way.
 */
export function parseCommandArgs<T extends Options>(command: string, argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(`${firstSentence(message)} (see sfn-role-audit ${command} --help)`);
  }
}

/** Checks that a flag's value is one of `allowed`, returning it typed; `fallback` when the flag is absent. */
export function oneOf<const A extends readonly string[]>(
  flag: string,
  value: string | undefined,
  allowed: A,
  fallback: A[number],
): A[number] {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as A[number];
  throw new UsageError(`--${flag} must be one of ${allowed.join(', ')}, not "${value}"`);
}
