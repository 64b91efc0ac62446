import { dirname, resolve } from 'node:path';
import type { InputLimit } from '../shared/local/inputLimits.js';
import { readTextFile } from '../shared/local/readTextFile.js';
import type { CheckFlags } from './checkOptions.js';
import { type ConfigOverride, readConfigFile } from './configFile.js';
import type { ConfigIgnoreRule } from './configIgnoreRule.js';
import { ConfigReader } from './configReader.js';
import { findConfigFile } from './findConfigFile.js';
import { mergeConfigFlags } from './mergeConfigFlags.js';
import { parseConfigText } from './parseConfigText.js';

/** A config file holds settings, not data: 1 MiB is thousands of ignore rules. */
const CONFIG_LIMIT: InputLimit = {
  bytes: 1024 * 1024,
  what: 'config file',
  why: 'a config file holds settings and ignore rules, not data',
};

/** What `check` keeps of its config file after the flags are merged: ignore rules and per-target overrides. */
export type CheckConfig = {
  /** The config file as shown in messages (relative to the working folder), or null when none was read. */
  file: string | null;
  /** The folder target-id globs are relative to: the config file's (the working folder without one). */
  dir: string;
  cwd: string;
  /** Every ignore rule: the top-level ones, then those of each override (with the override's state machine). */
  ignore: ConfigIgnoreRule[];
  overrides: ConfigOverride[];
  /** True when --fail-on was on the command line: it then wins over the overrides' fail-on too. */
  failOnFromCommandLine: boolean;
  /** The config file's top-level template parameters, and the command line's `--parameter` entries. */
  parameters: ReadonlyMap<string, string>;
  cliParameters: readonly string[];
};

/** A `check` run's flags and positional paths with the config file's defaults, and what else the file says. */
export type ConfiguredCheck = { flags: CheckFlags; positionals: string[]; config: CheckConfig };

/**
 * Reads the config file of a `check` run — `--config FILE`, or `.sfn-role-audit.yml` (`.yaml`, `.json`) in the
 * working folder or the git root; `--config none` reads none — and fills in its defaults where the command line is
 * silent (mergeConfigFlags). A bad file is a one-line error naming the file, the line and the key.
 */
export async function applyConfigFile(
  cliFlags: CheckFlags,
  cliPositionals: readonly string[],
  cwd: string = process.cwd(),
): Promise<ConfiguredCheck> {
  const file = cliFlags.config === 'none' ? null : (cliFlags.config ?? findConfigFile(cwd));
  const flags: CheckFlags = { ...cliFlags, config: undefined };
  const failOnFromCommandLine = cliFlags['fail-on'] !== undefined;
  const cliParameters = cliFlags.parameter ?? [];
  const parameters = new Map<string, string>();
  if (file === null) {
    const config = { file, dir: cwd, cwd, ignore: [], overrides: [], failOnFromCommandLine, parameters, cliParameters };
    return { flags, positionals: [...cliPositionals], config };
  }
  const text = parseConfigText(await readTextFile(resolve(cwd, file), CONFIG_LIMIT), file);
  const content = readConfigFile(new ConfigReader(file, text), text.value);
  const dir = dirname(resolve(cwd, file));
  const merged = mergeConfigFlags({ flags, positionals: [...cliPositionals] }, content, dir, cwd);
  const ignore = [...content.ignore, ...content.overrides.flatMap((override) => override.ignore)];
  return {
    ...merged,
    config: {
      file,
      dir,
      cwd,
      ignore,
      overrides: content.overrides,
      failOnFromCommandLine,
      parameters: content.parameters,
      cliParameters,
    },
  };
}

/** Help for the config file and baseline flags of `sfn-role-audit check` (docs/ci.md). */
export const CONFIG_HELP = `  --config FILE|none         defaults, ignore rules (with reasons) and per-state-machine overrides; default:
                             .sfn-role-audit.yml (.yaml, .json) in this folder or the git root; none: no file.
                             The command line wins flag by flag (docs/ci.md)
  --baseline FILE            findings listed in FILE are accepted (suppressed); only new ones count for --fail-on
  --write-baseline FILE      write the current findings to FILE as the baseline, and accept them for this run`;
