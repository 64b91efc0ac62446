import { describe, expect, it } from 'vitest';
import { unresolvedCondition, unresolvedValueKey } from '../../../shared/iam/unresolvedValueKey.js';
import { createEmbeddedSimulator } from '../../../shared/local/createEmbeddedSimulator.js';
import { policyWithUnresolved } from '../../../shared/template/role/policyWithUnresolved.js';
import { unresolvedMarker } from '../../../shared/template/unresolved.js';
import type { PolicyStatement } from '../../../shared/types.js';

const BUCKET = unresolvedMarker('Fn::ImportValue Bucket');
const ENV = unresolvedMarker('Parameter Env');
const nullOf = (...whats: string[]) => ({
  Null: Object.fromEntries(whats.map((what) => [unresolvedValueKey(what), 'false'])),
});

const CASES: { name: string; statement: Record<string, unknown>; expected: PolicyStatement }[] = [
  {
    name: 'a statement without markers is kept as it is',
    statement: { Sid: 'Read', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' },
    expected: { Sid: 'Read', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' },
  },
  {
    name: 'a marker inside a Resource becomes * and a condition naming it',
    statement: { Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::${BUCKET}/*` },
    expected: {
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::*/*',
      Condition: unresolvedCondition('Fn::ImportValue Bucket'),
    },
  },
  {
    name: 'two markers in a list: each named once, duplicates of the widened pattern merged',
    statement: {
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: [`arn:aws:s3:::${BUCKET}-${ENV}/*`, `arn:aws:s3:::${BUCKET}/*`, 'arn:aws:s3:::logs/*'],
    },
    expected: {
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: ['arn:aws:s3:::*-*/*', 'arn:aws:s3:::*/*', 'arn:aws:s3:::logs/*'],
      Condition: nullOf('Fn::ImportValue Bucket', 'Parameter Env'),
    },
  },
  {
    name: 'a marker in an Action keeps the service prefix, or becomes * without one',
    statement: { Effect: 'Allow', Action: [`s3:${ENV}`, `${ENV}`], Resource: '*' },
    expected: { Effect: 'Allow', Action: ['s3:*', '*'], Resource: '*', Condition: nullOf('Parameter Env') },
  },
  {
    name: 'an unknown NotResource item is left out (widening it would apply the statement to fewer requests)',
    statement: { Effect: 'Deny', Action: 's3:*', NotResource: [`arn:aws:s3:::${BUCKET}/*`, 'arn:aws:s3:::logs/*'] },
    expected: {
      Effect: 'Deny',
      Action: 's3:*',
      NotResource: ['arn:aws:s3:::logs/*'],
      Condition: nullOf('Fn::ImportValue Bucket'),
    },
  },
  {
    name: 'a NotAction whose only item is unknown becomes Action *',
    statement: { Effect: 'Deny', NotAction: `${ENV}:*`, Resource: '*' },
    expected: { Effect: 'Deny', Resource: '*', Action: '*', Condition: nullOf('Parameter Env') },
  },
  {
    name: 'a condition entry with an unknown value is replaced; other entries and operators merge',
    statement: {
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: '*',
      Condition: {
        StringEquals: { 'aws:ResourceTag/env': ENV, 'aws:PrincipalAccount': '111122223333' },
        Null: { 'aws:ResourceTag/team': 'false' },
      },
    },
    expected: {
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: '*',
      Condition: {
        StringEquals: { 'aws:PrincipalAccount': '111122223333' },
        Null: { 'aws:ResourceTag/team': 'false', [unresolvedValueKey('Parameter Env')]: 'false' },
      },
    },
  },
  {
    name: 'an operator whose only entry is unknown is dropped',
    statement: {
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: '*',
      Condition: { StringLike: { 's3:prefix': [`${ENV}/*`] } },
    },
    expected: { Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: nullOf('Parameter Env') },
  },
];

/** What an unknown statement or document stands for: an Allow and a Deny of anything, both on its condition. */
const allowOrDeny = (what: string) =>
  (['Allow', 'Deny'] as const).map((Effect) => ({
    Effect,
    Action: '*',
    Resource: '*',
    Condition: unresolvedCondition(what),
  }));

describe('policyWithUnresolved', () => {
  it.each(CASES)('$name', ({ statement, expected }) => {
    expect(policyWithUnresolved({ Version: '2012-10-17', Statement: [statement] })).toStrictEqual({
      Version: '2012-10-17',
      Statement: [expected],
    });
  });

  it('makes a statement that is itself unknown an Allow and a Deny of anything on its condition, in its place', () => {
    const known = { Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '*' };
    expect(policyWithUnresolved({ Version: '2012-10-17', Statement: [known, ENV, known] })).toStrictEqual({
      Version: '2012-10-17',
      Statement: [known, ...allowOrDeny('Parameter Env'), known],
    });
    expect(policyWithUnresolved({ Version: '2012-10-17', Statement: ENV })).toStrictEqual({
      Version: '2012-10-17',
      Statement: allowOrDeny('Parameter Env'),
    });
  });

  it('keeps a single statement as a single statement, and a whole unknown document as Allow and Deny * on its condition', () => {
    expect(
      policyWithUnresolved({ Statement: { Effect: 'Allow', Action: 'sqs:SendMessage', Resource: ENV } }),
    ).toStrictEqual({
      Statement: { Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '*', Condition: nullOf('Parameter Env') },
    });
    expect(policyWithUnresolved(BUCKET)).toStrictEqual({
      Version: '2012-10-17',
      Statement: allowOrDeny('Fn::ImportValue Bucket'),
    });
  });

  it('returns other shapes as they are, for the policy validator to reject', () => {
    expect(policyWithUnresolved(42)).toBe(42);
    expect(policyWithUnresolved({ Version: '2012-10-17' })).toStrictEqual({ Version: '2012-10-17' });
  });

  const OBJECT = 'arn:aws:s3:::shared-data/key';
  it.each([
    {
      name: 'an Allow on an unknown bucket is conditional for an object it may cover',
      statement: { Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::${BUCKET}/*` },
      resource: OBJECT,
      want: 'conditional',
    },
    {
      name: 'the same Allow is no grant on another action',
      statement: { Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::${BUCKET}/*` },
      action: 's3:PutObject',
      resource: OBJECT,
      want: 'implicitDeny',
    },
    {
      name: 'a Deny with an unknown NotResource makes an allowed request conditional, never allowed',
      statement: { Effect: 'Deny', Action: 's3:GetObject', NotResource: `arn:aws:s3:::${BUCKET}/*` },
      allow: true,
      resource: OBJECT,
      want: 'conditional',
    },
    {
      name: 'a Deny on an unknown tag value makes an allowed request conditional, never allowed',
      statement: {
        Effect: 'Deny',
        Action: 's3:GetObject',
        Resource: '*',
        Condition: { StringNotEquals: { 's3:ExistingObjectTag/env': ENV } },
      },
      allow: true,
      resource: OBJECT,
      want: 'conditional',
    },
  ])('makes decisions conditional, not guessed: $name', async ({ statement, allow, action, resource, want }) => {
    const statements = [policyWithUnresolved({ Statement: [statement] }).Statement].flat();
    if (allow) statements.push({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' });
    const simulator = createEmbeddedSimulator({
      identity: [{ name: 'template', document: { Version: '2012-10-17', Statement: statements } }],
    });
    const [decision] = await simulator.simulate([{ action: action ?? 's3:GetObject', resource }]);
    expect(decision?.decision).toBe(want);
  });
});
