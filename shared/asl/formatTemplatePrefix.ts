const FORMAT_CALL = /^\s*States\.Format\(\s*'/;

/**
 * The literal text a `States.Format('template', …)` expression starts with: the template up to its first `{}`, with
 * the reserved characters `'`, `{`, `}` and `\` unescaped from their `\'`, `\{`, `\}`, `\\` forms; undefined for any
 * other expression, an empty prefix, or a template we cannot read.
 * https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html (Reserved characters, States.Format)
 */
export function formatTemplatePrefix(expression: string): string | undefined {
  const call = FORMAT_CALL.exec(expression);
  if (call === null) return undefined;
  let prefix = '';
  for (let i = call[0].length; i < expression.length; i++) {
    const char = expression[i];
    if (char === '\\') {
      const escaped = expression[i + 1];
      if (escaped === undefined) return undefined;
      prefix += escaped;
      i++;
    } else if (char === "'") {
      return prefix === '' ? undefined : prefix;
    } else if (char === '{') {
      return expression[i + 1] === '}' && prefix !== '' ? prefix : undefined;
    } else if (char === '}') {
      return undefined;
    } else {
      prefix += char;
    }
  }
  return undefined;
}
