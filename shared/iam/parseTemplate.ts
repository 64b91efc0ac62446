/**
 * Policy variables: `${aws:username}`, `${key, 'default'}` and the special `${*}`, `${?}`, `${$}`, recognised only in
 * policies with `"Version": "2012-10-17"` (older or absent versions keep `${…}` as literal text).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
 */
import type { Scope } from './types.js';

/** Pattern text (wildcards active), literal text (wildcards inert), or a variable to look up in the request context. */
export type TemplatePart =
  | { kind: 'pattern'; text: string }
  | { kind: 'literal'; text: string }
  | { kind: 'variable'; key: string; lookupKey: string; fallback: string | undefined };

/** A template after substitution: pattern and literal parts only. */
export type ResolvedPart = { kind: 'pattern' | 'literal'; text: string };

const VARIABLE = /\$\{([^}]*)\}/g;
const SPECIAL_CHARACTERS = new Set(['*', '?', '$']);
/** `key` or `key, 'default'` with `''` standing for a quote inside the default. */
const KEY_WITH_DEFAULT = /^([^\s,']+)(?:\s*,\s*'((?:[^']|'')*)')?$/;

/** Splits a Resource or condition value into parts; without `variables` the whole text is one pattern part. */
export function parseTemplate(text: string, variables: boolean): TemplatePart[] {
  if (!variables || !text.includes('${')) return [{ kind: 'pattern', text }];
  const parts: TemplatePart[] = [];
  let last = 0;
  for (const match of text.matchAll(VARIABLE)) {
    const inner = (match[1] ?? '').trim();
    const parsed = KEY_WITH_DEFAULT.exec(inner);
    const start = match.index;
    if (start > last) parts.push({ kind: 'pattern', text: text.slice(last, start) });
    if (SPECIAL_CHARACTERS.has(inner)) parts.push({ kind: 'literal', text: inner });
    else if (parsed?.[1] !== undefined) {
      const fallback = parsed[2]?.replaceAll("''", "'");
      parts.push({ kind: 'variable', key: parsed[1], lookupKey: parsed[1].toLowerCase(), fallback });
    } else parts.push({ kind: 'pattern', text: match[0] });
    last = start + match[0].length;
  }
  if (last < text.length) parts.push({ kind: 'pattern', text: text.slice(last) });
  return parts;
}

/** True when a template needs the request context to be resolved. */
export function hasVariables(parts: readonly TemplatePart[]): boolean {
  return parts.some((part) => part.kind === 'variable');
}

/**
 * Substitutes variables: a single-valued key gives its value as literal text; a key the request does not carry gives
 * the default, else `no` when the key can never be in the request (the element does not match) and `unknown` otherwise
 * (the key goes to `missing`); a multivalued key cannot be a variable, so it gives the default, else `no`.
 */
export function resolveTemplate(parts: readonly TemplatePart[], scope: Scope): ResolvedPart[] | 'no' | 'unknown' {
  const resolved: ResolvedPart[] = [];
  for (const part of parts) {
    if (part.kind !== 'variable') {
      resolved.push(part);
      continue;
    }
    const values = scope.context.get(part.lookupKey);
    const value = values === undefined || values.length !== 1 ? part.fallback : values[0];
    if (value !== undefined) resolved.push({ kind: 'literal', text: value });
    else if (values !== undefined || scope.missingKey(part.lookupKey) === 'absent') return 'no';
    else {
      scope.missing.push(part.key);
      return 'unknown';
    }
  }
  return resolved;
}
