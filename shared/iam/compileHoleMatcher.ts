/**
 * Compiles a Resource/NotResource pattern for requests whose resource has holes (`*`/`?` standing for parts unknown
 * before run time): the verdict is `all`, `some` or `none` of the ARNs the resource stands for (compareHolePattern),
 * or `unknown` when a policy variable of the pattern is missing from the request.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
 */
import { compareHolePattern } from './compareHolePattern.js';
import { hasVariables, parseTemplate, type ResolvedPart, resolveTemplate } from './parseTemplate.js';
import { tokenizePattern } from './tokenizePattern.js';
import type { HoleMatcher, PatternToken } from './types.js';

const CACHE_LIMIT = 256;

/** Tokenises the pattern at the first resource with holes (most requests have none) and caches verdicts per hole. */
function cachedComparison(parts: readonly ResolvedPart[]): HoleMatcher {
  const cache = new Map<string, 'all' | 'some' | 'none'>();
  let tokens: readonly PatternToken[] | undefined;
  return (hole) => {
    let verdict = cache.get(hole.text);
    if (verdict === undefined) {
      tokens ??= tokenizePattern(parts, true);
      verdict = compareHolePattern(hole.tokens, tokens);
      if (cache.size < CACHE_LIMIT) cache.set(hole.text, verdict);
    }
    return verdict;
  };
}

/** The HoleMatcher of one Resource pattern; with `variables`, `${…}` is substituted from the request context. */
export function compileHoleMatcher(text: string, variables: boolean): HoleMatcher {
  const parts = parseTemplate(text, variables);
  if (!hasVariables(parts)) return cachedComparison(parts as ResolvedPart[]);
  return (hole, scope) => {
    const resolved = resolveTemplate(parts, scope);
    if (resolved === 'no') return 'none';
    if (resolved === 'unknown') return 'unknown';
    return compareHolePattern(hole.tokens, tokenizePattern(resolved, true));
  };
}
