import { describe, expect, it } from 'vitest';
import { collectRequests } from '../../shared/audit/collectRequests.js';
import type { ContextValues, Requirement } from '../../shared/types.js';

const ROLE = 'arn:aws:iam::111122223333:role/orders-sfn';
const ORIGIN = { region: 'eu-west-1', roleArn: ROLE, now: new Date('2025-01-02T03:04:05Z') };
const BASE = {
  state: null,
  integration: 'arn:aws:states:::lambda:invoke',
  purpose: 'invoke',
  dynamic: false,
  consequence: 'c',
  source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-lambda.html',
} as const;
const FN = 'arn:aws:lambda:eu-west-1:111122223333:function:orders';
const FN_US = 'arn:aws:lambda:us-east-1:111122223333:function:orders';

function requirement(extra: Partial<Requirement>): Requirement {
  return { ...BASE, actions: ['lambda:InvokeFunction'], resources: [FN], ...extra };
}

describe('collectRequests', () => {
  it('adds the keys AWS sets to every request, each resource with the Region of its call', () => {
    const { requests } = collectRequests([requirement({ resources: [FN, FN_US] })], ORIGIN);
    expect(
      requests.map((r) => [r.resource, r.context?.['aws:RequestedRegion'], r.context?.['aws:PrincipalArn']]),
    ).toEqual([
      [FN, 'eu-west-1', ROLE],
      [FN_US, 'us-east-1', ROLE],
    ]);
  });

  it.each([
    { name: 'the same case', own: { 'aws:RequestedRegion': 'eu-central-1' } as ContextValues },
    { name: 'another case', own: { 'AWS:requestedregion': 'eu-central-1' } as ContextValues },
  ])("keeps the requirement's own value of a key AWS sets, in $name", ({ own }) => {
    const { requests } = collectRequests([requirement({ context: own })], ORIGIN);
    const context = requests[0]?.context ?? {};
    const regions = Object.entries(context).filter(([key]) => key.toLowerCase() === 'aws:requestedregion');
    expect(regions).toEqual(Object.entries(own));
    expect(context['aws:SecureTransport']).toBe('true');
  });

  it('asks requests that are identical after adding the keys once, and a different context again', () => {
    const pass = { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' };
    const passRole = { actions: ['iam:PassRole'], purpose: 'passrole' as const };
    const { requests, indexes } = collectRequests(
      [
        requirement({ ...passRole, resources: ['arn:aws:iam::111122223333:role/a'], context: pass }),
        requirement({ ...passRole, resources: ['arn:aws:iam::111122223333:role/a'], context: { ...pass } }),
        requirement({ ...passRole, resources: ['arn:aws:iam::111122223333:role/a'] }),
        requirement({}),
        requirement({ context: {} }),
        requirement({ actions: [], resources: [], unknownIntegration: true }),
      ],
      ORIGIN,
    );
    expect(requests.map((r) => [r.action, r.context?.['iam:PassedToService']])).toEqual([
      ['iam:PassRole', 'ecs-tasks.amazonaws.com'],
      ['iam:PassRole', undefined],
      ['lambda:InvokeFunction', undefined],
    ]);
    expect(indexes).toEqual([[0], [0], [1], [2], [2], []]);
  });

  it('sends only the requirement context without an origin', () => {
    const { requests } = collectRequests([requirement({}), requirement({ context: { 'aws:TagKeys': ['a'] } })]);
    expect(requests).toEqual([
      { action: 'lambda:InvokeFunction', resource: FN },
      { action: 'lambda:InvokeFunction', resource: FN, context: { 'aws:TagKeys': ['a'] } },
    ]);
  });
});
