import { loadDescribeFile } from '../shared/local/parseDescribeOutput.js';
import { readJsonFile } from '../shared/local/readJsonFile.js';
import type { DeriveContext, StateMachineDescription } from '../shared/types.js';
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
};

type DefinitionFlags = {
  definition?: string | undefined;
  describe?: string | undefined;
  'state-machine-arn'?: string | undefined;
};

/**
 * Reads the definition named by --definition or --describe (exactly one is required); with --definition, a
 * --state-machine-arn says which state machine it is.
 */
export async function loadDefinitionInput(flags: DefinitionFlags, command: string): Promise<DefinitionInput> {
  if (flags.definition !== undefined && flags.describe !== undefined) {
    throw new UsageError('give --definition or --describe, not both');
  }
  if (flags.describe !== undefined) {
    const file = await loadDescribeFile(flags.describe);
    const arn = flags['state-machine-arn'];
    const description = arn === undefined ? file.description : { ...file.description, stateMachineArn: arn };
    return { description, path: file.path, text: file.text, embedded: true };
  }
  if (flags.definition !== undefined) {
    const file = await readJsonFile(flags.definition);
    const description: StateMachineDescription = { definition: file.text };
    const arn = flags['state-machine-arn'];
    if (arn !== undefined) description.stateMachineArn = arn;
    return { description, path: file.path, text: file.text, embedded: false };
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
