import { describe, expect, it } from 'vitest';
import { parseContextFlags } from '../../cli/parseContextFlags.js';

describe('parseContextFlags', () => {
  it('reads key=value pairs, splitting at the first equals sign', () => {
    expect(parseContextFlags(['aws:RequestedRegion=us-east-1', 'aws:SourceVpce=vpce-1=a'])).toEqual({
      'aws:RequestedRegion': 'us-east-1',
      'aws:SourceVpce': 'vpce-1=a',
    });
  });

  it('turns a repeated key into a list in the given order', () => {
    expect(parseContextFlags(['aws:TagKeys=team', 'aws:TagKeys=cost-centre', 'aws:TagKeys=env'])).toEqual({
      'aws:TagKeys': ['team', 'cost-centre', 'env'],
    });
  });

  it.each([
    { name: 'no equals sign', pair: 'aws:RequestedRegion' },
    { name: 'an empty key', pair: '=us-east-1' },
  ])('rejects $name', ({ pair }) => {
    expect(() => parseContextFlags([pair])).toThrow(`--context must be key=value, not "${pair}"`);
  });
});
