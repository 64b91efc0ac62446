import { describe, expect, it } from 'vitest';
import { readField } from '../../shared/asl/readField.js';
import type { FieldValue, QueryLanguage } from '../../shared/asl/types.js';

const FN_ARN = 'arn:aws:lambda:us-east-1:111122223333:function:orders';

type Case = { name: string; container: unknown; path: string; language: QueryLanguage; expected: FieldValue[] };

const JSONPATH_CASES: Case[] = [
  {
    name: 'a literal string',
    container: { FunctionName: FN_ARN },
    path: 'FunctionName',
    language: 'JSONPath',
    expected: [{ kind: 'literal', value: FN_ARN }],
  },
  {
    name: 'a state-input path under a .$ key',
    container: { 'FunctionName.$': '$.fn' },
    path: 'FunctionName',
    language: 'JSONPath',
    expected: [{ kind: 'dynamic', expression: '$.fn' }],
  },
  {
    name: 'a context path under a .$ key',
    container: { 'FunctionName.$': '$$.Execution.Input.fn' },
    path: 'FunctionName',
    language: 'JSONPath',
    expected: [{ kind: 'dynamic', expression: '$$.Execution.Input.fn' }],
  },
  {
    name: 'a variable under a .$ key',
    container: { 'FunctionName.$': '$fn' },
    path: 'FunctionName',
    language: 'JSONPath',
    expected: [{ kind: 'dynamic', expression: '$fn' }],
  },
  {
    name: 'an intrinsic other than States.Format',
    container: { 'FunctionName.$': 'States.ArrayGetItem($.fns, 0)' },
    path: 'FunctionName',
    language: 'JSONPath',
    expected: [{ kind: 'dynamic', expression: 'States.ArrayGetItem($.fns, 0)' }],
  },
  {
    name: 'States.Format with its literal prefix',
    container: { 'FunctionName.$': "States.Format('arn:aws:lambda:us-east-1:111122223333:function:orders-{}', $.x)" },
    path: 'FunctionName',
    language: 'JSONPath',
    expected: [
      {
        kind: 'dynamic',
        expression: "States.Format('arn:aws:lambda:us-east-1:111122223333:function:orders-{}', $.x)",
        knownPrefix: 'arn:aws:lambda:us-east-1:111122223333:function:orders-',
      },
    ],
  },
  {
    name: 'a path-looking string under a key without .$ as a literal',
    container: { FunctionName: '$.fn' },
    path: 'FunctionName',
    language: 'JSONPath',
    expected: [{ kind: 'literal', value: '$.fn' }],
  },
  {
    name: 'a JSONata-looking string as a literal',
    container: { FunctionName: '{% $fn %}' },
    path: 'FunctionName',
    language: 'JSONPath',
    expected: [{ kind: 'literal', value: '{% $fn %}' }],
  },
  {
    name: 'a nested literal',
    container: { Overrides: { TaskRoleArn: 'arn:aws:iam::111122223333:role/task' } },
    path: 'Overrides.TaskRoleArn',
    language: 'JSONPath',
    expected: [{ kind: 'literal', value: 'arn:aws:iam::111122223333:role/task' }],
  },
  {
    name: 'a nested .$ key',
    container: { Overrides: { 'TaskRoleArn.$': '$.role' } },
    path: 'Overrides.TaskRoleArn',
    language: 'JSONPath',
    expected: [{ kind: 'dynamic', expression: '$.role' }],
  },
  {
    name: 'a field under a dynamic parent, without the parent’s prefix',
    container: { 'Overrides.$': "States.Format('arn:{}', $.o)" },
    path: 'Overrides.TaskRoleArn',
    language: 'JSONPath',
    expected: [{ kind: 'dynamic', expression: "States.Format('arn:{}', $.o)" }],
  },
  {
    name: 'nothing for an absent field',
    container: { Other: 1 },
    path: 'FunctionName',
    language: 'JSONPath',
    expected: [],
  },
  {
    name: 'nothing below a literal string',
    container: { Overrides: 'x' },
    path: 'Overrides.TaskRoleArn',
    language: 'JSONPath',
    expected: [],
  },
  {
    name: 'nothing for a missing container',
    container: undefined,
    path: 'FunctionName',
    language: 'JSONPath',
    expected: [],
  },
  {
    name: 'one value per array element for [*]',
    container: {
      Overrides: {
        ContainerOverrides: [
          { Name: 'app', Environment: [{ Name: 'A', Value: '1' }] },
          { Name: 'sidecar' },
          { Name: 'worker', 'Environment.$': '$.env' },
        ],
      },
    },
    path: 'Overrides.ContainerOverrides[*].Environment',
    language: 'JSONPath',
    expected: [
      { kind: 'literal', value: [{ Name: 'A', Value: '1' }] },
      { kind: 'dynamic', expression: '$.env' },
    ],
  },
  {
    name: 'one dynamic value for a dynamic array under [*]',
    container: { Overrides: { 'ContainerOverrides.$': '$.overrides' } },
    path: 'Overrides.ContainerOverrides[*].Environment',
    language: 'JSONPath',
    expected: [{ kind: 'dynamic', expression: '$.overrides' }],
  },
  {
    name: 'the container itself for an empty path',
    container: { A: 1 },
    path: '',
    language: 'JSONPath',
    expected: [{ kind: 'literal', value: { A: 1 } }],
  },
];

