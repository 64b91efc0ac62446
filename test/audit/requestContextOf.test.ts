import { describe, expect, it } from 'vitest';
import { requestContextOf, requestedRegionOf } from '../../shared/audit/requestContextOf.js';

const ROLE = 'arn:aws:iam::111122223333:role/service/orders-sfn';
const NOW = new Date('2025-01-02T03:04:05.678Z');
const ORIGIN = { region: 'eu-west-1', roleArn: ROLE, now: NOW };

describe('requestedRegionOf', () => {
  it.each([
    {
      name: 'a resource in the state machine Region',
      action: 'lambda:InvokeFunction',
      resource: 'arn:aws:lambda:eu-west-1:111122223333:function:orders',
      expected: 'eu-west-1',
    },
    {
      name: 'a resource in another Region',
      action: 'lambda:InvokeFunction',
      resource: 'arn:aws:lambda:us-east-2:111122223333:function:orders',
      expected: 'us-east-2',
    },
    {
      // A run-time ARN may name another Region: the Region of the call is unknown (a Region-guard SCP is conditional).
      name: 'a resource whose Region is a hole',
      action: 'elasticmapreduce:DescribeCluster',
      resource: 'arn:aws:elasticmapreduce:*:*:cluster/*',
      expected: undefined,
    },
    {
      name: 'an S3 ARN without Region',
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::bucket/key',
      expected: 'eu-west-1',
    },
    { name: 'the resource *', action: 'ecs:DescribeTasks', resource: '*', expected: 'eu-west-1' },
    {
      name: 'iam:PassRole, checked by the receiving service in its Region',
      action: 'iam:PassRole',
      resource: 'arn:aws:iam::111122223333:role/task',
      expected: 'eu-west-1',
    },
    {
      name: 'another IAM action, a global service in us-east-1',
      action: 'iam:GetRole',
      resource: 'arn:aws:iam::111122223333:role/task',
      expected: 'us-east-1',
    },
    { name: 'Route 53', action: 'route53:ChangeResourceRecordSets', resource: '*', expected: 'us-east-1' },
    { name: 'CloudFront', action: 'cloudfront:CreateInvalidation', resource: '*', expected: 'us-east-1' },
    { name: 'Organizations', action: 'organizations:DescribeAccount', resource: '*', expected: 'us-east-1' },
    { name: 'STS, which has Regional endpoints', action: 'sts:AssumeRole', resource: ROLE, expected: 'eu-west-1' },
  ])('is $expected for $name', ({ action, resource, expected }) => {
    expect(requestedRegionOf(action, resource, 'eu-west-1')).toBe(expected);
  });

  it.each([
    { name: 'a hole Region', resource: 'arn:aws:lambda:*:*:function:*', expected: undefined },
    { name: 'no Region', resource: 'arn:aws:s3:::bucket', expected: undefined },
    { name: 'a literal Region', resource: 'arn:aws:lambda:us-west-2:1:function:f', expected: 'us-west-2' },
  ])('with the state machine Region unknown, is $expected for $name', ({ resource, expected }) => {
    expect(requestedRegionOf('lambda:InvokeFunction', resource, '*')).toBe(expected);
  });
});

describe('requestContextOf', () => {
  it('sets the Region, TLS, the role as principal and the time of the audit in whole seconds', () => {
    expect(requestContextOf('sqs:SendMessage', 'arn:aws:sqs:eu-west-1:111122223333:q', ORIGIN)).toEqual({
      'aws:RequestedRegion': 'eu-west-1',
      'aws:SecureTransport': 'true',
      'aws:PrincipalArn': ROLE,
      'aws:PrincipalAccount': '111122223333',
      'aws:PrincipalType': 'AssumedRole',
      'aws:PrincipalIsAWSService': 'false',
      'aws:CurrentTime': '2025-01-02T03:04:05Z',
      'aws:EpochTime': '1735787045',
    });
  });

  it('leaves out the principal keys when the role is unknown and the Region when it cannot be known', () => {
    const context = requestContextOf('lambda:InvokeFunction', 'arn:aws:lambda:*:*:function:*', {
      region: '*',
      roleArn: null,
      now: NOW,
    });
    expect(Object.keys(context)).toEqual([
      'aws:SecureTransport',
      'aws:PrincipalType',
      'aws:PrincipalIsAWSService',
      'aws:CurrentTime',
      'aws:EpochTime',
    ]);
  });
});
