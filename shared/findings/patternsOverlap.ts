/**
 * True when some string matches both IAM ARN patterns (`*` any run of characters, `?` one character; the wildcards of
 * Resource elements, https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html).
 */
export function patternsOverlap(a: string, b: string): boolean {
  const memo = new Map<number, boolean>();
  const width = b.length + 1;
  const visit = (i: number, j: number): boolean => {
    const key = i * width + j;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let result: boolean;
    if (i === a.length && j === b.length) result = true;
    else if (a[i] === '*') result = visit(i + 1, j) || (j < b.length && visit(i, j + 1));
    else if (b[j] === '*') result = visit(i, j + 1) || (i < a.length && visit(i + 1, j));
    else if (i < a.length && j < b.length)
      result = (a[i] === b[j] || a[i] === '?' || b[j] === '?') && visit(i + 1, j + 1);
    else result = false;
    memo.set(key, result);
    return result;
  };
  return visit(0, 0);
}
