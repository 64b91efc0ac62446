import { describe, expect, it } from 'vitest';
import { expressionAt, isConfigured, valueAt } from '../../../shared/template/terraform/planValues.js';

const RESOURCE = {
  values: { name: 'orders', list: ['a', null], block: [{ level: 'ALL' }], empty: null },
  unknown: { arn: true, list: [false, true], block: [{ log_destination: true }], whole: true },
};

describe('valueAt', () => {
  const cases: { name: string; path: (string | number)[]; want: unknown }[] = [
    { name: 'a known value', path: ['name'], want: { state: 'known', value: 'orders' } },
    { name: 'a value known after apply', path: ['arn'], want: { state: 'unknown' } },
    { name: 'a known list item', path: ['list', 0], want: { state: 'known', value: 'a' } },
    { name: 'an unknown list item', path: ['list', 1], want: { state: 'unknown' } },
    { name: 'an attribute of an unknown whole', path: ['whole', 'x', 0], want: { state: 'unknown' } },
    {
      name: 'a known attribute of a nested block',
      path: ['block', 0, 'level'],
      want: { state: 'known', value: 'ALL' },
    },
    {
      name: 'an unknown attribute of a nested block',
      path: ['block', 0, 'log_destination'],
      want: { state: 'unknown' },
    },
    { name: 'null is absent', path: ['empty'], want: { state: 'absent' } },
    { name: 'a missing attribute is absent', path: ['nope'], want: { state: 'absent' } },
    { name: 'an inherited name is absent', path: ['constructor'], want: { state: 'absent' } },
  ];
  it.each(cases)('$name', ({ path, want }) => {
    expect(valueAt(RESOURCE, path)).toEqual(want);
  });
});

describe('expressionAt and isConfigured', () => {
  const block = {
    name: { constant_value: 'orders' },
    role_arn: { references: ['aws_iam_role.sfn.arn', 'aws_iam_role.sfn'] },
    logging_configuration: [{ level: { constant_value: 'ALL' } }],
    assume_role_policy: {},
  };
  it('gives a constant, references, or nothing', () => {
    expect(expressionAt(block, ['name'])).toEqual({ hasConstant: true, constant: 'orders', references: [] });
    expect(expressionAt(block, ['role_arn'])).toEqual({
      hasConstant: false,
      constant: undefined,
      references: ['aws_iam_role.sfn.arn', 'aws_iam_role.sfn'],
    });
    expect(expressionAt(block, ['logging_configuration', 0, 'level'])?.constant).toBe('ALL');
    expect(expressionAt(block, ['assume_role_policy'])).toBeUndefined();
    expect(expressionAt(block, ['logging_configuration'])).toBeUndefined();
  });
  it('says whether the configuration writes a block', () => {
    expect(isConfigured(block, ['logging_configuration'])).toBe(true);
    expect(isConfigured(block, ['tracing_configuration'])).toBe(false);
  });
});
