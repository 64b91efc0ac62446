import { expect } from 'vitest';
import type { AuditReport, Finding } from '../../shared/types.js';
import { type CliRun, runBuiltCli } from './builtCli.js';

/** Runs `check … --format json` and returns the exit status and the parsed report. */
export function checkJson(args: string[], env: Record<string, string> = {}): { run: CliRun; report: AuditReport } {
  const run = runBuiltCli(['check', ...args, '--format', 'json'], env);
  expect(run.stderr).toBe('');
  return { run, report: JSON.parse(run.stdout) as AuditReport };
}

/** The findings of a report that name an action. */
export function findingsFor(report: AuditReport, action: string): Finding[] {
  return report.findings.filter((finding) => finding.actions.includes(action));
}
