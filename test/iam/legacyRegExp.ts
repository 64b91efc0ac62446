/** Test helper: the regular expression compilePattern built before the linear matcher, kept as the semantics to preserve. */
import type { PatternToken } from '../../shared/iam/types.js';

const SPECIAL = /[.*+?^${}()|[\]\\]/g;

/** `*` is `.*` or `[^:]*`, `?` is `.` or `[^:]`, every other token itself (the old regexSource of compilePattern). */
export function legacyRegExp(tokens: readonly PatternToken[]): RegExp {
  let source = '';
  for (const token of tokens) {
    if (token.kind === 'star') source += token.crossesColon ? '.*' : '[^:]*';
    else if (token.kind === 'one') source += token.crossesColon ? '.' : '[^:]';
    else source += token.char.replace(SPECIAL, '\\$&');
  }
  return new RegExp(`^${source}$`, 's');
}
