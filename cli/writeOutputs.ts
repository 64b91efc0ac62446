import { gzipSync } from 'node:zlib';
import { MAX_SARIF_RESULTS } from '../shared/findings/renderSarif.js';
import type { CliDeps } from './cliDeps.js';
import { emit } from './emit.js';
import { findRepositoryRoot } from './findRepositoryRoot.js';
import type { OutputPlan } from './outputPlan.js';
import type { TargetReport } from './preparedAudit.js';
import { type RenderedReport, renderReports } from './renderReport.js';
import { useColor } from './useColor.js';

/**
 * The most a gzip-compressed SARIF file may weigh for GitHub code scanning, "10 MB"
 * (https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning),
 * read as the smaller 10,000,000 bytes.
 */
export const MAX_SARIF_GZIP_BYTES = 10_000_000;

/** One-line warnings about a SARIF report GitHub would cut or refuse (`where`: the file or standard output). */
export function sarifWarnings(where: string, rendered: RenderedReport, gzipLimit = MAX_SARIF_GZIP_BYTES): string[] {
  const sarif = rendered.sarif;
  if (sarif === undefined) return [];
  const warnings: string[] = [];
  if (sarif.omitted > 0) {
    warnings.push(
      `${where}: ${sarif.omitted} of ${(sarif.results + sarif.omitted).toLocaleString('en-US')} SARIF results left out, the mildest first (GitHub code scanning accepts ${MAX_SARIF_RESULTS.toLocaleString('en-US')} per run)`,
    );
  }
  // Only text longer than the limit can compress to more than it.
  if (rendered.text.length > gzipLimit) {
    const compressed = gzipSync(Buffer.from(rendered.text, 'utf8')).length;
    if (compressed > gzipLimit) {
      warnings.push(
        `${where}: the SARIF is ${compressed.toLocaleString('en-US')} bytes gzip-compressed; GitHub code scanning accepts at most ${gzipLimit.toLocaleString('en-US')} (audit fewer state machines per file, or --ignore noisy rules)`,
      );
    }
  }
  return warnings;
}

/**
 * Writes the reports of a `check` run in every planned format and place (--format, --output FILE, FORMAT=FILE,
 * FORMAT): all rendered first, then the files, then standard output (coloured text only on a terminal); warns on
 * standard error, one line each, when a SARIF report exceeds what GitHub code scanning accepts.
 */
export async function writeOutputs(results: readonly TargetReport[], plan: OutputPlan, deps: CliDeps): Promise<void> {
  const cwd = process.cwd();
  const base = { cwd, root: findRepositoryRoot(cwd) };
  const rendered = plan.outputs.map((output) => {
    const color = output.format === 'text' && output.path === null && useColor(deps.io);
    const context = {
      color,
      failOn: plan.failOn,
      ...(plan.failOnOf === undefined ? {} : { failOnOf: plan.failOnOf }),
      automationId: plan.automationId,
      base,
    };
    return { output, rendered: renderReports(results, output.format, context) };
  });
  const ordered = [
    ...rendered.filter(({ output }) => output.path !== null),
    ...rendered.filter(({ output }) => output.path === null),
  ];
  for (const { output, rendered: report } of ordered) {
    await emit(deps.io, report.text, output.path ?? undefined);
    for (const warning of sarifWarnings(output.path ?? 'standard output', report)) {
      deps.io.writeErr(`sfn-role-audit: warning: ${warning}\n`);
    }
  }
}
