import type { CheckFlags } from './checkOptions.js';
import type { TargetReport } from './preparedAudit.js';
import { UsageError } from './UsageError.js';

/**
 * Applies --baseline (findings already accepted move to `suppressed`) and writes --write-baseline; returns the
 * reports as they are to be rendered (being built, issue 9).
 */
export async function applyBaseline(results: TargetReport[], flags: CheckFlags): Promise<TargetReport[]> {
  if (flags.baseline !== undefined || flags['write-baseline'] !== undefined) {
    throw new UsageError('--baseline and --write-baseline are not supported yet');
  }
  return results;
}
