import { dirname, resolve } from 'node:path';
import packageJson from '../package.json' with { type: 'json' };
import type { InputLimit } from '../shared/local/inputLimits.js';
import { readTextFile } from '../shared/local/readTextFile.js';
import { writeTextFile } from '../shared/local/writeTextFile.js';
import type { Finding } from '../shared/types.js';
import { type BaselineEntry, formatBaseline, parseBaseline, toBaselineEntry } from './baselineFile.js';
import type { CheckFlags } from './checkOptions.js';
import type { CliDeps } from './cliDeps.js';
import { type CurrentFinding, matchBaseline } from './matchBaseline.js';
import { moveToSuppressed } from './moveToSuppressed.js';
import type { TargetReport } from './preparedAudit.js';
import { targetKey } from './targetKey.js';

/** A baseline lists findings of a whole repository: generous, yet bounded like every other input. */
const BASELINE_LIMIT: InputLimit = {
  bytes: 64 * 1024 * 1024,
  what: 'baseline file',
  why: 'a baseline lists accepted findings; fix some or split the audit',
};

/** Every unsuppressed finding of the run, with its target's key as seen from `baseDir`. */
function currentFindings(results: readonly TargetReport[], cwd: string, baseDir: string): CurrentFinding[] {
  return results.flatMap(({ target, report }) =>
    report.findings.map((finding) => ({ target: targetKey(target.id, cwd, baseDir), finding })),
  );
}

/** The reports with the accepted findings (by identity) moved to `suppressed` with `reason`. */
function suppressAccepted(results: readonly TargetReport[], accepted: ReadonlySet<Finding>, reason: string) {
  return results.map(({ target, report }) => ({
    target,
    report: moveToSuppressed(report, (finding) => (accepted.has(finding) ? reason : undefined)),
  }));
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * Applies --write-baseline and --baseline. `--write-baseline FILE` records every finding not otherwise suppressed
 * (sorted, stable across runs) and accepts them all for this run. `--baseline FILE` moves the findings it lists to
 * `suppressed` (reason: the baseline), so only new findings count for --fail-on, and says on standard error how
 * many were accepted, how many are new and how many of its entries no longer occur.
 */
export async function applyBaseline(
  results: TargetReport[],
  flags: CheckFlags,
  deps: CliDeps,
  cwd: string = process.cwd(),
): Promise<TargetReport[]> {
  const write = flags['write-baseline'];
  const read = write === undefined ? flags.baseline : undefined;
  const file = write ?? read;
  if (file === undefined) return results;
  const baseDir = dirname(resolve(cwd, file));
  const current = currentFindings(results, cwd, baseDir);
  const reason = `accepted in the baseline ${file}`;
  if (write !== undefined) {
    const entries: BaselineEntry[] = current.map(({ target, finding }) => toBaselineEntry(target, finding));
    await writeTextFile(resolve(cwd, write), formatBaseline(entries, packageJson.version, deps.now?.() ?? new Date()));
    deps.io.writeErr(
      `sfn-role-audit: wrote ${plural(entries.length, 'finding', 'findings')} to the baseline ${write}\n`,
    );
    return suppressAccepted(results, new Set(current.map(({ finding }) => finding)), reason);
  }
  const entries = parseBaseline(await readTextFile(resolve(cwd, file), BASELINE_LIMIT), file);
  const audited = new Set(results.map(({ target }) => targetKey(target.id, cwd, baseDir)));
  const { accepted, fixed } = matchBaseline(entries, current, audited);
  const fresh = current.length - accepted.size;
  const fixedNote =
    fixed.length === 0
      ? ''
      : `; ${plural(fixed.length, 'baseline entry', 'baseline entries')} fixed — rewrite the baseline (--write-baseline ${file})`;
  deps.io.writeErr(
    `sfn-role-audit: baseline ${file}: ${plural(accepted.size, 'finding', 'findings')} accepted, ${fresh} new${fixedNote}\n`,
  );
  const findings = new Set([...accepted].map((at) => (current[at] as CurrentFinding).finding));
  return suppressAccepted(results, findings, reason);
}
