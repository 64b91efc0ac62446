import { describe, expect, it } from 'vitest';
import { PolicyError } from '../../shared/iam/PolicyError.js';
import { validatePolicy } from '../../shared/iam/validatePolicy.js';
import type { PolicyDocument } from '../../shared/types.js';

const OK = { Sid: 'Ok', Effect: 'Allow', Action: 's3:GetObject', Resource: '*' };

function documentWith(statement: unknown, version: unknown = '2012-10-17'): PolicyDocument {
  return { Version: version, Statement: statement } as PolicyDocument;
}

// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
const MALFORMED: { name: string; document: unknown; message: string; statement?: string }[] = [
  {
    name: 'a document that is not an object',
    document: ['x'],
    message: 'role.json: the policy document is not a JSON object',
  },
  { name: 'a null document', document: null, message: 'role.json: the policy document is not a JSON object' },
  { name: 'no Statement', document: { Version: '2012-10-17' }, message: 'role.json: the policy has no Statement' },
  {
    name: 'an unknown Version',
    document: documentWith([OK], '2020-01-01'),
    message: 'role.json: Version must be "2012-10-17" or "2008-10-17", not "2020-01-01"',
  },
  {
    name: 'a statement that is not an object',
    document: documentWith([OK, 'oops']),
    statement: '#1',
    message: 'role.json: statement #1: is not a JSON object',
  },
  {
    name: 'a lower-case Effect',
    document: documentWith([{ ...OK, Effect: 'allow' }]),
    statement: 'Ok',
    message: 'role.json: statement Ok: Effect must be "Allow" or "Deny", not "allow"',
  },
  {
    name: 'a missing Effect',
    document: documentWith({ Action: '*', Resource: '*' }),
    statement: '#0',
    message: 'role.json: statement #0: Effect must be "Allow" or "Deny", not undefined',
  },
  {
    name: 'both Action and NotAction',
    document: documentWith([OK, { ...OK, Sid: 'Both', NotAction: 'iam:*' }]),
    statement: 'Both',
    message: 'role.json: statement Both: has both Action and NotAction',
  },
  {
    name: 'neither Action nor NotAction',
    document: documentWith([{ Effect: 'Allow', Resource: '*' }]),
    statement: '#0',
    message: 'role.json: statement #0: has neither Action nor NotAction',
  },
  {
    name: 'both Resource and NotResource',
    document: documentWith([{ ...OK, NotResource: 'x' }]),
    statement: 'Ok',
    message: 'role.json: statement Ok: has both Resource and NotResource',
  },
  {
    name: 'neither Resource nor NotResource',
    document: documentWith([{ Effect: 'Deny', Action: '*' }]),
    statement: '#0',
    message: 'role.json: statement #0: has neither Resource nor NotResource',
  },
  {
    name: 'a non-string action',
    document: documentWith([{ ...OK, Action: ['s3:GetObject', 7] }]),
    statement: 'Ok',
    message: 'role.json: statement Ok: Action must be a string or an array of strings',
  },
  {
    name: 'a Condition that is not an object',
    document: documentWith([{ ...OK, Condition: 'x' }]),
    statement: 'Ok',
    message: 'role.json: statement Ok: Condition must be an object',
  },
  {
    name: 'an unknown condition operator',
    document: documentWith([{ ...OK, Condition: { StringEqualz: { 'aws:username': 'a' } } }]),
    statement: 'Ok',
    message: 'role.json: statement Ok: unknown condition operator "StringEqualz"',
  },
  {
    name: 'Null with IfExists',
    document: documentWith([{ ...OK, Condition: { NullIfExists: { 'aws:username': 'true' } } }]),
    statement: 'Ok',
    message: 'role.json: statement Ok: unknown condition operator "NullIfExists"',
  },
  {
    name: 'an operator block that is not an object',
    document: documentWith([{ ...OK, Condition: { StringEquals: 'a' } }]),
    statement: 'Ok',
    message: 'role.json: statement Ok: StringEquals must map condition keys to values',
  },
  {
    name: 'a non-number for a numeric operator',
    document: documentWith([{ ...OK, Condition: { NumericLessThan: { 's3:max-keys': 'ten' } } }]),
    statement: 'Ok',
    message: 'role.json: statement Ok: NumericLessThan s3:max-keys: "ten" is not a valid numeric value',
  },
  {
    name: 'a non-date for a date operator',
    document: documentWith([{ ...OK, Condition: { DateLessThan: { 'aws:CurrentTime': 'soon' } } }]),
    statement: 'Ok',
    message: 'role.json: statement Ok: DateLessThan aws:CurrentTime: "soon" is not a valid date value',
  },
  {
    name: 'a non-boolean for Bool',
    document: documentWith([{ ...OK, Condition: { Bool: { 'aws:SecureTransport': 'yes' } } }]),
    statement: 'Ok',
    message: 'role.json: statement Ok: Bool aws:SecureTransport: "yes" is not true or false',
  },
  {
    name: 'a bad CIDR',
    document: documentWith([{ ...OK, Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/33' } } }]),
    statement: 'Ok',
    message: 'role.json: statement Ok: IpAddress aws:SourceIp: "10.0.0.0/33" is not an IP address or CIDR',
  },
  {
    name: 'an object condition value',
    document: documentWith([{ ...OK, Condition: { StringEquals: { 'aws:username': { a: 1 } } } }]),
    statement: 'Ok',
    message:
      'role.json: statement Ok: StringEquals aws:username: condition values must be strings, numbers or booleans',
  },

  {
    name: 'an unknown top-level element',
    document: { Version: '2012-10-17', Statement: [OK], Statements: [] },
    message: 'role.json: unknown top-level element "Statements"',
  },
  {
    name: 'an unknown statement element (Resources)',
    document: documentWith([{ Sid: 'Typo', Effect: 'Allow', Action: 's3:GetObject', Resources: '*' }]),
    statement: 'Typo',
    message: 'role.json: statement Typo: unknown element "Resources"',
  },
  {
    name: 'a lower-case statement element',
    document: documentWith([{ ...OK, condition: {} }]),
    statement: 'Ok',
    message: 'role.json: statement Ok: unknown element "condition"',
  },
  {
    name: 'a Principal in an identity policy',
    document: documentWith([{ ...OK, Principal: { Service: 'states.amazonaws.com' } }]),
    statement: 'Ok',
    message:
      'role.json: statement Ok: Principal is not allowed in an identity-based policy (identity policy, permissions boundary or SCP)',
  },
  {
    name: 'a NotPrincipal in an identity policy',
    document: documentWith([OK, { Effect: 'Deny', Action: '*', Resource: '*', NotPrincipal: { AWS: '*' } }]),
    statement: '#1',
    message:
      'role.json: statement #1: NotPrincipal is not allowed in an identity-based policy (identity policy, permissions boundary or SCP)',
  },
  {
    name: 'an action without a service prefix',
    document: documentWith([{ ...OK, Action: ['s3:GetObject', 'InvokeFunction'] }]),
    statement: 'Ok',
    message: 'role.json: statement Ok: action "InvokeFunction" has no service prefix',
  },
  {
    name: 'a service prefix alone',
    document: documentWith([{ ...OK, Action: 'lambda' }]),
    statement: 'Ok',
    message: 'role.json: statement Ok: action "lambda" has no service prefix',
  },
  {
    name: 'an empty action name',
    document: documentWith([{ ...OK, Action: 'lambda:' }]),
    statement: 'Ok',
    message: 'role.json: statement Ok: action "lambda:" has an empty action name',
  },
  {
    name: '*:* (a wildcard service prefix)',
    document: documentWith([{ ...OK, Action: '*:*' }]),
    statement: 'Ok',
    message: 'role.json: statement Ok: action "*:*" has a wildcard in its service prefix',
  },
  {
    name: 'a partly wildcarded service prefix in NotAction',
    document: documentWith([{ Sid: 'Ok', Effect: 'Deny', NotAction: 's3*:Get*', Resource: '*' }]),
    statement: 'Ok',
    message: 'role.json: statement Ok: action "s3*:Get*" has a wildcard in its service prefix',
  },
  {
    name: 'an action with two colons',
    document: documentWith([{ ...OK, Action: 's3:Get:Object' }]),
    statement: 'Ok',
    message: 'role.json: statement Ok: action "s3:Get:Object" has more than one colon',
  },
  {
    name: 'an empty service prefix',
    document: documentWith([{ ...OK, Action: ':GetObject' }]),
    statement: 'Ok',
    message: 'role.json: statement Ok: action ":GetObject" has an empty service prefix',
  },
  {
    name: 'a resource that is neither * nor an ARN',
    document: documentWith([{ ...OK, Resource: ['arn:aws:s3:::b', 'my-bucket'] }]),
    statement: 'Ok',
    message: 'role.json: statement Ok: resource "my-bucket" must be "*" or an ARN (starting with "arn:")',
  },
  {
    name: 'a NotResource that is not an ARN',
    document: documentWith([{ Sid: 'Ok', Effect: 'Allow', Action: 's3:*', NotResource: 's3:::b/*' }]),
    statement: 'Ok',
    message: 'role.json: statement Ok: resource "s3:::b/*" must be "*" or an ARN (starting with "arn:")',
  },
];

describe('validatePolicy', () => {
  it.each(MALFORMED)('rejects $name, naming the policy and statement', ({ document, message, statement }) => {
    const run = () => validatePolicy({ name: 'role.json', document: document as PolicyDocument });
    expect(run).toThrow(PolicyError);
    expect(run).toThrow(message);
    try {
      run();
    } catch (error) {
      expect(error).toMatchObject({ name: 'PolicyError', policy: 'role.json', statement });
    }
  });

  it.each([
    { name: 'a single statement object', document: documentWith(OK) },
    { name: 'Version 2008-10-17', document: documentWith([OK], '2008-10-17') },
    { name: 'no Version', document: { Statement: [OK] } as PolicyDocument },
    { name: 'an Id', document: { Version: '2012-10-17', Id: 'audit', Statement: [OK] } as PolicyDocument },
    {
      name: 'every statement element but Principal, and wildcard actions and resources',
      document: documentWith([
        { ...OK, Action: ['*', 's3:*', 'ec2:Describe*', 'iam:*AccessKey*', 'sts:Assume?ole'] },
        { Sid: 'Not', Effect: 'Deny', NotAction: 'iam:*', NotResource: ['arn:aws:s3:::b/*', 'arn:aws:s3:*'] },
      ]),
    },
    {
      name: 'every operator family',
      document: documentWith([
        {
          ...OK,
          Condition: {
            'ForAnyValue:StringLikeIfExists': { 'aws:TagKeys': ['a*'] },
            Null: { 'aws:TokenIssueTime': 'false' },
            NumericLessThanEquals: { 's3:max-keys': 10 },
            DateGreaterThan: { 'aws:CurrentTime': '2024-01-01T00:00:00Z' },
            Bool: { 'aws:SecureTransport': true },
            BinaryEquals: { 'test:Key': 'QmluYXJ5' },
            NotIpAddress: { 'aws:SourceIp': ['10.0.0.0/8', '2001:db8::/32'] },
            ArnNotLikeIfExists: { 'aws:SourceArn': 'arn:aws:sns:*:*:t' },
          },
        },
      ]),
    },
  ])('accepts $name', ({ document }) => {
    expect(() => validatePolicy({ name: 'role.json', document })).not.toThrow();
  });
});
