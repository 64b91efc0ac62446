/**
 * Cold import of the Lambda bundle against a bare handler that loads the same AWS SDK and Powertools code: both are
 * built now with the options scripts/build.mjs uses for functions/audit, and imported alternately in fresh Node
 * processes, so the ratio is the share of the cold start that is our own module initialisation.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BuildOptions, build } from 'esbuild';
import { median } from './measure.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = 21;
const TARGET_RATIO = 1.1;

/** The LAMBDA options of scripts/build.mjs (keep in step with it), without entry point and output file. */
const LAMBDA_OPTIONS: BuildOptions = {
  absWorkingDir: ROOT,
  bundle: true,
  platform: 'node',
  format: 'esm',
  mainFields: ['module', 'main'],
  logLevel: 'warning',
  legalComments: 'none',
  target: 'node22',
  minify: true,
  sourcemap: true,
  banner: {
    js:
      "import { createRequire as __sfnRoleAuditCreateRequire } from 'node:module';\n" +
      'const require = __sfnRoleAuditCreateRequire(import.meta.url);',
  },
};

const PACKAGES = /^@aws-sdk\/|^@aws-lambda-powertools\//;
const NAMED_IMPORT = /import\s*\{([^}]*)\}\s*from\s*'([^']+)'/g;

/** The value imports (not `type` ones) from the AWS SDK and Powertools in our source files the bundle contains. */
function packageImportsOf(sources: string[]): Map<string, Set<string>> {
  const imports = new Map<string, Set<string>>();
  for (const source of sources) {
    for (const [, names = '', from = ''] of readFileSync(join(ROOT, source), 'utf8').matchAll(NAMED_IMPORT)) {
      if (!PACKAGES.test(from)) continue;
      const values = names
        .split(',')
        .map((name) => name.trim())
        .filter((name) => name !== '' && !name.startsWith('type '));
      if (values.length === 0) continue;
      const set = imports.get(from) ?? new Set<string>();
      for (const name of values) set.add(name);
      imports.set(from, set);
    }
  }
  return imports;
}

/**
 * A handler module that imports exactly those SDK and Powertools exports (keeping all of them in the bundle), builds
 * every SDK client and the Logger and Metrics as functions/audit/index.ts does, and answers every batch with no
 * failures.
 */
function bareHandlerSource(imports: Map<string, Set<string>>): string {
  const names = [...imports.values()].flatMap((set) => [...set]);
  const lines = [...imports].map(([from, set]) => `import { ${[...set].join(', ')} } from '${from}';`);
  lines.push(
    "import { SDK_RETRY_CONFIG } from './shared/aws/sdkRetryConfig.js';",
    `export const loaded = [${names.join(', ')}];`,
    'const clientConfig = { region: process.env.AWS_REGION, ...SDK_RETRY_CONFIG };',
    `export const clients = [${names
      .filter((n) => n.endsWith('Client'))
      .map((n) => `new ${n}(clientConfig)`)
      .join(', ')}];`,
  );
  if (names.includes('Logger')) lines.push("export const logger = new Logger({ serviceName: 'sfn-role-audit' });");
  if (names.includes('Metrics')) {
    lines.push("export const metrics = new Metrics({ namespace: 'SfnRoleAudit', serviceName: 'sfn-role-audit' });");
  }
  lines.push('export const handler = async () => ({ batchItemFailures: [] });');
  return lines.join('\n');
}

/** Milliseconds to import `file` in a fresh Node process (the module's own print-outs are ignored). */
function importTime(file: string): number {
  const script = `const t0=performance.now();await import(${JSON.stringify(file)});console.log(performance.now()-t0);`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    env: {
      ...process.env,
      AWS_REGION: 'us-east-1',
      STATE_TABLE_NAME: 'bench',
      POWERTOOLS_METRICS_NAMESPACE: 'SfnRoleAudit',
    },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return Number(out.trim().split('\n').at(-1));
}

/** Rows of the Lambda table: sizes, cold import medians and minima of both, and the ratio against ≤ 1.1×. */
export async function benchColdImport(): Promise<string[]> {
  const dir = mkdtempSync(join(os.tmpdir(), 'sfn-role-audit-cold-'));
  try {
    const real = join(dir, 'audit', 'index.mjs');
    const bare = join(dir, 'bare', 'index.mjs');
    const { metafile } = await build({
      ...LAMBDA_OPTIONS,
      entryPoints: ['functions/audit/index.ts'],
      outfile: real,
      metafile: true,
    });
    const ours = Object.keys(metafile.inputs).filter((input) => !input.includes('node_modules/'));
    const imports = packageImportsOf(ours);
    await build({
      ...LAMBDA_OPTIONS,
      stdin: { contents: bareHandlerSource(imports), resolveDir: ROOT, sourcefile: 'bareHandler.mjs', loader: 'js' },
      outfile: bare,
    });
    const times = { real: [] as number[], bare: [] as number[] };
    for (let run = 0; run < RUNS; run++) {
      const order = run % 2 === 0 ? (['real', 'bare'] as const) : (['bare', 'real'] as const);
      for (const which of order) times[which].push(importTime(which === 'real' ? real : bare));
    }
    const medianRatio = median(times.real) / median(times.bare);
    const minRatio = Math.min(...times.real) / Math.min(...times.bare);
    const verdict = medianRatio <= TARGET_RATIO ? 'meets' : 'MISSES';
    const kib = (file: string) => `${(statSync(file).size / 1024).toFixed(0)} KiB`;
    const names = [...imports.values()].flatMap((set) => [...set]);
    const built = names.filter((n) => n.endsWith('Client') || n === 'Logger' || n === 'Metrics');
    return [
      `| Lambda bundle size | ${kib(real)} (functions/audit built now as scripts/build.mjs builds it: minified, AWS SDK bundled) |`,
      `| bare handler size | ${kib(bare)} (the same ${names.length} exports of ${imports.size} SDK and Powertools packages, ${built.length} of them built: ${built.join(', ')}) |`,
      `| cold import of the Lambda bundle: median / min of ${RUNS} fresh processes | ${median(times.real).toFixed(1)} ms / ${Math.min(...times.real).toFixed(1)} ms |`,
      `| cold import of the bare handler: median / min of ${RUNS}, interleaved | ${median(times.bare).toFixed(1)} ms / ${Math.min(...times.bare).toFixed(1)} ms |`,
      `| ratio of medians (of minima) | **${medianRatio.toFixed(2)}×** (${minRatio.toFixed(2)}×): ${verdict} the ≤ ${TARGET_RATIO}× target |`,
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
