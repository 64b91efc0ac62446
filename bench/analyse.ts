/** The analysis the benchmarks time and weigh: parse + walk + derive requirements of one definition text. */
import { parseDefinition } from '../shared/asl/parseDefinition.js';
import { deriveRequirements } from '../shared/requirements/deriveRequirements.js';
import type { Requirement } from '../shared/types.js';

/** The derive context of every benchmark: one Region and account, a state machine named `bench`. */
export const BENCH_CONTEXT = {
  partition: 'aws',
  region: 'us-east-1',
  account: '111122223333',
  stateMachineName: 'bench',
};

/** Parses `text` and derives its requirements (throws when the benchmark definition is invalid). */
export function analyseRequirements(text: string): Requirement[] {
  const parsed = parseDefinition(text);
  if (!parsed.ok) throw new Error(`benchmark definition is invalid: ${parsed.issues[0]?.message}`);
  return deriveRequirements(parsed.definition, BENCH_CONTEXT);
}

/** Parse + walk + derive requirements for one definition text; returns how many requirements it found. */
export function analyse(text: string): number {
  return analyseRequirements(text).length;
}
