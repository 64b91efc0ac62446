import { type Finding, SEVERITIES } from '../shared/types.js';

/** Values of --fail-on, from strictest to none. */
export const FAIL_ON_LEVELS = ['critical', 'high', 'medium', 'low', 'none'] as const;

/** A --fail-on value. */
export type FailOn = (typeof FAIL_ON_LEVELS)[number];

/** 1 when a finding is at or above the --fail-on severity (never for `none`), else 0; suppressed findings don't count. */
export function exitCodeFor(findings: readonly Finding[], failOn: FailOn): 0 | 1 {
  if (failOn === 'none') return 0;
  const threshold = SEVERITIES.indexOf(failOn.toUpperCase() as Uppercase<Exclude<FailOn, 'none'>>);
  return findings.some((finding) => SEVERITIES.indexOf(finding.severity) <= threshold) ? 1 : 0;
}
