// biome-ignore-all lint/suspicious/noTemplateCurlyInString: IAM policy variables are written ${…}
import { describe, expect, it } from 'vitest';
import {
  compareHolePattern,
  MAX_HOLE_CELLS,
  tokensContained,
  tokensOverlap,
} from '../../shared/iam/compareHolePattern.js';
import { evaluateRequest } from '../../shared/iam/evaluateRequest.js';
import { tokenizePattern } from '../../shared/iam/tokenizePattern.js';
import type { EvaluationInput } from '../../shared/iam/types.js';
import type { PolicyStatement } from '../../shared/types.js';
import { ALLOWED, conditional, IDENTITY_DENIES, identityOf, notProvable, type Outcome, outcomeOf } from './decide.js';

const TASK_DEFINITION = 'arn:aws:ecs:eu-west-1:111122223333:task-definition';
const SECRET = 'arn:aws:secretsmanager:eu-west-1:111122223333:secret';
const FUNCTION = 'arn:aws:lambda:us-east-1:111122223333:function';

function allow(action: string, resource: string | string[]): PolicyStatement {
  return { Effect: 'Allow', Action: action, Resource: resource };
}

function deny(action: string, resource: string | string[]): PolicyStatement {
  return { Effect: 'Deny', Action: action, Resource: resource };
}

type Row = { name: string; statements: PolicyStatement[]; action: string; resource: string; expected: Outcome };

