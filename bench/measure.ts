/** Small timing helpers for benchmarks: medians of interleaved runs, so both sides see the same machine noise. */
import { performance } from 'node:perf_hooks';

/** Median of a list of numbers. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Runs each named function `rounds` times, interleaved, after `warmup` rounds; returns median milliseconds per name. */
export function compareMedians(fns: Record<string, () => unknown>, rounds: number, warmup = 5): Record<string, number> {
  const names = Object.keys(fns);
  const samples: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = 0; r < warmup + rounds; r++) {
    for (const name of names) {
      const fn = fns[name]!;
      const t0 = performance.now();
      fn();
      const elapsed = performance.now() - t0;
      if (r >= warmup) samples[name]!.push(elapsed);
    }
  }
  return Object.fromEntries(names.map((n) => [n, median(samples[n]!)]));
}
