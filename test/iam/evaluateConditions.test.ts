import { describe, expect, it } from 'vitest';
import type { ContextValues, PolicyStatement } from '../../shared/types.js';
import { ALLOWED, conditional, IDENTITY_DENIES, identityOf, type Outcome, outcomeOf } from './decide.js';

type Row = { name: string; condition: PolicyStatement['Condition']; context?: ContextValues; expected: Outcome };

const KEY = 'test:Key';

function allowWith(condition: PolicyStatement['Condition']): PolicyStatement {
  return { Effect: 'Allow', Action: 's3:GetObject', Resource: '*', ...(condition && { Condition: condition }) };
}

/** One operator, one key: the row's value in the policy, `value` in the request (undefined: key absent). */
function row(
  name: string,
  operator: string,
  policy: unknown,
  value: string | string[] | undefined,
  expected: Outcome,
): Row {
  return {
    name,
    condition: { [operator]: { [KEY]: policy as string } },
    ...(value === undefined ? {} : { context: { [KEY]: value } }),
    expected,
  };
}

// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
const OPERATORS: Row[] = [
  row('StringEquals matches exactly', 'StringEquals', 'abc', 'abc', ALLOWED),
  row('StringEquals is case-sensitive', 'StringEquals', 'abc', 'ABC', IDENTITY_DENIES),
  row('StringEquals with the key absent is undecided', 'StringEquals', 'abc', undefined, conditional(KEY)),
  row('StringEqualsIfExists with the key absent holds', 'StringEqualsIfExists', 'abc', undefined, ALLOWED),
  row('StringEqualsIfExists with another value fails', 'StringEqualsIfExists', 'abc', 'x', IDENTITY_DENIES),
  row('StringNotEquals with another value holds', 'StringNotEquals', 'abc', 'abd', ALLOWED),
  row('StringNotEquals with the value fails', 'StringNotEquals', 'abc', 'abc', IDENTITY_DENIES),
  row('StringNotEquals with the key absent is undecided', 'StringNotEquals', 'abc', undefined, conditional(KEY)),
  row('StringNotEqualsIfExists with the key absent holds', 'StringNotEqualsIfExists', 'abc', undefined, ALLOWED),
  row('StringEqualsIgnoreCase ignores case', 'StringEqualsIgnoreCase', 'ABC', 'abc', ALLOWED),
  row('StringEqualsIgnoreCase with another value fails', 'StringEqualsIgnoreCase', 'ABC', 'abd', IDENTITY_DENIES),
  row(
    'StringNotEqualsIgnoreCase with the value in other case fails',
    'StringNotEqualsIgnoreCase',
    'ABC',
    'abc',
    IDENTITY_DENIES,
  ),
  row('StringNotEqualsIgnoreCase with another value holds', 'StringNotEqualsIgnoreCase', 'ABC', 'x', ALLOWED),
  row('StringLike matches a * wildcard', 'StringLike', 'ab*', 'abc', ALLOWED),
  row('StringLike matches a ? wildcard', 'StringLike', 'a?c', 'abc', ALLOWED),
  row('StringLike ? stands for exactly one character', 'StringLike', 'a?c', 'abbc', IDENTITY_DENIES),
  row('StringLike is case-sensitive', 'StringLike', 'AB*', 'abc', IDENTITY_DENIES),
  row('StringLike with the key absent is undecided', 'StringLike', 'ab*', undefined, conditional(KEY)),
  row('StringNotLike with a non-matching value holds', 'StringNotLike', 'ab*', 'xyz', ALLOWED),
  row('StringNotLike with a matching value fails', 'StringNotLike', 'ab*', 'abc', IDENTITY_DENIES),
  row('several values are ORed', 'StringEquals', ['a', 'b'], 'b', ALLOWED),
  row('several values of a negated operator are NORed', 'StringNotEquals', ['a', 'b'], 'b', IDENTITY_DENIES),
  row('a negated operator holds when no value matches', 'StringNotEquals', ['a', 'b'], 'c', ALLOWED),
  row('NumericEquals compares numbers', 'NumericEquals', '10', '10.0', ALLOWED),
  row('NumericNotEquals with the number fails', 'NumericNotEquals', '10', '10', IDENTITY_DENIES),
  row('NumericLessThan holds below', 'NumericLessThan', '10', '9', ALLOWED),
  row('NumericLessThan fails at the bound', 'NumericLessThan', '10', '10', IDENTITY_DENIES),
  row('NumericLessThanEquals holds at the bound', 'NumericLessThanEquals', 10, '10', ALLOWED),
  row('NumericGreaterThan holds above', 'NumericGreaterThan', '10', '11', ALLOWED),
  row('NumericGreaterThan fails at the bound', 'NumericGreaterThan', '10', '10', IDENTITY_DENIES),
  row('NumericGreaterThanEquals holds at the bound', 'NumericGreaterThanEquals', '10', '10', ALLOWED),
  row('Numeric operators fail on a non-number', 'NumericLessThan', '10', 'abc', IDENTITY_DENIES),
  row('NumericLessThan with the key absent is undecided', 'NumericLessThan', '10', undefined, conditional(KEY)),
  row('NumericLessThanIfExists with the key absent holds', 'NumericLessThanIfExists', '10', undefined, ALLOWED),
  row('DateGreaterThan holds after', 'DateGreaterThan', '2024-01-01T00:00:00Z', '2024-06-01T00:00:00Z', ALLOWED),
  row('DateLessThan fails after', 'DateLessThan', '2024-01-01T00:00:00Z', '2024-06-01T00:00:00Z', IDENTITY_DENIES),
  row('DateEquals compares epoch seconds with ISO 8601', 'DateEquals', '1704067200', '2024-01-01T00:00:00Z', ALLOWED),
  row(
    'DateNotEquals with the same instant fails',
    'DateNotEquals',
    '2024-01-01T00:00:00Z',
    '1704067200',
    IDENTITY_DENIES,
  ),
  row('DateLessThanEquals holds at the bound', 'DateLessThanEquals', '2024-01-01', '2024-01-01T00:00:00Z', ALLOWED),
  row(
    'DateGreaterThanEquals fails before',
    'DateGreaterThanEquals',
    '2024-01-01',
    '2023-12-31T23:59:59Z',
    IDENTITY_DENIES,
  ),
  row('Date operators with the key absent are undecided', 'DateLessThan', '2024-01-01', undefined, conditional(KEY)),
  row('Bool true matches "true"', 'Bool', 'true', 'true', ALLOWED),
  row('Bool true does not match "false"', 'Bool', 'true', 'false', IDENTITY_DENIES),
  row('Bool accepts a JSON boolean and any case', 'Bool', true, 'TRUE', ALLOWED),
  row('Bool with the key absent is undecided', 'Bool', 'true', undefined, conditional(KEY)),
  row('BoolIfExists with the key absent holds', 'BoolIfExists', 'true', undefined, ALLOWED),
  row('Null true holds when the key is absent', 'Null', 'true', undefined, ALLOWED),
  row('Null true fails when the key is present', 'Null', 'true', 'x', IDENTITY_DENIES),
  row('Null false holds when the key is present', 'Null', 'false', 'x', ALLOWED),
  row('Null false fails when the key is absent', 'Null', 'false', undefined, IDENTITY_DENIES),
  row('BinaryEquals compares base64 values', 'BinaryEquals', 'QmluYXJ5', 'QmluYXJ5', ALLOWED),
  row('BinaryEquals fails on other bytes', 'BinaryEquals', 'QmluYXJ5', 'T3RoZXI=', IDENTITY_DENIES),
  row('BinaryEquals with the key absent is undecided', 'BinaryEquals', 'QmluYXJ5', undefined, conditional(KEY)),
  row('IpAddress holds inside an IPv4 CIDR', 'IpAddress', '203.0.113.0/24', '203.0.113.7', ALLOWED),
  row('IpAddress fails outside an IPv4 CIDR', 'IpAddress', '203.0.113.0/24', '198.51.100.1', IDENTITY_DENIES),
  row('IpAddress holds inside an IPv6 CIDR', 'IpAddress', '2001:db8::/32', '2001:db8:1::5', ALLOWED),
  row('IpAddress fails outside an IPv6 CIDR', 'IpAddress', '2001:db8::/32', '2001:db9::1', IDENTITY_DENIES),
  row('IpAddress with a bare address matches that host', 'IpAddress', '203.0.113.7', '203.0.113.7', ALLOWED),
  row('IpAddress with the key absent is undecided', 'IpAddress', '203.0.113.0/24', undefined, conditional(KEY)),
  row('NotIpAddress holds outside the CIDR', 'NotIpAddress', '203.0.113.0/24', '198.51.100.1', ALLOWED),
  row('NotIpAddress fails inside the CIDR', 'NotIpAddress', '203.0.113.0/24', '203.0.113.9', IDENTITY_DENIES),
  row('NotIpAddressIfExists with the key absent holds', 'NotIpAddressIfExists', '203.0.113.0/24', undefined, ALLOWED),
  row(
    'ArnLike matches wildcard components',
    'ArnLike',
    'arn:aws:iam::*:role/app-*',
    'arn:aws:iam::111122223333:role/app-x',
    ALLOWED,
  ),
  row(
    'ArnEquals also takes wildcards',
    'ArnEquals',
    'arn:aws:sns:*:111122223333:t',
    'arn:aws:sns:eu-west-1:111122223333:t',
    ALLOWED,
  ),
  row(
    'ArnLike wildcards stay inside a component',
    'ArnLike',
    'arn:aws:sns:*:111122223333:*',
    'arn:aws:sns:us-east-1:444455556666:111122223333:t',
    IDENTITY_DENIES,
  ),
  row('ArnLike is case-sensitive', 'ArnLike', 'arn:aws:iam::*:role/App', 'arn:aws:iam::1:role/app', IDENTITY_DENIES),
  row(
    'ArnNotLike with a matching ARN fails',
    'ArnNotLike',
    'arn:aws:iam::*:role/app-*',
    'arn:aws:iam::1:role/app-x',
    IDENTITY_DENIES,
  ),
  row('ArnNotEquals with another ARN holds', 'ArnNotEquals', 'arn:aws:iam::1:role/a', 'arn:aws:iam::1:role/b', ALLOWED),
  row('ArnLike with the key absent is undecided', 'ArnLike', 'arn:aws:iam::*:role/*', undefined, conditional(KEY)),
  row(
    'a multivalued value without a set operator matches when one value does',
    'StringEquals',
    'a',
    ['b', 'a'],
    ALLOWED,
  ),
];

// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html
const SET_OPERATORS: Row[] = [
  row('ForAllValues holds when every value is listed', 'ForAllValues:StringEquals', ['a', 'b'], ['a', 'b'], ALLOWED),
  row(
    'ForAllValues fails when one value is not listed',
    'ForAllValues:StringEquals',
    ['a', 'b'],
    ['a', 'c'],
    IDENTITY_DENIES,
  ),
  row('ForAllValues holds for an empty set', 'ForAllValues:StringEquals', ['a'], [], ALLOWED),
  row('ForAllValues with the key absent is undecided', 'ForAllValues:StringEquals', ['a'], undefined, conditional(KEY)),
  row(
    'ForAllValues…IfExists with the key absent holds',
    'ForAllValues:StringEqualsIfExists',
    ['a'],
    undefined,
    ALLOWED,
  ),
  row('ForAnyValue holds when one value is listed', 'ForAnyValue:StringEquals', ['a'], ['b', 'a'], ALLOWED),
  row('ForAnyValue fails when no value is listed', 'ForAnyValue:StringEquals', ['a'], ['b'], IDENTITY_DENIES),
  row('ForAnyValue fails for an empty set', 'ForAnyValue:StringEquals', ['a'], [], IDENTITY_DENIES),
  row('ForAnyValue with the key absent is undecided', 'ForAnyValue:StringLike', ['a*'], undefined, conditional(KEY)),
  row(
    'ForAnyValue:StringNotEquals holds when one value differs',
    'ForAnyValue:StringNotEquals',
    'a',
    ['a', 'b'],
    ALLOWED,
  ),
  row(
    'ForAnyValue:StringNotEquals fails when every value is listed',
    'ForAnyValue:StringNotEquals',
    'a',
    ['a'],
    IDENTITY_DENIES,
  ),
  row(
    'ForAllValues:StringNotLike fails when one value matches',
    'ForAllValues:StringNotLike',
    'key1*',
    ['key2', 'key1:x'],
    IDENTITY_DENIES,
  ),
];

