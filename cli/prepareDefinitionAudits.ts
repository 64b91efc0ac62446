import type { CheckFlags } from './checkOptions.js';
import type { PreparedAudit } from './preparedAudit.js';
import { prepareOfflineAudit } from './prepareOfflineAudit.js';
import { UsageError } from './UsageError.js';

/**
 * The offline audits of --definition/--describe: one per --definition file (`check` takes the flag repeatedly, every
 * file audited against the same role: --policy, --authorization-details, --boundary, --scp), in the order given, a
 * file named twice audited once.
 */
export async function prepareDefinitionAudits(flags: CheckFlags): Promise<PreparedAudit[]> {
  const definitions = [...new Set(flags.definition ?? [])];
  if (definitions.length <= 1) return [await prepareOfflineAudit(flags)];
  if (flags.describe !== undefined) throw new UsageError('give --definition or --describe, not both');
  if (flags['state-machine-arn'] !== undefined) {
    throw new UsageError('--state-machine-arn names one state machine: give it with a single --definition');
  }
  const audits: PreparedAudit[] = [];
  for (const definition of definitions) audits.push(await prepareOfflineAudit({ ...flags, definition: [definition] }));
  return audits;
}
