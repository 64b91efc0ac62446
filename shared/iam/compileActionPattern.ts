/**
 * Compiles an Action/NotAction pattern: `service:Action` with `*` and `?` wildcards, compared case-insensitively and
 * matched without regular expressions (compileWildcardMatcher; wildcards in actions cross `:`).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
 */
import { compileWildcardMatcher } from './compileWildcardMatcher.js';
import { tokenizePattern } from './tokenizePattern.js';
import type { ActionMatcher } from './types.js';

/** Returns a test for lower-cased action names; policy variables are not supported in actions. */
export function compileActionPattern(pattern: string): ActionMatcher {
  const lower = pattern.toLowerCase();
  if (lower === '*') return () => true;
  if (!/[*?]/.test(lower)) return (action) => action === lower;
  return compileWildcardMatcher(tokenizePattern([{ kind: 'pattern', text: lower }], false));
}
