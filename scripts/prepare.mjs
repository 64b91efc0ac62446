#!/usr/bin/env node
// The `prepare` script: runs scripts/build.mjs, after making sure its build tools can be found.
//
// npm installs the devDependencies of a Git dependency and runs `prepare` in its clone before packing it. A global
// install (`npm install -g github:…`, which is how pre-commit installs `language: node` hooks) exports
// npm_config_global=true to that nested install, so the devDependencies never reach the clone and esbuild cannot be
// imported (https://github.com/npm/cli/issues/8440, open). Then this script installs them into the clone itself —
// local, without scripts (no recursion), with the global and prefix settings removed — and builds.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

async function hasEsbuild() {
  try {
    await import('esbuild');
    return true;
  } catch (error) {
    if (error?.code === 'ERR_MODULE_NOT_FOUND') return false;
    throw error;
  }
}

if (!(await hasEsbuild())) {
  const npm = process.env.npm_execpath;
  if (npm === undefined || npm === '') {
    console.error('scripts/prepare.mjs: esbuild is not installed; run npm install (or npm ci) first');
    process.exit(1);
  }
  console.log('scripts/prepare.mjs: the build tools are missing here (a global Git install): installing them locally');
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^npm_config_(global|prefix|location)$/i.test(key)),
  );
  const install = spawnSync(
    process.execPath,
    [npm, 'install', '--no-save', '--no-audit', '--no-fund', '--ignore-scripts', '--include=dev', '--location=project'],
    { cwd: ROOT, env, stdio: 'inherit' },
  );
  if (install.status !== 0) {
    console.error(`scripts/prepare.mjs: npm install of the build tools failed (exit ${install.status})`);
    process.exit(1);
  }
}

const built = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), ...process.argv.slice(2)], {
  cwd: ROOT,
  stdio: 'inherit',
});
process.exit(built.status ?? 1);
