/**
 * One peak-memory sample, in a fresh process started by bench/peakMemory.ts with `--expose-gc`:
 * `peakMemoryChild.ts <definition file> analysis|jsonParse` reads the text, collects garbage, then runs the analysis
 * (or JSON.parse) once under a V8 GCProfiler and prints one JSON line of bytes: the high-water mark of the used heap
 * above the starting heap, what stays reachable from the result, and the process's peak RSS above its RSS at the start.
 */
import { readFileSync } from 'node:fs';
import v8 from 'node:v8';
import { analyseRequirements } from './analyse.js';

/** What one sample measures, in bytes. */
export type PeakMemorySample = { peakHeap: number; retainedHeap: number; peakRss: number };

const [file, mode] = process.argv.slice(2);
const collect = (globalThis as { gc?: () => void }).gc;
if (file === undefined || (mode !== 'analysis' && mode !== 'jsonParse') || collect === undefined) {
  throw new Error('usage: node --expose-gc --import tsx bench/peakMemoryChild.ts <file> analysis|jsonParse');
}
const text = readFileSync(file, 'utf8');
collect();
collect();
const startHeap = v8.getHeapStatistics().used_heap_size;
const startRss = process.memoryUsage.rss();
const profiler = new v8.GCProfiler();
profiler.start();
const result: unknown = mode === 'analysis' ? analyseRequirements(text) : JSON.parse(text);
const endHeap = v8.getHeapStatistics().used_heap_size;
const { statistics } = profiler.stop();
// The used heap only grows between collections, so its high-water mark is just before one of them, or at the end.
const peakUsed = Math.max(endHeap, ...statistics.map((s) => s.beforeGC.heapStatistics.usedHeapSize));
collect();
collect();
const retainedHeap = v8.getHeapStatistics().used_heap_size - startHeap;
// ru_maxrss is in KiB on Linux (https://man7.org/linux/man-pages/man2/getrusage.2.html).
const peakRss = process.resourceUsage().maxRSS * 1024 - startRss;
const sample: PeakMemorySample = { peakHeap: peakUsed - startHeap, retainedHeap, peakRss };
process.stdout.write(`${JSON.stringify(sample)}\n`);
// Keep the result reachable until after the retained measure.
if (result === undefined) process.exitCode = 1;
