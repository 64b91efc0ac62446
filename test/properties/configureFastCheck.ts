/**
 * Shared fast-check settings of the property tests: a fixed seed and run count in CI (FC_SEED=42, FC_RUNS=200 unless
 * set), which `npm run fuzz -- --runs N --seed S` overrides for long runs. Import it before declaring properties.
 */
import fc from 'fast-check';

/** The seed every property starts from; a failure prints it with the path to replay. */
export const FC_SEED = Number(process.env.FC_SEED ?? 42);
/** Runs per property. */
export const FC_RUNS = Number(process.env.FC_RUNS ?? 200);

fc.configureGlobal({ seed: FC_SEED, numRuns: FC_RUNS });

export { fc };
