/** One single-quoted intrinsic-function string argument, with the reserved characters' escapes. */
function readQuoted(text: string, start: number): { value: string; end: number } | undefined {
  if (text[start] !== "'") return undefined;
  let value = '';
  for (let i = start + 1; i < text.length; i++) {
    const char = text[i] as string;
    if (char === '\\') {
      const escaped = text[i + 1];
      if (escaped === undefined) return undefined;
      value += escaped;
      i++;
    } else if (char === "'") return { value, end: i + 1 };
    else value += char;
  }
  return undefined;
}

const NUMBER = /^-?\d+(?:\.\d+)?/;

/**
 * The value of a `States.Format('template', arg, …)` whose arguments are all string or number literals (what CDK writes
 * for an HTTP Task's `ApiEndpoint`), or undefined when any part is only known at run time (a path, a nested call).
 * Each `{}` takes the next argument; `\'`, `\{`, `\}` and `\\` are escapes.
 * https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html#asl-intrsc-func-generic
 */
export function literalFormat(expression: string): string | undefined {
  const open = /^\s*States\.Format\(\s*/.exec(expression);
  if (open === null) return undefined;
  let at = open[0].length;
  const template = expression[at] === "'" ? readTemplate(expression, at) : undefined;
  if (template === undefined) return undefined;
  at = template.end;
  const args: string[] = [];
  for (;;) {
    while (expression[at] === ' ') at++;
    if (expression[at] === ')') break;
    if (expression[at] !== ',') return undefined;
    at++;
    while (expression[at] === ' ') at++;
    const quoted = readQuoted(expression, at);
    if (quoted !== undefined) {
      args.push(quoted.value);
      at = quoted.end;
      continue;
    }
    const number = NUMBER.exec(expression.slice(at));
    if (number === null) return undefined;
    args.push(number[0]);
    at += number[0].length;
  }
  if (expression.slice(at + 1).trim() !== '' || template.parts.length !== args.length + 1) return undefined;
  return template.parts.reduce((out, part, i) => out + part + (args[i] ?? ''), '');
}

/** The template's literal pieces around its `{}` slots. */
function readTemplate(text: string, start: number): { parts: string[]; end: number } | undefined {
  const parts: string[] = [''];
  for (let i = start + 1; i < text.length; i++) {
    const char = text[i] as string;
    if (char === '\\') {
      const escaped = text[i + 1];
      if (escaped === undefined) return undefined;
      parts[parts.length - 1] += escaped;
      i++;
    } else if (char === "'") return { parts, end: i + 1 };
    else if (char === '{') {
      if (text[i + 1] !== '}') return undefined;
      parts.push('');
      i++;
    } else if (char === '}') return undefined;
    else parts[parts.length - 1] += char;
  }
  return undefined;
}
