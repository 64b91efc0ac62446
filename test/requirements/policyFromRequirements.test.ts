import { describe, expect, it } from 'vitest';
import {
  INLINE_ROLE_POLICIES_LIMIT,
  MANAGED_POLICY_LIMIT,
  policyFromRequirements,
  policySize,
} from '../../shared/requirements/policyFromRequirements.js';
import type { PolicyStatement, Requirement } from '../../shared/types.js';

const STATE = { name: 'Run', path: ['States', 'Run'] };

function requirement(partial: Partial<Requirement>): Requirement {
  return {
    state: STATE,
    integration: 'arn:aws:states:::ecs:runTask.sync',
    purpose: 'invoke',
    actions: [],
    resources: [],
    dynamic: false,
    consequence: 'c',
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-ecs.html',
    ...partial,
  };
}

function statementsOf(reqs: Requirement[]): PolicyStatement[] {
  return policyFromRequirements(reqs).flatMap((d) => (Array.isArray(d.Statement) ? d.Statement : [d.Statement]));
}

const RULE = 'arn:aws:events:us-east-1:111122223333:rule/StepFunctionsGetEventsForECSTaskRule';

describe('policyFromRequirements', () => {
  it('merges actions on the same resources and resources of the same actions', () => {
    const docs = policyFromRequirements([
      requirement({ purpose: 'poll', actions: ['ecs:DescribeTasks'], resources: ['*'] }),
      requirement({ purpose: 'cancel', actions: ['ecs:StopTask'], resources: ['*'] }),
      requirement({ purpose: 'events', actions: ['events:PutTargets', 'events:PutRule'], resources: [RULE] }),
      requirement({ purpose: 'events', actions: ['events:DescribeRule'], resources: [RULE] }),
      requirement({
        actions: ['lambda:InvokeFunction'],
        resources: ['arn:aws:lambda:us-east-1:111122223333:function:a'],
      }),
      requirement({
        actions: ['lambda:InvokeFunction'],
        resources: ['arn:aws:lambda:us-east-1:111122223333:function:b'],
      }),
    ]);
    expect(docs).toEqual([
      {
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'InvokeLambda',
            Effect: 'Allow',
            Action: ['lambda:InvokeFunction'],
            Resource: [
              'arn:aws:lambda:us-east-1:111122223333:function:a',
              'arn:aws:lambda:us-east-1:111122223333:function:b',
            ],
          },
          { Sid: 'PollEcs', Effect: 'Allow', Action: ['ecs:DescribeTasks', 'ecs:StopTask'], Resource: ['*'] },
          {
            Sid: 'EventsEvents',
            Effect: 'Allow',
            Action: ['events:DescribeRule', 'events:PutRule', 'events:PutTargets'],
            Resource: [RULE],
          },
        ],
      },
    ]);
  });

  it('adds the iam:PassedToService condition and keeps differently conditioned statements apart', () => {
    const statements = statementsOf([
      requirement({
        purpose: 'passrole',
        actions: ['iam:PassRole'],
        resources: ['arn:aws:iam::111122223333:role/task'],
        context: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' },
      }),
      requirement({
        purpose: 'passrole',
        actions: ['iam:PassRole'],
        resources: ['arn:aws:iam::111122223333:role/train'],
        context: { 'iam:PassedToService': 'sagemaker.amazonaws.com' },
      }),
    ]);
    expect(statements).toEqual([
      {
        Sid: 'PassroleIam',
        Effect: 'Allow',
        Action: ['iam:PassRole'],
        Resource: ['arn:aws:iam::111122223333:role/task'],
        Condition: { StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } },
      },
      {
        Sid: 'PassroleIam2',
        Effect: 'Allow',
        Action: ['iam:PassRole'],
        Resource: ['arn:aws:iam::111122223333:role/train'],
        Condition: { StringEquals: { 'iam:PassedToService': 'sagemaker.amazonaws.com' } },
      },
    ]);
  });

  it('uses StringLike for a context value holding a wildcard', () => {
    const [statement] = statementsOf([
      requirement({
        purpose: 'kms',
        actions: ['kms:GenerateDataKey'],
        resources: ['arn:aws:kms:us-east-1:111122223333:key/k'],
        context: { 'kms:EncryptionContext:SourceArn': 'arn:aws:logs:us-east-1:111122223333:*' },
      }),
    ]);
    expect(statement?.Condition).toEqual({
      StringLike: { 'kms:EncryptionContext:SourceArn': 'arn:aws:logs:us-east-1:111122223333:*' },
    });
  });

  it('leaves out unknown integrations and permissions of assumed roles', () => {
    const statements = statementsOf([
      requirement({ unknownIntegration: true }),
      requirement({
        actions: ['lambda:InvokeFunction'],
        resources: ['arn:aws:lambda:us-east-1:444455556666:function:x'],
        assumedRoleArn: 'arn:aws:iam::444455556666:role/target',
      }),
      requirement({
        purpose: 'assume-role',
        actions: ['sts:AssumeRole'],
        resources: ['arn:aws:iam::444455556666:role/target'],
      }),
    ]);
    expect(statements).toEqual([
      {
        Sid: 'AssumeRoleSts',
        Effect: 'Allow',
        Action: ['sts:AssumeRole'],
        Resource: ['arn:aws:iam::444455556666:role/target'],
      },
    ]);
  });

  it('collapses resources to "*" when "*" is among them', () => {
    const [statement] = statementsOf([
      requirement({ actions: ['sns:Publish'], resources: ['arn:aws:sns:us-east-1:111122223333:t'] }),
      requirement({ actions: ['sns:Publish'], resources: ['*'] }),
    ]);
    expect(statement?.Resource).toEqual(['*']);
  });

  it('is deterministic whatever the order of the requirements', () => {
    const reqs = Array.from({ length: 30 }, (_, i) =>
      requirement({
        purpose: i % 2 === 0 ? 'invoke' : 'poll',
        actions: [`svc${i % 4}:Act${i % 3}`],
        resources: [`arn:aws:svc:us-east-1:111122223333:thing/${i % 5}`],
      }),
    );
    expect(policyFromRequirements([...reqs].reverse())).toEqual(policyFromRequirements(reqs));
  });

  it('returns one document while the whole fits the inline aggregate limit', () => {
    const reqs = Array.from({ length: 40 }, (_, i) =>
      requirement({
        actions: ['lambda:InvokeFunction'],
        resources: [`arn:aws:lambda:us-east-1:111122223333:function:f${i}`],
      }),
    );
    const docs = policyFromRequirements(reqs);
    expect(docs).toHaveLength(1);
    expect(policySize(docs[0] ?? { Statement: [] })).toBeLessThanOrEqual(INLINE_ROLE_POLICIES_LIMIT);
  });

  it('splits into managed-policy-sized documents that together grant every resource', () => {
    const reqs = Array.from({ length: 400 }, (_, i) =>
      requirement({
        purpose: i % 2 === 0 ? 'invoke' : 'passrole',
        actions: i % 2 === 0 ? ['lambda:InvokeFunction'] : ['iam:PassRole'],
        resources: [
          i % 2 === 0
            ? `arn:aws:lambda:us-east-1:111122223333:function:order-processing-function-${i}`
            : `arn:aws:iam::111122223333:role/order-processing-role-${i}`,
        ],
      }),
    );
    const docs = policyFromRequirements(reqs);
    expect(docs.length).toBeGreaterThan(1);
    for (const doc of docs) expect(policySize(doc)).toBeLessThanOrEqual(MANAGED_POLICY_LIMIT);
    const granted = docs
      .flatMap((d) => (Array.isArray(d.Statement) ? d.Statement : [d.Statement]))
      .flatMap((s) => s.Resource);
    expect(new Set(granted).size).toBe(400);
    const sids = docs.flatMap((d) => (Array.isArray(d.Statement) ? d.Statement : [d.Statement])).map((s) => s.Sid);
    expect(new Set(sids).size).toBe(sids.length);
  });
});
