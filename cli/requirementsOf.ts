import { parseDefinition } from '../shared/asl/parseDefinition.js';
import { InputError } from '../shared/local/InputError.js';
import { contextFromDescription } from '../shared/requirements/contextFromDescription.js';
import { deriveRequirements } from '../shared/requirements/deriveRequirements.js';
import type { DeriveContext, Requirement } from '../shared/types.js';
import type { DefinitionInput } from './loadDefinitionInput.js';

/**
 * Derives the requirements of a definition read from a file; an invalid definition is an InputError naming the
 * file, the first problem and where it is (the requirements and policy commands cannot report it as a finding).
 */
export function requirementsOf(input: DefinitionInput, overrides: Partial<DeriveContext>): Requirement[] {
  const parsed = parseDefinition(input.description.definition);
  if (!parsed.ok) {
    const [first] = parsed.issues;
    const where = first === undefined || first.path.length === 0 ? '' : ` at ${first.path.join('.')}`;
    const more = parsed.issues.length > 1 ? ` (and ${parsed.issues.length - 1} more)` : '';
    throw new InputError(`${input.path}: invalid state machine definition${where}: ${first?.message ?? ''}${more}`);
  }
  return deriveRequirements(parsed.definition, contextFromDescription(input.description, overrides));
}
