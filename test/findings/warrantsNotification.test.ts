import { describe, expect, it } from 'vitest';
import { warrantsNotification } from '../../shared/findings/warrantsNotification.js';
import type { ReportChange } from '../../shared/ports.js';
import type { Severity } from '../../shared/types.js';
import { sampleReport } from './reportFixture.js';

const report = sampleReport();
const bySeverity = (severity: Severity) => report.findings.find((f) => f.severity === severity)?.id ?? 'none';
const change = (over: Partial<ReportChange>): ReportChange => ({
  newOrWorse: [],
  resolved: [],
  allClear: false,
  first: false,
  ...over,
});

describe('warrantsNotification', () => {
  it.each([
    {
      name: 'a new CRITICAL finding at threshold HIGH',
      newOrWorse: ['CRITICAL' as const],
      min: 'HIGH' as const,
      expected: true,
    },
    {
      name: 'a new MEDIUM finding at threshold HIGH',
      newOrWorse: ['MEDIUM' as const],
      min: 'HIGH' as const,
      expected: false,
    },
    {
      name: 'a new MEDIUM finding at threshold MEDIUM',
      newOrWorse: ['MEDIUM' as const],
      min: 'MEDIUM' as const,
      expected: true,
    },
    { name: 'no new or worse finding', newOrWorse: [], min: 'INFORMATIONAL' as const, expected: false },
  ])('answers $expected for $name', ({ newOrWorse, min, expected }) => {
    expect(warrantsNotification(report, change({ newOrWorse: newOrWorse.map(bySeverity) }), min)).toBe(expected);
  });

  it('announces an all clear whatever the threshold', () => {
    expect(warrantsNotification({ ...report, findings: [] }, change({ allClear: true }), 'CRITICAL')).toBe(true);
  });
});
