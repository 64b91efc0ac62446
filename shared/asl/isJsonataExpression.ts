/**
 * True for a JSONata state's string that Step Functions evaluates: the whole string starts with `{%` and ends with
 * `%}`, with no surrounding spaces (anything else is a literal).
 * https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html
 */
export function isJsonataExpression(value: unknown): value is string {
  return typeof value === 'string' && value.length >= 4 && value.startsWith('{%') && value.endsWith('%}');
}