const COMBINATIONS: Row[] = [
  {
    name: 'condition key names are case-insensitive',
    condition: { StringEquals: { 'aws:RequestedRegion': 'us-east-1' } },
    context: { 'AWS:requestedregion': 'us-east-1' },
    expected: ALLOWED,
  },
  {
    name: 'several keys of one operator are ANDed',
    condition: { StringEquals: { 'test:A': 'x', 'test:B': 'y' } },
    context: { 'test:A': 'x', 'test:B': 'z' },
    expected: IDENTITY_DENIES,
  },
  {
    name: 'several operators are ANDed',
    condition: { StringEquals: { 'test:A': 'x' }, NumericLessThan: { 'test:N': '5' } },
    context: { 'test:A': 'x', 'test:N': '4' },
    expected: ALLOWED,
  },
  {
    name: 'a failing key decides even when another key is missing',
    condition: { StringEquals: { 'test:A': 'x', 'test:B': 'y' } },
    context: { 'test:A': 'other' },
    expected: IDENTITY_DENIES,
  },
  {
    name: 'every missing key of an undecided statement is named',
    condition: { StringEquals: { 'test:B': 'y' }, Bool: { 'test:A': 'true' } },
    expected: conditional('test:A', 'test:B'),
  },
  {
    name: 'operator names ignore case',
    condition: { stringequalsifexists: { [KEY]: 'a' } },
    expected: ALLOWED,
  },
];

