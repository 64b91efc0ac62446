/** Small helpers for benchmarks: medians of interleaved runs (both sides see the same machine noise), and samples taken in fresh processes. */
import { execFileSync } from 'node:child_process';
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

/**
 * Runs a bench script in a fresh Node process under tsx (`node FLAGS --import tsx SCRIPT ARGS`) and returns the JSON
 * of the last line it prints: one sample measured where nothing of this process (heap, compiled code) is inherited.
 */
export function sampleInChild<T>(script: string, args: readonly string[], nodeFlags: readonly string[] = []): T {
  const out = execFileSync(process.execPath, [...nodeFlags, '--import', 'tsx', script, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as T;
}
