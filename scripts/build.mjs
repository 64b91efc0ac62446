#!/usr/bin/env node
import { existsSync } from 'node:fs';
// Bundles the sfn-role-audit command line (dist/cli.mjs) and the audit Lambda (dist/functions/audit/) with esbuild.
// Runs in `npm ci` (the `prepare` script), so it must be quick and must fail loudly.
//
//   node scripts/build.mjs                        both bundles (the Lambda is skipped with a notice while its source is missing)
//   node scripts/build.mjs --cli                  only the command line (what the CLI tests use)
//   node scripts/build.mjs --lambda --outdir DIR  only the Lambda, into DIR (what `sam build` runs: functions/audit/Makefile)
//
// The Lambda is index.mjs (+ its source map), iam-reference.txt, the IAM Service Authorization Reference table, and
// catalogue.json, the catalogue's entries: index.mjs reads both beside itself on the first lookup instead of parsing
// them as ~570 KiB of JavaScript at every cold start (docs/benchmarks.md, "Lambda"). Beside them jsonc-parser.cjs,
// loaded only to locate the error in a definition that is not valid JSON. dist/cli.mjs stays one self-contained file:
// the table is inlined into it, and the catalogue and jsonc-parser are bundled as code.
//
// `npx sfn-role-audit` in this folder links the folder into npm's npx cache the first time, which runs `prepare`
// again (npm_command=exec). Then the CLI built by `npm ci` is kept (or only the CLI is built), so npx starts fast and
// does not depend on the Lambda bundle.
import { chmod, copyFile, mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { build } from 'esbuild';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The generated table (scripts/generateIamReference.mjs) and the module that reads it, relative to the root. */
const IAM_REFERENCE_DIR = 'shared/catalogue/generated';
const IAM_REFERENCE_FILE = 'iam-reference.txt';
/** The catalogue's source module and the file its entries ship in beside the Lambda (shared/catalogue/readCatalogueFile.ts). */
const CATALOGUE_SOURCE = 'shared/catalogue/catalogue.ts';
const CATALOGUE_FILE = 'catalogue.json';
/** jsonc-parser's parse as a CommonJS file beside the Lambda, loaded the first time a definition is not valid JSON. */
const JSONC_PARSER_FILE = 'jsonc-parser.cjs';
/** The jsonc-parser exports the sources use (shared/asl/locateJsonError.ts): all the file holds, all the shim serves. */
const JSONC_PARSER_EXPORTS = ['parse', 'printParseErrorCode'];

// ESM output cannot `require`; CommonJS dependencies bundled into it (parts of the AWS SDK and Powertools) still call
// it, so give the module a real one.
// https://github.com/evanw/esbuild/issues/1921 and https://github.com/aws-powertools/powertools-lambda-typescript/issues/2523
const REQUIRE_BANNER =
  "import { createRequire as __sfnRoleAuditCreateRequire } from 'node:module';\n" +
  'const require = __sfnRoleAuditCreateRequire(import.meta.url);';

/**
 * Marks jsonc-parser's modules free of side effects, so esbuild drops the ones nothing uses: its ESM build (the
 * `module` field) imports the formatter's string-intern.js, which builds 1,200 indentation strings at load; we only use
 * `parse`, so without this every cold start would still build them. The filter names the package and its own relative
 * imports (lib/esm/main.js, impl/*.js), so esbuild asks this plugin about nothing else.
 */
const jsoncParserWithoutSideEffects = {
  name: 'jsonc-parser without side effects',
  setup(esbuild) {
    const inside = `${sep}node_modules${sep}jsonc-parser${sep}`;
    esbuild.onResolve(
      { filter: /^(?:jsonc-parser|\.\/(?:impl\/)?(?:format|edit|scanner|parser|string-intern))$/ },
      async (args) => {
        if (args.pluginData === inside || (args.path !== 'jsonc-parser' && !args.importer.includes(inside)))
          return undefined;
        const { resolveDir, importer, kind } = args;
        const result = await esbuild.resolve(args.path, { resolveDir, importer, kind, pluginData: inside });
        if (result.errors.length > 0) return { errors: result.errors };
        return { path: result.path, namespace: result.namespace, external: result.external, sideEffects: false };
      },
    );
  },
};

/** Replaces the table's file reader with the table's text, for a bundle that must stand alone (dist/cli.mjs). */
export const inlineIamReference = {
  name: 'inline IAM reference table',
  setup(esbuild) {
    esbuild.onLoad({ filter: /[\\/]shared[\\/]catalogue[\\/]generated[\\/]readIamReferenceText\.ts$/ }, () => ({
      contents: [
        `import text from './${IAM_REFERENCE_FILE}';`,
        `export const IAM_REFERENCE_FILE = '${IAM_REFERENCE_FILE}';`,
        'export function readIamReferenceText(): string { return text; }',
      ].join('\n'),
      loader: 'ts',
      resolveDir: join(ROOT, IAM_REFERENCE_DIR),
    }));
  },
};

/**
 * The catalogue's entries as JSON text: CATALOGUE (shared/catalogue/catalogue.ts) bundled on its own, evaluated, and
 * written with JSON.stringify. Fails when the entries do not survive the round trip (a function, an undefined value, a
 * Map…), so the Lambda never audits with a catalogue other than the one the tests check.
 */
export async function catalogueJson() {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: [CATALOGUE_SOURCE],
    bundle: true,
    write: false,
    platform: 'node',
    format: 'esm',
    logLevel: 'warning',
  });
  const code = result.outputFiles[0]?.text ?? '';
  const { CATALOGUE } = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
  const text = JSON.stringify(CATALOGUE);
  if (!Array.isArray(CATALOGUE) || !isDeepStrictEqual(JSON.parse(text), CATALOGUE)) {
    throw new Error(`${CATALOGUE_SOURCE}: CATALOGUE does not survive a JSON round trip, so it cannot ship as data`);
  }
  return text;
}

