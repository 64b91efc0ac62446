/**
 * True for a JSONPath payload-template key whose value is evaluated at run time (`FunctionName.$`).
 * https://docs.aws.amazon.com/step-functions/latest/dg/input-output-inputpath-params.html
 */
export function isDynamicKey(key: string): boolean {
  return key.length > 2 && key.endsWith('.$');
}
