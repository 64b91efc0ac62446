import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { createSnsSink } from '../../shared/aws/createSnsSink.js';
import { allNew, finding, NO_CHANGE, reportWith } from './reports.js';

const TOPIC = 'arn:aws:sns:eu-west-1:111122223333:findings';
const sns = mockClient(SNSClient);

beforeEach(() => {
  sns.reset();
  sns.on(PublishCommand).resolves({ MessageId: 'm' });
});

describe('createSnsSink', () => {
  it('publishes a Chatbot custom notification for new findings at the threshold', async () => {
    const report = reportWith([finding('f1', 'HIGH'), finding('f2', 'LOW')]);
    await createSnsSink(new SNSClient({}), { topicArn: TOPIC, minSeverity: 'MEDIUM' }).publish(report, allNew(report));
    const [input] = sns.commandCalls(PublishCommand).map((c) => c.args[0].input);
    expect(input?.TopicArn).toBe(TOPIC);
    expect(input?.Subject).toBe('sfn-role-audit: orders - 1 new or worse findings (HIGH)');
    const message = JSON.parse(input?.Message ?? '{}');
    expect(message).toMatchObject({ version: '1.0', source: 'custom', content: { textType: 'client-markdown' } });
    expect(message.content.description).toContain('(f1)');
    expect(message.content.description).not.toContain('(f2)');
  });

  it.each([
    { name: 'nothing changed', findings: [finding('f1')], change: NO_CHANGE },
    {
      name: 'only findings below the threshold are new',
      findings: [finding('f1', 'LOW')],
      change: { ...NO_CHANGE, newOrWorse: ['f1'] },
    },
  ])('publishes nothing when $name', async ({ findings, change }) => {
    await createSnsSink(new SNSClient({}), { topicArn: TOPIC, minSeverity: 'MEDIUM' }).publish(
      reportWith(findings),
      change,
    );
    expect(sns.commandCalls(PublishCommand)).toHaveLength(0);
  });

  it('publishes "all clear"', async () => {
    await createSnsSink(new SNSClient({}), { topicArn: TOPIC }).publish(reportWith([]), {
      ...NO_CHANGE,
      allClear: true,
    });
    const [input] = sns.commandCalls(PublishCommand).map((c) => c.args[0].input);
    expect(input?.Subject).toBe('sfn-role-audit: orders - all clear');
    expect(JSON.parse(input?.Message ?? '{}').content.title).toMatch(/all clear/);
  });

  it('keeps the subject ASCII, on one line and under 100 characters, and the body under 256 KB', async () => {
    const findings = Array.from({ length: 3000 }, (_, i) =>
      finding(`f${i}`, 'HIGH', { title: `Missing ${'x'.repeat(200)} ${i}` }),
    );
    const report = {
      ...reportWith(findings),
      stateMachine: {
        arn: 'arn:aws:states:eu-west-1:111122223333:stateMachine:é',
        name: `Ünïcode\n${'n'.repeat(120)}`,
      },
    };
    await createSnsSink(new SNSClient({}), { topicArn: TOPIC }).publish(report, allNew(report));
    const [input] = sns.commandCalls(PublishCommand).map((c) => c.args[0].input);
    const subject = input?.Subject ?? '';
    expect(subject.length).toBeLessThan(100);
    expect(subject).toMatch(/^[\x20-\x7e]+$/);
    expect(Buffer.byteLength(input?.Message ?? '')).toBeLessThanOrEqual(262_144);
    expect(JSON.parse(input?.Message ?? '{}').content.description).toContain('…and 2980 more');
  });
});
