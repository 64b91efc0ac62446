/**
 * Cold import of the Lambda bundle against a bare handler that loads the same AWS SDK and Powertools code: the bundle
 * is built by scripts/build.mjs (`buildLambda`, as `sam build` builds it, with the IAM reference table beside it), the
 * bare handler with the same esbuild options, and both are imported alternately in fresh Node processes, so the ratio
 * is the share of the cold start that is our own code. Then the first invocation, so that no cost hides in it: import
 * plus the first audit of the bundled example, with the IAM reference table and the catalogue as data files (today) and
 * inlined as JavaScript (before).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { buildLambda, catalogueFromFile, inlineIamReference, LAMBDA_OPTIONS } from '../scripts/build.mjs';
import { median } from './measure.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = 41;
const TARGET_RATIO = 1.1;
const ENV = { AWS_REGION: 'us-east-1', STATE_TABLE_NAME: 'bench', POWERTOOLS_METRICS_NAMESPACE: 'SfnRoleAudit' };

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

/**
 * Milliseconds to import `file` in a fresh Node process (the module's own print-outs are ignored): wall time, and the
 * process's CPU time (user + system, all threads), which waits less on the other processes of a loaded machine.
 */
function importTime(file: string): { wall: number; cpu: number } {
  const script = [
    'const c0 = process.cpuUsage();',
    'const t0 = performance.now();',
    `await import(${JSON.stringify(file)});`,
    'const { user, system } = process.cpuUsage(c0);',
    'console.log(performance.now() - t0, (user + system) / 1000);',
  ].join('\n');
  const [wall = Number.NaN, cpu = Number.NaN] = (runNode(script).at(-1) ?? '').split(' ').map(Number);
  return { wall, cpu };
}

/** The lines a fresh Node process running `script` (an ES module) prints, in the repository root. */
function runNode(script: string): string[] {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: ROOT,
    env: { ...process.env, ...ENV },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return out.trim().split('\n');
}

/**
 * Instructions (valgrind's callgrind) that a fresh Node process executes to import `file`: a count that does not depend
 * on what else the machine is doing (docs/benchmarks.md, "Lambda"). undefined when valgrind cannot run.
 */
function importInstructions(file: string): number | undefined {
  const result = spawnSync(
    'valgrind',
    [
      '--tool=callgrind',
      '--smc-check=all-non-file',
      '--callgrind-out-file=/dev/null',
      process.execPath,
      // Node's and V8's own randomness (hash seeds, worker threads) moves the count by ~1 %; without it, it repeats
      // to within a few thousand instructions.
      '--single-threaded',
      '--hash-seed=1',
      '--random-seed=1',
      '--input-type=module',
      '-e',
      `await import(${JSON.stringify(file)});`,
    ],
    { cwd: ROOT, env: { ...process.env, ...ENV }, encoding: 'utf8', timeout: 300_000 },
  );
  const collected = /Collected : (\d+)/.exec(result.stderr ?? '');
  return result.status === 0 && collected?.[1] !== undefined ? Number(collected[1]) : undefined;
}

/**
 * Rows of instruction counts: each import's own instructions are its process's minus those of a process importing an
 * empty module (Node's start and exit), so the ratio is of the imports alone; one run each (single-threaded, fixed
 * seeds), since the counts repeat.
 */
function instructionRows(dir: string, real: string, bare: string): string[] {
  const empty = join(dir, 'empty.mjs');
  writeFileSync(empty, 'export {};\n');
  const base = importInstructions(empty);
  const realCount = importInstructions(real);
  const bareCount = importInstructions(bare);
  if (base === undefined || realCount === undefined || bareCount === undefined) {
    return ['| instructions executed (valgrind) | not measured: valgrind is not installed or could not run Node |'];
  }
  const ratio = (realCount - base) / (bareCount - base);
  const millions = (count: number) => `${((count - base) / 1e6).toFixed(1)} M`;
  return [
    `| instructions to import (valgrind callgrind, less the ${(base / 1e6).toFixed(0)} M of a process importing an empty module), bundle · bare handler | ${millions(realCount)} · ${millions(bareCount)} |`,
    `| ratio of instruction counts: the same on a quiet or a loaded machine | **${ratio.toFixed(3)}×**: ${ratio <= TARGET_RATIO ? 'meets' : 'MISSES'} the ≤ ${TARGET_RATIO}× target |`,
  ];
}

