import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { CreateRoleCommand, IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { EnableSecurityHubCommand, GetFindingsCommand, SecurityHubClient } from '@aws-sdk/client-securityhub';
import { CreateStateMachineCommand, SFNClient } from '@aws-sdk/client-sfn';
import { CreateTopicCommand, SNSClient } from '@aws-sdk/client-sns';
import type { SQSRecord } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuditClients, createAuditDeps } from '../../functions/audit/createAuditDeps.js';
import { createAuditHandler } from '../../functions/audit/createAuditHandler.js';
import type { AuditMetricName } from '../../functions/audit/types.js';
import { orderPipelineDefinition } from './orderPipelineDefinition.js';
import { sqsRecord } from './sqsRecord.js';
import { hasMotoServer, type MotoServer, startMotoServer } from './startMotoServer.js';
import { createTemplateTable } from './templateTable.js';

const REGION = 'eu-west-1';
const ACCOUNT = '123456789012'; // moto's default account
const TABLE = 'sfn-role-audit-load';
const CREDENTIALS = { accessKeyId: 'testing', secretAccessKey: 'testing' };
const STATE_MACHINES = 50;
// moto answers ~60 calls/s serially on loopback and an audit makes ~17 calls, so 1,000 distinct audits take ~3 min
// on a 2-core runner: CI sends 1,000 records of 200 distinct events (800 redeliveries); LOAD_UNIQUE=1000
// LOAD_DUPLICATES=0 LOAD_TIMEOUT_MS=600000 runs 1,000 distinct audits.
const UNIQUE_EVENTS = Number(process.env.LOAD_UNIQUE ?? 200);
const DUPLICATES = Number(process.env.LOAD_DUPLICATES ?? 800);
const TIMEOUT_MS = Number(process.env.LOAD_TIMEOUT_MS ?? 120_000);
// As infra/template.yaml configures the SQS source: batches of 5, at most 2 concurrent invocations.
const BATCH_SIZE = 5;
const CONCURRENT_INVOCATIONS = 2;

const available = hasMotoServer();
if (!available && process.env.REQUIRE_MOTO === '1') throw new Error('REQUIRE_MOTO=1 but moto_server is not on PATH');

/** A Lambda invoke followed by an ECS runTask.sync task: three findings (poll, events, cancel) on a role that only runs. */
const DEFINITION = orderPipelineDefinition(REGION, ACCOUNT);

const smArn = (i: number) => `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:Load${i}`;

