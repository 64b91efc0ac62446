import type { CheckFlags } from './checkOptions.js';
import type { PreparedAudit } from './preparedAudit.js';
import { UsageError } from './UsageError.js';

/** The state machines of --template files, --cdk-out assemblies and positional paths (issue 9; being built). */
export async function loadTemplateTargets(flags: CheckFlags, positionals: readonly string[]): Promise<PreparedAudit[]> {
  if ((flags.template?.length ?? 0) === 0 && (flags['cdk-out']?.length ?? 0) === 0 && positionals.length === 0) {
    return [];
  }
  throw new UsageError('--template, --cdk-out and positional paths are not supported yet');
}
