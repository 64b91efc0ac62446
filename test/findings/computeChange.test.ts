import { describe, expect, it } from 'vitest';
import { computeChange } from '../../shared/findings/computeChange.js';
import { finding, reportWith } from '../aws/reports.js';

describe('computeChange', () => {
  it.each([
    {
      name: 'a first audit',
      previous: undefined,
      current: [finding('a', 'LOW')],
      expected: { newOrWorse: ['a'], resolved: [], allClear: false, first: true },
    },
    {
      name: 'a finding that got worse and one that is gone',
      previous: {
        findings: [
          { id: 'a', severity: 'LOW' },
          { id: 'b', severity: 'HIGH' },
        ],
      },
      current: [finding('a', 'HIGH')],
      expected: { newOrWorse: ['a'], resolved: [{ id: 'b', severity: 'HIGH' }], allClear: false, first: false },
    },
    {
      name: 'a finding that got milder',
      previous: { findings: [{ id: 'a', severity: 'HIGH' }] },
      current: [finding('a', 'LOW')],
      expected: { newOrWorse: [], resolved: [], allClear: false, first: false },
    },
    {
      name: 'all findings fixed',
      previous: { findings: [{ id: 'a', severity: 'HIGH' }] },
      current: [],
      expected: { newOrWorse: [], resolved: [{ id: 'a', severity: 'HIGH' }], allClear: true, first: false },
    },
    {
      name: 'clean before and after',
      previous: { findings: [] },
      current: [],
      expected: { newOrWorse: [], resolved: [], allClear: false, first: false },
    },
  ])('reports $name', ({ previous, current, expected }) => {
    expect(computeChange(previous, reportWith(current))).toEqual(expected);
  });
});
