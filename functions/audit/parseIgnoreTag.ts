/** The state machine tag whose value lists rules, purposes or finding ids to suppress. */
export const IGNORE_TAG = 'sfn-role-audit:ignore';

/**
 * Reads the `sfn-role-audit:ignore` tag into suppression entries (rules such as `UnprovableResource`,
 * purposes such as `tracing`, or finding ids). Entries are separated by commas, white space, `+` or `/`: Step
 * Functions tag values may only hold letters, digits, white space and `_ . : / = + - @`, so a comma cannot be
 * stored on a real state machine (https://docs.aws.amazon.com/step-functions/latest/apireference/API_Tag.html).
 */
export function parseIgnoreTag(tags: Record<string, string> | undefined): string[] {
  const value = tags?.[IGNORE_TAG];
  if (value === undefined) return [];
  const entries = value
    .split(/[,\s+/]+/)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  return [...new Set(entries)];
}
