import { Metrics } from '@aws-lambda-powertools/metrics';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPowertoolsMetrics } from '../../../functions/audit/createPowertoolsMetrics.js';

type Emf = {
  _aws: {
    CloudWatchMetrics: { Namespace: string; Dimensions: string[][]; Metrics: { Name: string; Unit: string }[] }[];
  };
} & Record<string, unknown>;

function captureEmf(run: () => void): Emf[] {
  const lines: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  });
  try {
    run();
  } finally {
    spy.mockRestore();
  }
  return lines
    .flatMap((l) => l.split('\n'))
    .filter((l) => l.includes('"_aws"'))
    .map((l) => JSON.parse(l) as Emf);
}

describe('createPowertoolsMetrics', () => {
  afterEach(() => vi.restoreAllMocks());

  it('writes counts and durations in the SfnRoleAudit namespace and Findings with a Severity dimension', () => {
    const metrics = createPowertoolsMetrics(new Metrics({ namespace: 'SfnRoleAudit', serviceName: 'sfn-role-audit' }));
    const emitted = captureEmf(() => {
      metrics.add('Audits', 1);
      metrics.add('AuditDurationMs', 840);
      metrics.add('Findings', 2, { name: 'Severity', value: 'CRITICAL' });
      metrics.flush();
    });
    const findings = emitted.find((e) => 'Findings' in e);
    expect(findings?.Severity).toBe('CRITICAL');
    expect(findings?.Findings).toBe(2);
    expect(findings?._aws.CloudWatchMetrics[0]?.Dimensions[0]).toContain('Severity');
    const batch = emitted.find((e) => 'Audits' in e);
    expect(batch).toMatchObject({ Audits: 1, AuditDurationMs: 840 });
    expect(batch?.Severity).toBeUndefined();
    expect(batch?._aws.CloudWatchMetrics[0]?.Namespace).toBe('SfnRoleAudit');
    expect(batch?._aws.CloudWatchMetrics[0]?.Metrics).toEqual(
      expect.arrayContaining([
        { Name: 'Audits', Unit: 'Count' },
        { Name: 'AuditDurationMs', Unit: 'Milliseconds' },
      ]),
    );
  });
});
