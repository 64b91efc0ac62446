import type { Finding } from '../types.js';

/** Findings split by the ignore list. */
export type SuppressedFindings = { findings: Finding[]; suppressed: Finding[] };

/**
 * Moves findings whose rule, purpose or id matches an `ignore` entry (case-insensitive, surrounding spaces
 * ignored) to `suppressed`, keeping the order of both lists.
 */
export function suppressFindings(findings: readonly Finding[], ignore: readonly string[]): SuppressedFindings {
  const muted = new Set(ignore.map((entry) => entry.trim().toLowerCase()).filter((entry) => entry !== ''));
  const matches = (finding: Finding) =>
    [finding.rule, finding.purpose, finding.id].some((key) => key !== null && muted.has(key.toLowerCase()));
  return { findings: findings.filter((f) => !matches(f)), suppressed: findings.filter(matches) };
}
