import type { CheckFlags } from './checkOptions.js';
import { UsageError } from './UsageError.js';

/**
 * The flags with the defaults of a config file (--config FILE, or `.sfn-role-audit.yml` in the working directory)
 * filled in where the command line is silent (being built, issue 9).
 */
export async function applyConfigFile(flags: CheckFlags): Promise<CheckFlags> {
  if (flags.config !== undefined) throw new UsageError('--config is not supported yet');
  return flags;
}
