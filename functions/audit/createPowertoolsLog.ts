import type { Logger } from '@aws-lambda-powertools/logger';
import type { AuditLog } from './types.js';

/**
 * Errors whose messages quote what they failed on: PolicyError (a role policy's Sid and field values) and SyntaxError
 * (V8's JSON.parse messages quote the text). Logs never carry definitions, policies or secrets, so such an error is
 * logged by name (and policy name) only, also when it is the cause of another error, whose message repeats it.
 */
const QUOTING_ERRORS = new Set(['PolicyError', 'SyntaxError']);

function quotingErrorIn(error: Error): Error | undefined {
  const seen = new Set<unknown>();
  for (let current: unknown = error; current instanceof Error && !seen.has(current); current = current.cause) {
    seen.add(current);
    if (QUOTING_ERRORS.has(current.name)) return current;
  }
  return undefined;
}

/** An attribute as it may be logged: an error that quotes its input becomes its name, policy and a notice. */
function loggable(value: unknown): unknown {
  if (!(value instanceof Error)) return value;
  const quoting = quotingErrorIn(value);
  if (quoting === undefined) return value;
  const policy = (quoting as { policy?: unknown }).policy;
  return {
    name: value.name,
    ...(quoting === value ? {} : { causeName: quoting.name }),
    ...(typeof policy === 'string' ? { policy } : {}),
    message: `${quoting.name} (details withheld: they quote the policy or document)`,
  };
}

/**
 * Adapts a Powertools Logger (structured JSON, https://docs.aws.amazon.com/powertools/typescript/latest/features/logger/)
 * to AuditLog, withholding the messages of errors that quote policies or documents.
 */
export function createPowertoolsLog(logger: Logger): AuditLog {
  const at =
    (level: 'info' | 'warn' | 'error') =>
    (message: string, attributes?: Record<string, unknown>): void => {
      if (attributes === undefined) logger[level](message);
      else logger[level](message, Object.fromEntries(Object.entries(attributes).map(([k, v]) => [k, loggable(v)])));
    };
  return { info: at('info'), warn: at('warn'), error: at('error') };
}
