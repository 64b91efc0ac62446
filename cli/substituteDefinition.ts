import { applySubstitutions } from '../shared/asl/applySubstitutions.js';
import { InputError } from '../shared/local/InputError.js';
import type { StateMachineDescription } from '../shared/types.js';

/** A definition text with DefinitionSubstitutions applied; substitutions that never stop expanding are an InputError. */
export function substituteText(text: string, substitutions: ReadonlyMap<string, string>, source: string): string {
  if (substitutions.size === 0) return text;
  const result = applySubstitutions(text, substitutions);
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
