import { describe, expect, it } from 'vitest';
import { exitCodeFor, type FailOn } from '../../cli/exitCodeFor.js';
import type { Finding, Severity } from '../../shared/types.js';

function finding(severity: Severity): Finding {
  return {
    id: severity,
    rule: 'MissingPermission',
    severity,
    purpose: 'cancel',
    state: null,
    integration: null,
    actions: ['ecs:StopTask'],
    resources: ['*'],
    decision: 'implicitDeny',
    title: 't',
    consequence: 'c',
    docs: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-ecs.html',
  };
}

describe('exitCodeFor', () => {
  it.each<{ name: string; severities: Severity[]; failOn: FailOn; code: 0 | 1 }>([
    { name: 'a HIGH finding with --fail-on high', severities: ['HIGH'], failOn: 'high', code: 1 },
    { name: 'a CRITICAL finding with --fail-on high', severities: ['CRITICAL'], failOn: 'high', code: 1 },
    { name: 'only MEDIUM findings with --fail-on high', severities: ['MEDIUM', 'LOW'], failOn: 'high', code: 0 },
    { name: 'a MEDIUM finding with --fail-on medium', severities: ['MEDIUM'], failOn: 'medium', code: 1 },
    { name: 'a HIGH finding with --fail-on critical', severities: ['HIGH'], failOn: 'critical', code: 0 },
    { name: 'an INFORMATIONAL finding with --fail-on low', severities: ['INFORMATIONAL'], failOn: 'low', code: 0 },
    { name: 'a CRITICAL finding with --fail-on none', severities: ['CRITICAL'], failOn: 'none', code: 0 },
    { name: 'no findings with --fail-on low', severities: [], failOn: 'low', code: 0 },
  ])('returns $code for $name', ({ severities, failOn, code }) => {
    expect(exitCodeFor(severities.map(finding), failOn)).toBe(code);
  });
});
