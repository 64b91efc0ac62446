import { describe, expect, it } from 'vitest';
import { propertyKey } from '../../shared/asl/propertyKey.js';

describe('propertyKey', () => {
  it.each([
    { name: 'a built key', text: ['Table', 'Name.$'].join('') },
    { name: 'an index-like key', text: '0' },
    { name: 'the prototype key', text: '__proto__' },
    { name: 'the empty key', text: '' },
  ])('keeps the text of $name', ({ text }) => {
    expect(propertyKey(text)).toBe(text);
  });

  it('finds the own property the text names', () => {
    const value: Record<string, unknown> = JSON.parse('{"__proto__":1,"a.$":2}');
    expect(Object.hasOwn(value, propertyKey('__proto__'))).toBe(true);
    expect(value[propertyKey(['a', '.$'].join(''))]).toBe(2);
  });
});
