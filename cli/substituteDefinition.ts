import { applySubstitutions } from '../shared/asl/applySubstitutions.js';
import { InputError } from '../shared/local/InputError.js';
import { MAX_SUBSTITUTED_DEFINITION_CHARS } from '../shared/local/inputLimits.js';
import type { StateMachineDescription } from '../shared/types.js';
import { substitutedLength } from './substitutedLength.js';

const NEVER_STOPS = 'the substitutions never stop expanding (a value brings back a placeholder it replaced)';

/**
 * A definition text with DefinitionSubstitutions applied; substitutions that never stop expanding, or that would make
 * the definition larger than MAX_SUBSTITUTED_DEFINITION_CHARS, are an InputError (checked before expanding anything).
 */
export function substituteText(text: string, substitutions: ReadonlyMap<string, string>, source: string): string {
  if (substitutions.size === 0) return text;
  const estimate = substitutedLength(text, substitutions);
  if (estimate === Number.POSITIVE_INFINITY) {
    throw new InputError(`${source}: cannot apply the DefinitionSubstitutions: ${NEVER_STOPS}`);
  }
  const tooLong = new InputError(
    `${source}: the DefinitionSubstitutions make the definition longer than ` +
      `${MAX_SUBSTITUTED_DEFINITION_CHARS.toLocaleString('en-US')} characters (Step Functions accepts at most 1,048,576)`,
  );
  if (estimate > MAX_SUBSTITUTED_DEFINITION_CHARS) throw tooLong;
  const result = applySubstitutions(text, substitutions);
  if (result.ok && result.text.length > MAX_SUBSTITUTED_DEFINITION_CHARS) throw tooLong;
  if (!result.ok) throw new InputError(`${source}: cannot apply the DefinitionSubstitutions: ${result.reason}`);
  return result.text;
}

/**
 * The description with DefinitionSubstitutions applied to its definition, before anything parses it; a definition
 * given as an object is serialized first, as CloudFormation does with a template's `Definition`
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-stepfunctions-statemachine.html#cfn-stepfunctions-statemachine-definitionsubstitutions).
 */
export function substituteDescription(
  description: StateMachineDescription,
  substitutions: ReadonlyMap<string, string>,
  source: string,
): StateMachineDescription {
  if (substitutions.size === 0) return description;
  const text =
    typeof description.definition === 'string' ? description.definition : JSON.stringify(description.definition);
  return { ...description, definition: substituteText(text, substitutions, source) };
}
