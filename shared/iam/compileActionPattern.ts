/**
 * Compiles an Action/NotAction pattern: `service:Action` with `*` and `?` wildcards, compared case-insensitively.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
 */
import type { ActionMatcher } from './types.js';

const SPECIAL = /[.+^${}()|[\]\\]/g;

/** Returns a test for lower-cased action names; policy variables are not supported in actions. */
export function compileActionPattern(pattern: string): ActionMatcher {
  const lower = pattern.toLowerCase();
  if (lower === '*') return () => true;
  if (!/[*?]/.test(lower)) return (action) => action === lower;
  const source = lower.replace(SPECIAL, '\\$&').replaceAll('*', '.*').replaceAll('?', '.');
  const regex = new RegExp(`^${source}$`, 's');
  return (action) => regex.test(action);
}
