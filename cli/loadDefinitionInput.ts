import { placeholdersIn } from '../shared/asl/placeholdersIn.js';
import { InputError } from '../shared/local/InputError.js';
import { INPUT_LIMITS } from '../shared/local/inputLimits.js';
import { loadDescribeFile } from '../shared/local/parseDescribeOutput.js';
import { parseJsonText } from '../shared/local/parseJsonText.js';
import { readTextFile } from '../shared/local/readTextFile.js';
import type { DeriveContext, StateMachineDescription } from '../shared/types.js';
import { loadSubstitutions, type SubstitutionFlags } from './loadSubstitutions.js';
import { isYamlText, parseYamlText } from './parseJsonOrYaml.js';
import { substituteDescription, substituteText } from './substituteDefinition.js';
import { UsageError } from './UsageError.js';

/** The definition to audit and the file it came from (for SARIF locations). */
export type DefinitionInput = {
  description: StateMachineDescription;
  /** The file the definition was read from. */
  path: string;
  /** That file's text. */
  text: string;
  /** True when the definition is a JSON string inside the file (describe-state-machine output), not the file itself. */
  embedded: boolean;
  /** True when the file is a definition in YAML. */
  yaml?: boolean;
};

type DefinitionFlags = SubstitutionFlags & {
  /** One file; `check` takes --definition repeatedly and passes each alone (a list of one). */
  definition?: string | readonly string[] | undefined;
  describe?: string | undefined;
  'state-machine-arn'?: string | undefined;
};

/**
 * The definition file's text with the DefinitionSubstitutions applied, checked to be JSON; when it is not and still
 * holds `${…}` placeholders (`"TimeoutSeconds": ${Timeout}` is JSON only once substituted), the reason says so.
 */
async function readDefinitionFile(path: string, substitutions: ReadonlyMap<string, string>) {
  const text = await readTextFile(path, INPUT_LIMITS.definition);
  const definition = substituteText(text, substitutions, path);
  const source = substitutions.size === 0 ? path : `${path} (after the substitutions)`;
  if (isYamlText(path, definition)) {
    return { text, definition: JSON.stringify(parseYamlText(definition, source)), yaml: true };
  }
  try {
    parseJsonText(definition, source);
  } catch (error) {
    const placeholders = placeholdersIn(definition);
    if (!(error instanceof InputError) || placeholders.length === 0) throw error;
    const hint = `it holds ${placeholders.join(', ')}: give them with --substitution KEY=VALUE or --substitutions FILE`;
    throw new InputError(`${error.message} (${hint})`, { cause: error });
  }
  return { text, definition, yaml: false };
}

/**
 * Reads the definition named by --definition or --describe (exactly one is required) and applies the
 * --substitutions/--substitution DefinitionSubstitutions to it before anything parses it; with --definition, a
 * --state-machine-arn says which state machine it is.
 */
export async function loadDefinitionInput(flags: DefinitionFlags, command: string): Promise<DefinitionInput> {
  if (flags.definition !== undefined && flags.describe !== undefined) {
    throw new UsageError('give --definition or --describe, not both');
  }
  const substitutions = await loadSubstitutions(flags);
  const arn = flags['state-machine-arn'];
  if (flags.describe !== undefined) {
    const file = await loadDescribeFile(flags.describe);
    const substituted = substituteDescription(file.description, substitutions, file.path);
    const description = arn === undefined ? substituted : { ...substituted, stateMachineArn: arn };
    return { description, path: file.path, text: file.text, embedded: true };
  }
  const path = typeof flags.definition === 'string' ? flags.definition : flags.definition?.[0];
  if (path !== undefined) {
    if (typeof flags.definition !== 'string' && (flags.definition?.length ?? 0) > 1) {
      throw new UsageError(`${command} reads one --definition at a time`);
    }
    const file = await readDefinitionFile(path, substitutions);
    const description: StateMachineDescription = { definition: file.definition };
    if (arn !== undefined) description.stateMachineArn = arn;
    return { description, path, text: file.text, embedded: false, yaml: file.yaml };
  }
  throw new UsageError(`${command} needs --definition FILE or --describe FILE (see sfn-role-audit ${command} --help)`);
}

type PlacementFlags = { region?: string | undefined; account?: string | undefined; partition?: string | undefined };

/** The --region, --account and --partition flags as DeriveContext overrides (only those given). */
export function contextOverridesFrom(flags: PlacementFlags): Partial<DeriveContext> {
  const overrides: Partial<DeriveContext> = {};
  if (flags.region !== undefined) overrides.region = flags.region;
  if (flags.account !== undefined) {
    if (!/^(\d{12}|\*)$/.test(flags.account)) throw new UsageError(`--account must be a 12-digit account id`);
    overrides.account = flags.account;
  }
  if (flags.partition !== undefined) overrides.partition = flags.partition;
  return overrides;
}
