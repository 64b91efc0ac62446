import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root. */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The built command line. */
export const CLI = join(ROOT, 'dist', 'cli.mjs');

/** A CLI fixture file, relative to the project root (as users type paths). */
export function fixture(name: string): string {
  return join('test', 'fixtures', 'cli', name);
}

const SOURCES = ['cli', 'shared', 'scripts', 'package.json'];
const LOCK = join(ROOT, 'dist', '.cli-build-lock');
const LOCK_STALE_MS = 60_000;

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, entry) => Math.max(newest, newestMtime(join(path, entry))), stat.mtimeMs);
}

function isStale(): boolean {
  if (!existsSync(CLI)) return true;
  const sources = Math.max(...SOURCES.map((source) => newestMtime(join(ROOT, source))));
  return sources > statSync(CLI).mtimeMs;
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Builds dist/cli.mjs with scripts/build.mjs when it is missing or older than a source file; test files run in
 * parallel processes, so one builds while the others wait on a lock directory.
 */
export function ensureCliBuilt(): void {
  mkdirSync(dirname(LOCK), { recursive: true });
  for (;;) {
    if (!isStale()) return;
    try {
      mkdirSync(LOCK);
    } catch {
      const lock = statSync(LOCK, { throwIfNoEntry: false });
      if (lock !== undefined && Date.now() - lock.mtimeMs > LOCK_STALE_MS) rmdirSync(LOCK);
      sleep(100);
      continue;
    }
    try {
      if (isStale()) execFileSync(process.execPath, ['scripts/build.mjs', '--cli'], { cwd: ROOT, stdio: 'pipe' });
    } finally {
      rmdirSync(LOCK);
    }
  }
}

/** What a run of the built command line produced. */
export type CliRun = { status: number | null; stdout: string; stderr: string };

/** Runs `node dist/cli.mjs …args` in the project root with piped (non-TTY) output and no AWS settings. */
export function runBuiltCli(args: string[], env: Record<string, string> = {}): CliRun {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !key.startsWith('AWS_') && key !== 'NO_COLOR' && key !== 'FORCE_COLOR',
    ),
  );
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    env: { ...clean, ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
