// biome-ignore-all lint/suspicious/noTemplateCurlyInString: IAM policy variables are written ${…}
import { describe, expect, it } from 'vitest';
import { compileActionPattern } from '../../shared/iam/compileActionPattern.js';
import { compilePattern, type PatternMode } from '../../shared/iam/compilePattern.js';
import { compileWildcardMatcher } from '../../shared/iam/compileWildcardMatcher.js';
import { parseTemplate, resolveTemplate } from '../../shared/iam/parseTemplate.js';
import { tokenizePattern } from '../../shared/iam/tokenizePattern.js';
import type { PatternToken, Scope } from '../../shared/iam/types.js';
import { ALLOWED, IDENTITY_DENIES, identityOf, notProvable, outcomeOf } from './decide.js';
import { legacyRegExp } from './legacyRegExp.js';

function scopeOf(context: Record<string, string> = {}): Scope {
  const entries = Object.entries(context).map(([key, value]): [string, string[]] => [key.toLowerCase(), [value]]);
  return { context: new Map(entries), missing: [], missingKey: () => 'legacy' };
}

type Mode = PatternMode | 'action';

/** The legacy decision: the old regular expressions of compilePattern and compileActionPattern. */
function legacyMatch(mode: Mode, pattern: string, value: string, context?: Record<string, string>): boolean {
  if (mode === 'action') {
    const lower = pattern.toLowerCase();
    const source = lower
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replaceAll('*', '.*')
      .replaceAll('?', '.');
    return new RegExp(`^${source}$`, 's').test(value.toLowerCase());
  }
  const resolved = resolveTemplate(parseTemplate(pattern, context !== undefined), scopeOf(context));
  if (typeof resolved === 'string') throw new Error('unresolved variable in a table row');
  const text = resolved.map((part) => part.text).join('');
  if (mode === 'equals') return value === text;
  if (mode === 'equalsIgnoreCase') return value.toLowerCase() === text.toLowerCase();
  return legacyRegExp(tokenizePattern(resolved, mode === 'arn')).test(value);
}

function newMatch(mode: Mode, pattern: string, value: string, context?: Record<string, string>): boolean {
  if (mode === 'action') return compileActionPattern(pattern)(value.toLowerCase());
  return compilePattern(pattern, mode, context !== undefined)(value, scopeOf(context)) === 'yes';
}

type Row = {
  name: string;
  mode: Mode;
  pattern: string;
  value: string;
  context?: Record<string, string>;
  expected: boolean;
};

const S3 = 'arn:aws:s3:::';
const FN = 'arn:aws:lambda:us-east-1:111122223333:function';

// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
const ROWS: Row[] = [
  { name: 'an exact ARN', mode: 'arn', pattern: `${FN}:f`, value: `${FN}:f`, expected: true },
  { name: 'resources are case-sensitive', mode: 'arn', pattern: `${S3}Bucket`, value: `${S3}bucket`, expected: false },
  {
    name: 'a * in the Region',
    mode: 'arn',
    pattern: 'arn:aws:sns:*:1:t',
    value: 'arn:aws:sns:us-east-1:1:t',
    expected: true,
  },
  {
    name: 'a Region * does not cross :',
    mode: 'arn',
    pattern: 'arn:aws:sns:*:1:t',
    value: 'arn:aws:sns:a:2:1:t',
    expected: false,
  },
  {
    name: 'an account * does not cross :',
    mode: 'arn',
    pattern: 'arn:aws:sqs:r:*:q',
    value: 'arn:aws:sqs:r:1:2:q',
    expected: false,
  },
  {
    name: 'a ? in the Region',
    mode: 'arn',
    pattern: 'arn:aws:sqs:us-east-?:1:q',
    value: 'arn:aws:sqs:us-east-2:1:q',
    expected: true,
  },
  { name: 'a prefix ? is not a :', mode: 'arn', pattern: 'arn:aws:s3:?::b', value: 'arn:aws:s3::::b', expected: false },
  { name: 'a resource * crosses :', mode: 'arn', pattern: `${FN}:*`, value: `${FN}:f:prod`, expected: true },
  { name: 'a resource * crosses /', mode: 'arn', pattern: `${S3}b/*`, value: `${S3}b/a/b/c.json`, expected: true },
  { name: 'a resource ? may be a :', mode: 'arn', pattern: `${FN}:f?1`, value: `${FN}:f:1`, expected: true },
  {
    name: 'several * in the resource',
    mode: 'arn',
    pattern: `${S3}b/*/x/*.json`,
    value: `${S3}b/a/x/y/z.json`,
    expected: true,
  },
  {
    name: 'several * and a wrong suffix',
    mode: 'arn',
    pattern: `${S3}b/*/x/*.json`,
    value: `${S3}b/a/x/y/z.txt`,
    expected: false,
  },
  {
    name: 'runs placed leftmost still match later',
    mode: 'arn',
    pattern: `${S3}*ab*ab`,
    value: `${S3}xabyabab`,
    expected: true,
  },
  { name: 'a run must fit before the tail', mode: 'arn', pattern: `${S3}*aa*a`, value: `${S3}aaa`, expected: true },
  { name: 'head and tail cannot overlap', mode: 'arn', pattern: `${S3}ab*ba`, value: `${S3}aba`, expected: false },
  { name: 'a pattern longer than the value', mode: 'arn', pattern: `${S3}b/??`, value: `${S3}b/x`, expected: false },
  { name: 'stars match nothing', mode: 'arn', pattern: `${S3}**`, value: S3, expected: true },
  {
    name: 'a short ARN with a trailing * crosses :',
    mode: 'arn',
    pattern: 'arn:aws:s3:*',
    value: `${S3}b/k`,
    expected: true,
  },
  { name: 'a short ARN ending in s*', mode: 'arn', pattern: 'arn:aws:s*', value: `${S3}b`, expected: true },
  { name: 'a short ARN, inner * bound', mode: 'arn', pattern: 'arn:aws:*:x', value: 'arn:aws:s3:x', expected: true },
  { name: 'a short ARN, inner * at :', mode: 'arn', pattern: 'arn:aws:*:x', value: 'arn:aws:s3:y:x', expected: false },
  {
    name: 'a short ARN, bound * then trailing *',
    mode: 'arn',
    pattern: 'arn:aws:s3:a*b*',
    value: 'arn:aws:s3:axb:c:d',
    expected: true,
  },
  {
    name: 'a short ARN, bound * cannot reach b',
    mode: 'arn',
    pattern: 'arn:aws:s3:a*b*',
    value: 'arn:aws:s3:a:b',
    expected: false,
  },
  { name: 'a short ARN without *', mode: 'arn', pattern: 'arn:aws:s3', value: `${S3}b`, expected: false },
  {
    name: 'colons in the prefix (IAM)',
    mode: 'arn',
    pattern: 'arn:aws:iam::*:role/x',
    value: 'arn:aws:iam::1:role/x',
    expected: true,
  },
  {
    name: 'colons in the prefix must align',
    mode: 'arn',
    pattern: 'arn:aws:iam::*:role/x',
    value: 'arn:aws:iam:r:1:role/x',
    expected: false,
  },
  {
    name: 'regular-expression characters are literal',
    mode: 'arn',
    pattern: `${S3}a.b/(x)+`,
    value: `${S3}aXb/(x)+`,
    expected: false,
  },
  {
    name: 'regular-expression characters match themselves',
    mode: 'arn',
    pattern: `${S3}a.b/(x)+^$\\[*`,
    value: `${S3}a.b/(x)+^$\\[`,
    expected: true,
  },
  { name: 'a newline is one character', mode: 'arn', pattern: `${S3}b/?*`, value: `${S3}b/\nx`, expected: true },
  { name: 'a ? is one UTF-16 unit (é)', mode: 'arn', pattern: `${S3}b/?`, value: `${S3}b/é`, expected: true },
  { name: 'a ? is one UTF-16 unit (😀 is two)', mode: 'arn', pattern: `${S3}b/?`, value: `${S3}b/😀`, expected: false },
  { name: 'non-ARN text is a plain glob', mode: 'arn', pattern: 'foo:*:baz', value: 'foo:a:b:baz', expected: true },
  { name: 'a * alone', mode: 'arn', pattern: '*', value: `${S3}b`, expected: true },
  {
    name: 'adversarial stars, short',
    mode: 'arn',
    pattern: `${FN}:*a*a*a*a*a*a`,
    value: `${FN}:aaaaaaaaaaaab`,
    expected: false,
  },
  {
    name: '${aws:username} substituted',
    mode: 'arn',
    pattern: `${S3}b/\${aws:username}/*`,
    value: `${S3}b/alice/x`,
    context: { 'aws:username': 'alice' },
    expected: true,
  },
  {
    name: '${aws:username} of another user',
    mode: 'arn',
    pattern: `${S3}b/\${aws:username}/*`,
    value: `${S3}b/bob/x`,
    context: { 'aws:username': 'alice' },
    expected: false,
  },
  {
    name: 'a substituted * is literal',
    mode: 'arn',
    pattern: `${S3}b/\${aws:username}/x`,
    value: `${S3}b/abc/x`,
    context: { 'aws:username': 'a*' },
    expected: false,
  },
  {
    name: 'a substituted * matches itself',
    mode: 'arn',
    pattern: `${S3}b/\${aws:username}/x`,
    value: `${S3}b/a*/x`,
    context: { 'aws:username': 'a*' },
    expected: true,
  },
  { name: '${*} is a literal *', mode: 'arn', pattern: `${S3}b/\${*}`, value: `${S3}b/*`, context: {}, expected: true },
  {
    name: '${*} is not a wildcard',
    mode: 'arn',
    pattern: `${S3}b/\${*}`,
    value: `${S3}b/x`,
    context: {},
    expected: false,
  },
  {
    name: '${?} is not a wildcard',
    mode: 'arn',
    pattern: `${S3}b/\${?}`,
    value: `${S3}b/x`,
    context: {},
    expected: false,
  },
  {
    name: '${$} is a literal $',
    mode: 'arn',
    pattern: `${S3}b/\${$}{x}*`,
    value: `${S3}b/\${x}y`,
    context: {},
    expected: true,
  },
  {
    name: 'a variable in the Region',
    mode: 'arn',
    pattern: 'arn:aws:sqs:${aws:RequestedRegion}:*:q',
    value: 'arn:aws:sqs:eu-west-1:1:q',
    context: { 'aws:RequestedRegion': 'eu-west-1' },
    expected: true,
  },
  {
    name: 'a substituted : shifts the components',
    mode: 'arn',
    pattern: 'arn:aws:sqs:${k}:*:q',
    value: 'arn:aws:sqs:r:1:x:q',
    context: { k: 'r:1' },
    expected: true,
  },
  {
    name: 'after a substituted : the * stays bound',
    mode: 'arn',
    pattern: 'arn:aws:sqs:${k}:*:q',
    value: 'arn:aws:sqs:r:1:x:y:q',
    context: { k: 'r:1' },
    expected: false,
  },
  { name: 'StringLike crosses colons', mode: 'like', pattern: 'arn:aws:*:x', value: 'arn:aws:s3:y:x', expected: true },
  { name: 'StringLike is case-sensitive', mode: 'like', pattern: 'A*', value: 'abc', expected: false },
  { name: 'StringLike ? matches one', mode: 'like', pattern: 'team-??', value: 'team-a1', expected: true },
  { name: 'StringEquals has no wildcards', mode: 'equals', pattern: 'a*', value: 'abc', expected: false },
  { name: 'StringEquals matches a literal *', mode: 'equals', pattern: 'a*', value: 'a*', expected: true },
  {
    name: 'StringEqualsIgnoreCase ignores case',
    mode: 'equalsIgnoreCase',
    pattern: 'ORDERS',
    value: 'orders',
    expected: true,
  },
  {
    name: 'StringEqualsIgnoreCase has no wildcards',
    mode: 'equalsIgnoreCase',
    pattern: 'ord*',
    value: 'orders',
    expected: false,
  },
  { name: 'actions ignore case', mode: 'action', pattern: 'S3:Get*', value: 's3:GetObject', expected: true },
  { name: 'an action ? ignores case', mode: 'action', pattern: 's3:get?bject', value: 'S3:GETOBJECT', expected: true },
  {
    name: 'an action with two *',
    mode: 'action',
    pattern: 's3:*Object*',
    value: 's3:GetObjectTagging',
    expected: true,
  },
  {
    name: 'an action suffix must match',
    mode: 'action',
    pattern: 'ec2:*Instances',
    value: 'ec2:DescribeInstanceStatus',
    expected: false,
  },
  { name: 'an action ? is one character', mode: 'action', pattern: 's3:Get?', value: 's3:GetObject', expected: false },
  {
    name: 'adversarial action stars',
    mode: 'action',
    pattern: `s3:${'*a'.repeat(6)}`,
    value: `s3:${'a'.repeat(20)}b`,
    expected: false,
  },
];

