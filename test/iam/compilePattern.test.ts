import { describe, expect, it } from 'vitest';
import type { PolicyStatement } from '../../shared/types.js';
import { ALLOWED, IDENTITY_DENIES, identityOf, notProvable, type Outcome, outcomeOf } from './decide.js';

type Row = {
  name: string;
  statement: Omit<PolicyStatement, 'Effect'>;
  action: string;
  resource: string;
  expected: Outcome;
};

// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
const ACTIONS: Row[] = [
  {
    name: 'action names ignore case',
    statement: { Action: 'S3:getobject', Resource: '*' },
    action: 's3:GetObject',
    resource: '*',
    expected: ALLOWED,
  },
  {
    name: '* in an action matches a run',
    statement: { Action: 's3:Get*', Resource: '*' },
    action: 's3:GetObjectTagging',
    resource: '*',
    expected: ALLOWED,
  },
  {
    name: '* in an action does not match another verb',
    statement: { Action: 's3:Get*', Resource: '*' },
    action: 's3:PutObject',
    resource: '*',
    expected: IDENTITY_DENIES,
  },
  {
    name: '? in an action matches one character',
    statement: { Action: 's3:GetObjec?', Resource: '*' },
    action: 's3:GetObject',
    resource: '*',
    expected: ALLOWED,
  },
  {
    name: '? in an action does not match several',
    statement: { Action: 's3:Get?', Resource: '*' },
    action: 's3:GetObject',
    resource: '*',
    expected: IDENTITY_DENIES,
  },
  {
    name: 'a leading * in an action',
    statement: { Action: 'ec2:*Instances', Resource: '*' },
    action: 'ec2:DescribeInstances',
    resource: '*',
    expected: ALLOWED,
  },
  {
    name: '* alone matches every action',
    statement: { Action: '*', Resource: '*' },
    action: 'states:StartExecution',
    resource: '*',
    expected: ALLOWED,
  },
  {
    name: 'the service prefix must match',
    statement: { Action: 's3:*', Resource: '*' },
    action: 's3express:CreateSession',
    resource: '*',
    expected: IDENTITY_DENIES,
  },
  {
    name: 'one of several actions matches',
    statement: { Action: ['sqs:SendMessage', 'sns:Publish'], Resource: '*' },
    action: 'sns:publish',
    resource: '*',
    expected: ALLOWED,
  },
  {
    name: 'NotAction allows the actions it does not list',
    statement: { NotAction: 'iam:*', Resource: '*' },
    action: 's3:GetObject',
    resource: '*',
    expected: ALLOWED,
  },
  {
    name: 'NotAction does not allow the actions it lists',
    statement: { NotAction: ['iam:*', 'sts:*'], Resource: '*' },
    action: 'iam:PassRole',
    resource: '*',
    expected: IDENTITY_DENIES,
  },
];

const LAMBDA = 'arn:aws:lambda:us-east-1:111122223333:function';

// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
const RESOURCES: Row[] = [
  {
    name: 'an exact ARN matches',
    statement: { Action: '*', Resource: `${LAMBDA}:f` },
    action: 'lambda:InvokeFunction',
    resource: `${LAMBDA}:f`,
    expected: ALLOWED,
  },
  {
    name: 'resource matching is case-sensitive',
    statement: { Action: '*', Resource: 'arn:aws:s3:::Bucket' },
    action: 's3:ListBucket',
    resource: 'arn:aws:s3:::bucket',
    expected: IDENTITY_DENIES,
  },
  {
    name: '* in the region component',
    statement: { Action: '*', Resource: 'arn:aws:lambda:*:111122223333:function:orders-*' },
    action: 'lambda:InvokeFunction',
    resource: `${LAMBDA}:orders-fn`,
    expected: ALLOWED,
  },
  {
    name: '* in the region component does not swallow the account',
    statement: { Action: '*', Resource: 'arn:aws:sns:*:111122223333:topic' },
    action: 'sns:Publish',
    resource: 'arn:aws:sns:us-east-1:444455556666:111122223333:topic',
    expected: IDENTITY_DENIES,
  },
  {
    name: '* in the account component does not cross into the resource',
    statement: { Action: '*', Resource: 'arn:aws:sqs:us-east-1:*:q' },
    action: 'sqs:SendMessage',
    resource: 'arn:aws:sqs:us-east-1:1:2:q',
    expected: IDENTITY_DENIES,
  },
  {
    name: '? in the region component matches one character',
    statement: { Action: '*', Resource: 'arn:aws:sqs:us-east-?:111122223333:q' },
    action: 'sqs:SendMessage',
    resource: 'arn:aws:sqs:us-east-2:111122223333:q',
    expected: ALLOWED,
  },
  {
    name: '? does not match a colon',
    statement: { Action: '*', Resource: 'arn:aws:s3:?::b' },
    action: 's3:ListBucket',
    resource: 'arn:aws:s3::::b',
    expected: IDENTITY_DENIES,
  },
  {
    name: '* in the resource part crosses colons',
    statement: { Action: '*', Resource: `${LAMBDA}:*` },
    action: 'lambda:InvokeFunction',
    resource: `${LAMBDA}:f:prod`,
    expected: ALLOWED,
  },
  {
    name: '* in the resource part crosses slashes',
    statement: { Action: '*', Resource: 'arn:aws:s3:::bucket/*' },
    action: 's3:GetObject',
    resource: 'arn:aws:s3:::bucket/a/b/c.json',
    expected: ALLOWED,
  },
  {
    name: 'the resource part must still match its prefix',
    statement: { Action: '*', Resource: 'arn:aws:states:*:*:stateMachine:*' },
    action: 'states:DescribeExecution',
    resource: 'arn:aws:states:us-east-1:1:execution:sm:run',
    expected: IDENTITY_DENIES,
  },
  {
    name: 'a trailing * of a short ARN expands beyond colons',
    statement: { Action: '*', Resource: 'arn:aws:s3:*' },
    action: 's3:GetObject',
    resource: 'arn:aws:s3:::bucket/key',
    expected: ALLOWED,
  },
  {
    name: 'a short ARN without a trailing * does not match',
    statement: { Action: '*', Resource: 'arn:aws:s3' },
    action: 's3:GetObject',
    resource: 'arn:aws:s3:::bucket/key',
    expected: IDENTITY_DENIES,
  },
  {
    name: '* alone matches every resource',
    statement: { Action: '*', Resource: '*' },
    action: 's3:GetObject',
    resource: 'arn:aws:s3:::b/k',
    expected: ALLOWED,
  },
  {
    name: 'a request resource with a hole is granted only in part by a narrower pattern',
    statement: { Action: '*', Resource: `${LAMBDA}:orders-*` },
    action: 'lambda:InvokeFunction',
    resource: `${LAMBDA}:*`,
    expected: notProvable([`${LAMBDA}:orders-*`]),
  },
  {
    name: 'a wildcard request resource is matched by the same pattern',
    statement: { Action: '*', Resource: `${LAMBDA}:*` },
    action: 'lambda:InvokeFunction',
    resource: `${LAMBDA}:*`,
    expected: ALLOWED,
  },
  {
    name: 'a request for * needs Resource *',
    statement: { Action: '*', Resource: 'arn:aws:s3:::*' },
    action: 's3:ListAllMyBuckets',
    resource: '*',
    expected: IDENTITY_DENIES,
  },
  {
    name: 'NotResource allows other resources',
    statement: { Action: 's3:*', NotResource: 'arn:aws:s3:::secret/*' },
    action: 's3:GetObject',
    resource: 'arn:aws:s3:::public/x',
    expected: ALLOWED,
  },
  {
    name: 'NotResource does not allow the listed resources',
    statement: { Action: 's3:*', NotResource: ['arn:aws:s3:::secret/*'] },
    action: 's3:GetObject',
    resource: 'arn:aws:s3:::secret/x',
    expected: IDENTITY_DENIES,
  },
  {
    name: 'regular-expression characters are literal',
    statement: { Action: '*', Resource: 'arn:aws:s3:::a.b/(x)+' },
    action: 's3:GetObject',
    resource: 'arn:aws:s3:::aXb/(x)+',
    expected: IDENTITY_DENIES,
  },
];

describe('compilePattern', () => {
  it.each([...ACTIONS, ...RESOURCES])('$name', ({ statement, action, resource, expected }) => {
    const input = identityOf([{ Effect: 'Allow', ...statement } as PolicyStatement]);
    expect(outcomeOf(input, action, resource)).toEqual(expected);
  });

  it('denies explicitly through a NotResource Deny for resources outside its list', () => {
    const input = identityOf([
      { Effect: 'Allow', Action: 's3:*', Resource: '*' },
      { Effect: 'Deny', Action: 's3:*', NotResource: 'arn:aws:s3:::allowed-*' },
    ]);
    expect(outcomeOf(input, 's3:GetObject', 'arn:aws:s3:::allowed-bucket')).toEqual(ALLOWED);
    expect(outcomeOf(input, 's3:GetObject', 'arn:aws:s3:::other')).toEqual({
      decision: 'explicitDeny',
      deniedBy: 'identity',
    });
  });
});
