import { describe, expect, it } from 'vitest';
import { isJsonataExpression } from '../../shared/asl/isJsonataExpression.js';

describe('isJsonataExpression', () => {
  it.each([
    { name: 'a whole-string expression', value: '{% $states.input.x %}', expected: true },
    { name: 'an expression without inner spaces', value: '{%$x%}', expected: true },
    { name: 'a leading space', value: ' {% $x %}', expected: false },
    { name: 'a trailing space', value: '{% $x %} ', expected: false },
    { name: 'text around the expression', value: 'arn:{% $x %}', expected: false },
    { name: 'an unclosed expression', value: '{% $x', expected: false },
    { name: 'a JSONPath path', value: '$.x', expected: false },
    { name: 'a non-string', value: 42, expected: false },
  ])('returns $expected for $name', ({ value, expected }) => {
    expect(isJsonataExpression(value)).toBe(expected);
  });
});
