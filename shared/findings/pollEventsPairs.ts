import type { Decision, Requirement } from '../types.js';
import type { PollEventsState } from './severityOf.js';

/** Key of the task a requirement belongs to: its state path and integration. */
export function taskKeyOf(requirement: Requirement): string {
  return JSON.stringify([requirement.state?.path ?? null, requirement.integration]);
}

/** True when a request was denied (implicitly or explicitly); a conditional answer is not counted as missing. */
export function isDenied(decision: Decision): boolean {
  return decision.decision === 'implicitDeny' || decision.decision === 'explicitDeny';
}

/**
 * The poll/events situation of every task that has a poll or events requirement checked against the execution
 * role: whether it uses a managed rule (has an `events` requirement) and whether each of the two is missing.
 */
export function pollEventsPairs(
  requirements: readonly Requirement[],
  decisions: readonly (readonly Decision[])[],
): Map<string, PollEventsState> {
  const pairs = new Map<string, PollEventsState>();
  requirements.forEach((requirement, index) => {
    if (requirement.purpose !== 'poll' && requirement.purpose !== 'events') return;
    if (requirement.assumedRoleArn !== undefined || requirement.unknownIntegration === true) return;
    const key = taskKeyOf(requirement);
    const pair = pairs.get(key) ?? { hasManagedRule: false, pollMissing: false, eventsMissing: false };
    const missing = (decisions[index] ?? []).some(isDenied);
    if (requirement.purpose === 'events') {
      pair.hasManagedRule = true;
      pair.eventsMissing ||= missing;
    } else pair.pollMissing ||= missing;
    pairs.set(key, pair);
  });
  return pairs;
}
