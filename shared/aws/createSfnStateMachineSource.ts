import {
  DescribeStateMachineAliasCommand,
  DescribeStateMachineCommand,
  type DescribeStateMachineOutput,
  ListTagsForResourceCommand,
  type SFNClient,
} from '@aws-sdk/client-sfn';
import type { StateMachineLookup, StateMachineSource } from '../ports.js';
import type { StateMachineDescription } from '../types.js';
import { awsCallError, awsErrorName } from './awsErrorName.js';
import { splitStateMachineArn } from './splitStateMachineArn.js';

// DescribeStateMachine: StateMachineDoesNotExist; DescribeStateMachineAlias / ListTagsForResource: ResourceNotFound.
// https://docs.aws.amazon.com/step-functions/latest/apireference/API_DescribeStateMachine.html
// https://docs.aws.amazon.com/step-functions/latest/apireference/API_DescribeStateMachineAlias.html
const NOT_FOUND = new Set(['StateMachineDoesNotExist', 'ResourceNotFound']);

type Outcome<T> = { ok: true; value: T } | { ok: false; reason: string };

async function attempt<T>(call: string, arn: string, run: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    const name = awsErrorName(error);
    if (NOT_FOUND.has(name)) return { ok: false, reason: `${call}: ${name}` };
    throw awsCallError(call, arn, error);
  }
}

function toDescription(output: DescribeStateMachineOutput): StateMachineDescription {
  const logging = output.loggingConfiguration;
  return {
    stateMachineArn: output.stateMachineArn,
    name: output.name,
    definition: output.definition ?? '',
    roleArn: output.roleArn,
    type: output.type,
    revisionId: output.revisionId,
    loggingConfiguration:
      logging === undefined
        ? undefined
        : {
            level: logging.level,
            includeExecutionData: logging.includeExecutionData,
            destinations: logging.destinations?.map((d) => ({
              cloudWatchLogsLogGroup: { logGroupArn: d.cloudWatchLogsLogGroup?.logGroupArn },
            })),
          },
    tracingConfiguration: output.tracingConfiguration,
    encryptionConfiguration: output.encryptionConfiguration,
  };
}

/** The alias's routes, heaviest first; equal weights put the newer (higher-numbered) version first. */
function sortRoutes(routes: { versionArn: string; weight: number }[]) {
  const version = (arn: string) => Number(splitStateMachineArn(arn).qualifier ?? 0);
  return [...routes].sort((a, b) => b.weight - a.weight || version(b.versionArn) - version(a.versionArn));
}

/**
 * A StateMachineSource over Step Functions: DescribeStateMachine for plain and version (`:N`) ARNs;
 * DescribeStateMachineAlias for alias ARNs, then DescribeStateMachine of the highest-weight routed version (its
 * description carries the alias ARN; `routing` lists every route); ListTagsForResource on the unqualified ARN for
 * tags. A missing state machine, version or alias, or one being deleted, is `{ found: false }`; other errors throw
 * with the SDK error as `cause` (throttling is retried by the client's retry strategy first).
 */
export function createSfnStateMachineSource(client: SFNClient): StateMachineSource {
  async function describeVersion(arn: string): Promise<Outcome<DescribeStateMachineOutput>> {
    const outcome = await attempt('DescribeStateMachine', arn, () =>
      client.send(new DescribeStateMachineCommand({ stateMachineArn: arn })),
    );
    if (outcome.ok && outcome.value.status === 'DELETING')
      return { ok: false, reason: 'the state machine is being deleted' };
    return outcome;
  }

  return {
    async describe(arn: string): Promise<StateMachineLookup> {
      const parts = splitStateMachineArn(arn);
      let routing: { versionArn: string; weight: number }[] | undefined;
      let target = arn;
      if (parts.qualifier !== null && !parts.isVersion) {
        const alias = await attempt('DescribeStateMachineAlias', arn, () =>
          client.send(new DescribeStateMachineAliasCommand({ stateMachineAliasArn: arn })),
        );
        if (!alias.ok) return { found: false, arn, reason: alias.reason };
        routing = sortRoutes(
          (alias.value.routingConfiguration ?? []).map((r) => ({
            versionArn: r.stateMachineVersionArn ?? '',
            weight: r.weight ?? 0,
          })),
        );
        const heaviest = routing[0];
        if (heaviest === undefined) return { found: false, arn, reason: 'the alias routes to no version' };
        target = heaviest.versionArn;
      }
      const described = await describeVersion(target);
      if (!described.ok) return { found: false, arn, reason: described.reason };
      const tags = await attempt('ListTagsForResource', parts.unqualified, () =>
        client.send(new ListTagsForResourceCommand({ resourceArn: parts.unqualified })),
      );
      if (!tags.ok) return { found: false, arn, reason: tags.reason };
      const description = toDescription(described.value);
      return {
        found: true,
        description: routing === undefined ? description : { ...description, stateMachineArn: arn },
        tags: Object.fromEntries((tags.value.tags ?? []).map((t) => [t.key ?? '', t.value ?? ''])),
        ...(routing === undefined ? {} : { routing }),
      };
    },
  };
}
