import type { CheckFlags } from './checkOptions.js';
import type { PreparedAudit } from './preparedAudit.js';
import { UsageError } from './UsageError.js';

/** The state machines of --terraform-plan files (`terraform show -json`; issue 9, being built). */
export async function loadTerraformTargets(flags: CheckFlags): Promise<PreparedAudit[]> {
  if ((flags['terraform-plan']?.length ?? 0) === 0) return [];
  throw new UsageError('--terraform-plan is not supported yet');
}
