import { isAbsolute, relative, resolve } from 'node:path';
import type { CheckFlags } from './checkOptions.js';
import { CONFIG_LIST_KEYS, CONFIG_PATH_KEYS, CONFIG_SCALAR_KEYS, type ConfigFile } from './configFile.js';

/**
 * Flags that go together: when the command line gives any of a group, the config file's values for the whole group
 * are dropped, so `check --definition other.asl.json` audits that file alone (not also the config's templates) and
 * `--policy` does not mix with the config's `authorization-details`.
 */
const GROUPS: readonly (readonly string[])[] = [
  ['definition', 'describe', 'state-machine-arn', 'template', 'cdk-out', 'terraform-plan', 'paths'],
  ['policy', 'authorization-details', 'role-name'],
  ['format', 'output'],
  ['substitution', 'substitutions'],
];

/** The flags and positional paths of a `check` run. */
export type CheckInputs = { flags: CheckFlags; positionals: string[] };

/** A path written in the config file, as seen from `cwd` (absolute paths unchanged). */
function fromConfig(path: string, dir: string, cwd: string): string {
  if (isAbsolute(path)) return path;
  return relative(cwd, resolve(dir, path)) || '.';
}

/** An `output` entry: `FORMAT` (standard output) stays, the file of `FILE` or `FORMAT=FILE` is resolved. */
function outputFromConfig(entry: string, dir: string, cwd: string): string {
  const equals = entry.indexOf('=');
  if (equals !== -1) return `${entry.slice(0, equals + 1)}${fromConfig(entry.slice(equals + 1), dir, cwd)}`;
  return /^[a-z]+$/.test(entry) ? entry : fromConfig(entry, dir, cwd);
}

/** `KEY=VALUE` entries as a map (the last value of a key wins); entries without `=` are kept aside as they are. */
function keyValues(entries: readonly string[]): { map: Map<string, string>; malformed: string[] } {
  const map = new Map<string, string>();
  const malformed: string[] = [];
  for (const entry of entries) {
    const equals = entry.indexOf('=');
    if (equals <= 0) malformed.push(entry);
    else map.set(entry.slice(0, equals), entry.slice(equals + 1));
  }
  return { map, malformed };
}

/** Template parameters: the config's, then the command line's over them, key by key, as `KEY=VALUE` entries. */
export function mergeParameters(base: ReadonlyMap<string, string>, entries: readonly string[]): string[] {
  const { map, malformed } = keyValues(entries);
  const merged = new Map([...base, ...map]);
  return [...[...merged].map(([key, value]) => `${key}=${value}`), ...malformed];
}

/**
 * The flags of a `check` run with the config file's defaults filled in where the command line is silent, flag by
 * flag (and group by group, see GROUPS); template parameters merge key by key, the command line's winning. Paths
 * in the config file are relative to its folder `dir` and come out relative to `cwd`.
 */
export function mergeConfigFlags(cli: CheckInputs, config: ConfigFile, dir: string, cwd: string): CheckInputs {
  const given = (key: string) =>
    key === 'paths' ? cli.positionals.length > 0 : (cli.flags as Record<string, unknown>)[key] !== undefined;
  const silent = (key: string) => {
    const group = GROUPS.find((members) => members.includes(key));
    return group === undefined ? !given(key) : !group.some(given);
  };
  const flags: Record<string, string | string[] | boolean | undefined> = { ...cli.flags };
  for (const key of CONFIG_SCALAR_KEYS) {
    const value = config.scalars.get(key);
    if (value === undefined || !silent(key)) continue;
    flags[key] = CONFIG_PATH_KEYS.has(key) ? fromConfig(value, dir, cwd) : value;
  }
  for (const key of CONFIG_LIST_KEYS) {
    const values = config.lists.get(key);
    if (values === undefined || !silent(key)) continue;
    flags[key] = values.map((value) =>
      key === 'output'
        ? outputFromConfig(value, dir, cwd)
        : CONFIG_PATH_KEYS.has(key)
          ? fromConfig(value, dir, cwd)
          : value,
    );
  }
  if (config.parameters.size > 0) flags.parameter = mergeParameters(config.parameters, cli.flags.parameter ?? []);
  if (config.context !== undefined && silent('context')) {
    flags.context = [...config.context].flatMap(([key, values]) => values.map((value) => `${key}=${value}`));
  }
  if (typeof config.substitutions === 'string' && silent('substitutions')) {
    flags.substitutions = fromConfig(config.substitutions, dir, cwd);
  } else if (config.substitutions !== undefined && typeof config.substitutions !== 'string' && silent('substitution')) {
    flags.substitution = [...config.substitutions].map(([key, value]) => `${key}=${value}`);
  }
  const positionals =
    config.paths !== undefined && silent('paths')
      ? config.paths.map((path) => fromConfig(path, dir, cwd))
      : cli.positionals;
  return { flags: flags as CheckFlags, positionals };
}
