/**
 * One sample of the analysis benchmark: JSON.parse and the analysis of a definition text timed side by side in this
 * process — the first run of each (before the JIT has compiled the analysis), then ANALYSIS_WARMUP interleaved rounds,
 * then ANALYSIS_BLOCKS blocks of ANALYSIS_BLOCK_ROUNDS interleaved rounds. bench/analysisChild.ts runs it in a fresh
 * process for bench/run.ts.
 */
import { performance } from 'node:perf_hooks';
import { analyse } from './analyse.js';
import { compareMedians, median } from './measure.js';

/** JIT warm-up rounds, then blocks of interleaved rounds, each block giving one ratio of medians. */
export const ANALYSIS_WARMUP = 20;
export const ANALYSIS_BLOCKS = 5;
export const ANALYSIS_BLOCK_ROUNDS = 24;

/** What one process measured (milliseconds): the blocks' medians and ratios, and the first run of each. */
export type AnalysisSample = {
  requirements: number;
  jsonParse: number;
  analysis: number;
  /** The blocks' ratios of medians, lowest first; the process's figure is their median. */
  ratios: number[];
  ratio: number;
  firstParse: number;
  firstAnalysis: number;
};

/** Times JSON.parse and the analysis of `text` side by side (call it first thing in a fresh process). */
export function sampleAnalysis(text: string): AnalysisSample {
  let t0 = performance.now();
  JSON.parse(text);
  const firstParse = performance.now() - t0;
  t0 = performance.now();
  const requirements = analyse(text);
  const firstAnalysis = performance.now() - t0;
  const fns = { jsonParse: () => JSON.parse(text), analysis: () => analyse(text) };
  compareMedians(fns, 0, ANALYSIS_WARMUP);
  const blocks = Array.from({ length: ANALYSIS_BLOCKS }, () => compareMedians(fns, ANALYSIS_BLOCK_ROUNDS, 0));
  const ratios = blocks.map((b) => (b.analysis ?? 0) / (b.jsonParse ?? 1)).sort((a, b) => a - b);
  return {
    requirements,
    jsonParse: median(blocks.map((b) => b.jsonParse ?? 0)),
    analysis: median(blocks.map((b) => b.analysis ?? 0)),
    ratios,
    ratio: median(ratios),
    firstParse,
    firstAnalysis,
  };
}
