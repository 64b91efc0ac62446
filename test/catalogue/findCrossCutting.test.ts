import { describe, expect, it } from 'vitest';
import { CROSS_CUTTING_KEYS, findCrossCutting } from '../../shared/catalogue/findCrossCutting.js';

describe('findCrossCutting', () => {
  it.each(Object.entries(CROSS_CUTTING_KEYS).map(([name, key]) => ({ name, key })))(
    'finds the $name entry by its key',
    ({ key }) => {
      expect(findCrossCutting(key)?.resource).toBe(key);
    },
  );

  it.each([
    { name: 'ItemReader getObject', key: 'arn:aws-cn:states:::s3:getObject', expected: 'itemreader' },
    { name: 'ItemReader listObjectsV2', key: 'arn:aws-us-gov:states:::s3:listObjectsV2', expected: 'itemreader' },
    { name: 'ResultWriter putObject', key: 'arn:aws-cn:states:::s3:putObject', expected: 'resultwriter' },
  ])('finds the $name entry in another partition', ({ key, expected }) => {
    expect(findCrossCutting(key)?.kind).toBe(expected);
  });

  it.each([
    { name: 'a Task resource', key: 'arn:aws:states:::lambda:invoke' },
    { name: 'the activity entry', key: 'activity-arn' },
    { name: 'an unknown key', key: 'tracing' },
  ])('returns undefined for $name', ({ key }) => {
    expect(findCrossCutting(key)).toBeUndefined();
  });
});
