import type { Integration } from '../catalogue/types.js';
import type { DeriveContext } from '../types.js';
import type { Location } from './location.js';
import type { EntryMemo, StoredRequirement } from './memoizeRequirements.js';

/**
 * One Task Resource as a run sees it: its catalogue entry, its location, whether it is an AWS SDK call, and the
 * requirements already derived for it (shared by states with identical inputs), made on the first derivation — or
 * `null` once the memo has proved useless for this Resource (its states rarely share inputs) — with the memo's
 * lookups and hits so far.
 */
export type TaskResource = {
  entry: Integration | undefined;
  location: Location;
  sdk: boolean;
  memo: EntryMemo | undefined | null;
  lookups: number;
  hits: number;
};

/** The state-machine-wide values every state's requirements are built from. */
export type DeriveBase = {
  context: DeriveContext;
  location: Location;
  /** The state machine's own ARN (given, or built from partition/Region/account/name). */
  stateMachineArn: string;
  /** What this run knows of each Task Resource, looked up once per Resource. */
  tasks: Map<string, TaskResource>;
  /** The run's location in other partitions (Tasks whose Resource names one), built once each. */
  locations: Map<string, Location>;
  /** Parts of Distributed Maps' requirements already derived in this run (child executions by label, reader, writer). */
  mapMemo: Map<string, readonly StoredRequirement[]>;
};

/** Fills the defaults of a derive context: `aws` partition, `*` Region/account/name when unknown. */
export function deriveBaseOf(context: DeriveContext): DeriveBase {
  const location: Location = {
    partition: context.partition || 'aws',
    region: context.region || '*',
    account: context.account || '*',
  };
  const name = context.stateMachineName || '*';
  return {
    context: { ...context, stateMachineName: name },
    location,
    stateMachineArn:
      context.stateMachineArn ??
      `arn:${location.partition}:states:${location.region}:${location.account}:stateMachine:${name}`,
    tasks: new Map(),
    locations: new Map(),
    mapMemo: new Map(),
  };
}
