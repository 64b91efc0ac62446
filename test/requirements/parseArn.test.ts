import { describe, expect, it } from 'vitest';
import { parseArn, partitionOfRegion } from '../../shared/requirements/parseArn.js';

describe('parseArn', () => {
  it('splits an ARN whose resource holds colons', () => {
    expect(parseArn('arn:aws:states:us-east-1:111122223333:stateMachine:orders:prod')).toEqual({
      partition: 'aws',
      service: 'states',
      region: 'us-east-1',
      account: '111122223333',
      resource: 'stateMachine:orders:prod',
    });
  });

  it('keeps empty Region and account (S3, IAM)', () => {
    expect(parseArn('arn:aws-us-gov:iam::111122223333:role/x')).toMatchObject({ region: '', account: '111122223333' });
  });

  it.each(['orders', 'arn:aws:s3', 'https://sqs.us-east-1.amazonaws.com/1/q'])('rejects %s', (text) => {
    expect(parseArn(text)).toBeUndefined();
  });
});

describe('partitionOfRegion', () => {
  it.each([
    { name: 'China', region: 'cn-northwest-1', expected: 'aws-cn' },
    { name: 'GovCloud', region: 'us-gov-east-1', expected: 'aws-us-gov' },
    { name: 'commercial', region: 'ap-southeast-2', expected: 'aws' },
    { name: 'unknown', region: '*', expected: 'fallback' },
  ])('$name', ({ region, expected }) => {
    expect(partitionOfRegion(region, 'fallback')).toBe(expected);
  });
});
