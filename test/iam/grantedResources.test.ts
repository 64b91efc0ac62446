import { describe, expect, it } from 'vitest';
import { compilePolicies } from '../../shared/iam/compilePolicies.js';
import { grantedResources } from '../../shared/iam/grantedResources.js';

const compiled = compilePolicies({
  identity: [
    {
      name: 'a',
      document: {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Action: 'lambda:InvokeFunction',
            Resource: ['arn:aws:lambda:*:1:function:a', 'arn:aws:lambda:*:1:function:b'],
          },
          { Effect: 'Allow', Action: 'lambda:Invoke*', Resource: 'arn:aws:lambda:*:1:function:a' },
          { Effect: 'Allow', Action: 'lambda:*', NotResource: 'arn:aws:lambda:*:1:function:secret' },
          { Effect: 'Deny', Action: 'lambda:InvokeFunction', Resource: 'arn:aws:lambda:*:1:function:c' },
        ],
      },
    },
    {
      name: 'b',
      document: { Statement: [{ Effect: 'Allow', NotAction: 'iam:*', Resource: 'arn:aws:lambda:*:2:function:*' }] },
    },
  ],
  boundary: {
    name: 'pb',
    document: { Statement: [{ Effect: 'Allow', Action: '*', Resource: 'arn:aws:lambda:*:9:*' }] },
  },
});

describe('grantedResources', () => {
  it('lists the Resource patterns of identity Allows covering the action, in order, without duplicates', () => {
    expect(grantedResources(compiled, 'Lambda:invokeFunction')).toEqual([
      'arn:aws:lambda:*:1:function:a',
      'arn:aws:lambda:*:1:function:b',
      'arn:aws:lambda:*:2:function:*',
    ]);
  });

  it('skips statements whose NotAction lists the action', () => {
    expect(grantedResources(compiled, 'iam:PassRole')).toEqual([]);
  });
});