const JSONATA_CASES: Case[] = [
  {
    name: 'a literal string',
    container: { FunctionName: FN_ARN },
    path: 'FunctionName',
    language: 'JSONata',
    expected: [{ kind: 'literal', value: FN_ARN }],
  },
  {
    name: 'an expression',
    container: { FunctionName: '{% $states.input.fn %}' },
    path: 'FunctionName',
    language: 'JSONata',
    expected: [{ kind: 'dynamic', expression: '{% $states.input.fn %}' }],
  },
  {
    name: 'a string with a space before {% as a literal',
    container: { FunctionName: ' {% $fn %}' },
    path: 'FunctionName',
    language: 'JSONata',
    expected: [{ kind: 'literal', value: ' {% $fn %}' }],
  },
  {
    name: 'a string with a space after %} as a literal',
    container: { FunctionName: '{% $fn %} ' },
    path: 'FunctionName',
    language: 'JSONata',
    expected: [{ kind: 'literal', value: '{% $fn %} ' }],
  },
  {
    name: 'every field of an Arguments that is one expression',
    container: '{% $states.input.args %}',
    path: 'Overrides.TaskRoleArn',
    language: 'JSONata',
    expected: [{ kind: 'dynamic', expression: '{% $states.input.args %}' }],
  },
  {
    name: 'a nested expression',
    container: { Overrides: { TaskRoleArn: '{% $role %}' } },
    path: 'Overrides.TaskRoleArn',
    language: 'JSONata',
    expected: [{ kind: 'dynamic', expression: '{% $role %}' }],
  },
  {
    name: 'a .$ key as an ordinary, different key',
    container: { 'FunctionName.$': '$.fn' },
    path: 'FunctionName',
    language: 'JSONata',
    expected: [],
  },
  {
    name: 'array items that are expressions',
    container: { Items: ['{% $a %}', 'literal'] },
    path: 'Items[*]',
    language: 'JSONata',
    expected: [
      { kind: 'dynamic', expression: '{% $a %}' },
      { kind: 'literal', value: 'literal' },
    ],
  },
  {
    name: 'one dynamic value for an expression array under [*]',
    container: { Overrides: { ContainerOverrides: '{% $overrides %}' } },
    path: 'Overrides.ContainerOverrides[*].Environment',
    language: 'JSONata',
    expected: [{ kind: 'dynamic', expression: '{% $overrides %}' }],
  },
  {
    name: 'a string literal joined with & and its prefix',
    container: {
      FunctionName: "{% 'arn:aws:lambda:us-east-1:111122223333:function:orders-' & $states.input.suffix %}",
    },
    path: 'FunctionName',
    language: 'JSONata',
    expected: [
      {
        kind: 'dynamic',
        expression: "{% 'arn:aws:lambda:us-east-1:111122223333:function:orders-' & $states.input.suffix %}",
        knownPrefix: 'arn:aws:lambda:us-east-1:111122223333:function:orders-',
      },
    ],
  },
  {
    name: 'an intrinsic-looking expression without a prefix',
    container: { FunctionName: "{% States.Format('arn:{}', $x) %}" },
    path: 'FunctionName',
    language: 'JSONata',
    expected: [{ kind: 'dynamic', expression: "{% States.Format('arn:{}', $x) %}" }],
  },
];

describe('readField', () => {
  it.each(JSONPATH_CASES)('reads $name in a JSONPath state', ({ container, path, language, expected }) => {
    expect(readField(container, path, language)).toEqual(expected);
  });

  it.each(JSONATA_CASES)('reads $name in a JSONata state', ({ container, path, language, expected }) => {
    expect(readField(container, path, language)).toEqual(expected);
  });

  it('does not change the container', () => {
    const container = Object.freeze({ Overrides: Object.freeze({ 'TaskRoleArn.$': '$.role' }) });
    const before = structuredClone(container);
    readField(container, 'Overrides.TaskRoleArn', 'JSONPath');
    expect(container).toEqual(before);
  });
});
