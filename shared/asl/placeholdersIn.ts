/**
 * The `${…}` placeholders in a string, each once, in order of first appearance (from the last `${` before a `}` to
 * that `}`). Applied to a definition after its DefinitionSubstitutions, every one is a placeholder nobody substituted:
 * CloudFormation leaves unknown keys as they are, and `${aws:username}`-like text cannot be told apart from one.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-stepfunctions-statemachine.html#cfn-stepfunctions-statemachine-definitionsubstitutions
 */
export function placeholdersIn(text: string): string[] {
  const found = new Set<string>();
  for (let at = text.indexOf('${'); at !== -1; ) {
    const end = text.indexOf('}', at + 2);
    if (end === -1) break;
    const inner = text.indexOf('${', at + 2);
    if (inner !== -1 && inner < end) {
      at = inner;
      continue;
    }
    found.add(text.slice(at, end + 1));
    at = text.indexOf('${', end + 1);
  }
  return [...found];
}
