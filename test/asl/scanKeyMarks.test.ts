import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countKeyMarks } from '../../shared/asl/measureJsonValue.js';
import { hasKeyMarkScanner, scanKeyMarks } from '../../shared/asl/scanKeyMarks.js';

/** Characters that matter to the count, characters that do not, and ones whose UTF-8 is several bytes. */
const ALPHABET = [
  '"',
  ':',
  ' ',
  '\t',
  '\n',
  '\r',
  '\\',
  '{',
  '}',
  'a',
  'é',
  '€',
  '😀',
  '\uD800',
  '\uDC00',
  '\u0122',
  '\u013A',
];

describe('scanKeyMarks', () => {
  it('runs the WebAssembly module on Node', () => {
    expect(hasKeyMarkScanner()).toBe(true);
  });

  it.each([
    { name: 'keys', text: '{"a":1,"b":{"c":"d"}}', marks: 3 },
    { name: 'a `":` inside a string', text: '{"a":"x\\":y"}', marks: 2 },
    { name: 'a colon after a space in a string', text: '{"a":"x :y"}', marks: 1 },
    { name: 'a key apart from its colon', text: '{"a" :1}', marks: undefined },
    { name: 'a key on the line before its colon', text: '{"a"\n:1}', marks: undefined },
    { name: 'a mark across two 16-byte blocks', text: `${'x'.repeat(15)}":`, marks: 1 },
    { name: 'a mark at the first byte', text: ':', marks: 0 },
    { name: 'characters outside ASCII around a mark', text: '{"é€😀":"\uD800:"}', marks: 1 },
    { name: 'the empty text', text: '', marks: 0 },
  ])('counts $name', ({ text, marks }) => {
    expect(scanKeyMarks(text)).toBe(marks);
    expect(countKeyMarks(text)).toBe(marks);
  });

  it('counts what countKeyMarks counts, on any text', () => {
    const text = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 80 }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(text, (t) => scanKeyMarks(t) === countKeyMarks(t)),
      { numRuns: 3000, seed: 7 },
    );
  });

  it('counts a text of a megabyte, and again after a longer one', () => {
    const block = '{"key":"arn:aws:states:::lambda:invoke","n":1},';
    const long = `[${block.repeat(20_000)}{}]`;
    const short = `[${block.repeat(3)}{}]`;
    expect(scanKeyMarks(long)).toBe(40_000);
    expect(scanKeyMarks(short)).toBe(6);
  });

  it('leaves a text longer than its memory to countKeyMarks', () => {
    const text = `{"a":"${'é'.repeat(700_000)}"}`;
    expect(scanKeyMarks(text)).toBe(1);
  });
});
