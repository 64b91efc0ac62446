/**
 * Peak memory of the analysis of the ~1 MB definition beside JSON.parse of the same text: each sample is a fresh
 * Node process (bench/peakMemoryChild.ts) that runs one of them once, alternately, so neither inherits the other's
 * heap, compiled code or garbage.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, sampleInChild } from './measure.js';
import type { PeakMemorySample } from './peakMemoryChild.js';

const CHILD = fileURLToPath(new URL('./peakMemoryChild.ts', import.meta.url));
const RUNS = 5;

function sampleOf(file: string, mode: 'analysis' | 'jsonParse'): PeakMemorySample {
  return sampleInChild<PeakMemorySample>(CHILD, [file, mode], ['--expose-gc']);
}

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

/** Rows of the analysis table: peak and retained heap, peak RSS, of the analysis and of JSON.parse (medians). */
export function benchPeakMemory(text: string): string[] {
  const dir = mkdtempSync(join(os.tmpdir(), 'sfn-role-audit-bench-'));
  try {
    const file = join(dir, 'definition.json');
    writeFileSync(file, text);
    const samples: Record<'analysis' | 'jsonParse', PeakMemorySample[]> = { analysis: [], jsonParse: [] };
    for (let run = 0; run < RUNS; run++) {
      samples.analysis.push(sampleOf(file, 'analysis'));
      samples.jsonParse.push(sampleOf(file, 'jsonParse'));
    }
    const of = (mode: 'analysis' | 'jsonParse', key: keyof PeakMemorySample) =>
      median(samples[mode].map((s) => s[key]));
    const ratio = of('analysis', 'peakHeap') / of('jsonParse', 'peakHeap');
    return [
      `| peak heap: parse + walk + derive / JSON.parse (median of ${RUNS} fresh processes each) | **${mib(of('analysis', 'peakHeap'))}** / ${mib(of('jsonParse', 'peakHeap'))} (${ratio.toFixed(1)}×; the text itself is ${mib(text.length)}) |`,
      `| heap still reachable afterwards: the requirements / the parsed JSON | ${mib(of('analysis', 'retainedHeap'))} / ${mib(of('jsonParse', 'retainedHeap'))} |`,
      `| peak RSS above the RSS at the start: analysis / JSON.parse | ${mib(of('analysis', 'peakRss'))} / ${mib(of('jsonParse', 'peakRss'))} |`,
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
