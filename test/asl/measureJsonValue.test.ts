import { describe, expect, it } from 'vitest';
import { countKeyMarks, measureJsonValue } from '../../shared/asl/measureJsonValue.js';

describe('measureJsonValue', () => {
  it.each([
    { name: 'a flat object', text: '{"a":1,"b":2}', keys: 2 },
    { name: 'nested objects in arrays', text: '{"a":[{"b":1},{"c":{"d":2}}]}', keys: 4 },
    { name: 'a __proto__ key is an own key', text: '{"__proto__":{"x":1}}', keys: 2 },
    { name: 'no object at all', text: '[1,2,"x"]', keys: 0 },
  ])('counts the keys of $name', ({ text, keys }) => {
    expect(measureJsonValue(JSON.parse(text), 1000)).toEqual({ keys, tooDeep: false });
  });

  it('says when the value nests deeper than the limit, whatever its depth (the walk stops at the limit)', () => {
    const deep = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    expect(measureJsonValue(deep, 1000).tooDeep).toBe(true);
    expect(measureJsonValue(JSON.parse('[[[1]]]'), 3).tooDeep).toBe(false);
    expect(measureJsonValue(JSON.parse('[[[[1]]]]'), 3).tooDeep).toBe(true);
  });

  it.each([
    { name: 'a text without repeats: as many marks as keys', text: '{"a":{"b":1},"c":"x"}', equal: true },
    { name: 'a repeated key: more marks than keys', text: '{"a":1,"a":2}', equal: false },
    {
      name: 'a `":` inside a string: more marks than keys (the full scan decides)',
      text: '{"a":"x\\":y"}',
      equal: false,
    },
  ])('compares key marks with keys for $name', ({ text, equal }) => {
    expect(countKeyMarks(text) === measureJsonValue(JSON.parse(text), 1000).keys).toBe(equal);
  });

  it.each([
    { name: 'a space before the colon of a key', text: '{"b":1,"a" :1,"a":2}' },
    { name: 'a line break before the colon of a key', text: '{"a"\r\n\t:1}' },
  ])('gives no count for a key apart from its colon ($name)', ({ text }) => {
    expect(countKeyMarks(text)).toBeUndefined();
  });

  it('counts a `":` inside a string as a mark, and a colon after a space inside one as none', () => {
    expect(countKeyMarks('{"a":"x :y","b":"\\": z"}')).toBe(3);
  });
});
