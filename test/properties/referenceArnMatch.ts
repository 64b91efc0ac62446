/**
 * A deliberately naive reference for IAM wildcard matching, written from the IAM documentation rather than from the
 * evaluator: split an ARN pattern into its six components, match the first five one by one (wildcards there never see
 * a colon) and the resource part as a whole; a pattern of fewer than six components that ends in `*` lets that `*`
 * take the rest of the ARN. Globs are matched by memoised recursion, fine for the short strings properties generate.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
 */

/** Whole-string glob: `*` any run (possibly empty), `?` exactly one UTF-16 unit, everything else itself. */
export function referenceGlob(pattern: string, text: string): boolean {
  const memo = new Map<number, boolean>();
  const match = (i: number, j: number): boolean => {
    const key = i * (text.length + 1) + j;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let result: boolean;
    if (i === pattern.length) result = j === text.length;
    else if (pattern[i] === '*') result = match(i + 1, j) || (j < text.length && match(i, j + 1));
    else if (j === text.length) result = false;
    else result = (pattern[i] === '?' || pattern[i] === text[j]) && match(i + 1, j + 1);
    memo.set(key, result);
    return result;
  };
  return match(0, 0);
}

const PREFIX_COMPONENTS = 5;

/** Resource / ArnLike matching of a literal ARN `text` against `pattern`. */
export function referenceArnMatch(pattern: string, text: string): boolean {
  if (!pattern.startsWith('arn:')) return referenceGlob(pattern, text);
  const patternParts = pattern.split(':');
  const textParts = text.split(':');
  if (patternParts.length > PREFIX_COMPONENTS) {
    if (textParts.length <= PREFIX_COMPONENTS) return false;
    for (let i = 0; i < PREFIX_COMPONENTS; i++)
      if (!referenceGlob(patternParts[i] as string, textParts[i] as string)) return false;
    return referenceGlob(patternParts.slice(PREFIX_COMPONENTS).join(':'), textParts.slice(PREFIX_COMPONENTS).join(':'));
  }
  const k = patternParts.length;
  const head = patternParts.slice(0, k - 1);
  if (textParts.length < k || !head.every((part, i) => referenceGlob(part, textParts[i] as string))) return false;
  const last = patternParts[k - 1] as string;
  const textLast = textParts[k - 1] as string;
  if (!pattern.endsWith('*')) return textParts.length === k && referenceGlob(last, textLast);
  const bound = last.slice(0, -1);
  for (let cut = 0; cut <= textLast.length; cut++) if (referenceGlob(bound, textLast.slice(0, cut))) return true;
  return false;
}

/** For each character of an ARN pattern with holes, whether a wildcard there may stand for text with `:`. */
export function crossesColonAt(pattern: string): boolean[] {
  if (!pattern.startsWith('arn:')) return [...pattern.split('')].map(() => true);
  const colons = pattern.split(':').length - 1;
  let seen = 0;
  return pattern.split('').map((char, index) => {
    if (char === ':') seen++;
    const trailing = index === pattern.length - 1 && char === '*' && colons < PREFIX_COMPONENTS;
    return seen >= PREFIX_COMPONENTS || trailing;
  });
}
