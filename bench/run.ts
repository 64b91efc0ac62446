/**
 * `npm run bench`: analysis time of a ~1 MB definition against JSON.parse of the same text, embedded evaluator
 * throughput, an audit of the bundled example, and the Lambda bundle's size and import time.
 * `npm run bench -- --write` also records the results in docs/benchmarks.md.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseDefinition } from '../shared/asl/parseDefinition.js';
import { compilePolicies } from '../shared/iam/compilePolicies.js';
import { evaluateCompiled } from '../shared/iam/evaluateCompiled.js';
import { createEmbeddedSimulator } from '../shared/local/createEmbeddedSimulator.js';
import { deriveRequirements } from '../shared/requirements/deriveRequirements.js';
import type { SimulationRequest } from '../shared/types.js';
import { auditExample } from './auditExample.js';
import { buildLargeDefinition } from './buildLargeDefinition.js';
import { compareMedians, median } from './measure.js';
import { buildRealisticRole } from './realisticRole.js';

const ANALYSIS_TARGET_RATIO = 3;
const CONTEXT = { partition: 'aws', region: 'us-east-1', account: '111122223333', stateMachineName: 'bench' };

/** Parse + walk + derive requirements for one definition text. */
function analyse(text: string): number {
  const parsed = parseDefinition(text);
  if (!parsed.ok) throw new Error(`benchmark definition is invalid: ${parsed.issues[0]?.message}`);
  return deriveRequirements(parsed.definition, CONTEXT).length;
}

function benchAnalysis(): string[] {
  const text = JSON.stringify(buildLargeDefinition(5_000));
  const requirementCount = analyse(text);
  const medians = compareMedians({ jsonParse: () => JSON.parse(text), analysis: () => analyse(text) }, 40);
  const ratio = (medians.analysis ?? 0) / (medians.jsonParse ?? 1);
  const verdict = ratio <= ANALYSIS_TARGET_RATIO ? 'meets' : 'MISSES';
  return [
    `| definition size | ${(text.length / 1024).toFixed(0)} KiB, ${requirementCount} requirements |`,
    `| JSON.parse (median of 40) | ${medians.jsonParse?.toFixed(2)} ms |`,
    `| parse + walk + derive (median of 40) | ${medians.analysis?.toFixed(2)} ms |`,
    `| ratio of medians | **${ratio.toFixed(2)}×** (${verdict} the ≤ ${ANALYSIS_TARGET_RATIO}× target) |`,
  ];
}

async function benchEvaluator(): Promise<string[]> {
  const simulator = createEmbeddedSimulator({ identity: buildRealisticRole() });
  const parsed = parseDefinition(JSON.stringify(buildLargeDefinition(5_000)));
  if (!parsed.ok) throw new Error('benchmark definition is invalid');
  const requests: SimulationRequest[] = [];
  for (const r of deriveRequirements(parsed.definition, CONTEXT)) {
    for (const action of r.actions)
      for (const resource of r.resources) requests.push({ action, resource, context: r.context });
  }
  const runs: number[] = [];
  for (let round = 0; round < 15; round++) {
    const t0 = performance.now();
    await simulator.simulate(requests);
    if (round >= 3) runs.push(performance.now() - t0);
  }
  const perSecond = requests.length / (median(runs) / 1000);
  return [
    '| role | 10 policies, 50 statements (conditions on 4 of 5, one conditional Deny with NotAction per policy) |',
    `| requests per run | ${requests.length} |`,
    `| throughput (median of 12 runs) | **${Math.round(perSecond).toLocaleString('en-US')} requests/s** |`,
  ];
}

