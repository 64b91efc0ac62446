/**
 * Rendering of 1,000, 3,000 and 10,000 findings as SARIF, JSON and text, to show the cost per finding stays flat.
 * The findings are real: a generated definition of `.sync` tasks (the most findings per state) audited against an
 * empty role with the embedded evaluator, its text tab-indented as a repository file is, so SARIF locates every
 * finding at its state's line; each size has its own definition, the text growing with the findings.
 */
import { MAX_DEFINITION_LENGTH } from '../shared/asl/parseDefinition.js';
import { countBySeverity } from '../shared/audit/countBySeverity.js';
import { renderJson } from '../shared/findings/renderJson.js';
import { renderSarif } from '../shared/findings/renderSarif.js';
import { renderText } from '../shared/findings/renderText.js';
import { createEmbeddedSimulator } from '../shared/local/createEmbeddedSimulator.js';
import type { AuditReport } from '../shared/types.js';
import { auditDefinitionText } from './auditDefinitionText.js';
import { buildLargeDefinition, SYNC_TASK_KINDS } from './buildLargeDefinition.js';
import { compareMedians } from './measure.js';

const SIZES = [1_000, 3_000, 10_000] as const;
const ROUNDS = 9;
/** Per-finding cost at 10,000 over that at 1,000 up to which rendering counts as linear. */
const LINEAR_RATIO = 1.5;
/** A little over the findings per state of the `.sync` mix, so the first guess is usually enough. */
const FINDINGS_PER_STATE = 3;

type Sample = { report: AuditReport; text: string };

/** An audit report with exactly `count` findings (the first in report order) and the definition text they are in. */
async function sampleWith(count: number): Promise<Sample> {
  const simulator = createEmbeddedSimulator({ identity: [] });
  let states = Math.ceil(count / FINDINGS_PER_STATE) + 41;
  for (;;) {
    const text = JSON.stringify(buildLargeDefinition(states, SYNC_TASK_KINDS), null, '\t');
    if (text.length > MAX_DEFINITION_LENGTH) throw new Error(`${count} findings need more than the definition limit`);
    const report = await auditDefinitionText(text, simulator);
    if (report.findings.some((f) => f.rule === 'InvalidDefinition')) throw new Error('rendering definition is invalid');
    if (report.findings.length >= count) {
      const findings = report.findings.slice(0, count);
      const summary = { ...report.summary, bySeverity: countBySeverity(findings) };
      return { report: { ...report, findings, summary }, text };
    }
    states = Math.ceil((states * count) / Math.max(1, report.findings.length)) + 41;
  }
}

const RENDERERS = {
  SARIF: (s: Sample) => renderSarif(s.report, { definitionUri: 'statemachine/bench.asl.json', definitionText: s.text }),
  JSON: (s: Sample) => renderJson(s.report),
  text: (s: Sample) => renderText(s.report, { color: false }),
} as const;

/** One row per format: time at each size, per-finding cost, and the 10k/1k per-finding ratio against linear. */
export async function benchRendering(): Promise<string[]> {
  const samples = new Map<number, Sample>();
  for (const size of SIZES) samples.set(size, await sampleWith(size));
  const fns: Record<string, () => unknown> = {};
  for (const [format, render] of Object.entries(RENDERERS)) {
    for (const size of SIZES) fns[`${format} ${size}`] = () => render(samples.get(size) as Sample);
  }
  const medians = compareMedians(fns, ROUNDS, 2);
  const rows = Object.keys(RENDERERS).map((format) => {
    const times = SIZES.map((size) => medians[`${format} ${size}`] ?? 0);
    const perFinding = SIZES.map((size, i) => ((times[i] ?? 0) * 1000) / size);
    const ratio = (perFinding.at(-1) ?? 0) / (perFinding[0] ?? 1);
    const verdict = ratio <= LINEAR_RATIO ? 'linear' : 'NOT linear';
    return `| ${format} | ${times.map((t) => `${t.toFixed(1)} ms`).join(' / ')} | ${perFinding.map((p) => `${p.toFixed(1)} µs`).join(' / ')} | **${ratio.toFixed(2)}×** (${verdict}: ≤ ${LINEAR_RATIO}×) |`;
  });
  const sizes = SIZES.map((size) => {
    const sample = samples.get(size) as Sample;
    return `${size.toLocaleString('en-US')} in ${(sample.text.length / 1024).toFixed(0)} KiB`;
  });
  return [
    `Findings: a \`.sync\`-task definition audited against an empty role (${sizes.join(', ')} of tab-indented text). Median of ${ROUNDS} interleaved runs.`,
    '',
    '| format | 1,000 / 3,000 / 10,000 findings | per finding | per-finding cost 10k / 1k |',
    '|---|---|---|---|',
    ...rows,
  ];
}
