import type { CliDeps } from '../cliDeps.js';
import { DEFINITION_HELP, DEFINITION_OPTIONS } from '../definitionOptions.js';
import { emit } from '../emit.js';
import { contextOverridesFrom, loadDefinitionInput } from '../loadDefinitionInput.js';
import { oneOf, parseCommandArgs } from '../parseCommandArgs.js';
import { renderRequirementsText } from '../renderRequirementsText.js';
import { requirementsOf } from '../requirementsOf.js';

/** Help for `sfn-role-audit requirements`. */
export const REQUIREMENTS_HELP = `Usage: sfn-role-audit requirements (--definition FILE | --describe FILE) [options]

Lists every permission the definition needs: per state, the purpose (invoke, poll, events, cancel, passrole, …),
the IAM actions, the resources, whether the resource is only known at run time, and the managed EventBridge rule.

${DEFINITION_HELP}

Output:
  --format text|json         text: a table grouped by state (default); json: the Requirement[] array
  -o, --output FILE          write to FILE instead of standard output
  -h, --help                 show this help
`;

/** `sfn-role-audit requirements`: prints what the definition needs, as a table or as JSON; exit 0. */
export async function runRequirements(argv: string[], deps: CliDeps): Promise<number> {
  const flags = parseCommandArgs('requirements', argv, DEFINITION_OPTIONS);
  if (flags.help === true) {
    deps.io.writeOut(REQUIREMENTS_HELP);
    return 0;
  }
  const format = oneOf('format', flags.format, ['text', 'json'], 'text');
  const overrides = contextOverridesFrom(flags);
  const input = await loadDefinitionInput(flags, 'requirements');
  const requirements = requirementsOf(input, overrides);
  const text = format === 'json' ? JSON.stringify(requirements, null, 2) : renderRequirementsText(requirements);
  await emit(deps.io, text, flags.output);
  return 0;
}
