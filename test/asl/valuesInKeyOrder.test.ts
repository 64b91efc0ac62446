import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { valuesInKeyOrder } from '../../shared/asl/valuesInKeyOrder.js';

describe('valuesInKeyOrder', () => {
  it.each([
    { name: 'a small object', size: 3 },
    { name: 'an object of 128 keys, the largest read with Object.values', size: 128 },
    { name: 'an object of 4,000 keys, which V8 keeps as a hash table', size: 4_000 },
  ])('gives the values of $name as Object.values does', ({ size }) => {
    const text = JSON.stringify(Object.fromEntries(Array.from({ length: size }, (_, i) => [`s${i}`, { i }])));
    const parsed = JSON.parse(text) as Record<string, unknown>;
    const values = valuesInKeyOrder(parsed, Object.keys(parsed));
    expect(values).toHaveLength(size);
    expect(values).toEqual(Object.values(parsed));
    expect(values[size - 1]).toBe(parsed[`s${size - 1}`]);
  });

  it('reads an own __proto__ key of a large parsed object as its value, not the prototype', () => {
    const entries = Array.from({ length: 200 }, (_, i) => `"s${i}":${i}`);
    const parsed = JSON.parse(`{"__proto__":{"Type":"Pass"},${entries.join(',')}}`) as Record<string, unknown>;
    const values = valuesInKeyOrder(parsed, Object.keys(parsed));
    expect(values[0]).toEqual({ Type: 'Pass' });
    expect(values).toEqual(Object.values(parsed));
  });

  it('keeps the key order of any parsed object, integer-like keys first as JSON.parse orders them', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue(), { minKeys: 120, maxKeys: 300 }), (record) => {
        const parsed = JSON.parse(JSON.stringify(record)) as Record<string, unknown>;
        expect(valuesInKeyOrder(parsed, Object.keys(parsed))).toEqual(Object.values(parsed));
      }),
      { seed: 8, numRuns: 50 },
    );
  });
});
