// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the reference writes tag-key variables as ${TagKey}
import { describe, expect, it } from 'vitest';
import { conditionKeysOfAction } from '../../shared/catalogue/iamReference.js';
import { createKeyAvailability } from '../../shared/iam/createKeyAvailability.js';
import { evaluateRequest } from '../../shared/iam/evaluateRequest.js';
import { findGlobalConditionKey, GLOBAL_CONDITION_KEYS } from '../../shared/iam/globalConditionKeys.js';
import type { PolicyStatement } from '../../shared/types.js';

/** A stand-in for the Service Authorization Reference (shared/catalogue/iamReference.ts conditionKeysOfAction). */
const REFERENCE: Record<string, readonly string[]> = {
  'iam:PassRole': ['iam:AssociatedResourceArn', 'iam:PassedToService'],
  's3:ListBucket': ['s3:prefix', 's3:delimiter', 's3:max-keys'],
  'states:StartExecution': ['aws:ResourceTag/${TagKey}'],
  'glue:CreateJob': ['aws:RequestTag/${TagKey}', 'aws:TagKeys'],
  'lambda:InvokeFunction': [],
};
const availability = createKeyAvailability((action) => REFERENCE[action]);

// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
describe('createKeyAvailability', () => {
  it.each([
    { name: 'an action key is unknown', action: 'iam:PassRole', key: 'iam:passedtoservice', expected: 'unknown' },
    {
      name: 'another service key of the same service is absent',
      action: 'iam:PassRole',
      key: 'iam:permissionsboundary',
      expected: 'absent',
    },
    {
      name: 'a key of another service is absent',
      action: 'lambda:InvokeFunction',
      key: 's3:prefix',
      expected: 'absent',
    },
    { name: 'a listed key matches ignoring case', action: 's3:ListBucket', key: 's3:prefix', expected: 'unknown' },
    {
      name: '${TagKey} stands for any tag key',
      action: 'states:StartExecution',
      key: 'aws:resourcetag/team',
      expected: 'unknown',
    },
    {
      name: 'aws:ResourceTag is absent when the action does not list it',
      action: 'lambda:InvokeFunction',
      key: 'aws:resourcetag/team',
      expected: 'absent',
    },
    {
      name: 'aws:RequestTag is unknown when listed',
      action: 'glue:CreateJob',
      key: 'aws:requesttag/env',
      expected: 'unknown',
    },
    { name: 'aws:TagKeys is absent when not listed', action: 's3:ListBucket', key: 'aws:tagkeys', expected: 'absent' },
    {
      name: 'an always-set global key is present',
      action: 'lambda:InvokeFunction',
      key: 'aws:requestedregion',
      expected: 'present',
    },
    {
      name: 'a sometimes-set global key is unknown',
      action: 'lambda:InvokeFunction',
      key: 'aws:principalorgid',
      expected: 'unknown',
    },
    {
      name: 'a principal tag is unknown',
      action: 'lambda:InvokeFunction',
      key: 'aws:principaltag/team',
      expected: 'unknown',
    },
    {
      name: 'a service-principal key is absent for a role session',
      action: 'lambda:InvokeFunction',
      key: 'aws:sourcearn',
      expected: 'absent',
    },
    {
      name: 'an IAM user key is absent for a role session',
      action: 'lambda:InvokeFunction',
      key: 'aws:username',
      expected: 'absent',
    },
    {
      name: 'a global key the table does not know is unknown',
      action: 'lambda:InvokeFunction',
      key: 'aws:somethingnew',
      expected: 'unknown',
    },
    {
      name: 'for an unknown action a service key is unknown',
      action: 'foo:Bar',
      key: 'foo:thing',
      expected: 'unknown',
    },
    {
      name: 'for an unknown action aws:ResourceTag is unknown',
      action: 'foo:Bar',
      key: 'aws:resourcetag/team',
      expected: 'unknown',
    },
    {
      name: 'for an unknown action an always-set key is present',
      action: 'foo:Bar',
      key: 'aws:securetransport',
      expected: 'present',
    },
    {
      name: 'for an unknown action a never-set key is absent',
      action: 'foo:Bar',
      key: 'aws:sourceaccount',
      expected: 'absent',
    },
  ])('$name', ({ action, key, expected }) => {
    expect(availability(action, key)).toBe(expected);
  });

  it('looks each action up once', () => {
    const looked: string[] = [];
    const fresh = createKeyAvailability((action) => {
      looked.push(action);
      return REFERENCE[action];
    });
    fresh('iam:PassRole', 'iam:passedtoservice');
    fresh('IAM:passrole', 'aws:sourcearn');
    fresh('foo:Bar', 'foo:thing');
    fresh('foo:Bar', 'foo:other');
    expect(looked).toEqual(['iam:PassRole', 'foo:Bar']);
  });

  it('makes a Deny on aws:SourceArn apply for a role session, as AWS does for an absent key', () => {
    const statements: PolicyStatement[] = [
      { Effect: 'Allow', Action: '*', Resource: '*' },
      {
        Effect: 'Deny',
        Action: '*',
        Resource: '*',
        Condition: { ArnNotLike: { 'aws:SourceArn': 'arn:aws:states:*' } },
      },
    ];
    const input = { identity: [{ name: 'p', document: { Statement: statements } }] };
    const request = { action: 'lambda:InvokeFunction', resource: 'arn:aws:lambda:us-east-1:1:function:f' };
    expect(evaluateRequest(input, request).decision).toBe('conditional');
    expect(evaluateRequest({ ...input, keyAvailability: availability }, request)).toMatchObject({
      decision: 'explicitDeny',
      deniedBy: 'identity',
    });
  });
});

describe('GLOBAL_CONDITION_KEYS', () => {
  it('lists every key once, in lower case', () => {
    const keys = GLOBAL_CONDITION_KEYS.map((k) => k.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.every((k) => k === k.toLowerCase() && k.startsWith('aws:'))).toBe(true);
  });

  it.each([
    { key: 'aws:principalarn', expected: 'always' },
    { key: 'aws:securetransport', expected: 'always' },
    { key: 'aws:currenttime', expected: 'always' },
    { key: 'aws:viaawsservice', expected: 'always' },
    { key: 'aws:principaltag/team', expected: 'maybe' },
    { key: 'aws:sourcevpce', expected: 'maybe' },
    { key: 'aws:sourceorgpaths', expected: 'never' },
    { key: 'aws:principalservicename', expected: 'never' },
  ])('says $key is $expected for a role session', ({ key, expected }) => {
    expect(findGlobalConditionKey(key)?.availability).toBe(expected);
  });

  it('does not take a bare tag prefix for a tag key', () => {
    expect(findGlobalConditionKey('aws:principaltag/')).toBeUndefined();
  });
});

describe('createKeyAvailability with the Service Authorization Reference', () => {
  const reference = createKeyAvailability(conditionKeysOfAction);

  it.each([
    { action: 'lambda:InvokeFunction', key: 'aws:resourcetag/team', expected: 'unknown' },
    { action: 'lambda:InvokeFunction', key: 'aws:sourcearn', expected: 'absent' },
    { action: 'lambda:InvokeFunction', key: 's3:prefix', expected: 'absent' },
    { action: 'lambda:InvokeFunction', key: 'aws:requestedregion', expected: 'present' },
    { action: 'iam:PassRole', key: 'iam:passedtoservice', expected: 'unknown' },
  ])('says $key is $expected for $action', ({ action, key, expected }) => {
    expect(reference(action, key)).toBe(expected);
  });
});