/** Replaces loadCatalogue's source (which returns CATALOGUE) with readCatalogueFile: the Lambda reads catalogue.json. */
export const catalogueFromFile = {
  name: 'catalogue from catalogue.json',
  setup(esbuild) {
    esbuild.onLoad({ filter: /[\\/]shared[\\/]catalogue[\\/]loadCatalogue\.ts$/ }, () => ({
      contents: "export { readCatalogueFile as loadCatalogue } from './readCatalogueFile.ts';",
      loader: 'ts',
      resolveDir: join(ROOT, 'shared/catalogue'),
    }));
  },
};

/**
 * Serves `jsonc-parser` to the Lambda's sources from jsonc-parser.cjs beside the bundle, loaded on the first call:
 * jsonc-parser only says where a definition that JSON.parse rejected goes wrong, and the definitions the Lambda reads
 * are deployed ones, which Step Functions has already parsed (CreateStateMachine and UpdateStateMachine reject a
 * definition that is not valid with InvalidDefinition:
 * https://docs.aws.amazon.com/step-functions/latest/apireference/API_CreateStateMachine.html), so a cold start has no
 * reason to parse its ~10 KiB.
 */
const jsoncParserFromFile = {
  name: 'jsonc-parser from jsonc-parser.cjs',
  setup(esbuild) {
    const inside = `${sep}node_modules${sep}jsonc-parser${sep}`;
    esbuild.onResolve({ filter: /^jsonc-parser$/ }, (args) =>
      args.importer.includes(inside) ? undefined : { path: 'jsonc-parser', namespace: 'jsonc-parser-from-file' },
    );
    esbuild.onLoad({ filter: /.*/, namespace: 'jsonc-parser-from-file' }, () => ({
      contents: [
        "import { createRequire } from 'node:module';",
        "import { fileURLToPath } from 'node:url';",
        'let loaded;',
        'function jsonc() {',
        `  const file = new URL('./${JSONC_PARSER_FILE}', import.meta.url);`,
        '  try {',
        '    loaded ??= createRequire(import.meta.url)(fileURLToPath(file));',
        '  } catch (error) {',
        `    throw new Error(\`cannot load jsonc-parser from \${fileURLToPath(file)}: it ships beside the bundle (scripts/build.mjs)\`, { cause: error });`,
        '  }',
        '  return loaded;',
        '}',
        ...JSONC_PARSER_EXPORTS.map((name) => `export function ${name}(...args) { return jsonc().${name}(...args); }`),
      ].join('\n'),
      loader: 'js',
      resolveDir: ROOT,
    }));
  },
};

/** Options both bundles share: one self-contained ES module for Node.js, ESM builds of dependencies preferred. */
const COMMON = {
  absWorkingDir: ROOT,
  bundle: true,
  platform: 'node',
  format: 'esm',
  mainFields: ['module', 'main'],
  logLevel: 'warning',
  legalComments: 'none',
  plugins: [jsoncParserWithoutSideEffects],
};

const CLI = {
  ...COMMON,
  entryPoints: ['cli/main.ts'],
  outfile: 'dist/cli.mjs',
  target: 'node20',
  loader: { '.txt': 'text' },
  plugins: [...COMMON.plugins, inlineIamReference],
  banner: { js: `#!/usr/bin/env node\n${REQUIRE_BANNER}` },
};