/** A seeded generator (mulberry32), so the load is the same on every run. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** CloudTrail CreateStateMachine / UpdateStateMachine events for moto's account, with their own eventIDs. */
function cloudTrailBody(kind: 'create' | 'update', index: number, eventId: string): string {
  const fixture = kind === 'create' ? 'create-state-machine' : 'update-state-machine';
  const text = readFileSync(new URL(`../fixtures/cloudtrail/${fixture}.json`, import.meta.url), 'utf8')
    .replaceAll('111122223333', ACCOUNT)
    .replaceAll(':stateMachine:OrderPipeline', `:stateMachine:Load${index}`);
  const event = JSON.parse(text) as { detail: Record<string, unknown> };
  event.detail.eventID = eventId;
  return JSON.stringify(event);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

describe.skipIf(!available)('audit function under load against moto', () => {
  let moto: MotoServer;
  let clients: AuditClients;
  let topicArn = '';

  beforeAll(async () => {
    moto = await startMotoServer();
    const config = { region: REGION, endpoint: moto.endpoint, credentials: CREDENTIALS };
    clients = {
      iam: new IAMClient(config),
      sfn: new SFNClient(config),
      securityHub: new SecurityHubClient(config),
      sns: new SNSClient(config),
      eventBridge: new EventBridgeClient(config),
      dynamodb: new DynamoDBClient(config),
      secretsManager: new SecretsManagerClient(config),
    };
    const trust = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'states.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    });
    const role = await clients.iam.send(
      new CreateRoleCommand({ RoleName: 'LoadRole', AssumeRolePolicyDocument: trust }),
    );
    await clients.iam.send(
      new PutRolePolicyCommand({
        RoleName: 'LoadRole',
        PolicyName: 'run',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Action: ['lambda:InvokeFunction', 'ecs:RunTask', 'iam:PassRole'], Resource: '*' },
          ],
        }),
      }),
    );
    for (let i = 0; i < STATE_MACHINES; i += 1) {
      await clients.sfn.send(
        new CreateStateMachineCommand({ name: `Load${i}`, definition: DEFINITION, roleArn: role.Role?.Arn }),
      );
    }
    await clients.securityHub.send(new EnableSecurityHubCommand({}));
    const topic = await clients.sns.send(new CreateTopicCommand({ Name: 'load-findings' }));
    topicArn = topic.TopicArn ?? '';
    await createTemplateTable(clients.dynamodb, TABLE);
  }, 60_000);

  afterAll(async () => {
    await moto?.stop();
  });

  it(
    'audits 1,000 CloudTrail records: every distinct event audited once, none lost, redeliveries collapsed',
    async () => {
      const random = seeded(1000);
      const unique = Array.from({ length: UNIQUE_EVENTS }, (_, i) => {
        const sm = i % STATE_MACHINES;
        return { body: cloudTrailBody(i < STATE_MACHINES ? 'create' : 'update', sm, `load-${i}`), id: `load-${i}` };
      });
      const duplicates = Array.from({ length: DUPLICATES }, () => unique[Math.floor(random() * UNIQUE_EVENTS)]);
      const bodies = [...unique, ...duplicates].flatMap((e) => (e === undefined ? [] : [e.body]));
      for (let i = bodies.length - 1; i > 0; i -= 1) {
        const j = Math.floor(random() * (i + 1));
        [bodies[i], bodies[j]] = [bodies[j] ?? '', bodies[i] ?? ''];
      }
      expect(bodies).toHaveLength(UNIQUE_EVENTS + DUPLICATES);

      const durations: number[] = [];
      const metrics = new Map<AuditMetricName, number>();
      const errors: string[] = [];
      const deps = await createAuditDeps(
        {
          stateTableName: TABLE,
          simulator: 'local',
          securityHubEnabled: true,
          snsTopicArn: topicArn,
          eventBusName: 'default',
          notifyMinSeverity: 'MEDIUM',
          region: REGION,
        },
        clients,
        {
          log: { info: () => {}, warn: () => {}, error: (message) => void errors.push(message) },
          metrics: {
            add: (name, value) => {
              if (name === 'AuditDurationMs') durations.push(value);
              metrics.set(name, (metrics.get(name) ?? 0) + value);
            },
            flush: () => {},
          },
        },
      );
      const handler = createAuditHandler(deps);
      // Successful Publish / PutEvents calls, by state machine (moto's fan-out to SQS is too slow for 1,000 events).
      const published: string[] = [];
      const putEvents: string[] = [];
      const countSends = (client: { middlewareStack: SNSClient['middlewareStack'] }) =>
        client.middlewareStack.add(
          (next, context) => async (args) => {
            const output = await next(args);
            const input = args.input as { Message?: string; Entries?: { Resources?: string[] }[] };
            if (context.commandName === 'PublishCommand') {
              published.push(
                (JSON.parse(input.Message ?? '{}') as { metadata: { threadId: string } }).metadata.threadId,
              );
            }
            if (context.commandName === 'PutEventsCommand') putEvents.push(input.Entries?.[0]?.Resources?.[0] ?? '');
            return output;
          },
          { step: 'initialize', name: 'countSends' },
        );
      countSends(clients.sns);
      countSends(clients.eventBridge as unknown as { middlewareStack: SNSClient['middlewareStack'] });

      let pending = bodies.map((body, i) => sqsRecord(body, `m${i}`, REGION, ACCOUNT));
      let invocations = 0;
      let retried = 0;
      const started = performance.now();
      for (let round = 0; pending.length > 0 && round < 5; round += 1) {
        const batches: SQSRecord[][] = [];
        for (let i = 0; i < pending.length; i += BATCH_SIZE) batches.push(pending.slice(i, i + BATCH_SIZE));
        const failed: SQSRecord[] = [];
        for (let i = 0; i < batches.length; i += CONCURRENT_INVOCATIONS) {
          const group = batches.slice(i, i + CONCURRENT_INVOCATIONS);
          const responses = await Promise.all(group.map((records) => handler({ Records: records })));
          invocations += group.length;
          responses.forEach((response, g) => {
            const ids = new Set(response.batchItemFailures.map((f) => f.itemIdentifier));
            failed.push(...(group[g] ?? []).filter((r) => ids.has(r.messageId)));
          });
        }
        retried += failed.length;
        pending = failed;
      }
      const seconds = (performance.now() - started) / 1000;
      expect(pending).toEqual([]);

      // Every unique event is done; nothing is left claimed.
      const items: Record<string, { S?: string }>[] = [];
      let start: Record<string, never> | undefined;
      do {
        const page = await clients.dynamodb.send(
          new ScanCommand({ TableName: TABLE, ...(start === undefined ? {} : { ExclusiveStartKey: start }) }),
        );
        items.push(...((page.Items ?? []) as Record<string, { S?: string }>[]));
        start = page.LastEvaluatedKey as Record<string, never> | undefined;
      } while (start !== undefined);
      const claims = items.filter((i) => i.qualifier?.S === 'event');
      expect(claims).toHaveLength(UNIQUE_EVENTS);
      expect(claims.every((c) => c.status?.S === 'done')).toBe(true);
      expect(items.filter((i) => i.qualifier?.S === '$LATEST')).toHaveLength(STATE_MACHINES);

      // Audited once per unique event; duplicates collapsed; one notification per state machine (its first audit).
      expect(metrics.get('Audits')).toBe(UNIQUE_EVENTS);
      expect((metrics.get('DuplicateEvents') ?? 0) + (metrics.get('EventsInProgress') ?? 0)).toBeGreaterThanOrEqual(
        DUPLICATES,
      );
      expect(published.sort()).toEqual(Array.from({ length: STATE_MACHINES }, (_, i) => smArn(i)).sort());
      expect(putEvents).toHaveLength(UNIQUE_EVENTS);
      expect(new Set(putEvents).size).toBe(STATE_MACHINES);
      const { Findings = [] } = await clients.securityHub.send(new GetFindingsCommand({ MaxResults: 100 }));
      expect(Findings.length).toBeGreaterThan(0);
      expect(errors.length + (metrics.get('EventsInProgress') ?? 0)).toBe(retried);

      durations.sort((a, b) => a - b);
      const result = {
        records: bodies.length,
        unique: UNIQUE_EVENTS,
        stateMachines: STATE_MACHINES,
        batchSize: BATCH_SIZE,
        concurrentInvocations: CONCURRENT_INVOCATIONS,
        invocations,
        retried,
        seconds: Number(seconds.toFixed(1)),
        recordsPerSecond: Number((bodies.length / seconds).toFixed(1)),
        auditsPerSecond: Number((UNIQUE_EVENTS / seconds).toFixed(1)),
        p50AuditMs: percentile(durations, 50),
        p95AuditMs: percentile(durations, 95),
        maxAuditMs: durations.at(-1) ?? 0,
      };
      console.log(`load: ${JSON.stringify(result)}`);
      if (process.env.LOAD_RESULT_FILE)
        writeFileSync(process.env.LOAD_RESULT_FILE, `${JSON.stringify(result, null, 2)}\n`);
    },
    TIMEOUT_MS,
  );
});
