import { describe, expect, it } from 'vitest';
import { snsSubject, toChatbotMessage } from '../../shared/findings/toChatbotMessage.js';
import { allNew, finding, NO_CHANGE, reportWith } from '../aws/reports.js';

const SM = 'arn:aws:states:eu-west-1:111122223333:stateMachine:orders';

describe('toChatbotMessage', () => {
  it('renders the custom-notification fields for new findings, worst first', () => {
    const report = reportWith([finding('low', 'LOW'), finding('crit', 'CRITICAL')]);
    const { subject, message } = toChatbotMessage(report, allNew(report));
    expect(subject).toBe('sfn-role-audit: orders - 2 new or worse findings (CRITICAL)');
    const parsed = JSON.parse(message);
    expect(Object.keys(parsed)).toEqual(['version', 'source', 'content', 'metadata']);
    expect(parsed.version).toBe('1.0');
    expect(parsed.source).toBe('custom');
    expect(parsed.content.textType).toBe('client-markdown');
    expect(parsed.content.title).toBe(':rotating_light: orders: 2 new or worse findings (worst CRITICAL)');
    expect(parsed.content.description.split('\n').slice(0, 3)).toEqual([
      '*State machine:* orders (eu-west-1)',
      '*Role:* arn:aws:iam::111122223333:role/orders',
      '*Open findings:* 1 CRITICAL, 1 LOW',
    ]);
    expect(parsed.content.description).toMatch(/CRITICAL.*\(crit\)[\s\S]*LOW.*\(low\)/);
    expect(parsed.content.nextSteps).toEqual([
      'Allow lambda:InvokeFunction on arn:aws:lambda:eu-west-1:111122223333:function:crit',
      'Allow lambda:InvokeFunction on arn:aws:lambda:eu-west-1:111122223333:function:low',
      `Run: sfn-role-audit check --state-machine-arn ${SM}`,
    ]);
    expect(parsed.content.keywords).toEqual(['sfn-role-audit', 'eu-west-1', 'CRITICAL']);
    expect(parsed.metadata).toEqual({
      threadId: SM,
      summary: 'orders: 2 new or worse findings',
      eventType: 'SfnRoleAuditFindings',
      relatedResources: [SM, 'arn:aws:iam::111122223333:role/orders'],
      additionalContext: { account: '111122223333', region: 'eu-west-1', severity: 'CRITICAL' },
    });
  });

  it('lists only findings at or above the threshold', () => {
    const report = reportWith([finding('low', 'LOW'), finding('high', 'HIGH')]);
    const parsed = JSON.parse(toChatbotMessage(report, allNew(report), { minSeverity: 'MEDIUM' }).message);
    expect(parsed.content.description).toContain('(high)');
    expect(parsed.content.description).not.toContain('(low)');
  });

  it('says all clear', () => {
    const { subject, message } = toChatbotMessage(reportWith([]), { ...NO_CHANGE, allClear: true });
    expect(subject).toBe('sfn-role-audit: orders - all clear');
    expect(JSON.parse(message).content).toMatchObject({
      title: ':white_check_mark: orders: all clear',
      nextSteps: [],
      keywords: ['sfn-role-audit', 'eu-west-1', 'all-clear'],
    });
  });

  it('drops findings that do not fit the byte limit and says how many', () => {
    const findings = Array.from({ length: 10 }, (_, i) => finding(`f${i}`, 'HIGH', { title: 'x'.repeat(500) }));
    const report = reportWith(findings);
    const { message } = toChatbotMessage(report, allNew(report), { maxBytes: 4000 });
    expect(Buffer.byteLength(message)).toBeLessThanOrEqual(4000);
    expect(JSON.parse(message).content.description).toMatch(/…and \d+ more$/);
  });
});

describe('snsSubject', () => {
  it.each([
    { name: 'non-ASCII characters', input: 'Bestellung für Kühe', expected: 'Bestellung f?r K?he' },
    { name: 'line breaks', input: 'a\nb\r\nc', expected: 'a b c' },
    { name: 'long text', input: 'x'.repeat(150), expected: `${'x'.repeat(96)}...` },
  ])('cleans $name', ({ input, expected }) => {
    expect(snsSubject(input)).toBe(expected);
    expect(snsSubject(input).length).toBeLessThan(100);
  });
});
