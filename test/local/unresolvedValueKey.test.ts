import { describe, expect, it } from 'vitest';
import { unresolvedCondition, unresolvedValueKey } from '../../shared/iam/unresolvedValueKey.js';
import { createEmbeddedSimulator } from '../../shared/local/createEmbeddedSimulator.js';
import type { PolicyStatement } from '../../shared/types.js';

const FN = 'arn:aws:lambda:us-east-1:111122223333:function:orders';
const BUCKET_OBJECT = 'arn:aws:s3:::imported-bucket/key';

function simulatorOf(...statements: PolicyStatement[]) {
  return createEmbeddedSimulator({
    identity: [{ name: 'template', document: { Version: '2012-10-17', Statement: statements } }],
  });
}

describe('a statement that depends on a value unresolved offline', () => {
  const cases: { name: string; statements: PolicyStatement[]; action: string; resource: string; want: string }[] = [
    {
      name: 'an Allow on an imported bucket is conditional for a request it may cover',
      statements: [
        {
          Effect: 'Allow',
          Action: 's3:GetObject',
          Resource: 'arn:aws:s3:::*/*',
          Condition: unresolvedCondition('Fn::ImportValue SharedBucket'),
        },
      ],
      action: 's3:GetObject',
      resource: BUCKET_OBJECT,
      want: 'conditional',
    },
    {
      name: 'the same Allow does not cover another action: implicit deny stays a deny',
      statements: [
        {
          Effect: 'Allow',
          Action: 's3:GetObject',
          Resource: 'arn:aws:s3:::*/*',
          Condition: unresolvedCondition('Fn::ImportValue SharedBucket'),
        },
      ],
      action: 's3:PutObject',
      resource: BUCKET_OBJECT,
      want: 'implicitDeny',
    },
    {
      name: 'an unknown managed policy (Allow * on *) makes an otherwise denied request conditional',
      statements: [
        { Effect: 'Allow', Action: '*', Resource: '*', Condition: unresolvedCondition('ManagedPolicy Custom') },
      ],
      action: 'lambda:InvokeFunction',
      resource: FN,
      want: 'conditional',
    },
    {
      name: 'a known Allow beside an unresolved one still allows',
      statements: [
        { Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: FN },
        { Effect: 'Allow', Action: '*', Resource: '*', Condition: unresolvedCondition('ManagedPolicy Custom') },
      ],
      action: 'lambda:InvokeFunction',
      resource: FN,
      want: 'allowed',
    },
    {
      name: 'a Deny on an unresolved resource makes an allowed request conditional, not denied',
      statements: [
        { Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: FN },
        {
          Effect: 'Deny',
          Action: 'lambda:InvokeFunction',
          Resource: 'arn:aws:lambda:*:*:function:*',
          Condition: unresolvedCondition('Parameter BlockedFunction'),
        },
      ],
      action: 'lambda:InvokeFunction',
      resource: FN,
      want: 'conditional',
    },
  ];
  it.each(cases)('$name', async ({ statements, action, resource, want }) => {
    const [decision] = await simulatorOf(...statements).simulate([{ action, resource }]);
    expect(decision?.decision).toBe(want);
  });

  it('names the unresolved value in the conditional decision', async () => {
    const key = unresolvedValueKey('Fn::ImportValue SharedBucket');
    const [decision] = await simulatorOf({
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: '*',
      Condition: unresolvedCondition('Fn::ImportValue SharedBucket'),
    }).simulate([{ action: 's3:GetObject', resource: BUCKET_OBJECT }]);
    expect(JSON.stringify(decision)).toContain(key);
  });
});