// design.md "What a requirement's resource means"; https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
const VERDICTS: Row[] = [
  {
    name: 'one revision does not prove every revision of the family',
    statements: [allow('ecs:RunTask', `${TASK_DEFINITION}/app:7`)],
    action: 'ecs:RunTask',
    resource: `${TASK_DEFINITION}/app:*`,
    expected: notProvable([`${TASK_DEFINITION}/app:7`]),
  },
  {
    name: 'every revision of the family is granted by app:*',
    statements: [allow('ecs:RunTask', `${TASK_DEFINITION}/app:*`)],
    action: 'ecs:RunTask',
    resource: `${TASK_DEFINITION}/app:*`,
    expected: ALLOWED,
  },
  {
    name: 'every revision of the family is granted by task-definition/*',
    statements: [allow('ecs:RunTask', `${TASK_DEFINITION}/*`)],
    action: 'ecs:RunTask',
    resource: `${TASK_DEFINITION}/app:*`,
    expected: ALLOWED,
  },
  {
    name: 'every revision of the family is granted by *',
    statements: [allow('ecs:RunTask', '*')],
    action: 'ecs:RunTask',
    resource: `${TASK_DEFINITION}/app:*`,
    expected: ALLOWED,
  },
  {
    name: 'another family grants none of the revisions',
    statements: [allow('ecs:RunTask', `${TASK_DEFINITION}/other:*`)],
    action: 'ecs:RunTask',
    resource: `${TASK_DEFINITION}/app:*`,
    expected: IDENTITY_DENIES,
  },
  {
    name: 'the family without a revision grants none of the revisions',
    statements: [allow('ecs:RunTask', `${TASK_DEFINITION}/app`)],
    action: 'ecs:RunTask',
    resource: `${TASK_DEFINITION}/app:*`,
    expected: IDENTITY_DENIES,
  },
  {
    name: 'a secret suffix is granted by prod/db-*',
    statements: [allow('secretsmanager:GetSecretValue', `${SECRET}:prod/db-*`)],
    action: 'secretsmanager:GetSecretValue',
    resource: `${SECRET}:prod/db-??????`,
    expected: ALLOWED,
  },
  {
    name: 'a secret suffix is granted by prod/db-??????',
    statements: [allow('secretsmanager:GetSecretValue', `${SECRET}:prod/db-??????`)],
    action: 'secretsmanager:GetSecretValue',
    resource: `${SECRET}:prod/db-??????`,
    expected: ALLOWED,
  },
  {
    name: 'one suffix does not prove the secret',
    statements: [allow('secretsmanager:GetSecretValue', `${SECRET}:prod/db-AbCdEf`)],
    action: 'secretsmanager:GetSecretValue',
    resource: `${SECRET}:prod/db-??????`,
    expected: notProvable([`${SECRET}:prod/db-AbCdEf`]),
  },
  {
    name: 'a suffix of another length is not the secret',
    statements: [allow('secretsmanager:GetSecretValue', `${SECRET}:prod/db-AbCdE`)],
    action: 'secretsmanager:GetSecretValue',
    resource: `${SECRET}:prod/db-??????`,
    expected: IDENTITY_DENIES,
  },
  {
    name: 'an unknown Region and account are not proven by one of each',
    statements: [allow('lambda:InvokeFunction', `${FUNCTION}:orders`)],
    action: 'lambda:InvokeFunction',
    resource: 'arn:aws:lambda:*:*:function:orders',
    expected: notProvable([`${FUNCTION}:orders`]),
  },
  {
    name: 'an unknown Region and account are proven by wildcards there',
    statements: [allow('lambda:InvokeFunction', 'arn:aws:lambda:*:*:function:orders')],
    action: 'lambda:InvokeFunction',
    resource: 'arn:aws:lambda:*:*:function:orders',
    expected: ALLOWED,
  },
  {
    name: 'a Region hole holds no colon, so a resource-part wildcard cannot reach it',
    statements: [allow('lambda:InvokeFunction', 'arn:aws:lambda:us-*:*:function:orders')],
    action: 'lambda:InvokeFunction',
    resource: 'arn:aws:lambda:*:*:function:orders',
    expected: notProvable(['arn:aws:lambda:us-*:*:function:orders']),
  },
  {
    name: 'a short pattern ending in * covers every component',
    statements: [allow('lambda:InvokeFunction', 'arn:aws:lambda:*')],
    action: 'lambda:InvokeFunction',
    resource: 'arn:aws:lambda:*:*:function:orders',
    expected: ALLOWED,
  },
  {
    name: 'a partial Deny under a full Allow is not provable, naming the denied pattern',
    statements: [allow('*', '*'), deny('lambda:InvokeFunction', `${FUNCTION}:orders-admin`)],
    action: 'lambda:InvokeFunction',
    resource: `${FUNCTION}:orders-*`,
    expected: notProvable(['*'], [`${FUNCTION}:orders-admin`]),
  },
  {
    name: 'a Deny covering every ARN is an explicit deny',
    statements: [allow('*', '*'), deny('lambda:InvokeFunction', `${FUNCTION}:*`)],
    action: 'lambda:InvokeFunction',
    resource: `${FUNCTION}:orders-*`,
    expected: { decision: 'explicitDeny', deniedBy: 'identity' },
  },
  {
    name: 'a Deny of other ARNs does not matter',
    statements: [allow('*', '*'), deny('lambda:InvokeFunction', `${FUNCTION}:billing-*`)],
    action: 'lambda:InvokeFunction',
    resource: `${FUNCTION}:orders-*`,
    expected: ALLOWED,
  },
  {
    name: 'patterns of several statements are listed in policy order without duplicates',
    statements: [
      allow('lambda:InvokeFunction', [`${FUNCTION}:orders-a`, `${FUNCTION}:billing`]),
      allow('lambda:Invoke*', [`${FUNCTION}:orders-b`, `${FUNCTION}:orders-a`]),
      allow('s3:GetObject', `${FUNCTION}:orders-c`),
    ],
    action: 'lambda:InvokeFunction',
    resource: `${FUNCTION}:orders-*`,
    expected: notProvable([`${FUNCTION}:orders-a`, `${FUNCTION}:orders-b`]),
  },
  {
    name: 'a full Allow among partial ones allows',
    statements: [allow('lambda:InvokeFunction', [`${FUNCTION}:orders-a`, `${FUNCTION}:orders-*`])],
    action: 'lambda:InvokeFunction',
    resource: `${FUNCTION}:orders-*`,
    expected: ALLOWED,
  },
  {
    name: 'NotResource excluding part of the ARNs allows only in part',
    statements: [{ Effect: 'Allow', Action: '*', NotResource: `${FUNCTION}:orders-admin` }],
    action: 'lambda:InvokeFunction',
    resource: `${FUNCTION}:orders-*`,
    expected: notProvable([]),
  },
  {
    name: 'NotResource excluding every ARN allows none',
    statements: [{ Effect: 'Allow', Action: '*', NotResource: `${FUNCTION}:*` }],
    action: 'lambda:InvokeFunction',
    resource: `${FUNCTION}:orders-*`,
    expected: IDENTITY_DENIES,
  },
  {
    name: 'a Deny with NotResource excluding every ARN does not apply',
    statements: [allow('*', '*'), { Effect: 'Deny', Action: '*', NotResource: `${FUNCTION}:orders-*` }],
    action: 'lambda:InvokeFunction',
    resource: `${FUNCTION}:orders-?`,
    expected: ALLOWED,
  },
  {
    name: 'a resource of exactly * is literal: only Resource * allows it',
    statements: [allow('states:ListStateMachines', 'arn:aws:states:*:*:*')],
    action: 'states:ListStateMachines',
    resource: '*',
    expected: IDENTITY_DENIES,
  },
  {
    name: 'a policy variable missing from the request leaves a hole undecided',
    statements: [allow('s3:GetObject', 'arn:aws:s3:::b/${aws:userid}/*')],
    action: 's3:GetObject',
    resource: 'arn:aws:s3:::b/*',
    expected: conditional('aws:userid'),
  },
];

