import { describe, expect, it } from 'vitest';
import { locateJsonError } from '../../shared/asl/locateJsonError.js';

function messageOf(text: string): string {
  try {
    JSON.parse(text);
    return '';
  } catch (error) {
    return (error as Error).message;
  }
}

describe('locateJsonError', () => {
  it.each([
    {
      name: 'a missing value',
      text: '{\n  "a": }',
      expected: { offset: 9, line: 2, column: 8, reason: 'ValueExpected' },
    },
    {
      name: 'a comment',
      text: '{\n// note\n"a": 1}',
      expected: { offset: 2, line: 2, column: 1, reason: 'InvalidCommentToken' },
    },
    { name: 'a trailing comma', text: '[1,]', expected: { offset: 3, line: 1, column: 4, reason: 'ValueExpected' } },
    {
      name: 'a single-quoted string',
      text: "{'a': 1}",
      expected: { offset: 1, line: 1, column: 2, reason: 'InvalidSymbol' },
    },
  ])('locates $name', ({ text, expected }) => {
    expect(locateJsonError(text, messageOf(text))).toEqual(expected);
  });
});
