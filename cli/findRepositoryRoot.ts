import { existsSync, realpathSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The real path of a path that exists, else the path itself (symlinks resolved as GitHub code scanning wants). */
export function realPathOf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/**
 * The root of the Git work tree holding `cwd`: the nearest folder upwards with a `.git` entry (a folder, or the file
 * a worktree or submodule has), found without running git; `cwd` itself when there is none. Real paths.
 */
export function findRepositoryRoot(cwd: string): string {
  const start = realPathOf(resolve(cwd));
  for (let folder = start; ; folder = dirname(folder)) {
    if (existsSync(join(folder, '.git'))) return folder;
    if (dirname(folder) === folder) return start;
  }
}
