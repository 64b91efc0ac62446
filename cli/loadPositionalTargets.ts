import type { CheckFlags } from './checkOptions.js';
import { classifyInputFile } from './classifyInputFile.js';
import { expandInputPaths, type InputPath, SKIPPED_DIRECTORIES } from './expandInputPaths.js';
import { loadCdkAssemblyTargets, type TemplateFileLoader } from './loadCdkTargets.js';
import { loadCdkTemplateTargets } from './loadCdkTemplateTargets.js';
import { loadTemplateFileTargets } from './loadTemplateTargets.js';
import { loadTerraformTargets } from './loadTerraformTargets.js';
import type { PreparedAudit } from './preparedAudit.js';
import { prepareOfflineAudit } from './prepareOfflineAudit.js';
import { UsageError } from './UsageError.js';

/** Help for `check`'s positional paths, --cdk-out and repeated --definition (docs/cli.md, Many inputs). */
export const INPUTS_HELP = `Many inputs (paths and flags mixed; every state machine found is audited, in one report):
  PATH…                      a template, definition, describe output or Terraform plan (told by its content),
                             a CDK cdk.out folder, any other folder (walked; node_modules, .git, cdk.out,
                             .aws-sam, .terraform skipped unless named), or a quoted glob ('infra/**/*.yaml');
                             definitions found in folders are audited only with --policy/--authorization-details
  --cdk-out DIR              every stack of a CDK cloud assembly (cdk synth output), Stages and nested stacks
                             included (repeatable; docs/cdk.md)
  --definition FILE          repeatable: several definitions, all against the same role`;

/** How each kind of positional input is loaded (tests pass their own). */
export type PositionalLoaders = {
  template: TemplateFileLoader;
  /** A definition or describe file, against the role of --policy/--authorization-details. */
  definition: (flags: CheckFlags) => Promise<PreparedAudit>;
  /** Terraform plans, all at once, as --terraform-plan loads them (`flags['terraform-plan']`). */
  terraformPlans: (flags: CheckFlags) => Promise<PreparedAudit[]>;
};

const DEFAULT_LOADERS: PositionalLoaders = {
  template: loadTemplateFileTargets,
  definition: prepareOfflineAudit,
  terraformPlans: loadTerraformTargets,
};

/** True when the run gives a role for bare definitions: --policy or --authorization-details. */
function hasRole(flags: CheckFlags): boolean {
  return (flags.policy?.length ?? 0) > 0 || flags['authorization-details'] !== undefined;
}

/** The paths the run already audits by flag, so a directory or glob that reaches them again does not. */
function flaggedPaths(flags: CheckFlags): string[] {
  return [
    ...(flags.template ?? []),
    ...(flags.definition ?? []),
    ...(flags.describe === undefined ? [] : [flags.describe]),
    ...(flags['cdk-out'] ?? []),
    ...(flags['terraform-plan'] ?? []),
  ];
}

/** The flags that audit one definition or describe file found among the positionals (it takes no ARN of the run). */
function offlineFlags(flags: CheckFlags, path: string, kind: 'definition' | 'describe'): CheckFlags {
  const { definition: _definition, describe: _describe, 'state-machine-arn': _arn, ...rest } = flags;
  return kind === 'definition' ? { ...rest, definition: [path] } : { ...rest, describe: path };
}

/** The UsageError for an argument (a directory or glob) that reached nothing `check` can audit. */
function nothingFound(argument: string, skippedDefinitions: number): UsageError {
  const hint =
    skippedDefinitions > 0
      ? `; its ${skippedDefinitions} definition or describe file(s) need the role: --policy FILE or --authorization-details FILE`
      : `; ${SKIPPED_DIRECTORIES.join(', ')} are skipped unless named (a CDK app: --cdk-out cdk.out)`;
  return new UsageError(
    `${argument}: no CloudFormation/SAM template, CDK cloud assembly, Terraform plan, definition or describe output found${hint}`,
  );
}

/** The audits of one positional input, or null when it is skipped (with why, for nothingFound). */
async function loadInput(
  input: InputPath,
  flags: CheckFlags,
  loaders: PositionalLoaders,
): Promise<PreparedAudit[] | 'none' | 'needsRole' | 'terraformPlan'> {
  if (input.kind === 'cdkOut') return loadCdkAssemblyTargets(input.path, flags, loaders.template);
  const kind = await classifyInputFile(input.path, input.explicit);
  switch (kind) {
    case undefined:
      return 'none';
    case 'template':
      return (await loadCdkTemplateTargets(input.path, flags, loaders.template)) ?? loaders.template(input.path, flags);
    case 'definition':
    case 'describe':
      // Found in a directory without a role, a definition is most likely a template's DefinitionUri file.
      if (!input.explicit && !hasRole(flags)) return 'needsRole';
      return [await loaders.definition(offlineFlags(flags, input.path, kind))];
    case 'terraformPlan':
      return 'terraformPlan';
  }
}

/**
 * The state machines of `check`'s positional arguments (files, directories, globs; cli/expandInputPaths.ts), each
 * file by what it holds (cli/classifyInputFile.ts): a template as --template loads it, a cloud assembly as
 * --cdk-out, a definition or describe output as --definition/--describe with the run's role, Terraform plans (after
 * the others) as --terraform-plan. In a directory or glob, files of no kind are skipped, and so are definitions when
 * the run gives no role; an argument that reaches nothing to audit is a UsageError, so a mistyped folder cannot pass
 * as clean.
 */
export async function loadPositionalTargets(
  flags: CheckFlags,
  positionals: readonly string[],
  loaders: PositionalLoaders = DEFAULT_LOADERS,
): Promise<PreparedAudit[]> {
  if (positionals.length === 0) return [];
  const { inputs, reached } = await expandInputPaths(positionals, flaggedPaths(flags));
  const targets: PreparedAudit[] = [];
  const audited = new Set(reached);
  const needsRole = new Map<string, number>();
  const plans: string[] = [];
  for (const input of inputs) {
    const loaded = await loadInput(input, flags, loaders);
    if (loaded === 'needsRole') needsRole.set(input.from, (needsRole.get(input.from) ?? 0) + 1);
    if (loaded === 'terraformPlan') plans.push(input.path);
    if (loaded === 'none' || loaded === 'needsRole') continue;
    audited.add(input.from);
    if (loaded !== 'terraformPlan') targets.push(...loaded);
  }
  if (plans.length > 0) targets.push(...(await loaders.terraformPlans({ ...flags, 'terraform-plan': plans })));
  for (const argument of positionals) {
    if (!audited.has(argument)) throw nothingFound(argument, needsRole.get(argument) ?? 0);
  }
  return targets;
}
