/**
 * How a template value the audit cannot know offline travels from intrinsic resolution to its consumers: as a marker
 * inside the resolved text (`arn:aws:s3:::` + unresolvedMarker('Fn::ImportValue SharedBucket') + `/*`), so a value
 * resolved in part keeps what is known. Consumers turn the markers into what their input means by "unknown":
 * - in a definition: a `${…}` DefinitionSubstitutions-style placeholder (a hole of the requirement engine);
 * - in a policy: `*` in the pattern plus a condition on shared/iam/unresolvedValueKey.ts's key, so the statement
 *   makes a decision `conditional` rather than allowed or denied.
 * The marker uses two private-use characters (U+E000, U+E001) that real template text does not contain.
 */
const OPEN = '\uE000unresolved:';
const CLOSE = '\uE001';
const MARKER = /\uE000unresolved:([^\uE001]*)\uE001/g;

/** The marker for one unresolved value; `what` says what it is (`Fn::ImportValue SharedBucket`, `Parameter Env`). */
export function unresolvedMarker(what: string): string {
  return `${OPEN}${what.replace(/[\uE000\uE001]/g, '')}${CLOSE}`;
}

/** True when the text holds at least one marker. */
export function hasUnresolved(text: string): boolean {
  return text.includes(OPEN);
}

/** What each marker in the text stands for, in order of appearance (duplicates kept once). */
export function unresolvedIn(text: string): string[] {
  const seen = new Set<string>();
  for (const match of text.matchAll(MARKER)) seen.add(match[1] ?? '');
  return [...seen];
}

/** The text with every marker replaced by `replace(what)`. */
export function replaceUnresolved(text: string, replace: (what: string) => string): string {
  return text.replace(MARKER, (_match, what: string) => replace(what));
}
