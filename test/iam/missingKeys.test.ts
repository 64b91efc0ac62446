// biome-ignore-all lint/suspicious/noTemplateCurlyInString: IAM policy variables are written ${…}
import { describe, expect, it } from 'vitest';
import type { EvaluationInput, KeyAvailability } from '../../shared/iam/types.js';
import type { NamedPolicy } from '../../shared/ports.js';
import type { ContextValues, PolicyStatement } from '../../shared/types.js';
import { ALLOWED, conditional, type Outcome, outcomeOf } from './decide.js';

const KEY = 'test:Key';
const ACTION = 'test:Act';
const ALLOW_ALL: PolicyStatement = { Effect: 'Allow', Action: '*', Resource: '*' };

/** One condition: the policy value, a supplied value and whether the condition holds for it and for an absent key. */
type Family = {
  operator: string;
  policy: string | string[];
  supplied: string | string[];
  holds: boolean;
  absent: boolean;
  present?: boolean;
};

// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
// absent: "If the key that you specify in a policy condition is not present in the request context, the values do not
// match" — negated operators then hold, …IfExists holds, Null tests presence; ForAllValues holds and ForAnyValue fails
// for a missing key (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html).
const FAMILIES: Family[] = [
  { operator: 'StringEquals', policy: 'abc', supplied: 'abc', holds: true, absent: false },
  { operator: 'StringNotEquals', policy: 'abc', supplied: 'abc', holds: false, absent: true },
  { operator: 'StringEqualsIgnoreCase', policy: 'ABC', supplied: 'abc', holds: true, absent: false },
  { operator: 'StringNotEqualsIgnoreCase', policy: 'ABC', supplied: 'abc', holds: false, absent: true },
  { operator: 'StringLike', policy: 'a*', supplied: 'abc', holds: true, absent: false },
  { operator: 'StringNotLike', policy: 'a*', supplied: 'xyz', holds: true, absent: true },
  { operator: 'NumericLessThan', policy: '10', supplied: '9', holds: true, absent: false },
  { operator: 'NumericNotEquals', policy: '10', supplied: '10', holds: false, absent: true },
  {
    operator: 'DateGreaterThan',
    policy: '2024-01-01T00:00:00Z',
    supplied: '2024-06-01T00:00:00Z',
    holds: true,
    absent: false,
  },
  { operator: 'DateNotEquals', policy: '2024-01-01T00:00:00Z', supplied: '1704067200', holds: false, absent: true },
  { operator: 'Bool', policy: 'true', supplied: 'true', holds: true, absent: false },
  { operator: 'BinaryEquals', policy: 'QmluYXJ5', supplied: 'QmluYXJ5', holds: true, absent: false },
  { operator: 'IpAddress', policy: '203.0.113.0/24', supplied: '203.0.113.7', holds: true, absent: false },
  { operator: 'NotIpAddress', policy: '203.0.113.0/24', supplied: '203.0.113.7', holds: false, absent: true },
  {
    operator: 'ArnLike',
    policy: 'arn:aws:iam::*:role/app-*',
    supplied: 'arn:aws:iam::1:role/app-x',
    holds: true,
    absent: false,
  },
  {
    operator: 'ArnEquals',
    policy: 'arn:aws:iam::1:role/a',
    supplied: 'arn:aws:iam::1:role/b',
    holds: false,
    absent: false,
  },
  {
    operator: 'ArnNotLike',
    policy: 'arn:aws:iam::*:role/app-*',
    supplied: 'arn:aws:iam::1:role/app-x',
    holds: false,
    absent: true,
  },
  {
    operator: 'ArnNotEquals',
    policy: 'arn:aws:iam::1:role/a',
    supplied: 'arn:aws:iam::1:role/b',
    holds: true,
    absent: true,
  },
  { operator: 'Null', policy: 'true', supplied: 'x', holds: false, absent: true, present: false },
  { operator: 'Null', policy: 'false', supplied: 'x', holds: true, absent: false, present: true },
  { operator: 'StringEqualsIfExists', policy: 'abc', supplied: 'x', holds: false, absent: true },
  { operator: 'NumericLessThanIfExists', policy: '10', supplied: '9', holds: true, absent: true },
  { operator: 'ForAllValues:StringEquals', policy: ['a'], supplied: ['a', 'b'], holds: false, absent: true },
  { operator: 'ForAllValues:StringNotLike', policy: ['a*'], supplied: ['b'], holds: true, absent: true },
  { operator: 'ForAnyValue:StringEquals', policy: ['a'], supplied: ['b', 'a'], holds: true, absent: false },
  { operator: 'ForAnyValue:StringNotEquals', policy: 'a', supplied: ['a'], holds: false, absent: false },
];

