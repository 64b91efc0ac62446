import type { DeriveContext } from '../types.js';
import type { Location } from './location.js';
import type { RequirementMemo, StoredRequirement } from './memoizeRequirements.js';

/** The state-machine-wide values every state's requirements are built from. */
export type DeriveBase = {
  context: DeriveContext;
  location: Location;
  /** The state machine's own ARN (given, or built from partition/Region/account/name). */
  stateMachineArn: string;
  /** Requirements already derived in this run, shared by states with identical inputs. */
  memo: RequirementMemo;
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
    memo: new Map(),
    locations: new Map(),
    mapMemo: new Map(),
  };
}