/** The Lambda's init and the example's audit in one module: what a cold start's first invocation loads and runs. */
const FIRST_INVOCATION_SOURCE = [
  "export { handler } from './functions/audit/index.ts';",
  "export { auditExample } from './bench/auditExample.ts';",
].join('\n');

type FirstInvocation = { load: number; audit: number; cpu: number };

/** Milliseconds to import `file`, then to run its first `auditExample()`, and the CPU time of both, in a fresh process. */
function firstInvocationTimes(file: string): FirstInvocation {
  const script = [
    'const c0 = process.cpuUsage();',
    'const t0 = performance.now();',
    `const bundle = await import(${JSON.stringify(file)});`,
    'const t1 = performance.now();',
    'await bundle.auditExample();',
    'const { user, system } = process.cpuUsage(c0);',
    'console.log(t1 - t0, performance.now() - t1, (user + system) / 1000);',
  ].join('\n');
  const [load = Number.NaN, audit = Number.NaN, cpu = Number.NaN] = (runNode(script).at(-1) ?? '')
    .split(' ')
    .map(Number);
  return { load, audit, cpu };
}

/**
 * Rows comparing the first invocation with the IAM reference table and the catalogue beside the bundle (`file`) and
 * inlined into it as JavaScript (`inline`).
 */
async function benchFirstInvocation(dir: string): Promise<string[]> {
  const stdin = {
    contents: FIRST_INVOCATION_SOURCE,
    resolveDir: ROOT,
    sourcefile: 'firstInvocation.ts',
    loader: 'ts',
  } as const;
  const file = join(dir, 'first-file', 'index.mjs');
  const inline = join(dir, 'first-inline', 'index.mjs');
  await buildLambda(join(dir, 'first-file'), { stdin, entryPoints: [] });
  await build({
    ...LAMBDA_OPTIONS,
    stdin,
    outfile: inline,
    loader: { '.txt': 'text' },
    plugins: [...(LAMBDA_OPTIONS.plugins ?? []).filter((plugin) => plugin !== catalogueFromFile), inlineIamReference],
  });
  const times = { file: [] as FirstInvocation[], inline: [] as FirstInvocation[] };
  for (let run = 0; run < RUNS; run++) {
    const order = run % 2 === 0 ? (['file', 'inline'] as const) : (['inline', 'file'] as const);
    for (const which of order) times[which].push(firstInvocationTimes(which === 'file' ? file : inline));
  }
  const cell = (values: number[]) => `${median(values).toFixed(1)} / ${Math.min(...values).toFixed(1)} ms`;
  const row = (which: 'file' | 'inline', label: string) => {
    const runs = times[which];
    const sums = runs.map((r) => r.load + r.audit);
    return `| first invocation, ${label}: import · first audit · sum · CPU time of both, median / min of ${RUNS} | ${cell(runs.map((r) => r.load))} · ${cell(runs.map((r) => r.audit))} · **${cell(sums)}** · ${cell(runs.map((r) => r.cpu))} |`;
  };
  const change = (measure: (r: FirstInvocation) => number) => {
    const delta = median(times.file.map(measure)) - median(times.inline.map(measure));
    return `${delta >= 0 ? '+' : '−'}${Math.abs(delta).toFixed(1)} ms`;
  };
  const cpuChange = median(times.file.map((r) => r.cpu)) - median(times.inline.map((r) => r.cpu));
  return [
    row('file', 'IAM table and catalogue beside the bundle (today)'),
    row('inline', 'IAM table and catalogue inlined as JavaScript (before)'),
    `| first invocation, today − before: sum of wall times (CPU time), medians | ${change((r) => r.load + r.audit)} (**${change((r) => r.cpu)}**): ${cpuChange <= 0 ? 'not worse' : 'WORSE'} by CPU time |`,
  ];
}

