/**
 * Splits a Resource pattern (or a request resource with holes) into characters and wildcards, applying IAM's ARN
 * rules: in the partition, service, region and account components a wildcard does not cross `:`, in the resource part
 * it does; in a pattern with fewer than six components a trailing `*` crosses `:` ("arn:aws:s3:*"); text that does not
 * start with `arn:` is a plain glob. Characters of literal parts (substituted policy variables) are never wildcards.
 * Each token is one UTF-16 code unit (`?` stands for one code unit, as it did in the regular expressions before).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
 */
import type { ResolvedPart } from './parseTemplate.js';
import type { PatternToken } from './types.js';

const ARN_PREFIX_COLONS = 5;

/** The tokens of resolved parts; with `arn` false every wildcard crosses `:` (StringLike). */
export function tokenizePattern(parts: readonly ResolvedPart[], arn: boolean): PatternToken[] {
  const first = parts[0];
  const isArn = arn && first?.kind === 'pattern' && first.text.startsWith('arn:');
  const patternText = parts.map((p) => (p.kind === 'pattern' ? p.text : '')).join('');
  const colonCount = isArn ? patternText.split(':').length - 1 : ARN_PREFIX_COLONS;
  const lastPart = parts[parts.length - 1];
  const tokens: PatternToken[] = [];
  let colons = 0;
  for (const part of parts) {
    if (part.kind === 'literal') {
      for (let i = 0; i < part.text.length; i++)
        tokens.push({ kind: 'char', char: part.text[i] as string, crossesColon: false });
      continue;
    }
    for (let i = 0; i < part.text.length; i++) {
      const char = part.text[i] as string;
      if (char === ':') colons++;
      const inPrefix = isArn && colons < ARN_PREFIX_COLONS;
      const trailing = part === lastPart && i === part.text.length - 1 && colonCount < ARN_PREFIX_COLONS;
      if (char === '*') tokens.push({ kind: 'star', char, crossesColon: !inPrefix || trailing });
      else if (char === '?') tokens.push({ kind: 'one', char, crossesColon: !inPrefix });
      else tokens.push({ kind: 'char', char, crossesColon: false });
    }
  }
  return tokens;
}

/** True when a text has a `*` or `?` outside its literal parts. */
export function hasWildcards(tokens: readonly PatternToken[]): boolean {
  return tokens.some((token) => token.kind !== 'char');
}