describe('resources with holes', () => {
  it.each(VERDICTS)('$name', ({ statements, action, resource, expected }) => {
    expect(outcomeOf(identityOf(statements), action, resource)).toEqual(expected);
  });

  it('decides a permissions boundary that grants only part as not provable', () => {
    const input: EvaluationInput = {
      identity: [{ name: 'id', document: { Statement: [allow('*', '*')] } }],
      boundary: { name: 'pb', document: { Statement: [allow('ecs:RunTask', `${TASK_DEFINITION}/app:7`)] } },
    };
    expect(outcomeOf(input, 'ecs:RunTask', `${TASK_DEFINITION}/app:*`)).toEqual(notProvable(['*']));
  });

  it('decides an SCP Deny on part of the ARNs as not provable', () => {
    const input: EvaluationInput = {
      identity: [{ name: 'id', document: { Statement: [allow('*', '*')] } }],
      scps: [[{ name: 'root', document: { Statement: [allow('*', '*'), deny('*', `${FUNCTION}:orders-admin`)] } }]],
    };
    expect(outcomeOf(input, 'lambda:InvokeFunction', `${FUNCTION}:orders-*`)).toEqual(
      notProvable(['*'], [`${FUNCTION}:orders-admin`]),
    );
  });

  it('prefers conditional over not provable when a condition is undecided', () => {
    const statement: PolicyStatement = {
      ...allow('lambda:InvokeFunction', `${FUNCTION}:orders-*`),
      Condition: { StringEquals: { 'aws:ResourceTag/team': 'orders' } },
    };
    expect(outcomeOf(identityOf([statement]), 'lambda:InvokeFunction', `${FUNCTION}:orders-?`)).toEqual(
      conditional('aws:ResourceTag/team'),
    );
  });

  it('lists only fully applying statements as matched', () => {
    const decision = evaluateRequest(
      identityOf([allow('ecs:RunTask', `${TASK_DEFINITION}/app:7`), { Sid: 'All', ...allow('ecs:*', '*') }]),
      { action: 'ecs:RunTask', resource: `${TASK_DEFINITION}/app:*` },
    );
    expect(decision).toMatchObject({
      decision: 'allowed',
      matchedStatements: [{ policy: 'p', statement: 'All', layer: 'identity', effect: 'Allow' }],
    });
  });
});

function tokens(text: string) {
  return tokenizePattern([{ kind: 'pattern', text }], true);
}

function compare(hole: string, pattern: string): string {
  return compareHolePattern(tokens(hole), tokens(pattern));
}

