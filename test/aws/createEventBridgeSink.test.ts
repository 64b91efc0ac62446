import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { createEventBridgeSink } from '../../shared/aws/createEventBridgeSink.js';
import { allNew, finding, reportWith } from './reports.js';

const SM = 'arn:aws:states:eu-west-1:111122223333:stateMachine:orders';
const events = mockClient(EventBridgeClient);

beforeEach(() => {
  events.reset();
  events.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'e' }] });
});

describe('createEventBridgeSink', () => {
  it('puts one "State Machine Audit Completed" entry per audit', async () => {
    const report = reportWith([finding('f1', 'CRITICAL')]);
    await createEventBridgeSink(new EventBridgeClient({}), { eventBusName: 'audits' }).publish(report, allNew(report));
    const [entry, ...others] = events.commandCalls(PutEventsCommand).flatMap((c) => c.args[0].input.Entries ?? []);
    expect(others).toEqual([]);
    expect(entry).toMatchObject({
      EventBusName: 'audits',
      Source: 'sfn-role-audit',
      DetailType: 'State Machine Audit Completed',
      Resources: [SM],
    });
    expect(JSON.parse(entry?.Detail ?? '{}')).toEqual({
      stateMachine: report.stateMachine,
      role: report.role,
      auditedAt: report.auditedAt,
      bySeverity: { CRITICAL: 1, HIGH: 0, MEDIUM: 0, LOW: 0, INFORMATIONAL: 0 },
      findings: [{ id: 'f1', severity: 'CRITICAL', rule: 'MissingPermission' }],
      change: { newOrWorse: ['f1'], resolved: [], allClear: false, first: true },
    });
  });

  it('throws when the entry fails', async () => {
    events.on(PutEventsCommand).resolves({
      FailedEntryCount: 1,
      Entries: [{ ErrorCode: 'InternalFailure', ErrorMessage: 'try again' }],
    });
    const report = reportWith([]);
    await expect(
      createEventBridgeSink(new EventBridgeClient({}), { eventBusName: 'audits' }).publish(report, allNew(report)),
    ).rejects.toThrow(`PutEvents audits failed for the audit of ${SM}: InternalFailure: try again`);
  });
});
