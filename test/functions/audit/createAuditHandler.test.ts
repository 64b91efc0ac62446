import { describe, expect, it } from 'vitest';
import { createAuditHandler } from '../../../functions/audit/createAuditHandler.js';
import { createFakes, DEFINITION, loadEvent, metricTotal, ROLE_ARN, SM_ARN, sqsEvent, withEventId } from './fakes.js';

const create = loadEvent('create-state-machine');
const update = loadEvent('update-state-machine');
const createAlias = loadEvent('create-state-machine-alias');
const remove = loadEvent('delete-state-machine');
const throttled = Object.assign(new Error('Rate exceeded'), {
  name: 'ThrottlingException',
  $metadata: { httpStatusCode: 400 },
});

const ECS_FINDINGS = ['poll:ecs:DescribeTasks', 'events:events:PutTargets', 'cancel:ecs:StopTask'];

describe('createAuditHandler', () => {
  it('retries only the transient failure of a mixed batch and audits each good event once', async () => {
    const fakes = createFakes({ lookups: { [`${SM_ARN}:PROD`]: throttled } });
    const handler = createAuditHandler(fakes.deps);
    const response = await handler(
      sqsEvent([create, update, 'not json {', { ...create, source: 'aws.iam' }, create, createAlias]),
    );
    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: 'm5' }] });
    expect(fakes.described).toEqual([SM_ARN, `${SM_ARN}:PROD`, SM_ARN]);
    expect([...fakes.processedEvents].sort()).toEqual([
      'e5f6a7b8-0000-1111-2222-333344445555',
      'e5f6a7b8-0000-1111-2222-333344445556',
    ]);
    expect(metricTotal(fakes, 'MalformedRecords')).toBe(2);
    expect(metricTotal(fakes, 'DuplicateEvents')).toBe(1);
    expect(metricTotal(fakes, 'Audits')).toBe(2);
    expect(metricTotal(fakes, 'FailedRecords')).toBe(1);
    expect(metricTotal(fakes, 'IamCalls')).toBe(7);
    const warnings = fakes.logs.filter((l) => l.level === 'warn').map((l) => l.attributes?.reason);
    expect(warnings).toEqual(['the body is not JSON', 'source is not aws.states']);
    const failure = fakes.logs.find((l) => l.level === 'error');
    expect(failure?.attributes).toMatchObject({ messageId: 'm5', transient: true, stateMachineArn: `${SM_ARN}:PROD` });
  });

  it('tells SNS about the first audit and not about an identical second one', async () => {
    const fakes = createFakes();
    await createAuditHandler(fakes.deps)(sqsEvent([create, update]));
    expect(fakes.published.map((p) => p.sink)).toEqual([
      'securityhub',
      'sns',
      'eventbridge',
      'securityhub',
      'eventbridge',
    ]);
    const first = fakes.published[0];
    expect(first?.report.findings.map((f) => `${f.purpose}:${f.actions[0]}`)).toEqual(ECS_FINDINGS);
    expect(first?.report.findings.map((f) => f.severity)).toEqual(['CRITICAL', 'CRITICAL', 'MEDIUM']);
    expect(first?.change.first).toBe(true);
    expect(fakes.published[3]?.change).toEqual({ newOrWorse: [], resolved: [], allClear: false, first: false });
    expect(fakes.stored.get(SM_ARN)?.findings.map((f) => f.severity)).toEqual(['CRITICAL', 'CRITICAL', 'MEDIUM']);
    expect(fakes.metrics.filter((m) => m.name === 'Findings')).toEqual([
      { name: 'Findings', value: 2, dimension: { name: 'Severity', value: 'CRITICAL' } },
      { name: 'Findings', value: 1, dimension: { name: 'Severity', value: 'MEDIUM' } },
      { name: 'Findings', value: 2, dimension: { name: 'Severity', value: 'CRITICAL' } },
      { name: 'Findings', value: 1, dimension: { name: 'Severity', value: 'MEDIUM' } },
    ]);
  });

  it('skips an event whose eventID the state store has already processed', async () => {
    const fakes = createFakes();
    fakes.processedEvents.add('e5f6a7b8-0000-1111-2222-333344445555');
    const response = await createAuditHandler(fakes.deps)(sqsEvent([create]));
    expect(response.batchItemFailures).toEqual([]);
    expect(fakes.described).toEqual([]);
    expect(metricTotal(fakes, 'DuplicateEvents')).toBe(1);
  });

  it('skips a failed API call without auditing or counting it as malformed', async () => {
    const fakes = createFakes();
    const response = await createAuditHandler(fakes.deps)(sqsEvent([loadEvent('delete-state-machine-access-denied')]));
    expect(response.batchItemFailures).toEqual([]);
    expect(fakes.described).toEqual([]);
    expect(fakes.published).toEqual([]);
    expect(metricTotal(fakes, 'MalformedRecords')).toBe(0);
    expect(fakes.logs[0]?.attributes).toMatchObject({ errorCode: 'AccessDeniedException' });
  });

  it('archives the remembered findings in Security Hub only and forgets the state on DeleteStateMachine', async () => {
    const fakes = createFakes();
    const handler = createAuditHandler(fakes.deps);
    await handler(sqsEvent([create]));
    const ids = fakes.stored.get(SM_ARN)?.findings.map((f) => f.id);
    fakes.published.length = 0;
    const response = await handler(sqsEvent([remove]));
    expect(response.batchItemFailures).toEqual([]);
    expect(fakes.published.map((p) => p.sink)).toEqual(['securityhub']);
    expect(fakes.published[0]?.report.findings).toEqual([]);
    expect(fakes.published[0]?.change.resolved.map((r) => r.id)).toEqual(ids);
    expect(fakes.stored.has(SM_ARN)).toBe(false);
    expect(fakes.described).toEqual([SM_ARN]);
    expect(metricTotal(fakes, 'Archives')).toBe(1);
  });

  it('archives when DescribeStateMachine says the state machine is gone', async () => {
    const fakes = createFakes();
    fakes.stored.set(SM_ARN, {
      stateMachineArn: SM_ARN,
      roleArn: ROLE_ARN,
      findings: [{ id: 'f1', severity: 'HIGH' }],
    });
    const gone = { found: false as const, arn: SM_ARN, reason: 'StateMachineDoesNotExist' };
    fakes.deps.source = { describe: async () => gone };
    await createAuditHandler(fakes.deps)(sqsEvent([update]));
    expect(fakes.published.map((p) => [p.sink, p.change.resolved])).toEqual([
      ['securityhub', [{ id: 'f1', severity: 'HIGH' }]],
    ]);
    expect(fakes.stored.has(SM_ARN)).toBe(false);
  });

  it('moves findings named by the sfn-role-audit:ignore tag to suppressed', async () => {
    const fakes = createFakes({ tags: { 'sfn-role-audit:ignore': 'cancel events' } });
    await createAuditHandler(fakes.deps)(sqsEvent([create]));
    const report = fakes.published[0]?.report;
    expect(report?.findings.map((f) => f.purpose)).toEqual(['poll']);
    expect(report?.suppressed.map((f) => f.purpose)).toEqual(['events', 'cancel']);
  });

  it('reports RoleNotFound when the execution role does not exist', async () => {
    const fakes = createFakes({ roleFound: false });
    await createAuditHandler(fakes.deps)(sqsEvent([create]));
    expect(fakes.published[0]?.report.findings.map((f) => f.rule)).toContain('RoleNotFound');
  });

  it('does not notify when the new findings are below NOTIFY_MIN_SEVERITY', async () => {
    const fakes = createFakes({
      allowed: [
        'lambda:InvokeFunction',
        'ecs:RunTask',
        'iam:PassRole',
        'ecs:DescribeTasks',
        'events:PutTargets',
        'events:PutRule',
        'events:DescribeRule',
      ],
    });
    await createAuditHandler(fakes.deps)(sqsEvent([create]));
    expect(fakes.published.map((p) => p.sink)).toEqual(['securityhub', 'eventbridge']);
    expect(fakes.published[0]?.report.findings.map((f) => f.severity)).toEqual(['MEDIUM']);
  });

  it('notifies "all clear" when the findings of the previous audit are gone', async () => {
    const fakes = createFakes({
      allowed: [
        'lambda:InvokeFunction',
        'ecs:RunTask',
        'iam:PassRole',
        'ecs:DescribeTasks',
        'ecs:StopTask',
        'events:PutTargets',
        'events:PutRule',
        'events:DescribeRule',
      ],
    });
    fakes.stored.set(SM_ARN, {
      stateMachineArn: SM_ARN,
      roleArn: ROLE_ARN,
      findings: [{ id: 'f1', severity: 'CRITICAL' }],
    });
    await createAuditHandler(fakes.deps)(sqsEvent([update]));
    const sns = fakes.published.find((p) => p.sink === 'sns');
    expect(sns?.change).toEqual({
      newOrWorse: [],
      resolved: [{ id: 'f1', severity: 'CRITICAL' }],
      allClear: true,
      first: false,
    });
    expect(fakes.stored.get(SM_ARN)?.findings).toEqual([]);
  });

  it('fails the record, keeps the old state and leaves the event unprocessed when a sink fails', async () => {
    const fakes = createFakes();
    fakes.deps.sinks = [
      ...fakes.deps.sinks,
      {
        sink: { name: 'slack', publish: async () => Promise.reject(new Error('HTTP 500')) },
        onlyNotable: true,
        onArchive: false,
        delivery: 'change',
      },
    ];
    const response = await createAuditHandler(fakes.deps)(sqsEvent([create]));
    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: 'm0' }] });
    expect(fakes.published.map((p) => p.sink)).toEqual(['securityhub', 'sns', 'eventbridge']);
    expect(fakes.stored.has(SM_ARN)).toBe(false);
    expect(fakes.processedEvents.size).toBe(0);
  });

  it('logs one error line and counts FailedRecords when claiming the event fails', async () => {
    const fakes = createFakes();
    fakes.deps.store.claimEvent = async () => Promise.reject(throttled);
    const response = await createAuditHandler(fakes.deps)(sqsEvent([create]));
    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: 'm0' }] });
    const errors = fakes.logs.filter((l) => l.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.attributes).toMatchObject({ messageId: 'm0', transient: true, stateMachineArn: SM_ARN });
    expect(metricTotal(fakes, 'FailedRecords')).toBe(1);
    expect(fakes.described).toEqual([]);
  });

  /** Makes the named fake sink fail its next `times` publications. */
  function failNext(fakes: ReturnType<typeof createFakes>, name: string, times = 1) {
    let left = times;
    fakes.deps.sinks = fakes.deps.sinks.map((s) => {
      if (s.sink.name !== name) return s;
      const inner = s.sink;
      return {
        ...s,
        sink: {
          name,
          publish: async (report, change) => {
            if (left > 0) {
              left -= 1;
              throw Object.assign(new Error('Internal error'), { $metadata: { httpStatusCode: 500 } });
            }
            await inner.publish(report, change);
          },
        },
      };
    });
  }
  const sent = (fakes: ReturnType<typeof createFakes>, name: string) =>
    fakes.published.filter((p) => p.sink === name).length;

  it('does not publish to SNS again when the record is retried after EventBridge failed', async () => {
    const fakes = createFakes();
    failNext(fakes, 'eventbridge');
    const handler = createAuditHandler(fakes.deps);
    expect(await handler(sqsEvent([create]))).toEqual({ batchItemFailures: [{ itemIdentifier: 'm0' }] });
    expect(fakes.stored.has(SM_ARN)).toBe(false);
    expect(await handler(sqsEvent([create]))).toEqual({ batchItemFailures: [] });
    expect([sent(fakes, 'sns'), sent(fakes, 'eventbridge'), sent(fakes, 'securityhub')]).toEqual([1, 1, 2]);
    expect(metricTotal(fakes, 'DeliveriesSkipped')).toBe(1);
    expect(fakes.processedEvents.has('e5f6a7b8-0000-1111-2222-333344445555')).toBe(true);
    expect(fakes.stored.get(SM_ARN)?.lastEventId).toBe('e5f6a7b8-0000-1111-2222-333344445555');
  });

  it('does not publish to SNS again when saving the state fails after the notification', async () => {
    const fakes = createFakes();
    const save = fakes.deps.store.save;
    let failures = 1;
    fakes.deps.store.save = async (report, eventId) => {
      if (failures-- > 0) throw throttled;
      await save(report, eventId);
    };
    const handler = createAuditHandler(fakes.deps);
    await handler(sqsEvent([create]));
    await handler(sqsEvent([create]));
    expect([sent(fakes, 'sns'), sent(fakes, 'eventbridge')]).toEqual([1, 1]);
  });

  it('tells SNS once when a second event about the same state machine computes the same change', async () => {
    const fakes = createFakes();
    failNext(fakes, 'eventbridge');
    const response = await createAuditHandler(fakes.deps)(sqsEvent([create, update]));
    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: 'm0' }] });
    expect(sent(fakes, 'sns')).toBe(1);
    expect(await createAuditHandler(fakes.deps)(sqsEvent([create]))).toEqual({ batchItemFailures: [] });
    expect(sent(fakes, 'sns')).toBe(1);
  });

  it('notifies once when two invocations receive the same event at the same time', async () => {
    const fakes = createFakes();
    const handler = createAuditHandler(fakes.deps);
    const responses = await Promise.all([handler(sqsEvent([create])), handler(sqsEvent([create]))]);
    expect(responses.map((r) => r.batchItemFailures.length).sort()).toEqual([0, 1]);
    expect(sent(fakes, 'sns')).toBe(1);
    expect(metricTotal(fakes, 'EventsInProgress')).toBe(1);
    expect(fakes.logs.filter((l) => l.level === 'warn').map((l) => l.message)).toEqual([
      'Another invocation is processing this event; the record will be retried',
    ]);
    expect(await handler(sqsEvent([create]))).toEqual({ batchItemFailures: [] });
    expect(sent(fakes, 'sns')).toBe(1);
    expect(metricTotal(fakes, 'DuplicateEvents')).toBe(1);
  });

  it('notifies once when two invocations audit two events of the same state machine at the same time', async () => {
    const fakes = createFakes();
    const handler = createAuditHandler(fakes.deps);
    const responses = await Promise.all([handler(sqsEvent([create])), handler(sqsEvent([update]))]);
    expect(sent(fakes, 'sns')).toBe(1);
    const retry = responses.flatMap((r, i) => (r.batchItemFailures.length > 0 ? [[create, update][i] ?? create] : []));
    expect(retry).toHaveLength(1);
    await handler(sqsEvent(retry));
    expect(sent(fakes, 'sns')).toBe(1);
    expect(fakes.processedEvents.size).toBe(2);
  });

  it('releases its claim when the record fails, so the retry can take the event', async () => {
    const fakes = createFakes({ lookups: { [SM_ARN]: throttled } });
    await createAuditHandler(fakes.deps)(sqsEvent([create]));
    expect(fakes.claims.size).toBe(0);
    expect(fakes.logs.find((l) => l.level === 'error')?.attributes).toMatchObject({ claimReleased: true });
  });

  it('returns every record as a failure instead of throwing when the whole batch fails', async () => {
    const fakes = createFakes({ lookups: { [SM_ARN]: throttled } });
    const response = await createAuditHandler(fakes.deps)(sqsEvent([create, withEventId(create, 'other')]));
    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: 'm0' }, { itemIdentifier: 'm1' }] });
  });

  it('reads the definition the source returns, never the redacted one in the event', async () => {
    const fakes = createFakes();
    await createAuditHandler(fakes.deps)(sqsEvent([create]));
    expect(fakes.published[0]?.report.requirements.length).toBeGreaterThan(0);
    expect(JSON.stringify(fakes.logs)).not.toContain(DEFINITION.slice(0, 40));
  });
});
