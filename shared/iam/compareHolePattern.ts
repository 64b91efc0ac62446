/**
 * Decides a policy Resource pattern P against a request resource with holes H (both tokenised with IAM's ARN rules):
 * `all` when every string H stands for matches P, `none` when no string matches both, `some` otherwise. Both questions
 * are dynamic programs over the two token lists, filled iteratively row by row (two rows of |P| + 1 cells, O(|H|·|P|)
 * time, no recursion, no backtracking) after the literal characters both share at the start and at the end are
 * set aside. Containment is proven by an alignment in which every hole of H lies inside a `*` of P that may hold its
 * characters; it is therefore conservative (`some` for a few true containments such as H=`?*` in P=`*?`) but never
 * claims `all` wrongly. A comparison larger than MAX_HOLE_CELLS answers `some`: neither proven nor excluded.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
 */
import type { PatternToken } from './types.js';

/**
 * Cells one comparison may fill (4,000 × 4,000 tokens left after trimming, about 0.1 s per question on a laptop);
 * past it the verdict is `some`, which makes an Allow or a Deny apply in part: `notProvable`, never a wrong answer.
 */
export const MAX_HOLE_CELLS = 16_000_000;

/** Token codes for the inner loops: a character's UTF-16 code, or one of the wildcard codes below. */
const STAR = -1;
const STAR_CROSSING = -2;
const ONE = -3;
const ONE_CROSSING = -4;
const COLON = 58;

function encode(tokens: readonly PatternToken[]): Int32Array {
  const codes = new Int32Array(tokens.length);
  tokens.forEach((token, index) => {
    if (token.kind === 'char') codes[index] = token.char.charCodeAt(0);
    else if (token.kind === 'star') codes[index] = token.crossesColon ? STAR_CROSSING : STAR;
    else codes[index] = token.crossesColon ? ONE_CROSSING : ONE;
  });
  return codes;
}

const isStar = (code: number) => code === STAR || code === STAR_CROSSING;

/** Whether two single-character codes (a character or `?`) can stand for the same character. */
function meet(a: number, b: number): boolean {
  if (a >= 0 && b >= 0) return a === b;
  if (a >= 0) return a !== COLON || b === ONE_CROSSING;
  if (b >= 0) return b !== COLON || a === ONE_CROSSING;
  return true;
}

/** Whether a `*` can take part of what `code` stands for (a `?` or `*` can always give it a colon-free character or nothing). */
function meetsStar(star: number, code: number): boolean {
  return code < 0 || star === STAR_CROSSING || code !== COLON;
}

/** Whether a `*` may hold what `code` stands for (every character of it). */
function holds(star: number, code: number): boolean {
  if (star === STAR_CROSSING) return true;
  return code >= 0 ? code !== COLON : code === STAR || code === ONE;
}

/**
 * Both dynamic programs fill cell(i, j) — the answer for a[i…] against b[j…] — for i from |a| down to 0 keeping two
 * rows: `below` (row i + 1) and `row` (row i, filled from the right); END stands for the end of a list.
 */
const END = -5;

/** True when some string matches both token lists. */
export function tokensOverlap(aTokens: readonly PatternToken[], bTokens: readonly PatternToken[]): boolean {
  const a = encode(aTokens);
  const b = encode(bTokens);
  const m = b.length;
  let below = new Uint8Array(m + 1);
  let row = new Uint8Array(m + 1);
  for (let i = a.length; i >= 0; i--) {
    const x = i < a.length ? (a[i] as number) : END;
    const xStar = isStar(x);
    row[m] = x === END || (xStar && below[m] === 1) ? 1 : 0;
    for (let j = m - 1; j >= 0; j--) {
      const y = b[j] as number;
      let result: boolean;
      if (xStar) result = below[j] === 1 || (meetsStar(x, y) && row[j + 1] === 1);
      else if (isStar(y)) result = row[j + 1] === 1 || (x !== END && meetsStar(y, x) && below[j] === 1);
      else result = x !== END && meet(x, y) && below[j + 1] === 1;
      row[j] = result ? 1 : 0;
    }
    const swap = below;
    below = row;
    row = swap;
  }
  return below[0] === 1;
}

/** True when every string `hole` stands for matches `pattern` (conservative, see the file comment). */
export function tokensContained(holeTokens: readonly PatternToken[], patternTokens: readonly PatternToken[]): boolean {
  const hole = encode(holeTokens);
  const pattern = encode(patternTokens);
  const m = pattern.length;
  let below = new Uint8Array(m + 1);
  let row = new Uint8Array(m + 1);
  for (let i = hole.length; i >= 0; i--) {
    const h = i < hole.length ? (hole[i] as number) : END;
    row[m] = h === END ? 1 : 0;
    for (let j = m - 1; j >= 0; j--) {
      const p = pattern[j] as number;
      let result: boolean;
      if (isStar(p)) result = row[j + 1] === 1 || (h !== END && holds(p, h) && below[j] === 1);
      else if (h === END || isStar(h)) result = false;
      else if (h >= 0) result = meet(h, p) && below[j + 1] === 1;
      else result = (p === ONE_CROSSING || (p === ONE && h === ONE)) && below[j + 1] === 1;
      row[j] = result ? 1 : 0;
    }
    const swap = below;
    below = row;
    row = swap;
  }
  return below[0] === 1;
}

function isChar(token: PatternToken | undefined): token is PatternToken {
  return token?.kind === 'char';
}

/**
 * Sets aside the characters both lists share at the start and at the end (a pair of characters must be equal in both
 * questions, and an alignment read backwards is an alignment of the lists read backwards); undefined when a pair
 * differs, which answers `none`.
 */
function trimShared(hole: readonly PatternToken[], pattern: readonly PatternToken[]) {
  let start = 0;
  let holeEnd = hole.length;
  let patternEnd = pattern.length;
  while (start < holeEnd && start < patternEnd && isChar(hole[start]) && isChar(pattern[start])) {
    if (hole[start]?.char !== pattern[start]?.char) return undefined;
    start++;
  }
  while (holeEnd > start && patternEnd > start && isChar(hole[holeEnd - 1]) && isChar(pattern[patternEnd - 1])) {
    if (hole[holeEnd - 1]?.char !== pattern[patternEnd - 1]?.char) return undefined;
    holeEnd--;
    patternEnd--;
  }
  return { hole: hole.slice(start, holeEnd), pattern: pattern.slice(start, patternEnd) };
}

/** True when both lists hold the same tokens (characters, `*` and `?` with the same colon rule) in the same order. */
function sameTokens(a: readonly PatternToken[], b: readonly PatternToken[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as PatternToken;
    const y = b[i] as PatternToken;
    if (x.kind !== y.kind || x.char !== y.char || x.crossesColon !== y.crossesColon) return false;
  }
  return true;
}

/** `all`, `some` or `none`: how much of what `hole` stands for `pattern` matches. */
export function compareHolePattern(
  hole: readonly PatternToken[],
  pattern: readonly PatternToken[],
): 'all' | 'some' | 'none' {
  const trimmed = trimShared(hole, pattern);
  if (trimmed === undefined) return 'none';
  // A pattern contains a hole of the very same tokens at any size (the Resource policyFromRequirements writes for it).
  if (sameTokens(trimmed.hole, trimmed.pattern)) return 'all';
  if ((trimmed.hole.length + 1) * (trimmed.pattern.length + 1) > MAX_HOLE_CELLS) return 'some';
  if (tokensContained(trimmed.hole, trimmed.pattern)) return 'all';
  return tokensOverlap(trimmed.hole, trimmed.pattern) ? 'some' : 'none';
}
