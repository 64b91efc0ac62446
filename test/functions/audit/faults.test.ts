import type { SQSRecord } from 'aws-lambda';
import { afterEach, describe, expect, it } from 'vitest';
import { createAuditDeps } from '../../../functions/audit/createAuditDeps.js';
import { createAuditHandler } from '../../../functions/audit/createAuditHandler.js';
import type { AuditConfig } from '../../../functions/audit/readAuditConfig.js';
import type { AuditMetricName } from '../../../functions/audit/types.js';
import { createDynamoStateStore } from '../../../shared/aws/createDynamoStateStore.js';
import { createSecurityHubSink } from '../../../shared/aws/createSecurityHubSink.js';
import { DEFINITION, loadEvent, sqsEvent } from './fakes.js';
import {
  awsError,
  type Call,
  createMockAwsWorld,
  type FaultPlan,
  type MockAwsWorld,
  SLACK_SECRET_ARN,
  smArn,
  TABLE,
  TOPIC_ARN,
} from './mockAwsWorld.js';

const CLEAN_DEFINITION = JSON.stringify({
  StartAt: 'Charge',
  States: {
    Charge: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { FunctionName: 'arn:aws:lambda:eu-west-1:111122223333:function:ChargeCard', 'Payload.$': '$' },
      End: true,
    },
  },
});

/** Orders: three findings (notified); Clean: none; Orphan: its role is gone (RoleNotFound); Gone: deleted. */
const STATE_MACHINES = [
  { name: 'Orders', definition: DEFINITION, role: 'OrdersRole' },
  { name: 'Clean', definition: CLEAN_DEFINITION, role: 'CleanRole' },
  { name: 'Orphan', definition: CLEAN_DEFINITION, role: 'DeletedRole' },
  { name: 'Gone' },
];
const ROLES = [
  {
    name: 'OrdersRole',
    statements: [{ Effect: 'Allow', Action: ['lambda:InvokeFunction', 'ecs:RunTask', 'iam:PassRole'], Resource: '*' }],
  },
  { name: 'CleanRole', statements: [{ Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: '*' }] },
];
const NAMES = ['Orders', 'Clean', 'Orphan', 'Gone'];

const CONFIG: AuditConfig = {
  stateTableName: TABLE,
  simulator: 'local',
  securityHubEnabled: true,
  snsTopicArn: TOPIC_ARN,
  slackSecretArn: SLACK_SECRET_ARN,
  eventBusName: 'default',
  notifyMinSeverity: 'MEDIUM',
  region: 'eu-west-1',
};

/** The queue's visibility timeout (infra/template.yaml): a failed record comes back after it. */
const VISIBILITY_TIMEOUT_MS = 750_000;

const FIXTURES = { create: 'create-state-machine', update: 'update-state-machine', delete: 'delete-state-machine' };

/** A CloudTrail event about one state machine with its own eventID. */
function eventBody(kind: keyof typeof FIXTURES, name: string, eventId: string): string {
  const text = JSON.stringify(loadEvent(FIXTURES[kind])).replaceAll(
    ':stateMachine:OrderPipeline',
    `:stateMachine:${name}`,
  );
  const event = JSON.parse(text) as { detail: Record<string, unknown> };
  event.detail.eventID = eventId;
  return JSON.stringify(event);
}

/** One SQS delivery of some bodies: each round, every invocation of the list runs at the same time. */
type Invocation = string[];

