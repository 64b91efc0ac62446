import type { CliDeps } from './cliDeps.js';
import { emit } from './emit.js';
import type { TargetReport } from './preparedAudit.js';
import { type ReportFormat, renderReport } from './renderReport.js';
import { UsageError } from './UsageError.js';
import { useColor } from './useColor.js';

/** Writes the reports of a `check` run in every requested format and place (--format, --output). */
export async function writeOutputs(
  results: readonly TargetReport[],
  format: ReportFormat,
  outputs: readonly string[],
  deps: CliDeps,
): Promise<void> {
  if (outputs.length > 1) throw new UsageError('several --output are not supported yet');
  if (results.length !== 1) throw new UsageError('several state machines in one run are not supported yet');
  const [result] = results as [TargetReport];
  const output = outputs[0];
  const color = format === 'text' && output === undefined && useColor(deps.io);
  await emit(deps.io, renderReport(result.report, format, result.target, color), output);
}
