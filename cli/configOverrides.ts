import type { CheckFlags } from './checkOptions.js';
import type { ConfigOverride } from './configFile.js';
import { compileTargetGlob } from './configGlob.js';
import type { FailOn } from './exitCodeFor.js';
import type { CheckConfig } from './loadConfigFile.js';
import { loadTemplateTargets } from './loadTemplateTargets.js';
import { mergeParameters } from './mergeConfigFlags.js';
import type { PreparedAudit } from './preparedAudit.js';
import { targetKey } from './targetKey.js';
import { UsageError } from './UsageError.js';

/** True when a config glob (relative to the config file's folder) matches a target id. */
export function matchesTarget(config: CheckConfig, glob: string, targetId: string): boolean {
  return compileTargetGlob(glob)(targetKey(targetId, config.cwd, config.dir));
}

/** The overrides that apply to a target, in file order (a later one wins). */
export function overridesFor(config: CheckConfig, targetId: string): ConfigOverride[] {
  return config.overrides.filter((override) => matchesTarget(config, override.stateMachine, targetId));
}

/**
 * The --fail-on level of one target: the command line's when given, else the last matching override's, else
 * `fallback` (the config file's top-level `fail-on`, or the default).
 */
export function failOnFor(config: CheckConfig, targetId: string, fallback: FailOn): FailOn {
  if (config.failOnFromCommandLine) return fallback;
  const levels = overridesFor(config, targetId).flatMap((override) => override.failOn ?? []);
  return levels.at(-1) ?? fallback;
}

/** Loads template targets (the template loader; tests pass their own). */
export type TemplateLoader = (flags: CheckFlags, positionals: readonly string[]) => Promise<PreparedAudit[]>;

/**
 * The targets, with those that an override gives template parameters to loaded again from their template with
 * the parameters merged key by key (the config's top-level ones, then the overrides' in order, then the command
 * line's). Parameters decide how a template resolves, so they take effect only by reading it again; a target that
 * is not a template resource (`TEMPLATE#LogicalId`) is a UsageError naming the override.
 */
export async function applyParameterOverrides(
  targets: readonly PreparedAudit[],
  config: CheckConfig,
  flags: CheckFlags,
  load: TemplateLoader = loadTemplateTargets,
): Promise<PreparedAudit[]> {
  const reloads = new Map<string, Promise<PreparedAudit[]>>();
  const result: PreparedAudit[] = [];
  for (const target of targets) {
    const overrides = overridesFor(config, target.id).filter((override) => override.parameters.size > 0);
    const last = overrides.at(-1);
    if (last === undefined) {
      result.push(target);
      continue;
    }
    const hash = target.id.indexOf('#');
    if (hash <= 0 || target.id.startsWith('arn:')) {
      throw new UsageError(`${last.where}: parameters apply to template resources only, not to ${target.id}`);
    }
    const template = target.id.slice(0, hash);
    const base = new Map([...config.parameters, ...overrides.flatMap((override) => [...override.parameters])]);
    const parameter = mergeParameters(base, config.cliParameters);
    const key = JSON.stringify([template, parameter]);
    let reload = reloads.get(key);
    if (reload === undefined) {
      const only: CheckFlags = {
        ...flags,
        template: [template],
        parameter,
        definition: undefined,
        describe: undefined,
        'state-machine-arn': undefined,
        'cdk-out': undefined,
        'terraform-plan': undefined,
      };
      reload = load(only, []);
      reloads.set(key, reload);
    }
    const again = (await reload).find((candidate) => candidate.id === target.id);
    if (again === undefined) {
      throw new UsageError(`${last.where}: parameters apply to template resources only; ${target.id} is not one`);
    }
    result.push(again);
  }
  return result;
}