describe('compareHolePattern', () => {
  it.each([
    { name: 'identical holes', hole: 'arn:aws:s3:::b/*', pattern: 'arn:aws:s3:::b/*', expected: 'all' },
    { name: 'a ? inside a *', hole: 'arn:aws:s3:::b/?', pattern: 'arn:aws:s3:::b/*', expected: 'all' },
    { name: 'a * is not inside a ?', hole: 'arn:aws:s3:::b/*', pattern: 'arn:aws:s3:::b/?', expected: 'some' },
    {
      name: 'a resource hole may hold / and :',
      hole: 'arn:aws:s3:::b/*',
      pattern: 'arn:aws:s3:::b/*/x',
      expected: 'some',
    },
    { name: 'disjoint literal text', hole: 'arn:aws:s3:::a/*', pattern: 'arn:aws:s3:::b/*', expected: 'none' },
    {
      name: 'a Region hole in a Region wildcard',
      hole: 'arn:aws:sns:*:1:t',
      pattern: 'arn:aws:sns:*:1:*',
      expected: 'all',
    },
    {
      name: 'a Region wildcard cannot stand for a colon in the request',
      hole: 'arn:aws:sns:us-east-1:1:t',
      pattern: 'arn:aws:sns:*:t',
      expected: 'none',
    },
    {
      name: 'several holes in one * of the resource part',
      hole: 'arn:aws:s3:::b/*/?/*',
      pattern: 'arn:aws:s3:::b/*',
      expected: 'all',
    },
    {
      name: 'a conservative corner (?* in *?)',
      hole: 'arn:aws:s3:::b/?*',
      pattern: 'arn:aws:s3:::b/*?',
      expected: 'some',
    },
    {
      name: 'a hole longer than the pattern allows',
      hole: 'arn:aws:s3:::b/??',
      pattern: 'arn:aws:s3:::b/?',
      expected: 'none',
    },
  ])('says $expected for $name', ({ hole, pattern, expected }) => {
    expect(compare(hole, pattern)).toBe(expected);
  });

  it('answers long patterns without backtracking', () => {
    const hole = `arn:aws:s3:::b/${'*a'.repeat(200)}`;
    expect(compare(hole, `arn:aws:s3:::b/${'*a'.repeat(199)}*b`)).toBe('none');
    expect(compare(hole, `arn:aws:s3:::b/${'*a'.repeat(199)}*`)).toBe('all');
  });

  it('compares 10,000-token lists iteratively (the recursive version overflowed the stack)', () => {
    const stars = tokens(`arn:aws:s3:::b/${'a*'.repeat(5_000)}`);
    const letters = tokens(`arn:aws:s3:::b/${'a'.repeat(10_000)}`);
    expect(tokensOverlap(stars, letters)).toBe(true);
    expect(tokensContained(letters, stars)).toBe(true);
    expect(compare(`arn:aws:s3:::b/${'a'.repeat(2_000)}*`, `arn:aws:s3:::b/${'a*'.repeat(2_000)}`)).toBe('all');
    expect(compare(`arn:aws:s3:::b/${'a'.repeat(1_999)}*`, `arn:aws:s3:::b/${'a*'.repeat(2_000)}`)).toBe('some');
  });

  it('answers some past MAX_HOLE_CELLS, after setting shared literal text aside', () => {
    const side = Math.ceil(Math.sqrt(MAX_HOLE_CELLS));
    const hole = `arn:aws:s3:::b/${'a'.repeat(side)}*`;
    expect(compare(hole, `arn:aws:s3:::b/${'a*'.repeat(side)}`)).toBe('some');
    expect(compare(hole, `arn:aws:s3:::c/${'a*'.repeat(side)}`)).toBe('none');
    expect(compare(`${hole}x`, `arn:aws:s3:::b/${'a*'.repeat(side)}y`)).toBe('none');
    expect(compare(`arn:aws:s3:::b/${'a'.repeat(2 * side)}*`, `arn:aws:s3:::b/${'a'.repeat(2 * side)}*`)).toBe('all');
  });
});