/**
 * The Lambda's esbuild options without entry point and output (bench/coldImport.ts builds its bare handler with them).
 * Runtime nodejs22.x: https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html. The SDK is bundled (not taken
 * from the runtime) so the deployed code runs the versions we tested.
 */
export const LAMBDA_OPTIONS = {
  ...COMMON,
  plugins: [...COMMON.plugins, catalogueFromFile, jsoncParserFromFile],
  target: 'node22',
  minify: true,
  sourcemap: true,
  banner: { js: REQUIRE_BANNER },
};

const LAMBDA_ENTRY = 'functions/audit/index.ts';
const LAMBDA_DIR = 'dist/functions/audit';

/** The files of the Lambda, as `sam build` zips them: the handler is index.handler. */
export const LAMBDA_FILES = ['index.mjs', 'index.mjs.map', IAM_REFERENCE_FILE, CATALOGUE_FILE, JSONC_PARSER_FILE];

/**
 * Builds the audit Lambda into `outdir` (absolute, or relative to the repository root): index.mjs, its source map, and
 * beside it the IAM reference table, the catalogue and jsonc-parser. `options` adds or replaces esbuild options
 * (bench/coldImport.ts asks for the metafile, or bundles another entry the same way).
 */
export async function buildLambda(outdir = LAMBDA_DIR, options = {}) {
  const dir = resolve(ROOT, outdir);
  await mkdir(dir, { recursive: true });
  const result = await build({
    ...LAMBDA_OPTIONS,
    entryPoints: [LAMBDA_ENTRY],
    ...options,
    outfile: join(dir, 'index.mjs'),
  });
  await copyFile(join(ROOT, IAM_REFERENCE_DIR, IAM_REFERENCE_FILE), join(dir, IAM_REFERENCE_FILE));
  await writeFile(join(dir, CATALOGUE_FILE), await catalogueJson());
  await build({
    ...COMMON,
    stdin: {
      contents: `export { ${JSONC_PARSER_EXPORTS.join(', ')} } from 'jsonc-parser';`,
      resolveDir: ROOT,
      sourcefile: 'jsonc-parser.mjs',
    },
    format: 'cjs',
    target: LAMBDA_OPTIONS.target,
    minify: true,
    outfile: join(dir, JSONC_PARSER_FILE),
  });
  return result;
}

async function report(label, file, started) {
  const { size } = await stat(file);
  console.log(`built ${label} (${(size / 1024).toFixed(1)} KiB) in ${Date.now() - started} ms`);
}

async function buildCli() {
  const started = Date.now();
  await build(CLI);
  await chmod(join(ROOT, CLI.outfile), 0o755);
  await report(CLI.outfile, join(ROOT, CLI.outfile), started);
}

async function buildLambdaInto(outdir) {
  if (!existsSync(join(ROOT, LAMBDA_ENTRY))) {
    console.log(`skipped the Lambda bundle: ${LAMBDA_ENTRY} does not exist yet`);
    return;
  }
  const started = Date.now();
  await buildLambda(outdir);
  const dir = resolve(ROOT, outdir);
  const shown = relative(ROOT, dir).startsWith('..') ? dir : relative(ROOT, dir);
  await report(
    `${shown}/index.mjs + ${[IAM_REFERENCE_FILE, CATALOGUE_FILE, JSONC_PARSER_FILE].join(' + ')}`,
    join(dir, 'index.mjs'),
    started,
  );
}

async function main() {
  const args = process.argv.slice(2);
  if (args.includes('--lambda')) {
    const outdir = args[args.indexOf('--outdir') + 1];
    if (!args.includes('--outdir') || outdir === undefined || outdir.startsWith('--')) {
      throw new Error('--lambda needs --outdir DIR');
    }
    await buildLambdaInto(outdir);
    return;
  }
  const underNpx = process.env.npm_command === 'exec' && process.env.npm_lifecycle_event === 'prepare';
  if (underNpx && existsSync(join(ROOT, CLI.outfile))) {
    console.log(`kept ${CLI.outfile} (npx link install; npm run build rebuilds)`);
    return;
  }
  await buildCli();
  if (underNpx || args.includes('--cli')) return;
  await buildLambdaInto(LAMBDA_DIR);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error) => {
    // esbuild has already printed each error with its file and line; say which step failed and stop the install.
    console.error(
      `scripts/build.mjs: build failed: ${error instanceof Error ? error.message.split('\n')[0]?.replace(/:$/, '') : error}`,
    );
    process.exit(1);
  });
}