describe('compileWildcardMatcher', () => {
  it.each(ROWS)(
    '$name: $expected (as the regular expressions decided)',
    ({ mode, pattern, value, context, expected }) => {
      expect({
        now: newMatch(mode, pattern, value, context),
        before: legacyMatch(mode, pattern, value, context),
      }).toEqual({
        now: expected,
        before: expected,
      });
    },
  );

  it('matches token lists tokenizePattern never makes (a bound * after a crossing one) as a regular expression would', () => {
    const tokens: PatternToken[] = [
      { kind: 'star', char: '*', crossesColon: true },
      { kind: 'char', char: 'x', crossesColon: false },
      { kind: 'star', char: '*', crossesColon: false },
      { kind: 'char', char: 'y', crossesColon: false },
    ];
    const matches = compileWildcardMatcher(tokens);
    const values = ['a:xby', 'a:x:y', 'x:xy', 'xy', 'x:y', ':x:b:xcy', 'y'];
    expect(values.map(matches)).toEqual(values.map((v) => legacyRegExp(tokens).test(v)));
    expect(values.map(matches)).toEqual([true, false, true, true, false, true, false]);
  });
});

const LAMBDA_ANY = 'arn:aws:lambda:*:*:function';
const ADVERSARIAL = `${LAMBDA_ANY}:${'*a'.repeat(5_000)}`;

