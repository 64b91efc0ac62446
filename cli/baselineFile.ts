import { InputError } from '../shared/local/InputError.js';
import { isRecord } from '../shared/local/isRecord.js';
import { parseJsonText } from '../shared/local/parseJsonText.js';
import type { Finding } from '../shared/types.js';

/** The version of the baseline file format this tool writes and reads. */
export const BASELINE_VERSION = 1;

/** One accepted finding in a baseline file: enough to match it again and for a reviewer to read it. */
export type BaselineEntry = {
  /** The target id as seen from the baseline file's folder (targetKey). */
  target: string;
  id: string;
  rule: string;
  purpose: string | null;
  state: string | null;
  statePath: string[];
  actions: string[];
  resources: string[];
  severity: string;
  title: string;
};

/** A baseline file: the findings a team accepted when it adopted the tool, so only new ones fail the build. */
export type Baseline = {
  version: typeof BASELINE_VERSION;
  tool: { name: 'sfn-role-audit'; version: string };
  /** The day it was written (`YYYY-MM-DD`); entries carry no time, so rewriting it unchanged changes one line. */
  created: string;
  findings: BaselineEntry[];
};

function sortedUnique(values: readonly string[]): string[] {
  return [...new Set(values)].sort();
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The baseline entry of a finding of the target `target`. */
export function toBaselineEntry(target: string, finding: Finding): BaselineEntry {
  return {
    target,
    id: finding.id,
    rule: finding.rule,
    purpose: finding.purpose,
    state: finding.state?.name ?? null,
    statePath: finding.state?.path ?? [],
    actions: sortedUnique(finding.actions),
    resources: sortedUnique(finding.resources),
    severity: finding.severity,
    title: finding.title,
  };
}

/** Entries in a stable order: target, state path, rule, actions, id; the same findings always give the same file. */
export function sortBaselineEntries(entries: readonly BaselineEntry[]): BaselineEntry[] {
  return [...entries].sort(
    (a, b) =>
      compareText(a.target, b.target) ||
      compareText(JSON.stringify(a.statePath), JSON.stringify(b.statePath)) ||
      compareText(a.rule, b.rule) ||
      compareText(JSON.stringify(a.actions), JSON.stringify(b.actions)) ||
      compareText(a.id, b.id),
  );
}

/** The text of a baseline file (pretty JSON, sorted entries, a final newline). */
export function formatBaseline(entries: readonly BaselineEntry[], toolVersion: string, now: Date): string {
  const baseline: Baseline = {
    version: BASELINE_VERSION,
    tool: { name: 'sfn-role-audit', version: toolVersion },
    created: now.toISOString().slice(0, 10),
    findings: sortBaselineEntries(entries),
  };
  return `${JSON.stringify(baseline, null, 2)}\n`;
}

function isStrings(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** The entries of a baseline file's text; anything else than a baseline is an InputError naming the file. */
export function parseBaseline(text: string, path: string): BaselineEntry[] {
  const value = parseJsonText(text, path);
  if (!isRecord(value) || !Array.isArray(value.findings)) {
    throw new InputError(
      `${path}: not a baseline file (expected {"version": 1, "findings": [...]}, as --write-baseline writes)`,
    );
  }
  if (value.version !== BASELINE_VERSION) {
    throw new InputError(
      `${path}: baseline version ${JSON.stringify(value.version)}; this sfn-role-audit reads version 1`,
    );
  }
  return value.findings.map((entry: unknown, index): BaselineEntry => {
    if (
      !isRecord(entry) ||
      typeof entry.target !== 'string' ||
      typeof entry.id !== 'string' ||
      typeof entry.rule !== 'string' ||
      !isStrings(entry.statePath) ||
      !isStrings(entry.actions)
    ) {
      throw new InputError(
        `${path}: findings[${index}] needs target, id, rule (strings), statePath and actions (lists)`,
      );
    }
    return {
      target: entry.target,
      id: entry.id,
      rule: entry.rule,
      purpose: typeof entry.purpose === 'string' ? entry.purpose : null,
      state: typeof entry.state === 'string' ? entry.state : null,
      statePath: entry.statePath,
      actions: sortedUnique(entry.actions),
      resources: isStrings(entry.resources) ? entry.resources : [],
      severity: typeof entry.severity === 'string' ? entry.severity : '',
      title: typeof entry.title === 'string' ? entry.title : '',
    };
  });
}