/** Rows of the Lambda table: sizes, cold import medians and minima of both, and the ratio against ≤ 1.1×. */
export async function benchColdImport(): Promise<string[]> {
  const dir = mkdtempSync(join(os.tmpdir(), 'sfn-role-audit-cold-'));
  try {
    const real = join(dir, 'audit', 'index.mjs');
    const bare = join(dir, 'bare', 'index.mjs');
    const { metafile } = await buildLambda(join(dir, 'audit'), { metafile: true });
    // Our source files: not dependencies, nor the build's virtual modules (namespace:path).
    const ours = Object.keys(metafile.inputs).filter(
      (input) => !input.includes('node_modules/') && !input.includes(':'),
    );
    const imports = packageImportsOf(ours);
    await build({
      ...LAMBDA_OPTIONS,
      stdin: { contents: bareHandlerSource(imports), resolveDir: ROOT, sourcefile: 'bareHandler.mjs', loader: 'js' },
      outfile: bare,
    });
    const times = { real: [] as { wall: number; cpu: number }[], bare: [] as { wall: number; cpu: number }[] };
    for (let run = 0; run < RUNS; run++) {
      const order = run % 2 === 0 ? (['real', 'bare'] as const) : (['bare', 'real'] as const);
      for (const which of order) times[which].push(importTime(which === 'real' ? real : bare));
    }
    const of = (which: 'real' | 'bare', measure: 'wall' | 'cpu') => times[which].map((t) => t[measure]);
    const ratios = (measure: 'wall' | 'cpu') => ({
      median: median(of('real', measure)) / median(of('bare', measure)),
      min: Math.min(...of('real', measure)) / Math.min(...of('bare', measure)),
    });
    const wall = ratios('wall');
    const cpu = ratios('cpu');
    const verdict = (ratio: number) => (ratio <= TARGET_RATIO ? 'meets' : 'MISSES');
    const cell = (values: number[]) => `${median(values).toFixed(1)} ms / ${Math.min(...values).toFixed(1)} ms`;
    const kib = (file: string) => `${(statSync(file).size / 1024).toFixed(0)} KiB`;
    const names = [...imports.values()].flatMap((set) => [...set]);
    const built = names.filter((n) => n.endsWith('Client') || n === 'Logger' || n === 'Metrics');
    const table = join(dir, 'audit', 'iam-reference.txt');
    const catalogue = join(dir, 'audit', 'catalogue.json');
    return [
      `| Lambda bundle size | ${kib(real)}, with beside it the ${kib(table)} IAM reference table and the ${kib(catalogue)} catalogue, each read on its first lookup (functions/audit built now by scripts/build.mjs: minified, AWS SDK bundled) |`,
      `| bare handler size | ${kib(bare)} (the same ${names.length} exports of ${imports.size} SDK and Powertools packages, ${built.length} of them built: ${built.join(', ')}) |`,
      `| cold import of the Lambda bundle: median / min of ${RUNS} fresh processes | ${cell(of('real', 'wall'))} |`,
      `| cold import of the bare handler: median / min of ${RUNS}, interleaved | ${cell(of('bare', 'wall'))} |`,
      `| ratio of medians (of minima) | **${wall.median.toFixed(2)}×** (${wall.min.toFixed(2)}×): ${verdict(wall.median)} the ≤ ${TARGET_RATIO}× target |`,
      `| CPU time of the same imports (user + system, all threads), bundle · bare handler, median / min | ${cell(of('real', 'cpu'))} · ${cell(of('bare', 'cpu'))} |`,
      `| ratio of CPU-time medians (of minima): steadier than wall time on a loaded machine | **${cpu.median.toFixed(2)}×** (${cpu.min.toFixed(2)}×): ${verdict(cpu.median)} the ≤ ${TARGET_RATIO}× target |`,
      ...instructionRows(dir, real, bare),
      ...(await benchFirstInvocation(dir)),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
