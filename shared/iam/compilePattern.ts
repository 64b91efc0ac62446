/**
 * Compiles a Resource pattern or a string/ARN condition value into a Matcher, once per policy.
 * Wildcards: `*` any run of characters, `?` one character; Resource and ARN matching is case-sensitive and goes
 * component by component — in the partition, service, region and account components a wildcard does not cross `:`,
 * in the resource part it crosses `:` and `/`; a pattern with fewer than six components whose last character is `*`
 * lets that `*` expand beyond the colons ("arn:aws:s3:*"). Wildcards are matched in O(n·m) at worst, without regular
 * expressions (compileWildcardMatcher), so no pattern can make a decision backtrack.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 */
import { compileWildcardMatcher } from './compileWildcardMatcher.js';
import { hasVariables, parseTemplate, type ResolvedPart, resolveTemplate } from './parseTemplate.js';
import { tokenizePattern } from './tokenizePattern.js';
import type { Matcher } from './types.js';

/** How a pattern compares: ARN components, whole-string glob, exact, exact ignoring case. */
export type PatternMode = 'arn' | 'like' | 'equals' | 'equalsIgnoreCase';

function joinText(parts: readonly ResolvedPart[], mode: PatternMode): string {
  const text = parts.map((p) => p.text).join('');
  return mode === 'equalsIgnoreCase' ? text.toLowerCase() : text;
}

function staticMatcher(parts: readonly ResolvedPart[], mode: PatternMode): Matcher {
  if (mode === 'equals') {
    const text = joinText(parts, mode);
    return (value) => (value === text ? 'yes' : 'no');
  }
  if (mode === 'equalsIgnoreCase') {
    const text = joinText(parts, mode);
    return (value) => (value.toLowerCase() === text ? 'yes' : 'no');
  }
  const single = parts.length === 1 ? parts[0] : undefined;
  if (single?.kind === 'pattern' && single.text === '*') return () => 'yes';
  if (single !== undefined && (single.kind === 'literal' || !/[*?]/.test(single.text))) {
    const text = single.text;
    return (value) => (value === text ? 'yes' : 'no');
  }
  const matches = compileWildcardMatcher(tokenizePattern(parts, mode === 'arn'));
  return (value) => (matches(value) ? 'yes' : 'no');
}

/** Compiles one pattern; with `variables`, `${…}` is substituted from the request context at evaluation time. */
export function compilePattern(text: string, mode: PatternMode, variables: boolean): Matcher {
  const parts = parseTemplate(text, variables);
  if (!hasVariables(parts)) return staticMatcher(parts as ResolvedPart[], mode);
  const cache = new Map<string, Matcher>();
  return (value, scope) => {
    const resolved = resolveTemplate(parts, scope);
    if (typeof resolved === 'string') return resolved;
    const key = JSON.stringify(resolved);
    let matcher = cache.get(key);
    if (matcher === undefined) {
      matcher = staticMatcher(resolved, mode);
      if (cache.size < 256) cache.set(key, matcher);
    }
    return matcher(value, scope);
  };
}
