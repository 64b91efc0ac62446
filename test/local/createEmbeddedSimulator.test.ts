import { describe, expect, it } from 'vitest';
import { PolicyError } from '../../shared/iam/PolicyError.js';
import { createEmbeddedSimulator } from '../../shared/local/createEmbeddedSimulator.js';

const ROLE = {
  name: 'role.json',
  document: {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'Invoke',
        Effect: 'Allow' as const,
        Action: 'lambda:InvokeFunction',
        Resource: 'arn:aws:lambda:us-east-1:1:function:orders-*',
      },
      {
        Sid: 'PassRole',
        Effect: 'Allow' as const,
        Action: 'iam:PassRole',
        Resource: 'arn:aws:iam::1:role/task',
        Condition: { StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } },
      },
    ],
  },
};

describe('createEmbeddedSimulator', () => {
  it('answers one decision per request, in order', async () => {
    const simulator = createEmbeddedSimulator({ identity: [ROLE] });
    const decisions = await simulator.simulate([
      { action: 'lambda:InvokeFunction', resource: 'arn:aws:lambda:us-east-1:1:function:orders-fn' },
      { action: 'iam:PassRole', resource: 'arn:aws:iam::1:role/task' },
      {
        action: 'iam:PassRole',
        resource: 'arn:aws:iam::1:role/task',
        context: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' },
      },
      { action: 'lambda:InvokeFunction', resource: 'arn:aws:lambda:us-east-1:1:function:other' },
    ]);
    expect(simulator.name).toBe('embedded evaluator');
    expect(
      decisions.map(({ action, decision, deniedBy, missingContext }) => ({
        action,
        decision,
        deniedBy,
        missingContext,
      })),
    ).toEqual([
      { action: 'lambda:InvokeFunction', decision: 'allowed', deniedBy: undefined, missingContext: undefined },
      { action: 'iam:PassRole', decision: 'conditional', deniedBy: undefined, missingContext: ['iam:PassedToService'] },
      { action: 'iam:PassRole', decision: 'allowed', deniedBy: undefined, missingContext: undefined },
      { action: 'lambda:InvokeFunction', decision: 'implicitDeny', deniedBy: 'identity', missingContext: undefined },
    ]);
  });

  it('tells which resources the role grants an action on', async () => {
    const simulator = createEmbeddedSimulator({ identity: [ROLE] });
    expect(await simulator.grantedResources?.('lambda:InvokeFunction')).toEqual([
      'arn:aws:lambda:us-east-1:1:function:orders-*',
    ]);
  });

  it('rejects a malformed policy when it is created', () => {
    const broken = { name: 'scp.json', document: { Statement: [{ Effect: 'Permit', Action: '*', Resource: '*' }] } };
    expect(() => createEmbeddedSimulator({ identity: [ROLE], scps: [[broken as never]] })).toThrow(PolicyError);
    expect(() => createEmbeddedSimulator({ identity: [ROLE], scps: [[broken as never]] })).toThrow(
      'scp.json: statement #0: Effect must be "Allow" or "Deny", not "Permit"',
    );
  });
  it.each([
    {
      name: 'a key the audit sets: the input value wins',
      key: 'aws:RequestedRegion',
      own: 'eu-west-1',
      expected: 'allowed',
    },
    {
      name: 'a key the audit sets, in another case',
      key: 'AWS:requestedRegion',
      own: 'eu-west-1',
      expected: 'allowed',
    },
    {
      name: "any other key: the request's own value wins",
      key: 'aws:SourceVpc',
      own: 'vpc-2',
      expected: 'implicitDeny',
    },
  ])('merges the input context over the request for $name', async ({ key, own, expected }) => {
    const guarded = {
      name: 'guarded.json',
      document: {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow' as const,
            Action: 'sqs:SendMessage',
            Resource: '*',
            Condition: { StringEquals: { [key]: key.toLowerCase().endsWith('region') ? 'us-east-1' : 'vpc-1' } },
          },
        ],
      },
    };
    const context = { [key]: key.toLowerCase().endsWith('region') ? 'us-east-1' : 'vpc-1' };
    const simulator = createEmbeddedSimulator({ identity: [guarded], context });
    const requestKey = key.toLowerCase().endsWith('region') ? 'aws:RequestedRegion' : key;
    const [decision] = await simulator.simulate([
      { action: 'sqs:SendMessage', resource: 'arn:aws:sqs:eu-west-1:1:q', context: { [requestKey]: own } },
    ]);
    expect(decision?.decision).toBe(expected);
  });
});