type Placement = {
  name: string;
  build: (statement: PolicyStatement) => EvaluationInput;
  holds: Outcome;
  fails: Outcome;
};

function policy(name: string, ...statements: PolicyStatement[]): NamedPolicy {
  return { name, document: { Version: '2012-10-17', Statement: statements } };
}

const PLACEMENTS: Placement[] = [
  {
    name: 'an identity Allow',
    build: (s) => ({ identity: [policy('id', s)] }),
    holds: ALLOWED,
    fails: { decision: 'implicitDeny', deniedBy: 'identity' },
  },
  {
    name: 'an identity Deny',
    build: (s) => ({ identity: [policy('id', ALLOW_ALL, s)] }),
    holds: { decision: 'explicitDeny', deniedBy: 'identity' },
    fails: ALLOWED,
  },
  {
    name: 'an SCP Allow',
    build: (s) => ({ identity: [policy('id', ALLOW_ALL)], scps: [[policy('root', s)]] }),
    holds: ALLOWED,
    fails: { decision: 'implicitDeny', deniedBy: 'scp' },
  },
  {
    name: 'an SCP Deny',
    build: (s) => ({ identity: [policy('id', ALLOW_ALL)], scps: [[policy('root', ALLOW_ALL, s)]] }),
    holds: { decision: 'explicitDeny', deniedBy: 'scp' },
    fails: ALLOWED,
  },
];

type Case = { name: string; input: EvaluationInput; context?: ContextValues; expected: Outcome };

function cases(): Case[] {
  const all: Case[] = [];
  for (const family of FAMILIES) {
    for (const placement of PLACEMENTS) {
      const effect = placement.name.endsWith('Deny') ? 'Deny' : 'Allow';
      const statement: PolicyStatement = {
        Effect: effect,
        Action: ACTION,
        Resource: '*',
        Condition: { [family.operator]: { [KEY]: family.policy } },
      };
      const withKeys = (state: KeyAvailability): EvaluationInput => ({
        ...placement.build(statement),
        keyAvailability: (action, key) => (action === ACTION && key === KEY.toLowerCase() ? state : 'unknown'),
      });
      const label = `${family.operator} ${JSON.stringify(family.policy)} in ${placement.name}`;
      const outcome = (holds: boolean) => (holds ? placement.holds : placement.fails);
      all.push(
        {
          name: `${label}, key supplied`,
          input: withKeys('unknown'),
          context: { [KEY]: family.supplied },
          expected: outcome(family.holds),
        },
        { name: `${label}, key absent`, input: withKeys('absent'), expected: outcome(family.absent) },
        { name: `${label}, key unknown`, input: withKeys('unknown'), expected: conditional(KEY) },
        {
          name: `${label}, key always present with an unknown value`,
          input: withKeys('present'),
          expected: family.present === undefined ? conditional(KEY) : outcome(family.present),
        },
      );
    }
  }
  return all;
}

