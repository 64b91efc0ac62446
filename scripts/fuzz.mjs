/**
 * `npm run fuzz -- --runs N --seed S [vitest args…]`: runs the property tests (test/properties) with N runs per
 * property and seed S (defaults 10,000 and a random seed, printed so a failure can be replayed with --seed).
 * CI runs the same tests through `npm test` with FC_SEED=42 and FC_RUNS=200 (the defaults in the tests).
 */
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const rest = [];
let runs = '10000';
let seed = String(Math.floor(Math.random() * 2 ** 31));
for (let i = 0; i < args.length; i++) {
  const arg = args[i];
  if (arg === '--runs' || arg === '--seed') {
    const value = args[++i];
    if (value === undefined || !/^-?\d+$/.test(value)) {
      console.error(`fuzz: ${arg} needs an integer`);
      process.exit(2);
    }
    if (arg === '--runs') runs = value;
    else seed = value;
  } else rest.push(arg);
}
console.log(`fuzz: FC_RUNS=${runs} FC_SEED=${seed}`);
const vitest = spawnSync('npx', ['vitest', 'run', 'test/properties', '--testTimeout=0', ...rest], {
  stdio: 'inherit',
  env: { ...process.env, FC_RUNS: runs, FC_SEED: seed },
});
if (vitest.status !== 0) console.error(`fuzz: failed; replay with npm run fuzz -- --runs ${runs} --seed ${seed}`);
process.exit(vitest.status ?? 1);
