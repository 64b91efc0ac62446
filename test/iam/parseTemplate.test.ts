// biome-ignore-all lint/suspicious/noTemplateCurlyInString: IAM policy variables are written ${…}
import { describe, expect, it } from 'vitest';
import { parseTemplate } from '../../shared/iam/parseTemplate.js';
import type { ContextValues, PolicyStatement } from '../../shared/types.js';
import { ALLOWED, conditional, IDENTITY_DENIES, identityOf, notProvable, type Outcome, outcomeOf } from './decide.js';

type Row = {
  name: string;
  version?: string;
  statement: Omit<PolicyStatement, 'Effect' | 'Action'>;
  resource: string;
  context?: ContextValues;
  expected: Outcome;
};

const HOME = 'arn:aws:s3:::home/${aws:username}/*';
const ALICE = { 'aws:username': 'alice' };

// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
const ROWS: Row[] = [
  {
    name: 'a variable takes the context value',
    statement: { Resource: HOME },
    resource: 'arn:aws:s3:::home/alice/x',
    context: ALICE,
    expected: ALLOWED,
  },
  {
    name: 'a variable does not match another value',
    statement: { Resource: HOME },
    resource: 'arn:aws:s3:::home/bob/x',
    context: ALICE,
    expected: IDENTITY_DENIES,
  },
  {
    name: 'a variable without its key is undecided',
    statement: { Resource: HOME },
    resource: 'arn:aws:s3:::home/alice/x',
    expected: conditional('aws:username'),
  },
  {
    name: 'variable names ignore case',
    statement: { Resource: 'arn:aws:s3:::home/${AWS:UserName}/*' },
    resource: 'arn:aws:s3:::home/alice/x',
    context: ALICE,
    expected: ALLOWED,
  },
  {
    name: 'Version 2008-10-17 keeps ${…} literal',
    version: '2008-10-17',
    statement: { Resource: HOME },
    resource: 'arn:aws:s3:::home/alice/x',
    context: ALICE,
    expected: IDENTITY_DENIES,
  },
  {
    name: 'Version 2008-10-17 matches the literal text',
    version: '2008-10-17',
    statement: { Resource: HOME },
    resource: 'arn:aws:s3:::home/${aws:username}/x',
    context: ALICE,
    expected: ALLOWED,
  },
  {
    name: 'no Version keeps ${…} literal',
    version: 'none',
    statement: { Resource: HOME },
    resource: 'arn:aws:s3:::home/alice/x',
    context: ALICE,
    expected: IDENTITY_DENIES,
  },
  {
    name: 'a default applies when the key is absent',
    statement: { Resource: "arn:aws:s3:::home/${aws:username, 'guest'}/*" },
    resource: 'arn:aws:s3:::home/guest/x',
    expected: ALLOWED,
  },
  {
    name: 'the context value wins over the default',
    statement: { Resource: "arn:aws:s3:::home/${aws:username, 'guest'}/*" },
    resource: 'arn:aws:s3:::home/guest/x',
    context: ALICE,
    expected: IDENTITY_DENIES,
  },
  {
    name: '${*} is a literal asterisk, one of the names a hole can stand for',
    statement: { Resource: 'arn:aws:s3:::b/${*}' },
    resource: 'arn:aws:s3:::b/*',
    expected: notProvable(['arn:aws:s3:::b/${*}']),
  },
  {
    name: '${*} is not a wildcard',
    statement: { Resource: 'arn:aws:s3:::b/${*}' },
    resource: 'arn:aws:s3:::b/x',
    expected: IDENTITY_DENIES,
  },
  {
    name: '${?} is a literal question mark',
    statement: { Resource: 'arn:aws:s3:::b/a${?}' },
    resource: 'arn:aws:s3:::b/ax',
    expected: IDENTITY_DENIES,
  },
  {
    name: '${$} is a literal dollar',
    statement: { Resource: 'arn:aws:s3:::b/${$}{x}' },
    resource: 'arn:aws:s3:::b/${x}',
    expected: ALLOWED,
  },
  {
    name: 'a substituted value is literal, not a wildcard',
    statement: { Resource: HOME },
    resource: 'arn:aws:s3:::home/bob/x',
    context: { 'aws:username': '*' },
    expected: IDENTITY_DENIES,
  },
  {
    name: 'a multivalued key cannot be a variable',
    statement: { Resource: HOME },
    resource: 'arn:aws:s3:::home/a/x',
    context: { 'aws:username': ['a', 'b'] },
    expected: IDENTITY_DENIES,
  },
  {
    name: 'variables work in string condition values',
    statement: { Resource: '*', Condition: { StringLike: { 's3:prefix': 'home/${aws:username}/*' } } },
    resource: 'arn:aws:s3:::b',
    context: { ...ALICE, 's3:prefix': 'home/alice/docs' },
    expected: ALLOWED,
  },
  {
    name: 'a condition value variable without its key is undecided',
    statement: { Resource: '*', Condition: { StringEquals: { 's3:prefix': '${aws:username}' } } },
    resource: 'arn:aws:s3:::b',
    context: { 's3:prefix': 'alice' },
    expected: conditional('aws:username'),
  },
  {
    name: 'variables work in ARN condition values',
    statement: {
      Resource: '*',
      Condition: { ArnEquals: { 'aws:SourceArn': 'arn:aws:sns:*:${aws:PrincipalAccount}:*' } },
    },
    resource: 'arn:aws:s3:::b',
    context: { 'aws:PrincipalAccount': '111122223333', 'aws:SourceArn': 'arn:aws:sns:us-east-1:111122223333:t' },
    expected: ALLOWED,
  },
];

describe('parseTemplate', () => {
  it.each(ROWS)('$name', ({ version, statement, resource, context, expected }) => {
    const input = identityOf(
      [{ Effect: 'Allow', Action: 's3:*', ...statement }],
      version === 'none' ? null : (version ?? '2012-10-17'),
    );
    expect(outcomeOf(input, 's3:GetObject', resource, context)).toEqual(expected);
  });

  it('splits text into pattern, literal and variable parts', () => {
    expect(parseTemplate("a*${aws:username, 'it''s'}${*}b", true)).toEqual([
      { kind: 'pattern', text: 'a*' },
      { kind: 'variable', key: 'aws:username', lookupKey: 'aws:username', fallback: "it's" },
      { kind: 'literal', text: '*' },
      { kind: 'pattern', text: 'b' },
    ]);
  });

  it('keeps malformed variables as pattern text', () => {
    expect(parseTemplate('x/${a b}/${}', true)).toEqual([
      { kind: 'pattern', text: 'x/' },
      { kind: 'pattern', text: '${a b}' },
      { kind: 'pattern', text: '/' },
      { kind: 'pattern', text: '${}' },
    ]);
  });
});