describe('adversarial patterns', () => {
  it.each([
    {
      name: 'a 10,000-character Resource against a near miss',
      resource: `${FN}:${'a'.repeat(10_000)}b`,
      expected: IDENTITY_DENIES,
    },
    { name: 'a 10,000-character Resource against a match', resource: `${FN}:${'a'.repeat(10_000)}`, expected: ALLOWED },
    {
      name: 'a 10,000-character Resource against too few a',
      resource: `${FN}:${'a'.repeat(4_999)}`,
      expected: IDENTITY_DENIES,
    },
    {
      name: 'a 10,000-character Resource against a hole it meets',
      resource: `${FN}:a*`,
      expected: notProvable([ADVERSARIAL]),
    },
    { name: 'a 10,000-character Resource against a hole it misses', resource: `${FN}:*b`, expected: IDENTITY_DENIES },
    {
      name: 'a 10,000-character Resource against a 5,000-character hole (past MAX_HOLE_CELLS: not provable)',
      resource: `${FN}:${'a'.repeat(5_000)}*a`,
      expected: notProvable([ADVERSARIAL]),
    },
  ])('decides $name', ({ resource, expected }) => {
    const input = identityOf([{ Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: ADVERSARIAL }]);
    expect(outcomeOf(input, 'lambda:InvokeFunction', resource)).toEqual(expected);
  });

  it('proves a hole inside a 10,000-character run of stars', () => {
    const stars = `${LAMBDA_ANY}:${'*'.repeat(10_000)}a`;
    const input = identityOf([{ Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: stars }]);
    expect(outcomeOf(input, 'lambda:InvokeFunction', `${FN}:*a`)).toEqual(ALLOWED);
    expect(outcomeOf(input, 'lambda:InvokeFunction', `${FN}:${'b'.repeat(10_000)}`)).toEqual(IDENTITY_DENIES);
  });

  it('decides a 10,000-character NotAction and StringLike condition', () => {
    const input = identityOf([
      {
        Effect: 'Allow',
        NotAction: `s3:${'*a'.repeat(5_000)}`,
        Resource: '*',
        Condition: { StringLike: { 'aws:PrincipalTag/team': '*b'.repeat(5_000) } },
      },
    ]);
    const context = { 'aws:PrincipalTag/team': `${'b'.repeat(10_000)}c` };
    expect(outcomeOf(input, `s3:${'a'.repeat(10_000)}b`, '*', context)).toEqual(IDENTITY_DENIES);
    expect(outcomeOf(input, `s3:${'a'.repeat(10_000)}b`, '*', { 'aws:PrincipalTag/team': 'b'.repeat(10_000) })).toEqual(
      ALLOWED,
    );
    expect(outcomeOf(input, `s3:${'a'.repeat(10_000)}`, '*', { 'aws:PrincipalTag/team': 'b'.repeat(10_000) })).toEqual(
      IDENTITY_DENIES,
    );
  });

  it('compiles and decides a 50,000-character pattern (a regular expression of it was too large)', () => {
    const pattern = `${S3}${'*a'.repeat(25_000)}`;
    const input = identityOf([{ Effect: 'Allow', Action: 's3:GetObject', Resource: pattern }]);
    expect(outcomeOf(input, 's3:GetObject', `${S3}${'a'.repeat(25_000)}`)).toEqual(ALLOWED);
    expect(outcomeOf(input, 's3:GetObject', `${S3}${'a'.repeat(24_999)}`)).toEqual(IDENTITY_DENIES);
  });
});
