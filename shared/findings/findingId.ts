import { createHash } from 'node:crypto';
import type { Rule, StateRef } from '../types.js';

/** What identifies a finding across audits. */
export type FindingIdInput = {
  stateMachineArn: string | null;
  rule: Rule;
  state: StateRef | null;
  actions: readonly string[];
  resources: readonly string[];
  /** Extra discriminator for findings without actions (the message of an InvalidDefinition issue). */
  discriminator?: string;
};

/**
 * Stable id of a finding: the first 32 hex characters of the SHA-256 of
 * `JSON.stringify([stateMachineArn ?? '', rule, statePath, sortedActions, sortedResources])` (plus the
 * discriminator as a sixth element when given), so the same problem keeps its id whatever its severity or wording.
 */
export function findingId(input: FindingIdInput): string {
  const parts: unknown[] = [
    input.stateMachineArn ?? '',
    input.rule,
    input.state?.path ?? [],
    [...new Set(input.actions)].sort(),
    [...new Set(input.resources)].sort(),
  ];
  if (input.discriminator !== undefined) parts.push(input.discriminator);
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32);
}
