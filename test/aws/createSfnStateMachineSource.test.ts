import {
  DescribeStateMachineAliasCommand,
  DescribeStateMachineCommand,
  KmsAccessDeniedException,
  ListTagsForResourceCommand,
  ResourceNotFound,
  SFNClient,
  StateMachineDoesNotExist,
} from '@aws-sdk/client-sfn';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { createSfnStateMachineSource } from '../../shared/aws/createSfnStateMachineSource.js';

const ARN = 'arn:aws:states:eu-west-1:111122223333:stateMachine:OrderPipeline';
const ROLE = 'arn:aws:iam::111122223333:role/service/OrderPipelineRole';
const sfn = mockClient(SFNClient);

function described(arn: string, roleArn = ROLE) {
  return {
    stateMachineArn: arn,
    name: 'OrderPipeline',
    status: 'ACTIVE' as const,
    definition: '{"StartAt":"A","States":{"A":{"Type":"Succeed"}}}',
    roleArn,
    type: 'STANDARD' as const,
    creationDate: new Date('2026-05-01T00:00:00Z'),
    revisionId: 'rev-1',
    loggingConfiguration: {
      level: 'ERROR' as const,
      includeExecutionData: false,
      destinations: [{ cloudWatchLogsLogGroup: { logGroupArn: 'arn:aws:logs:eu-west-1:111122223333:log-group:sm:*' } }],
    },
    tracingConfiguration: { enabled: true },
  };
}

beforeEach(() => {
  sfn.reset();
  sfn.on(ListTagsForResourceCommand).resolves({ tags: [{ key: 'sfn-role-audit:ignore', value: 'LOW' }] });
});

describe('createSfnStateMachineSource', () => {
  it('describes a plain ARN and reads its tags from the unqualified ARN', async () => {
    sfn.on(DescribeStateMachineCommand).resolves(described(ARN));
    const lookup = await createSfnStateMachineSource(new SFNClient({})).describe(ARN);
    expect(lookup).toEqual({
      found: true,
      description: {
        stateMachineArn: ARN,
        name: 'OrderPipeline',
        definition: '{"StartAt":"A","States":{"A":{"Type":"Succeed"}}}',
        roleArn: ROLE,
        type: 'STANDARD',
        revisionId: 'rev-1',
        loggingConfiguration: {
          level: 'ERROR',
          includeExecutionData: false,
          destinations: [
            { cloudWatchLogsLogGroup: { logGroupArn: 'arn:aws:logs:eu-west-1:111122223333:log-group:sm:*' } },
          ],
        },
        tracingConfiguration: { enabled: true },
        encryptionConfiguration: undefined,
      },
      tags: { 'sfn-role-audit:ignore': 'LOW' },
    });
    expect(sfn.commandCalls(DescribeStateMachineCommand).map((c) => c.args[0].input)).toEqual([
      { stateMachineArn: ARN },
    ]);
    expect(sfn.commandCalls(ListTagsForResourceCommand).map((c) => c.args[0].input)).toEqual([{ resourceArn: ARN }]);
  });

  it('describes a version ARN with DescribeStateMachine and tags the unqualified ARN', async () => {
    sfn.on(DescribeStateMachineCommand).resolves(described(`${ARN}:4`));
    const lookup = await createSfnStateMachineSource(new SFNClient({})).describe(`${ARN}:4`);
    expect(lookup.found && lookup.description.stateMachineArn).toBe(`${ARN}:4`);
    expect(sfn.commandCalls(DescribeStateMachineAliasCommand)).toHaveLength(0);
    expect(sfn.commandCalls(DescribeStateMachineCommand)[0]?.args[0].input).toEqual({ stateMachineArn: `${ARN}:4` });
    expect(sfn.commandCalls(ListTagsForResourceCommand)[0]?.args[0].input).toEqual({ resourceArn: ARN });
  });

  it('describes the highest-weight version of an alias and lists its routes', async () => {
    sfn.on(DescribeStateMachineAliasCommand).resolves({
      stateMachineAliasArn: `${ARN}:PROD`,
      routingConfiguration: [
        { stateMachineVersionArn: `${ARN}:5`, weight: 10 },
        { stateMachineVersionArn: `${ARN}:4`, weight: 90 },
      ],
    });
    sfn.on(DescribeStateMachineCommand, { stateMachineArn: `${ARN}:4` }).resolves(described(`${ARN}:4`, `${ROLE}Old`));
    const lookup = await createSfnStateMachineSource(new SFNClient({})).describe(`${ARN}:PROD`);
    expect(lookup.found).toBe(true);
    if (!lookup.found) return;
    expect(lookup.description.stateMachineArn).toBe(`${ARN}:PROD`);
    expect(lookup.description.roleArn).toBe(`${ROLE}Old`);
    expect(lookup.routing).toEqual([
      { versionArn: `${ARN}:4`, weight: 90 },
      { versionArn: `${ARN}:5`, weight: 10 },
    ]);
    expect(sfn.commandCalls(DescribeStateMachineAliasCommand)[0]?.args[0].input).toEqual({
      stateMachineAliasArn: `${ARN}:PROD`,
    });
  });

  it('breaks an even split in favour of the newer version', async () => {
    sfn.on(DescribeStateMachineAliasCommand).resolves({
      routingConfiguration: [
        { stateMachineVersionArn: `${ARN}:9`, weight: 50 },
        { stateMachineVersionArn: `${ARN}:10`, weight: 50 },
      ],
    });
    sfn.on(DescribeStateMachineCommand).resolves(described(`${ARN}:10`));
    await createSfnStateMachineSource(new SFNClient({})).describe(`${ARN}:PROD`);
    expect(sfn.commandCalls(DescribeStateMachineCommand)[0]?.args[0].input).toEqual({ stateMachineArn: `${ARN}:10` });
  });

  it.each([
    {
      name: 'a missing state machine',
      arn: ARN,
      setup: () =>
        sfn.on(DescribeStateMachineCommand).rejects(new StateMachineDoesNotExist({ message: 'gone', $metadata: {} })),
      reason: 'DescribeStateMachine: StateMachineDoesNotExist',
    },
    {
      name: 'a missing alias',
      arn: `${ARN}:PROD`,
      setup: () =>
        sfn.on(DescribeStateMachineAliasCommand).rejects(new ResourceNotFound({ message: 'gone', $metadata: {} })),
      reason: 'DescribeStateMachineAlias: ResourceNotFound',
    },
    {
      name: 'a state machine being deleted',
      arn: ARN,
      setup: () => sfn.on(DescribeStateMachineCommand).resolves({ ...described(ARN), status: 'DELETING' }),
      reason: 'the state machine is being deleted',
    },
  ])('returns found: false for $name', async ({ arn, setup, reason }) => {
    setup();
    expect(await createSfnStateMachineSource(new SFNClient({})).describe(arn)).toEqual({ found: false, arn, reason });
  });

  it('throws other errors with the SDK error as cause', async () => {
    const sdkError = new KmsAccessDeniedException({ message: 'no key', $metadata: {} });
    sfn.on(DescribeStateMachineCommand).rejects(sdkError);
    const failure = await createSfnStateMachineSource(new SFNClient({}))
      .describe(ARN)
      .catch((error: unknown) => error as Error);
    expect((failure as Error).cause).toBe(sdkError);
    expect((failure as Error).message).toMatch(
      /^DescribeStateMachine arn:.* failed: KmsAccessDeniedException: no key$/,
    );
  });
});