/** Throughput on the patterns that made the old regular expressions backtrack (issue 8): 10,000-character `*a*a…`. */
function benchAdversarial(): string[] {
  const stars = '*a'.repeat(5_000);
  const near = 'a'.repeat(10_000);
  const fn = 'arn:aws:lambda:us-east-1:111122223333:function';
  const compiled = compilePolicies({
    identity: [
      {
        name: 'adversarial',
        document: {
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Action: `lambda:${stars}`, Resource: `arn:aws:lambda:*:*:function:${stars}` },
            {
              Effect: 'Allow',
              Action: 'lambda:InvokeFunction',
              Resource: '*',
              Condition: { StringLike: { 'aws:PrincipalTag/team': stars } },
            },
          ],
        },
      },
    ],
  });
  const requests: SimulationRequest[] = Array.from({ length: 50 }, (_, i) => [
    { action: `lambda:${near}b`, resource: `${fn}:${near}b` },
    { action: 'lambda:InvokeFunction', resource: `${fn}:${near}`, context: { 'aws:PrincipalTag/team': `${near}${i}` } },
    { action: `lambda:${near}`, resource: `${fn}:${near.slice(i)}` },
    { action: `lambda:${near}`, resource: `${fn}:${'a'.repeat(i)}*` },
  ]).flat();
  const runs: number[] = [];
  for (let round = 0; round < 15; round++) {
    const t0 = performance.now();
    for (const request of requests) evaluateCompiled(compiled, request);
    if (round >= 3) runs.push(performance.now() - t0);
  }
  const perSecond = requests.length / (median(runs) / 1000);
  return [
    `| adversarial patterns (10,000-character \`*a*a…\` Action, Resource and StringLike; literal near misses and holes) | **${Math.round(perSecond).toLocaleString('en-US')} requests/s** (${requests.length} requests, median of 12 runs; the regular expressions took 25 s for one request with ten stars) |`,
  ];
}

async function benchExampleAudit(): Promise<string[]> {
  const runs: number[] = [];
  let findings = 0;
  for (let round = 0; round < 25; round++) {
    const t0 = performance.now();
    findings = await auditExample();
    if (round >= 5) runs.push(performance.now() - t0);
  }
  return [`| audit of examples/order-pipeline (${findings} findings, median of 20) | ${median(runs).toFixed(2)} ms |`];
}

function benchLambdaBundle(): string[] {
  const bundle = 'dist/functions/audit/index.mjs';
  if (!existsSync(bundle)) return ['| Lambda bundle | not built (run `npm run build`) |'];
  const size = statSync(bundle).size;
  const script = `const t0=performance.now();await import(${JSON.stringify(`${process.cwd()}/${bundle}`)});console.log(performance.now()-t0);`;
  const env = {
    ...process.env,
    AWS_REGION: 'us-east-1',
    STATE_TABLE_NAME: 'bench',
    POWERTOOLS_METRICS_NAMESPACE: 'SfnRoleAudit',
  };
  // The handler logs its configuration at import; the timing is the last line printed.
  const times = Array.from({ length: 7 }, () => {
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return Number(out.trim().split('\n').at(-1));
  });
  return [
    `| Lambda bundle size | ${(size / 1024).toFixed(0)} KiB (${bundle}, minified, AWS SDK bundled) |`,
    `| cold import time (median of 7 fresh processes) | ${median(times).toFixed(1)} ms |`,
  ];
}

const sections: [string, string[]][] = [
  ['Analysis (issue 2): ~1 MB definition, ~5,000 states', benchAnalysis()],
  ['Embedded evaluator throughput (issue 3)', [...(await benchEvaluator()), ...benchAdversarial()]],
  ['Audit of the bundled example (issue 3)', await benchExampleAudit()],
  ['Lambda bundle (issue 4)', benchLambdaBundle()],
];
const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const report = [
  `Measured ${new Date().toISOString().slice(0, 10)} on ${machine}.`,
  '',
  ...sections.flatMap(([title, rows]) => [`### ${title}`, '', '| measure | result |', '|---|---|', ...rows, '']),
].join('\n');
console.log(report);

if (process.argv.includes('--write')) {
  const path = 'docs/benchmarks.md';
  const marker = '<!-- bench:results -->';
  const current = existsSync(path) ? readFileSync(path, 'utf8') : `# Benchmarks\n\n${marker}\n`;
  const head = current.includes(marker) ? current.slice(0, current.indexOf(marker)) : `${current}\n`;
  writeFileSync(path, `${head}${marker}\n\n${report}`);
  console.log(`recorded in ${path}`);
}
