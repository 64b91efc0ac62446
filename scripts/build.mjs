#!/usr/bin/env node
import { existsSync } from 'node:fs';
// Bundles the sfn-role-audit command line (dist/cli.mjs) and the audit Lambda (dist/functions/audit/index.mjs)
// with esbuild. Runs in `npm ci` (the `prepare` script), so it must be quick and must fail loudly.
//
//   node scripts/build.mjs          both bundles (the Lambda is skipped with a notice while its source is missing)
//   node scripts/build.mjs --cli    only the command line (what the CLI tests use)
//
// `npx sfn-role-audit` in this folder links the folder into npm's npx cache the first time, which runs `prepare`
// again (npm_command=exec). Then the CLI built by `npm ci` is kept (or only the CLI is built), so npx starts fast and
// does not depend on the Lambda bundle.
import { chmod, stat } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

// ESM output cannot `require`; CommonJS dependencies bundled into it (jsonc-parser, parts of the AWS SDK and
// Powertools) still call it, so give the module a real one.
// https://github.com/evanw/esbuild/issues/1921 and https://github.com/aws-powertools/powertools-lambda-typescript/issues/2523
const REQUIRE_BANNER =
  "import { createRequire as __sfnRoleAuditCreateRequire } from 'node:module';\n" +
  'const require = __sfnRoleAuditCreateRequire(import.meta.url);';

/** Options both bundles share: one self-contained ES module for Node.js, ESM builds of dependencies preferred. */
const COMMON = {
  absWorkingDir: ROOT,
  bundle: true,
  platform: 'node',
  format: 'esm',
  mainFields: ['module', 'main'],
  logLevel: 'warning',
  legalComments: 'none',
};

const CLI = {
  ...COMMON,
  entryPoints: ['cli/main.ts'],
  outfile: 'dist/cli.mjs',
  target: 'node20',
  banner: { js: `#!/usr/bin/env node\n${REQUIRE_BANNER}` },
};

// Lambda runtime nodejs22.x: https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html
// The SDK is bundled (not taken from the runtime) so the deployed code runs the versions we tested.
const LAMBDA = {
  ...COMMON,
  entryPoints: ['functions/audit/index.ts'],
  outfile: 'dist/functions/audit/index.mjs',
  target: 'node22',
  minify: true,
  sourcemap: true,
  banner: { js: REQUIRE_BANNER },
};

async function bundle(options) {
  const started = Date.now();
  await build(options);
  const { size } = await stat(join(ROOT, options.outfile));
  const kib = (size / 1024).toFixed(1);
  console.log(`built ${options.outfile} (${kib} KiB) in ${Date.now() - started} ms`);
}

async function main() {
  const underNpx = process.env.npm_command === 'exec' && process.env.npm_lifecycle_event === 'prepare';
  if (underNpx && existsSync(join(ROOT, CLI.outfile))) {
    console.log(`kept ${CLI.outfile} (npx link install; npm run build rebuilds)`);
    return;
  }
  const cliOnly = underNpx || process.argv.includes('--cli');
  await bundle(CLI);
  await chmod(join(ROOT, CLI.outfile), 0o755);
  if (cliOnly) return;
  const lambdaEntry = join(ROOT, LAMBDA.entryPoints[0]);
  if (existsSync(lambdaEntry)) {
    await bundle(LAMBDA);
  } else {
    console.log(`skipped the Lambda bundle: ${relative(ROOT, lambdaEntry)} does not exist yet`);
  }
}

main().catch((error) => {
  // esbuild has already printed each error with its file and line; say which step failed and stop the install.
  console.error(
    `scripts/build.mjs: build failed: ${error instanceof Error ? error.message.split('\n')[0]?.replace(/:$/, '') : error}`,
  );
  process.exit(1);
});
