import { describe, expect, it } from 'vitest';
import { mergeRemediations } from '../../shared/findings/mergeRemediations.js';
import type { Finding, PolicyStatement } from '../../shared/types.js';

function finding(remediation: PolicyStatement | undefined): Finding {
  return {
    id: 'x',
    rule: 'MissingPermission',
    severity: 'HIGH',
    purpose: 'invoke',
    state: null,
    integration: null,
    actions: [],
    resources: [],
    decision: 'implicitDeny',
    title: 't',
    consequence: 'c',
    docs: 'https://example.invalid',
    ...(remediation === undefined ? {} : { remediation }),
  };
}

const PASS = { StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } };

describe('mergeRemediations', () => {
  it('merges actions of statements with the same resources and condition into sorted statements with numbered Sids', () => {
    const policy = mergeRemediations([
      finding({ Effect: 'Allow', Action: ['ecs:StopTask'], Resource: ['arn:b', 'arn:a'] }),
      finding({ Effect: 'Allow', Action: ['ecs:DescribeTasks', 'ecs:StopTask'], Resource: ['arn:a', 'arn:b'] }),
      finding({ Effect: 'Allow', Action: ['iam:PassRole'], Resource: ['arn:a'], Condition: PASS }),
      finding({ Effect: 'Allow', Action: ['lambda:InvokeFunction'], Resource: ['arn:a'] }),
      finding(undefined),
    ]);
    expect(policy).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'SfnRoleAudit1',
          Effect: 'Allow',
          Action: ['ecs:DescribeTasks', 'ecs:StopTask'],
          Resource: ['arn:a', 'arn:b'],
        },
        { Sid: 'SfnRoleAudit2', Effect: 'Allow', Action: ['iam:PassRole'], Resource: ['arn:a'], Condition: PASS },
        { Sid: 'SfnRoleAudit3', Effect: 'Allow', Action: ['lambda:InvokeFunction'], Resource: ['arn:a'] },
      ],
    });
  });

  it('gives the same statements whatever the order of the findings', () => {
    const a = finding({ Effect: 'Allow', Action: ['s3:GetObject'], Resource: ['arn:s3'] });
    const b = finding({ Effect: 'Allow', Action: ['logs:CreateLogDelivery'], Resource: ['*'] });
    expect(mergeRemediations([a, b])).toEqual(mergeRemediations([b, a]));
  });

  it('returns an empty statement list when no finding has a remediation', () => {
    expect(mergeRemediations([finding(undefined)]).Statement).toEqual([]);
  });
});
