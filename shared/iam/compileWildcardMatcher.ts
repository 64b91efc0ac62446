/**
 * Matches text against tokenised wildcards (tokenizePattern: one UTF-16 code unit per token) in O(n·m) at worst, without regular expressions: IAM
 * wildcards in the partition, service, Region and account components of an ARN do not cross `:`, those of the resource
 * part do. No wildcard before the first colon-crossing one can match a `:`, so the colons there align one for one
 * with the text's first colons: each component is a glob of its own over colon-free text (compileGlob), and the rest
 * of the text is one glob whose wildcards cross colons — a pattern such as `arn:aws:s3:*` (fewer than six components,
 * the trailing `*` crossing) matches when its last component matches a prefix of the text's next component.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
 */
import { compileGlob, type Glob, matchGlob } from './compileGlob.js';
import type { PatternToken } from './types.js';

/** Tests a whole text against compiled wildcards. */
export type WildcardMatcher = (text: string) => boolean;

const COLON = ':';

function accepts(token: PatternToken, unit: string): boolean {
  if (token.kind === 'char') return token.char === unit;
  return token.crossesColon || unit !== COLON;
}

/**
 * Any token list (for lists tokenizePattern never produces, such as a `:`-bound wildcard after a crossing one):
 * dynamic programming over the text with two rows of |tokens| + 1 cells, O(n·m) time.
 */
function compileTable(units: readonly PatternToken[]): WildcardMatcher {
  const m = units.length;
  return (text) => {
    let next = new Uint8Array(m + 1);
    let row = new Uint8Array(m + 1);
    next[m] = 1;
    for (let j = m - 1; j >= 0; j--) next[j] = units[j]?.kind === 'star' && next[j + 1] === 1 ? 1 : 0;
    for (let i = text.length - 1; i >= 0; i--) {
      const unit = text[i] as string;
      row[m] = 0;
      for (let j = m - 1; j >= 0; j--) {
        const token = units[j] as PatternToken;
        const here = accepts(token, unit);
        row[j] =
          token.kind === 'star' ? (row[j + 1] === 1 || (here && next[j] === 1) ? 1 : 0) : here ? next[j + 1]! : 0;
      }
      [next, row] = [row, next];
    }
    return next[0] === 1;
  };
}

/** Compiles tokens into a matcher; a component glob per `:` before the first colon-crossing wildcard, then the rest. */
export function compileWildcardMatcher(tokens: readonly PatternToken[]): WildcardMatcher {
  const firstCrossing = tokens.findIndex((t) => t.kind !== 'char' && t.crossesColon);
  const boundaryEnd = firstCrossing === -1 ? tokens.length : firstCrossing;
  const bound = tokens.slice(0, boundaryEnd);
  const rest = tokens.slice(boundaryEnd);
  if (rest.some((t) => t.kind !== 'char' && !t.crossesColon)) return compileTable(tokens);
  if (!bound.some((t) => t.kind !== 'char')) {
    const glob = compileGlob(tokens);
    return (text) => matchGlob(glob, text);
  }
  const components: Glob[] = [];
  let component: PatternToken[] = [];
  for (const token of bound) {
    if (token.kind === 'char' && token.char === COLON) {
      components.push(compileGlob(component));
      component = [];
    } else component.push(token);
  }
  const last = component;
  const trailingStar = rest.length === 1 && rest[0]?.kind === 'star';
  if (rest.length === 0 || trailingStar) {
    const lastGlob = compileGlob(trailingStar ? [...last, ...rest] : last);
    return (text) => {
      const at = matchComponents(components, text);
      if (at === -1) return false;
      const colon = text.indexOf(COLON, at);
      if (colon !== -1 && !trailingStar) return false;
      return matchGlob(lastGlob, text, at, colon === -1 ? text.length : colon);
    };
  }
  if (last.some((t) => t.kind === 'star')) return compileTable(tokens);
  const fixed = compileGlob(last);
  const restGlob = compileGlob(rest);
  return (text) => {
    const at = matchComponents(components, text);
    if (at === -1) return false;
    const split = at + fixed.minLength;
    if (split > text.length || !matchGlob(fixed, text, at, split)) return false;
    const colon = text.indexOf(COLON, at);
    return (colon === -1 || colon >= split) && matchGlob(restGlob, text, split);
  };
}

/** Matches each component glob to the text up to its next colon; the index after the last of them, or -1. */
function matchComponents(components: readonly Glob[], text: string): number {
  let at = 0;
  for (const glob of components) {
    const colon = text.indexOf(COLON, at);
    if (colon === -1 || !matchGlob(glob, text, at, colon)) return -1;
    at = colon + 1;
  }
  return at;
}
