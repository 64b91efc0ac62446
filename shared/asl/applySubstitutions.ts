/** The result of applying DefinitionSubstitutions: the text Step Functions receives, or why CloudFormation fails. */
export type SubstitutionResult = { ok: true; text: string } | { ok: false; reason: string };

/** One left-to-right pass: each `${key}` (the first key, in map order, that matches where a `${` starts) is replaced. */
function replaceOnce(text: string, searches: readonly string[], values: readonly string[]): string | undefined {
  let out = '';
  let from = 0;
  let changed = false;
  for (let at = text.indexOf('${'); at !== -1; ) {
    const index = searches.findIndex((search) => text.startsWith(search, at));
    if (index === -1) {
      at = text.indexOf('${', at + 1);
      continue;
    }
    out += text.slice(from, at) + values[index];
    from = at + (searches[index] as string).length;
    changed = true;
    at = text.indexOf('${', from);
  }
  return changed ? out + text.slice(from) : undefined;
}

/**
 * Applies a state machine's DefinitionSubstitutions to its definition text exactly as CloudFormation does for
 * `AWS::StepFunctions::StateMachine` (and so for SAM's `AWS::Serverless::StateMachine`, which passes them on):
 * before the text is parsed, every occurrence of `${key}` — the key taken literally, any characters — is replaced by
 * the value, anywhere in the text (inside or outside JSON strings, in state names too), as raw text: nothing is
 * JSON-escaped, so a value holding `"` or `\` changes the JSON around it. Unknown `${…}` are left as they are and
 * there is no Fn::Sub-style `${!Literal}` escape. The resource provider does it with Apache Commons Lang
 * `StringUtils.replaceEachRepeatedly`: each pass replaces the leftmost match, and passes repeat while something was
 * replaced, so a value holding `${OtherKey}` is substituted too. Substitutions that keep expanding (`A` → `${B}`,
 * `B` → `${A}`) make Commons Lang throw or stop half-way depending on its version; either way the definition is not
 * what the template meant, so that is reported as a failure.
 * https://github.com/aws-cloudformation/aws-cloudformation-resource-providers-stepfunctions/blob/3df87f89a420d7e45ed6c4a381e50308d9c37374/statemachine/src/main/java/com/amazonaws/stepfunctions/cloudformation/statemachine/DefinitionProcessor.java
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-stepfunctions-statemachine.html#cfn-stepfunctions-statemachine-definitionsubstitutions
 * https://commons.apache.org/proper/commons-lang/apidocs/org/apache/commons/lang3/StringUtils.html#replaceEachRepeatedly(java.lang.String,java.lang.String%5B%5D,java.lang.String%5B%5D)
 */
export function applySubstitutions(text: string, substitutions: ReadonlyMap<string, string>): SubstitutionResult {
  const searches = [...substitutions.keys()].map((key) => `\${${key}}`);
  const values = [...substitutions.values()];
  let current = text;
  for (let pass = 0; pass <= searches.length; pass++) {
    const next = replaceOnce(current, searches, values);
    if (next === undefined) return { ok: true, text: current };
    current = next;
  }
  if (replaceOnce(current, searches, values) === undefined) return { ok: true, text: current };
  return {
    ok: false,
    reason: 'the substitutions never stop expanding (a value brings back a placeholder it replaced)',
  };
}
