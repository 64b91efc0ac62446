import { existsSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { UsageError } from './UsageError.js';

/** The names a config file may have, in the order they are looked for. */
export const CONFIG_FILE_NAMES = ['.sfn-role-audit.yml', '.sfn-role-audit.yaml', '.sfn-role-audit.json'] as const;

/** The nearest folder at or above `cwd` that holds `.git` (a folder, or a file in a worktree), or null. */
function gitRootOf(cwd: string): string | null {
  for (let folder = cwd; ; folder = dirname(folder)) {
    if (existsSync(join(folder, '.git'))) return folder;
    if (dirname(folder) === folder) return null;
  }
}

/** The config file in `folder`, or null; two of them is an error, since either could be the one meant. */
function configIn(folder: string, cwd: string): string | null {
  const found = CONFIG_FILE_NAMES.map((name) => join(folder, name)).filter(
    (path) => statSync(path, { throwIfNoEntry: false })?.isFile() === true,
  );
  const shown = found.map((path) => relative(cwd, path) || path);
  if (found.length > 1) throw new UsageError(`two config files: ${shown.join(' and ')}; keep one`);
  return shown[0] ?? null;
}

/**
 * The config file `check` reads when --config is absent: `.sfn-role-audit.yml` (or `.yaml`, `.json`) in the working
 * folder, else in the root of the git repository around it; null when there is none. The path is relative to `cwd`.
 */
export function findConfigFile(cwd: string): string | null {
  const here = configIn(cwd, cwd);
  if (here !== null) return here;
  const root = gitRootOf(cwd);
  return root === null || root === cwd ? null : configIn(root, cwd);
}