/** Runs invocations round by round like SQS: the failed records of a round come back in the next one. */
async function deliver(world: MockAwsWorld, handler: ReturnType<typeof createAuditHandler>, invocations: Invocation[]) {
  let pending: SQSRecord[][] = invocations.map((bodies, i) =>
    sqsEvent(bodies).Records.map((r) => ({ ...r, messageId: `i${i}-${r.messageId}` })),
  );
  let failures = 0;
  for (let round = 0; pending.some((p) => p.length > 0) && round < 10; round += 1) {
    world.world.round = round;
    const responses = await Promise.all(pending.map((records) => handler({ Records: records })));
    pending = pending.map((records, i) => {
      const failed = new Set((responses[i]?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
      failures += failed.size;
      return records.filter((r) => failed.has(r.messageId));
    });
  }
  return { failures, lost: pending.flat().length };
}

type Outcome = Awaited<ReturnType<typeof runScenario>>;

/** Runs batches (each a list of concurrent invocations) through the real adapters over the mock world. */
async function runScenario(batches: Invocation[][], plan: FaultPlan = () => undefined) {
  const world = createMockAwsWorld({ stateMachines: STATE_MACHINES, roles: ROLES });
  worlds.push(world);
  const logs: { level: string; message: string }[] = [];
  const metrics: { name: AuditMetricName; value: number }[] = [];
  const log = (level: string) => (message: string) => void logs.push({ level, message });
  const deps = await createAuditDeps(
    CONFIG,
    world.clients,
    {
      log: { info: log('info'), warn: log('warn'), error: log('error') },
      metrics: { add: (name, value) => void metrics.push({ name, value }), flush: () => {} },
    },
    world.fetchFn,
  );
  let tick = Date.parse('2026-05-01T00:00:00Z');
  deps.sinks = deps.sinks.map((s) =>
    s.sink.name === 'securityhub'
      ? {
          ...s,
          sink: createSecurityHubSink(world.clients.securityHub, {
            sleep: async () => {},
            now: () => {
              tick += 1;
              return new Date(tick);
            },
          }),
        }
      : s,
  );
  // The table's clock: each SQS round comes back after the queue's 750 s visibility timeout.
  const started = Date.parse('2026-05-01T00:00:00Z');
  deps.store = createDynamoStateStore(world.clients.dynamodb, {
    tableName: TABLE,
    now: () => new Date(started + world.world.round * VISIBILITY_TIMEOUT_MS),
    sleep: async () => {},
  });
  world.world.plan = plan;
  const handler = createAuditHandler(deps);
  let failures = 0;
  let lost = 0;
  for (const batch of batches) {
    const result = await deliver(world, handler, batch);
    failures += result.failures;
    lost += result.lost;
  }
  const items = [...world.table.values()];
  const perStateMachine = (calls: Call[], arnOf: (call: Call) => string | undefined) =>
    Object.fromEntries(NAMES.map((n) => [n, calls.filter((c) => arnOf(c) === smArn(n)).length]));
  const total = (name: AuditMetricName) => metrics.filter((m) => m.name === name).reduce((sum, m) => sum + m.value, 0);
  return {
    failures,
    lost,
    state: Object.fromEntries(
      items
        .filter((i) => i.qualifier?.S === '$LATEST')
        .map((i) => [i.arn?.S, (i.findings?.L ?? []).map((f) => `${f.M?.id?.S}:${f.M?.severity?.S}`).sort()]),
    ),
    hub: Object.fromEntries([...world.findings.values()].map((f) => [f.Id, f.RecordState])),
    events: Object.fromEntries(
      items.filter((i) => i.qualifier?.S === 'event').map((i) => [i.stateMachineArn?.S, i.status?.S]),
    ),
    sns: perStateMachine(
      world.succeeded.filter((c) => c.command === 'Publish'),
      (c) => (JSON.parse(String(c.input.Message)) as { metadata: { threadId: string } }).metadata.threadId,
    ),
    eventBridge: perStateMachine(
      world.succeeded.filter((c) => c.command === 'PutEvents'),
      (c) => (c.input.Entries as { Resources: string[] }[])[0]?.Resources[0],
    ),
    slack: world.slackPosts.length,
    errorLines: logs.filter((l) => l.level === 'error').length,
    inProgressLines: logs.filter((l) => l.message.startsWith('Another invocation')).length,
    failureMetrics: total('FailedRecords') + total('EventsInProgress'),
  };
}

const worlds: MockAwsWorld[] = [];
afterEach(() => {
  for (const world of worlds.splice(0)) world.restore();
});

const throttled = () => awsError('ThrottlingException', 400, 'Rate exceeded');
const firstRounds =
  (rounds: number, service: string, command: string, fault: () => ReturnType<FaultPlan>, when = (_: Call) => true) =>
  (call: Call) =>
    call.round < rounds && call.service === service && call.command === command && when(call) ? fault() : undefined;
const qualifierOf = (call: Call) => {
  const item = (call.input.Item ?? call.input.Key) as Record<string, { S?: string }> | undefined;
  return item?.qualifier?.S ?? '';
};

/** Every state machine created, then updated, each in its own event; Gone is deleted. */
const ONE_BATCH: Invocation[][] = [
  [
    [
      eventBody('create', 'Orders', 'c-orders'),
      eventBody('create', 'Clean', 'c-clean'),
      eventBody('create', 'Orphan', 'c-orphan'),
      eventBody('update', 'Orders', 'u-orders'),
      eventBody('update', 'Clean', 'u-clean'),
      eventBody('delete', 'Gone', 'd-gone'),
    ],
  ],
];
const EVENT_IDS = ['c-orders', 'c-clean', 'c-orphan', 'u-orders', 'u-clean', 'd-gone'];

type Row = {
  name: string;
  plan?: FaultPlan;
  batches?: Invocation[][];
  /** The final state differs from the fault-free run in this way (state machine or role gone). */
  adjust?: (baseline: Outcome) => Partial<Outcome>;
  /** At least this many records must have failed (and been retried). */
  minFailures: number;
};

const ROWS: Row[] = [
  { name: 'no fault', minFailures: 0 },
  {
    name: 'throttling on the first call of every API',
    plan: (c) => (c.nth === 0 ? throttled() : undefined),
    minFailures: 1,
  },
  {
    name: 'state machine deleted between the event and the audit',
    plan: (c) =>
      c.command === 'DescribeStateMachine' && c.input.stateMachineArn === smArn('Orders')
        ? awsError('StateMachineDoesNotExist', 400)
        : undefined,
    adjust: (b) => ({
      state: Object.fromEntries(Object.entries(b.state).filter(([arn]) => arn !== smArn('Orders'))),
      hub: Object.fromEntries(Object.entries(b.hub).filter(([id]) => !String(id).startsWith(`${smArn('Orders')}/`))),
      sns: { ...b.sns, Orders: 0 },
      eventBridge: { ...b.eventBridge, Orders: 0 },
      slack: b.slack - 1,
    }),
    minFailures: 0,
  },
  {
    name: 'role deleted between the event and the audit',
    plan: (c) =>
      c.command === 'GetRole' && c.input.RoleName === 'OrdersRole' ? awsError('NoSuchEntityException', 404) : undefined,
    adjust: (b) => ({
      state: { ...b.state, [smArn('Orders')]: expect.arrayContaining([expect.stringMatching(/:CRITICAL$/)]) },
      hub: expect.any(Object),
    }),
    minFailures: 0,
  },
  {
    name: 'AccessDenied for the auditor until its policy is fixed',
    plan: firstRounds(2, 'sfn', 'DescribeStateMachine', () => awsError('AccessDeniedException', 400)),
    minFailures: 6,
  },
  {
    name: 'Security Hub partial failure on every attempt of the first round',
    plan: firstRounds(1, 'securityhub', 'BatchImportFindings', () => ({
      answer: {
        FailedCount: 1,
        SuccessCount: 0,
        FailedFindings: [{ Id: 'x', ErrorCode: 'InternalException', ErrorMessage: 'try again' }],
      },
    })),
    minFailures: 2,
  },
  {
    name: 'Security Hub answers FailedCount with no FailedFindings',
    plan: firstRounds(1, 'securityhub', 'BatchImportFindings', () => ({
      answer: { FailedCount: 1, SuccessCount: 0, FailedFindings: [] },
    })),
    minFailures: 2,
  },
  {
    name: 'SNS outage',
    plan: firstRounds(2, 'sns', 'Publish', () => awsError('InternalErrorException', 500)),
    minFailures: 2,
  },
  {
    name: 'EventBridge outage, then a failed entry',
    plan: (c) =>
      c.command !== 'PutEvents' || c.round > 1
        ? undefined
        : c.round === 0
          ? awsError('InternalException', 500)
          : { answer: { FailedEntryCount: 1, Entries: [{ ErrorCode: 'InternalFailure', ErrorMessage: 'x' }] } },
    minFailures: 8,
  },
  {
    name: 'Slack timeouts',
    plan: firstRounds(2, 'slack', 'POST', () =>
      awsError('TimeoutError', 0, 'The operation was aborted due to timeout'),
    ),
    minFailures: 2,
  },
  {
    name: 'DynamoDB throttled saving the state after the notifications',
    plan: firstRounds(1, 'dynamodb', 'PutItem', throttled, (c) => qualifierOf(c) === '$LATEST'),
    minFailures: 4,
  },
  {
    name: 'DynamoDB throttled claiming delivery records',
    plan: firstRounds(1, 'dynamodb', 'PutItem', throttled, (c) => qualifierOf(c).startsWith('delivery#')),
    minFailures: 4,
  },
  {
    name: 'DynamoDB throttled marking the event done',
    plan: firstRounds(
      1,
      'dynamodb',
      'PutItem',
      throttled,
      (c) => (c.input.Item as Record<string, { S?: string }>)?.status?.S === 'done',
    ),
    minFailures: 6,
  },
  {
    name: 'duplicate deliveries in the same batch and in a later one',
    batches: [[[...(ONE_BATCH[0]?.[0] ?? []), ...(ONE_BATCH[0]?.[0] ?? [])]], ONE_BATCH[0] ?? []],
    minFailures: 0,
  },
  {
    name: 'concurrent deliveries of the same batch to two invocations',
    batches: [[ONE_BATCH[0]?.[0] ?? [], ONE_BATCH[0]?.[0] ?? []]],
    minFailures: 1,
  },
  {
    name: 'concurrent deliveries while SNS and EventBridge fail once',
    batches: [[ONE_BATCH[0]?.[0] ?? [], ONE_BATCH[0]?.[0] ?? []]],
    plan: (c) =>
      c.round === 0 && (c.command === 'Publish' || c.command === 'PutEvents') && c.nth === 0 ? throttled() : undefined,
    minFailures: 1,
  },
];

/** Checks a faulted run against the fault-free one: same outcome, nothing lost, each failure logged and counted. */
function expectLike(outcome: Outcome, baseline: Outcome, adjust: Partial<Outcome> = {}) {
  expect(outcome.lost).toBe(0);
  expect(Object.values(outcome.events).every((status) => status === 'done')).toBe(true);
  expect(outcome.state).toEqual(adjust.state ?? baseline.state);
  expect(outcome.hub).toEqual(adjust.hub ?? baseline.hub);
  expect(outcome.sns).toEqual(adjust.sns ?? baseline.sns);
  expect(outcome.eventBridge).toEqual(adjust.eventBridge ?? baseline.eventBridge);
  expect(outcome.slack).toBe(adjust.slack ?? baseline.slack);
  expect(outcome.errorLines + outcome.inProgressLines).toBe(outcome.failures);
  expect(outcome.failureMetrics).toBe(outcome.failures);
}

describe('audit handler under faults (aws-sdk-client-mock)', () => {
  it('audits, archives and notifies as expected without faults', async () => {
    const baseline = await runScenario(ONE_BATCH);
    expect(baseline.failures).toBe(0);
    expect(Object.keys(baseline.events).sort()).toEqual(EVENT_IDS.map((id) => `event#${id}`).sort());
    expect(baseline.sns).toEqual({ Orders: 1, Clean: 0, Orphan: 1, Gone: 0 });
    expect(baseline.eventBridge).toEqual({ Orders: 2, Clean: 2, Orphan: 1, Gone: 0 });
    expect(baseline.slack).toBe(2);
    expect(baseline.state[smArn('Orders')]).toHaveLength(3);
    expect(baseline.state[smArn('Orphan')]).toHaveLength(1);
    expect(baseline.state[smArn('Clean')]).toEqual([]);
    expect(Object.values(baseline.hub)).toEqual(['ACTIVE', 'ACTIVE', 'ACTIVE', 'ACTIVE']);
  });

  it.each(ROWS)('$name: same outcome as without faults, nothing lost or told twice', async (row) => {
    const batches = row.batches ?? ONE_BATCH;
    const baseline = await runScenario(ONE_BATCH);
    const outcome = await runScenario(batches, row.plan);
    expect(outcome.failures).toBeGreaterThanOrEqual(row.minFailures);
    expectLike(outcome, baseline, row.adjust?.(baseline));
  });

  it('random batches with random faults notify exactly as often as the fault-free run (seeded)', async () => {
    let seed = 0x5eed;
    const random = () => {
      // mulberry32
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const faults = [
      () => throttled(),
      () => awsError('InternalException', 500),
      () => awsError('TimeoutError', 0),
      () => ({ answer: { FailedCount: 1, SuccessCount: 0, FailedFindings: [] } }),
    ];
    let failures = 0;
    for (let batch = 0; batch < 12; batch += 1) {
      const bodies = Array.from({ length: 30 }, (_, i) => {
        const name = NAMES[Math.floor(random() * 3)] ?? 'Orders';
        const kind = random() < 0.5 ? 'create' : 'update';
        return eventBody(kind, name, `b${batch}-e${random() < 0.2 ? 0 : i}`);
      });
      const batches: Invocation[][] = [[bodies]];
      const baseline = await runScenario(batches);
      const plan: FaultPlan = (c) => {
        if (c.round > 3 || random() > 0.04) return undefined;
        const pick = faults[Math.floor(random() * faults.length)] ?? faults[0];
        const fault = pick?.();
        return c.command === 'BatchImportFindings' || fault instanceof Error ? fault : throttled();
      };
      const outcome = await runScenario(batches, plan);
      expectLike(outcome, baseline);
      failures += outcome.failures;
    }
    expect(failures).toBeGreaterThan(20);
  });
});
