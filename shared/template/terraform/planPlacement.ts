import type { PlanResource, TerraformPlan } from './planTypes.js';
import { expressionAt } from './planValues.js';

/** Where the audit takes a placement value from, in order of preference. */
export type PlacementSource = 'flag' | 'provider' | 'data source' | 'plan ARNs' | 'unknown';

/** The partition, Region and account of a state machine of the plan (`*` when nothing says), and where each came from. */
export type PlanPlacement = {
  readonly partition: string;
  readonly region: string;
  readonly account: string;
  readonly from: {
    readonly partition: PlacementSource;
    readonly region: PlacementSource;
    readonly account: PlacementSource;
  };
};

/** --region, --account and --partition, when given. */
export type PlacementFlags = {
  readonly region?: string | undefined;
  readonly account?: string | undefined;
  readonly partition?: string | undefined;
};

const ARN = /arn:(aws[a-z-]*):[a-z0-9-]+:([a-z]{2}(?:-[a-z]+)+-\d+)?:(\d{12})?:/g;

/** The most frequent value, the first seen on a tie. */
function mostFrequent(values: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: string | undefined;
  for (const [value, count] of counts) if (best === undefined || count > (counts.get(best) ?? 0)) best = value;
  return best;
}

type ArnParts = { partition: string | undefined; region: string | undefined; account: string | undefined };

/** The ARN parts of each plan, read once however many state machines it has. */
const ARN_PARTS = new WeakMap<TerraformPlan, ArnParts>();

function arnPartsOf(plan: TerraformPlan): ArnParts {
  let parts = ARN_PARTS.get(plan);
  if (parts === undefined) {
    parts = arnParts(plan.text);
    ARN_PARTS.set(plan, parts);
  }
  return parts;
}

/** The partitions, Regions and accounts the ARNs written in the plan name. */
function arnParts(text: string): ArnParts {
  const partitions: string[] = [];
  const regions: string[] = [];
  const accounts: string[] = [];
  for (const [, partition = '', region, account] of text.matchAll(ARN)) {
    partitions.push(partition);
    if (region !== undefined) regions.push(region);
    if (account !== undefined) accounts.push(account);
  }
  return { partition: mostFrequent(partitions), region: mostFrequent(regions), account: mostFrequent(accounts) };
}

/** A provider argument: its constant, or a root variable's value when the provider block is in the root module. */
function providerArgument(plan: TerraformPlan, stateMachine: PlanResource, name: string): unknown {
  // A module that inherits its provider may have a key of its own without arguments: then the root block says.
  const own = plan.providers.get(stateMachine.config?.providerConfigKey ?? 'aws');
  const provider = expressionAt(own?.expressions, [name]) === undefined ? plan.providers.get('aws') : own;
  const expression = expressionAt(provider?.expressions, [name]);
  if (expression === undefined) return undefined;
  if (expression.hasConstant) return expression.constant;
  const variable = /^var\.([A-Za-z_][A-Za-z0-9_-]*)$/.exec(expression.references[0] ?? '');
  return provider?.moduleAddress === '' && variable !== null ? plan.variables.get(variable[1] ?? '') : undefined;
}

/** A value of the first instance of a data source type (`aws_region`, `aws_caller_identity`), preferring the module's. */
function dataValue(
  plan: TerraformPlan,
  stateMachine: PlanResource,
  type: string,
  keys: readonly string[],
): string | undefined {
  const instances = plan.resources.filter((r) => r.mode === 'data' && r.type === type);
  instances.sort(
    (a, b) =>
      Number(b.moduleAddress === stateMachine.moduleAddress) - Number(a.moduleAddress === stateMachine.moduleAddress),
  );
  for (const instance of instances) {
    for (const key of keys) {
      const value = instance.values[key];
      if (typeof value === 'string' && value !== '') return value;
    }
  }
  return undefined;
}

function first(candidates: readonly [PlacementSource, unknown][]): [string, PlacementSource] {
  for (const [source, value] of candidates) if (typeof value === 'string' && value !== '') return [value, source];
  return ['*', 'unknown'];
}

/**
 * Where a state machine of the plan runs: --region/--account/--partition when given (they also override the audit's
 * context), else the `region` (and a single `allowed_account_ids`) of its provider block, else the `aws_region`,
 * `aws_caller_identity` and `aws_partition` data sources, else the most frequent Region, account and partition of the
 * ARNs written in the plan; `*` (unknown) when nothing says, and `aws` for the partition.
 */
export function planPlacement(plan: TerraformPlan, stateMachine: PlanResource, flags: PlacementFlags): PlanPlacement {
  const arns = arnPartsOf(plan);
  const allowed = providerArgument(plan, stateMachine, 'allowed_account_ids');
  const [region, regionFrom] = first([
    ['flag', flags.region],
    ['provider', providerArgument(plan, stateMachine, 'region')],
    ['data source', dataValue(plan, stateMachine, 'aws_region', ['region', 'name'])],
    ['plan ARNs', arns.region],
  ]);
  const [account, accountFrom] = first([
    ['flag', flags.account],
    ['provider', Array.isArray(allowed) && allowed.length === 1 ? allowed[0] : undefined],
    ['data source', dataValue(plan, stateMachine, 'aws_caller_identity', ['account_id'])],
    ['plan ARNs', arns.account],
  ]);
  const [partitionFound, partitionFrom] = first([
    ['flag', flags.partition],
    ['data source', dataValue(plan, stateMachine, 'aws_partition', ['partition'])],
    ['plan ARNs', arns.partition],
  ]);
  const partition = partitionFound === '*' ? 'aws' : partitionFound;
  return { partition, region, account, from: { partition: partitionFrom, region: regionFrom, account: accountFrom } };
}
