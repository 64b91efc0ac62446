import { type Purpose, SEVERITIES, type Severity } from '../types.js';

/**
 * Severity of a missing permission by purpose: what breaks, not how scary it sounds (design.md, "Severity").
 * `poll` and `events` depend on the sibling requirement of the same task and are decided by `pollEventsSeverity`.
 */
export const SEVERITY_BY_PURPOSE = {
  invoke: 'HIGH',
  passrole: 'HIGH',
  'assume-role': 'HIGH',
  'child-executions': 'HIGH',
  'item-reader': 'HIGH',
  'result-writer': 'HIGH',
  http: 'HIGH',
  poll: 'HIGH',
  events: 'LOW',
  cancel: 'MEDIUM',
  kms: 'HIGH',
  logging: 'MEDIUM',
  tracing: 'LOW',
  other: 'MEDIUM',
} as const satisfies Record<Purpose, Severity>;

/** What is known of the poll/events pair of one `.sync` task. */
export type PollEventsState = {
  /** True when the task has an `events` requirement (the integration uses a Step Functions managed rule). */
  hasManagedRule: boolean;
  pollMissing: boolean;
  eventsMissing: boolean;
};

/**
 * Severity of a missing `poll` or `events` permission: both missing with a managed rule → CRITICAL (completion is
 * never observed), poll without a managed rule → HIGH, poll only → MEDIUM, events only → LOW.
 */
export function pollEventsSeverity(purpose: 'poll' | 'events', pair: PollEventsState): Severity {
  if (pair.hasManagedRule && pair.pollMissing && pair.eventsMissing) return 'CRITICAL';
  if (purpose === 'events') return 'LOW';
  return pair.hasManagedRule ? 'MEDIUM' : 'HIGH';
}

/** The next milder severity (INFORMATIONAL stays INFORMATIONAL): used for permissions that only a condition blocks. */
export function milderSeverity(severity: Severity): Severity {
  const index = SEVERITIES.indexOf(severity);
  return SEVERITIES[Math.min(index + 1, SEVERITIES.length - 1)] ?? 'INFORMATIONAL';
}

/** Rank of a severity for sorting: 0 for CRITICAL up to 4 for INFORMATIONAL. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}
