/**
 * Decides a policy Resource pattern P against a request resource with holes H (both tokenised with IAM's ARN rules):
 * `all` when every string H stands for matches P, `none` when no string matches both, `some` otherwise. Both questions
 * are answered by memoised dynamic programming over the two token lists (O(|H|·|P|), no backtracking). Containment is
 * proven by an alignment in which every hole of H lies inside a `*` of P that may hold its characters; it is therefore
 * conservative (`some` for a few true containments such as H=`?*` in P=`*?`) but never claims `all` wrongly.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
 */
import type { PatternToken } from './types.js';

/** Whether a `*` may hold what `token` stands for (every character of it). */
function holds(star: PatternToken, token: PatternToken): boolean {
  if (star.crossesColon) return true;
  return token.kind === 'char' ? token.char !== ':' : !token.crossesColon;
}

/** Whether two single-character tokens (a character or `?`) can stand for the same character. */
function meet(a: PatternToken, b: PatternToken): boolean {
  if (a.kind === 'char' && b.kind === 'char') return a.char === b.char;
  if (a.kind === 'char') return a.char !== ':' || b.crossesColon;
  if (b.kind === 'char') return b.char !== ':' || a.crossesColon;
  return true;
}

/** True when some string matches both token lists. */
export function tokensOverlap(a: readonly PatternToken[], b: readonly PatternToken[]): boolean {
  const width = b.length + 1;
  const memo = new Int8Array((a.length + 1) * width);
  const visit = (i: number, j: number): boolean => {
    const key = i * width + j;
    const known = memo[key];
    if (known !== 0) return known === 1;
    const x = a[i];
    const y = b[j];
    let result = false;
    if (x === undefined && y === undefined) result = true;
    else if (x?.kind === 'star') result = visit(i + 1, j) || (y !== undefined && meetsStar(x, y) && visit(i, j + 1));
    else if (y?.kind === 'star') result = visit(i, j + 1) || (x !== undefined && meetsStar(y, x) && visit(i + 1, j));
    else if (x !== undefined && y !== undefined) result = meet(x, y) && visit(i + 1, j + 1);
    memo[key] = result ? 1 : 2;
    return result;
  };
  return visit(0, 0);
}

/** Whether a `*` can take part of what `token` stands for (a `?` or `*` can always give it a colon-free character or nothing). */
function meetsStar(star: PatternToken, token: PatternToken): boolean {
  return token.kind !== 'char' || star.crossesColon || token.char !== ':';
}

/** True when every string `hole` stands for matches `pattern` (conservative, see the file comment). */
export function tokensContained(hole: readonly PatternToken[], pattern: readonly PatternToken[]): boolean {
  const width = pattern.length + 1;
  const memo = new Int8Array((hole.length + 1) * width);
  const visit = (i: number, j: number): boolean => {
    const key = i * width + j;
    const known = memo[key];
    if (known !== 0) return known === 1;
    const h = hole[i];
    const p = pattern[j];
    let result = false;
    if (p === undefined) result = h === undefined;
    else if (p.kind === 'star') result = visit(i, j + 1) || (h !== undefined && holds(p, h) && visit(i + 1, j));
    else if (h === undefined || h.kind === 'star') result = false;
    else if (h.kind === 'char') result = meet(h, p) && visit(i + 1, j + 1);
    else result = p.kind === 'one' && (p.crossesColon || !h.crossesColon) && visit(i + 1, j + 1);
    memo[key] = result ? 1 : 2;
    return result;
  };
  return visit(0, 0);
}

/** `all`, `some` or `none`: how much of what `hole` stands for `pattern` matches. */
export function compareHolePattern(
  hole: readonly PatternToken[],
  pattern: readonly PatternToken[],
): 'all' | 'some' | 'none' {
  if (tokensContained(hole, pattern)) return 'all';
  return tokensOverlap(hole, pattern) ? 'some' : 'none';
}
