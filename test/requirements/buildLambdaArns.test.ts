import { describe, expect, it } from 'vitest';
import { buildLambdaArns, narrowLambdaArn } from '../../shared/requirements/buildLambdaArns.js';

const HERE = { partition: 'aws', region: 'us-east-1', account: '111122223333' };

describe('buildLambdaArns', () => {
  it.each([
    {
      name: 'bare name: only the unqualified function ARN',
      fn: 'orders',
      qualifier: undefined,
      expected: ['arn:aws:lambda:us-east-1:111122223333:function:orders'],
    },
    {
      name: 'name:alias: exactly the alias ARN',
      fn: 'orders:live',
      qualifier: undefined,
      expected: ['arn:aws:lambda:us-east-1:111122223333:function:orders:live'],
    },
    {
      name: 'name:version: exactly the version ARN',
      fn: 'orders:7',
      qualifier: undefined,
      expected: ['arn:aws:lambda:us-east-1:111122223333:function:orders:7'],
    },
    {
      name: 'name:alias:more: the alias ARN, what follows a second colon ignored',
      fn: 'orders:live:extra',
      qualifier: undefined,
      expected: ['arn:aws:lambda:us-east-1:111122223333:function:orders:live'],
    },
    {
      name: 'name and an empty qualifier: the unqualified ARN, or the Qualifier field',
      fn: 'orders:',
      qualifier: 'blue',
      expected: ['arn:aws:lambda:us-east-1:111122223333:function:orders:blue'],
    },
    {
      name: 'no name before the colon: no ARN',
      fn: ':live',
      qualifier: undefined,
      expected: [],
    },
    {
      name: 'Qualifier field: exactly the qualified ARN',
      fn: 'orders',
      qualifier: 'blue',
      expected: ['arn:aws:lambda:us-east-1:111122223333:function:orders:blue'],
    },
    {
      name: 'partial ARN keeps its account',
      fn: '444455556666:function:orders',
      qualifier: undefined,
      expected: ['arn:aws:lambda:us-east-1:444455556666:function:orders'],
    },
    {
      name: 'full ARN keeps its partition, Region and account',
      fn: 'arn:aws-cn:lambda:cn-north-1:444455556666:function:orders',
      qualifier: undefined,
      expected: ['arn:aws-cn:lambda:cn-north-1:444455556666:function:orders'],
    },
    {
      name: 'qualified full ARN: exactly that ARN',
      fn: 'arn:aws:lambda:eu-west-1:444455556666:function:orders:$LATEST',
      qualifier: undefined,
      expected: ['arn:aws:lambda:eu-west-1:444455556666:function:orders:$LATEST'],
    },
  ])('$name', ({ fn, qualifier, expected }) => {
    expect(buildLambdaArns(fn, qualifier, HERE)).toEqual(expected);
  });

  it('returns nothing for an ARN of another resource type', () => {
    expect(buildLambdaArns('arn:aws:lambda:us-east-1:111122223333:layer:x', undefined, HERE)).toEqual([]);
  });
});

describe('narrowLambdaArn', () => {
  it.each([
    {
      name: 'bare name prefix',
      prefix: 'orders-',
      expected: 'arn:aws:lambda:us-east-1:111122223333:function:orders-*',
    },
    {
      name: 'ARN prefix reaching the function name',
      prefix: 'arn:aws:lambda:eu-west-1:444455556666:function:orders-',
      expected: 'arn:aws:lambda:eu-west-1:444455556666:function:orders-*',
    },
    {
      name: 'partial ARN prefix',
      prefix: '444455556666:function:orders-',
      expected: 'arn:aws:lambda:us-east-1:444455556666:function:orders-*',
    },
    { name: 'ARN prefix stopping before the name', prefix: 'arn:aws:lambda:eu-west-1:', expected: undefined },
    {
      name: 'ARN prefix ending at function:',
      prefix: 'arn:aws:lambda:eu-west-1:444455556666:function:',
      expected: undefined,
    },
  ])('$name', ({ prefix, expected }) => {
    expect(narrowLambdaArn(prefix, HERE)).toBe(expected);
  });
});
