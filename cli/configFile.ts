import { type ConfigIgnoreRule, readIgnoreRule } from './configIgnoreRule.js';
import { type ConfigReader, describePath } from './configReader.js';
import { FAIL_ON_LEVELS, type FailOn } from './exitCodeFor.js';

/** Config keys that give one flag's value (a string), named as the flag. */
export const CONFIG_SCALAR_KEYS = [
  'describe',
  'state-machine-arn',
  'region',
  'account',
  'partition',
  'stack-name',
  'authorization-details',
  'role-name',
  'boundary',
  'simulator',
  'format',
  'fail-on',
  'sarif-category',
  'baseline',
] as const;

/** Config keys that give a repeatable flag's values (a string or a list), named as the flag. */
export const CONFIG_LIST_KEYS = [
  'definition',
  'template',
  'cdk-out',
  'terraform-plan',
  'policy',
  'scp',
  'output',
] as const;

/** Config keys whose values are files or folders, relative to the config file's folder. */
export const CONFIG_PATH_KEYS: ReadonlySet<string> = new Set([
  'definition',
  'describe',
  'authorization-details',
  'boundary',
  'baseline',
  'template',
  'cdk-out',
  'terraform-plan',
  'policy',
  'scp',
]);

const TOP_KEYS = [
  'version',
  ...CONFIG_SCALAR_KEYS,
  ...CONFIG_LIST_KEYS,
  'paths',
  'parameters',
  'substitutions',
  'context',
  'ignore',
  'overrides',
] as const;
const TOP_HINTS = new Map([
  ['config', '"config" is a command-line flag only'],
  ['write-baseline', '"write-baseline" is a command-line action, not a default (use "baseline" to apply one)'],
  ['parameter', 'unknown key "parameter" (did you mean "parameters"? a mapping of names to values)'],
  ['substitution', 'unknown key "substitution" (did you mean "substitutions"? a mapping, or a JSON file)'],
  ['stateMachine', 'unknown key "stateMachine": per-state-machine settings go under "overrides"'],
]);
const OVERRIDE_KEYS = ['state-machine', 'fail-on', 'ignore', 'parameters'] as const;

/** One entry of `overrides`: settings for the targets whose id `stateMachine` (a glob) matches. */
export type ConfigOverride = {
  /** Where it is written, for messages: `.sfn-role-audit.yml: overrides[1]`. */
  where: string;
  stateMachine: string;
  failOn?: FailOn;
  ignore: ConfigIgnoreRule[];
  /** Template parameters for these targets, over the top-level ones. */
  parameters: Map<string, string>;
};

/** A config file's content, checked; paths still as written (relative to the file's folder). */
export type ConfigFile = {
  /** Defaults of flags that take one value, keyed by flag name. */
  scalars: Map<string, string>;
  /** Defaults of repeatable flags, keyed by flag name. */
  lists: Map<string, string[]>;
  /** Positional paths (templates, folders, globs). */
  paths?: string[];
  parameters: Map<string, string>;
  /** A mapping of DefinitionSubstitutions, or a JSON file of them. */
  substitutions?: Map<string, string> | string;
  context?: Map<string, string[]>;
  ignore: ConfigIgnoreRule[];
  overrides: ConfigOverride[];
};

function singleValues(values: Map<string, string[]>): Map<string, string> {
  return new Map([...values].map(([key, [value]]) => [key, value ?? '']));
}

/** Reads and checks a parsed config file (every problem a one-line UsageError naming the file, line and key). */
export function readConfigFile(reader: ConfigReader, value: unknown): ConfigFile {
  const config: ConfigFile = { scalars: new Map(), lists: new Map(), parameters: new Map(), ignore: [], overrides: [] };
  if (value === null || value === undefined) return config;
  const top = reader.mapping([], value, TOP_KEYS, TOP_HINTS);
  if (top.version !== undefined && String(top.version) !== '1') {
    reader.fail(['version'], `this sfn-role-audit reads config version 1, not "${String(top.version)}"`);
  }
  for (const key of CONFIG_SCALAR_KEYS) {
    if (top[key] === undefined) continue;
    const text =
      key === 'fail-on'
        ? reader.oneOf([key], top[key], FAIL_ON_LEVELS)
        : key === 'simulator'
          ? reader.oneOf([key], top[key], ['aws', 'local'])
          : reader.string([key], top[key]);
    config.scalars.set(key, text);
  }
  for (const key of CONFIG_LIST_KEYS) {
    if (top[key] !== undefined) config.lists.set(key, reader.strings([key], top[key]));
  }
  if (top.paths !== undefined) config.paths = reader.strings(['paths'], top.paths);
  if (top.parameters !== undefined) config.parameters = singleValues(reader.values(['parameters'], top.parameters));
  if (typeof top.substitutions === 'string') config.substitutions = reader.string(['substitutions'], top.substitutions);
  else if (top.substitutions !== undefined) {
    config.substitutions = singleValues(reader.values(['substitutions'], top.substitutions));
  }
  if (top.context !== undefined) config.context = reader.values(['context'], top.context, true);
  if (top.ignore !== undefined) {
    config.ignore = reader
      .list(['ignore'], top.ignore)
      .map((rule, index) => readIgnoreRule(reader, ['ignore', index], rule, false));
  }
  if (top.overrides !== undefined) {
    config.overrides = reader.list(['overrides'], top.overrides).map((entry, index) => {
      const path = ['overrides', index] as const;
      const item = reader.mapping(path, entry, OVERRIDE_KEYS);
      if (item['state-machine'] === undefined) {
        reader.fail(path, 'an override needs "state-machine" (a glob of the target ids it applies to)');
      }
      const override: ConfigOverride = {
        where: `${reader.file}: ${describePath(path)}`,
        stateMachine: reader.string([...path, 'state-machine'], item['state-machine']),
        ignore:
          item.ignore === undefined
            ? []
            : reader
                .list([...path, 'ignore'], item.ignore)
                .map((rule, at) => readIgnoreRule(reader, [...path, 'ignore', at], rule, true)),
        parameters:
          item.parameters === undefined
            ? new Map()
            : singleValues(reader.values([...path, 'parameters'], item.parameters)),
      };
      if (item['fail-on'] !== undefined)
        override.failOn = reader.oneOf([...path, 'fail-on'], item['fail-on'], FAIL_ON_LEVELS);
      for (const rule of override.ignore) rule.stateMachine = override.stateMachine;
      if (item.ignore === undefined && item['fail-on'] === undefined && item.parameters === undefined) {
        reader.fail(path, 'an override needs at least one of fail-on, ignore, parameters');
      }
      return override;
    });
  }
  return config;
}