describe('evaluateConditions', () => {
  it.each([...OPERATORS, ...SET_OPERATORS, ...COMBINATIONS])('$name', ({ condition, context, expected }) => {
    expect(outcomeOf(identityOf([allowWith(condition)]), 's3:GetObject', 'arn:aws:s3:::b/k', context)).toEqual(
      expected,
    );
  });

  it.each([
    {
      name: 'a Deny whose key is missing makes the request conditional',
      context: undefined,
      expected: conditional(KEY),
    },
    { name: 'a Deny whose condition holds applies', context: { [KEY]: 'blocked' }, expected: 'explicit' },
    { name: 'a Deny whose condition fails does not apply', context: { [KEY]: 'fine' }, expected: ALLOWED },
  ])('$name', ({ context, expected }) => {
    const input = identityOf([
      { Effect: 'Allow', Action: '*', Resource: '*' },
      { Effect: 'Deny', Action: '*', Resource: '*', Condition: { StringEquals: { [KEY]: 'blocked' } } },
    ]);
    const outcome = expected === 'explicit' ? { decision: 'explicitDeny', deniedBy: 'identity' } : expected;
    expect(outcomeOf(input, 's3:GetObject', '*', context)).toEqual(outcome);
  });

  it('applies a negated …IfExists Deny when its key is absent', () => {
    const input = identityOf([
      { Effect: 'Allow', Action: '*', Resource: '*' },
      {
        Effect: 'Deny',
        NotAction: 'iam:*',
        Resource: '*',
        Condition: { StringNotEqualsIfExists: { 'aws:RequestedRegion': ['us-east-1'] } },
      },
    ]);
    expect(outcomeOf(input, 's3:GetObject', '*')).toEqual({ decision: 'explicitDeny', deniedBy: 'identity' });
    expect(outcomeOf(input, 's3:GetObject', '*', { 'aws:RequestedRegion': 'us-east-1' })).toEqual(ALLOWED);
    expect(outcomeOf(input, 's3:GetObject', '*', { 'aws:RequestedRegion': 'eu-west-1' })).toEqual({
      decision: 'explicitDeny',
      deniedBy: 'identity',
    });
  });

  it('applies the documented ForAllValues:StringNotLike Deny only when a tag key lacks the prefix', () => {
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition_examples-multi-valued-context-keys.html
    const input = identityOf([
      { Effect: 'Allow', Action: 'iam:*', Resource: '*' },
      {
        Sid: 'DenyRestrictedTags',
        Effect: 'Deny',
        Action: ['iam:Tag*', 'iam:UnTag*'],
        Resource: ['*'],
        Condition: { 'ForAllValues:StringNotLike': { 'aws:TagKeys': 'key1*' } },
      },
    ]);
    const denied = { decision: 'explicitDeny', deniedBy: 'identity' };
    expect(outcomeOf(input, 'iam:TagRole', '*', { 'aws:TagKeys': ['key1:legal'] })).toEqual(ALLOWED);
    expect(outcomeOf(input, 'iam:TagRole', '*', { 'aws:TagKeys': ['key1:hr', 'key1:personnel'] })).toEqual(ALLOWED);
    expect(outcomeOf(input, 'iam:TagRole', '*', { 'aws:TagKeys': ['key2:audit'] })).toEqual(denied);
    expect(outcomeOf(input, 'iam:TagRole', '*', { 'aws:TagKeys': [] })).toEqual(denied);
  });
});
