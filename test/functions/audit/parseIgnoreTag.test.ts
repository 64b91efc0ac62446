import { describe, expect, it } from 'vitest';
import { parseIgnoreTag } from '../../../functions/audit/parseIgnoreTag.js';

describe('parseIgnoreTag', () => {
  it.each([
    {
      name: 'comma-separated rules and purposes',
      value: 'UnprovableResource, tracing',
      expected: ['UnprovableResource', 'tracing'],
    },
    {
      name: 'space-separated entries (what Step Functions tags allow)',
      value: 'cancel  events',
      expected: ['cancel', 'events'],
    },
    { name: 'plus and slash separators', value: 'cancel+events/logging', expected: ['cancel', 'events', 'logging'] },
    {
      name: 'hyphenated purposes kept whole',
      value: 'item-reader child-executions',
      expected: ['item-reader', 'child-executions'],
    },
    { name: 'repeats once', value: 'tracing,tracing', expected: ['tracing'] },
    { name: 'an empty value', value: ' , ', expected: [] },
  ])('reads $name', ({ value, expected }) => {
    expect(parseIgnoreTag({ 'sfn-role-audit:ignore': value, team: 'payments' })).toEqual(expected);
  });

  it('returns nothing without the tag', () => {
    expect(parseIgnoreTag({ 'sfn-role-audit:Ignore': 'tracing' })).toEqual([]);
    expect(parseIgnoreTag(undefined)).toEqual([]);
  });
});
