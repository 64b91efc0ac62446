import { describe, expect, it } from 'vitest';
import { InputError } from '../../shared/local/InputError.js';
import { parseJsonText } from '../../shared/local/parseJsonText.js';

describe('parseJsonText', () => {
  it('returns the parsed value and ignores a byte order mark', () => {
    expect(parseJsonText('\uFEFF{"a": [1, 2]}', 'a.json')).toEqual({ a: [1, 2] });
  });

  it.each([
    {
      name: 'a missing comma',
      text: '{\n  "a": 1\n  "b": 2\n}',
      expected: 'bad.json: not valid JSON at line 3, column 3',
    },
    { name: 'a trailing comma', text: '{"a": 1,}', expected: 'bad.json: not valid JSON at line 1, column 9' },
    { name: 'an empty file', text: '  \n', expected: 'bad.json: the file is empty, expected JSON' },
  ])('names the file and the position for $name', ({ text, expected }) => {
    expect(() => parseJsonText(text, 'bad.json')).toThrow(InputError);
    expect(() => parseJsonText(text, 'bad.json')).toThrow(expected);
  });

  it('keeps the message on one line', () => {
    try {
      parseJsonText('{"a": }', 'bad.json');
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).not.toContain('\n');
    }
  });
});
