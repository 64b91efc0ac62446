import { policyFromRequirements } from '../../shared/requirements/policyFromRequirements.js';
import type { CliDeps } from '../cliDeps.js';
import { DEFINITION_HELP, DEFINITION_OPTIONS } from '../definitionOptions.js';
import { emit } from '../emit.js';
import { contextOverridesFrom, loadDefinitionInput } from '../loadDefinitionInput.js';
import { oneOf, parseCommandArgs } from '../parseCommandArgs.js';
import { requirementsOf } from '../requirementsOf.js';

/** Help for `sfn-role-audit policy`. */
export const POLICY_HELP = `Usage: sfn-role-audit policy (--definition FILE | --describe FILE) [options]

Prints the least-privilege IAM policy for the definition's execution role: one policy document when it fits the
10,240 characters IAM allows for all of a role's inline policies; otherwise a JSON array of policy documents of at
most 6,144 characters each, to attach as customer managed policies.

${DEFINITION_HELP}

Output:
  --format json              the only format (default)
  -o, --output FILE          write to FILE instead of standard output
  -h, --help                 show this help
`;

/** `sfn-role-audit policy`: prints the least-privilege policy document (or an array of them when split); exit 0. */
export async function runPolicy(argv: string[], deps: CliDeps): Promise<number> {
  const flags = parseCommandArgs('policy', argv, DEFINITION_OPTIONS);
  if (flags.help === true) {
    deps.io.writeOut(POLICY_HELP);
    return 0;
  }
  oneOf('format', flags.format, ['json'], 'json');
  const overrides = contextOverridesFrom(flags);
  const input = await loadDefinitionInput(flags, 'policy');
  const documents = policyFromRequirements(requirementsOf(input, overrides));
  const output = documents.length === 1 ? documents[0] : documents;
  await emit(deps.io, JSON.stringify(output, null, 2), flags.output);
  return 0;
}
