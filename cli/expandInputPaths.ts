import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { InputError } from '../shared/local/InputError.js';
import { CANDIDATE_FILE } from './classifyInputFile.js';
import { isCloudAssembly } from './readCloudAssembly.js';
import { UsageError } from './UsageError.js';

/**
 * One input a positional argument stands for: a file (named on the command line when `explicit`, else found in a
 * directory or by a glob) or a CDK cloud assembly directory; `from` is the argument it came from.
 */
export type InputPath = { path: string; kind: 'file' | 'cdkOut'; explicit: boolean; from: string };

/**
 * Folders a directory walk or glob never enters unless the argument names them: dependencies, version control,
 * and build output that copies the sources (a CDK assembly, SAM's build folder, Terraform's module cache).
 */
export const SKIPPED_DIRECTORIES = ['node_modules', '.git', 'cdk.out', '.aws-sam', '.terraform'] as const;

/** Sorts paths by UTF-16 code units, the same order on every machine and locale. */
function byPath(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

async function statOrUndefined(path: string) {
  try {
    return await stat(path);
  } catch {
    return undefined;
  }
}

/**
 * The candidate files under a directory, sorted, skipping SKIPPED_DIRECTORIES and directories that hold a CDK
 * cloud assembly (audited only when named: `--cdk-out DIR` or DIR as an argument). Symbolic links to directories
 * are not followed, so a link loop cannot make the walk endless.
 */
async function walkDirectory(directory: string): Promise<string[]> {
  const files: string[] = [];
  const pending = [directory];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const entries = await readdir(next, { withFileTypes: true });
    for (const entry of entries) {
      const path = join(next, entry.name);
      if (entry.isDirectory()) {
        if ((SKIPPED_DIRECTORIES as readonly string[]).includes(entry.name)) continue;
        if (await isCloudAssembly(path)) continue;
        pending.push(path);
      } else if (CANDIDATE_FILE.test(entry.name) && (entry.isFile() || (await statOrUndefined(path))?.isFile())) {
        files.push(path);
      }
    }
  }
  return files.sort(byPath);
}

/** The files a glob matches, sorted; SKIPPED_DIRECTORIES are left out unless the pattern names them. */
async function expandGlob(pattern: string): Promise<string[]> {
  const segments = new Set(pattern.split(/[/\\]/));
  const ignore = SKIPPED_DIRECTORIES.filter((name) => !segments.has(name)).map((name) => `**/${name}/**`);
  const absolute = pattern.startsWith('/');
  const matches = await glob(pattern, { ignore, onlyFiles: true, absolute, followSymbolicLinks: false });
  return matches.sort(byPath);
}

/** The inputs of the positional arguments, and the arguments that reached a path the run already has. */
export type ExpandedInputs = { inputs: InputPath[]; reached: Set<string> };

/**
 * What the positional arguments of `check` stand for, in argument order: a file as it is; a directory that holds a
 * cloud assembly (manifest.json) as that assembly; any other directory as its candidate files (recursively, sorted);
 * a path that does not exist but has glob syntax (`'infra/**\/*.yaml'`, quoted so the shell leaves it) as the files
 * it matches (sorted). A glob matching nothing is a UsageError; a missing file an InputError. A path reached twice
 * is kept once, where it first appears; `exclude` holds paths the run audits already (its --template files), and
 * an argument that reaches one of those or an earlier argument's path is in `reached`.
 */
export async function expandInputPaths(
  positionals: readonly string[],
  exclude: readonly string[] = [],
): Promise<ExpandedInputs> {
  const inputs: InputPath[] = [];
  const reached = new Set<string>();
  const seen = new Set(exclude.map((path) => resolve(path)));
  const add = (input: InputPath) => {
    const key = resolve(input.path);
    if (seen.has(key)) {
      reached.add(input.from);
      return;
    }
    seen.add(key);
    inputs.push(input);
  };
  for (const argument of positionals) {
    const found = await statOrUndefined(argument);
    if (found?.isDirectory()) {
      if (await isCloudAssembly(argument)) {
        add({ path: argument, kind: 'cdkOut', explicit: true, from: argument });
        continue;
      }
      for (const path of await walkDirectory(argument)) add({ path, kind: 'file', explicit: false, from: argument });
    } else if (found !== undefined) {
      add({ path: argument, kind: 'file', explicit: true, from: argument });
    } else if (isDynamicPattern(argument)) {
      const matches = await expandGlob(argument);
      if (matches.length === 0) throw new UsageError(`no file matches ${argument}`);
      for (const path of matches) add({ path, kind: 'file', explicit: false, from: argument });
    } else {
      throw new InputError(`cannot read ${argument}: no such file or directory`);
    }
  }
  return { inputs, reached };
}
