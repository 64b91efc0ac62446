import { describe, expect, it } from 'vitest';
import { isDynamicKey } from '../../shared/asl/isDynamicKey.js';

describe('isDynamicKey', () => {
  it.each([
    { name: 'a key ending in .$', key: 'FunctionName.$', expected: true },
    { name: 'a plain key', key: 'FunctionName', expected: false },
    { name: 'a bare .$', key: '.$', expected: false },
    { name: 'a .$ inside the key', key: 'a.$b', expected: false },
  ])('returns $expected for $name', ({ key, expected }) => {
    expect(isDynamicKey(key)).toBe(expected);
  });
});
