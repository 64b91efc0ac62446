import type { CheckFlags } from './checkOptions.js';
import * as templateTargets from './loadTemplateTargets.js';
import type { PreparedAudit } from './preparedAudit.js';
import { UsageError } from './UsageError.js';

/** Loads the state machines of one CloudFormation/SAM template file, as `--template FILE` does. */
export type TemplateFileLoader = (
  path: string,
  flags: CheckFlags,
  options?: { stackName?: string },
) => Promise<PreparedAudit[]>;

/**
 * The template loader of cli/loadTemplateTargets.ts (`loadTemplateFileTargets`), which CDK assemblies and positional
 * templates go through; until that export exists, a loader that says templates are not supported yet.
 */
export function templateFileLoader(): TemplateFileLoader {
  const loader = (templateTargets as Record<string, unknown>).loadTemplateFileTargets;
  if (typeof loader === 'function') return loader as TemplateFileLoader;
  return async () => {
    throw new UsageError('templates are not supported yet');
  };
}
