import { describe, expect, it } from 'vitest';
import { isTrustedByStepFunctions } from '../../shared/iam/isTrustedByStepFunctions.js';
import type { PolicyDocument, PolicyStatement } from '../../shared/types.js';

const TRUST: PolicyStatement = {
  Effect: 'Allow',
  Principal: { Service: 'states.amazonaws.com' },
  Action: 'sts:AssumeRole',
};

function trust(...statements: PolicyStatement[]): PolicyDocument {
  return { Version: '2012-10-17', Statement: statements };
}

// https://docs.aws.amazon.com/step-functions/latest/dg/procedure-create-iam-role.html
describe('isTrustedByStepFunctions', () => {
  it.each([
    { name: 'the documented trust policy', document: trust(TRUST), expected: true },
    { name: 'a single statement object', document: { Statement: TRUST }, expected: true },
    {
      name: 'a regional principal',
      document: trust({ ...TRUST, Principal: { Service: 'states.eu-west-1.amazonaws.com' } }),
      expected: true,
    },
    {
      name: 'the principal in an array',
      document: trust({ ...TRUST, Principal: { Service: ['lambda.amazonaws.com', 'states.amazonaws.com'] } }),
      expected: true,
    },
    { name: 'sts:*', document: trust({ ...TRUST, Action: 'sts:*' }), expected: true },
    { name: '* as the action', document: trust({ ...TRUST, Action: ['*'] }), expected: true },
    { name: 'a differently cased action', document: trust({ ...TRUST, Action: 'STS:assumerole' }), expected: true },
    {
      name: 'a confused-deputy condition on the Allow',
      document: trust({ ...TRUST, Condition: { StringEquals: { 'aws:SourceAccount': '111122223333' } } }),
      expected: true,
    },
    {
      name: 'a conditional Deny',
      document: trust(TRUST, {
        ...TRUST,
        Effect: 'Deny',
        Condition: { StringNotEquals: { 'aws:SourceAccount': '1' } },
      }),
      expected: true,
    },
    {
      name: 'a Deny of another principal',
      document: trust(TRUST, { ...TRUST, Effect: 'Deny', Principal: { Service: 'ec2.amazonaws.com' } }),
      expected: true,
    },
    {
      name: 'another service only',
      document: trust({ ...TRUST, Principal: { Service: 'lambda.amazonaws.com' } }),
      expected: false,
    },
    {
      name: 'a look-alike service',
      document: trust({ ...TRUST, Principal: { Service: 'states.amazonaws.com.evil.example' } }),
      expected: false,
    },
    { name: 'another action only', document: trust({ ...TRUST, Action: 'sts:TagSession' }), expected: false },
    {
      name: 'an AWS principal',
      document: trust({ ...TRUST, Principal: { AWS: 'arn:aws:iam::111122223333:root' } }),
      expected: false,
    },
    {
      name: 'an unconditional Deny for the service',
      document: trust(TRUST, { ...TRUST, Effect: 'Deny' }),
      expected: false,
    },
    {
      name: 'a Deny for everyone',
      document: trust(TRUST, { ...TRUST, Effect: 'Deny', Principal: '*' }),
      expected: false,
    },
    {
      name: 'a Deny with NotPrincipal excluding another service',
      document: trust(TRUST, { Effect: 'Deny', NotPrincipal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:*' }),
      expected: false,
    },
    {
      name: 'a Deny with NotAction covering AssumeRole',
      document: trust(TRUST, { Effect: 'Deny', Principal: '*', NotAction: 'sts:TagSession' }),
      expected: false,
    },
    { name: 'no statements', document: trust(), expected: false },
  ])('answers $expected for $name', ({ document, expected }) => {
    expect(isTrustedByStepFunctions(document)).toBe(expected);
  });
});
