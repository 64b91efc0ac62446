/**
 * Text to write into a Resource or Condition value so IAM reads it literally: each `${` becomes `${$}{`, because in a
 * `2012-10-17` policy `${…}` is a policy variable and `${$}` is the escape for a literal `$` ("Special characters",
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html). Wildcards (`*`, `?`) are left
 * as they are: the generated values use them on purpose.
 */
export function escapePolicyVariables(text: string): string {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the IAM escape, not a JavaScript template
  return text.includes('${') ? text.replaceAll('${', '${$}{') : text;
}