describe('the missing-key rule', () => {
  it.each(cases())('$name', ({ input, context, expected }) => {
    expect(outcomeOf(input, ACTION, '*', context)).toEqual(expected);
  });

  describe('an SCP that denies every Region but eu-west-1', () => {
    // https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_examples_general.html
    const input: EvaluationInput = {
      identity: [policy('id', { Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: '*' })],
      scps: [
        [
          policy('FullAWSAccess', ALLOW_ALL),
          policy('RegionGuard', {
            Sid: 'DenyOtherRegions',
            Effect: 'Deny',
            Action: '*',
            Resource: '*',
            Condition: { StringNotEquals: { 'aws:RequestedRegion': ['eu-west-1'] } },
          }),
        ],
      ],
    };
    const fn = 'arn:aws:lambda:us-east-1:111122223333:function:orders';
    const present = { ...input, keyAvailability: () => 'present' as const };

    it.each([
      {
        name: 'denies a call to us-east-1',
        context: { 'aws:RequestedRegion': 'us-east-1' },
        expected: { decision: 'explicitDeny', deniedBy: 'scp' },
      },
      { name: 'allows a call to eu-west-1', context: { 'aws:RequestedRegion': 'eu-west-1' }, expected: ALLOWED },
      { name: 'is conditional without the Region', context: undefined, expected: conditional('aws:RequestedRegion') },
    ])('$name', ({ context, expected }) => {
      expect(outcomeOf(input, 'lambda:InvokeFunction', fn, context)).toEqual(expected);
      expect(outcomeOf(present, 'lambda:InvokeFunction', fn, context)).toEqual(expected);
    });
  });

  it('names the keys of undecided Denies and of undecided Allows together, sorted', () => {
    const input: EvaluationInput = {
      identity: [
        policy(
          'id',
          { Effect: 'Allow', Action: '*', Resource: '*', Condition: { StringEquals: { 'test:B': 'x' } } },
          { Effect: 'Deny', Action: '*', Resource: '*', Condition: { StringEquals: { 'test:A': 'x' } } },
        ),
      ],
    };
    expect(outcomeOf(input, ACTION, '*')).toEqual(conditional('test:A', 'test:B'));
  });

  it('leaves an undecided Deny out when an explicit Deny or an implicit deny decides', () => {
    const undecided: PolicyStatement = {
      Effect: 'Deny',
      Action: '*',
      Resource: '*',
      Condition: { StringEquals: { [KEY]: 'x' } },
    };
    const denied = { identity: [policy('id', ALLOW_ALL, undecided, { Effect: 'Deny', Action: '*', Resource: '*' })] };
    expect(outcomeOf(denied, ACTION, '*')).toEqual({ decision: 'explicitDeny', deniedBy: 'identity' });
    const notAllowed = { identity: [policy('id', undecided)] };
    expect(outcomeOf(notAllowed, ACTION, '*')).toEqual({ decision: 'implicitDeny', deniedBy: 'identity' });
  });

  it('does not match a Resource whose policy variable names an absent key', () => {
    const input: EvaluationInput = {
      identity: [policy('id', { Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::b/${aws:username}/*' })],
      keyAvailability: () => 'absent',
    };
    expect(outcomeOf(input, 's3:GetObject', 'arn:aws:s3:::b/alice/x')).toEqual({
      decision: 'implicitDeny',
      deniedBy: 'identity',
    });
    expect(outcomeOf(input, 's3:GetObject', 'arn:aws:s3:::b/*')).toEqual({
      decision: 'implicitDeny',
      deniedBy: 'identity',
    });
  });

  it('asks keyAvailability with the action as the request names it and the lower-cased key', () => {
    const asked: string[] = [];
    const input: EvaluationInput = {
      identity: [policy('id', { ...ALLOW_ALL, Condition: { StringEquals: { 'AWS:SourceArn': 'x' } } })],
      keyAvailability: (action, key) => {
        asked.push(`${action} ${key}`);
        return 'absent';
      },
    };
    expect(outcomeOf(input, 'Lambda:InvokeFunction', '*')).toEqual({ decision: 'implicitDeny', deniedBy: 'identity' });
    expect(asked).toEqual(['Lambda:InvokeFunction aws:sourcearn']);
  });
});
