import type { Logger } from '@aws-lambda-powertools/logger';
import type { AuditLog } from './types.js';

/** Adapts a Powertools Logger (structured JSON, https://docs.aws.amazon.com/powertools/typescript/latest/features/logger/) to AuditLog. */
export function createPowertoolsLog(logger: Logger): AuditLog {
  const at =
    (level: 'info' | 'warn' | 'error') =>
    (message: string, attributes?: Record<string, unknown>): void => {
      if (attributes === undefined) logger[level](message);
      else logger[level](message, attributes);
    };
  return { info: at('info'), warn: at('warn'), error: at('error') };
}
