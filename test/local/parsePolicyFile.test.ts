import { describe, expect, it } from 'vitest';
import { parsePolicyFile } from '../../shared/local/parsePolicyFile.js';

const DOCUMENT = {
  Version: '2012-10-17',
  Statement: [
    { Sid: 'Publish', Effect: 'Allow', Action: 'sns:Publish', Resource: 'arn:aws:sns:us-east-1:111122223333:t' },
  ],
};

describe('parsePolicyFile', () => {
  it.each([
    { name: 'a policy document', value: DOCUMENT, policyName: 'inline.json' },
    {
      name: 'get-role-policy output with an object document',
      value: { RoleName: 'r', PolicyName: 'Tasks', PolicyDocument: DOCUMENT },
      policyName: 'Tasks',
    },
    {
      name: 'get-role-policy output with a URL-encoded document',
      value: { RoleName: 'r', PolicyName: 'Tasks', PolicyDocument: encodeURIComponent(JSON.stringify(DOCUMENT)) },
      policyName: 'Tasks',
    },
    {
      name: 'get-policy-version output',
      value: { PolicyVersion: { Document: DOCUMENT, VersionId: 'v3', IsDefaultVersion: true } },
      policyName: 'inline.json (v3)',
    },
  ])('reads $name', ({ value, policyName }) => {
    expect(parsePolicyFile(value, 'inline.json')).toEqual({ name: policyName, document: DOCUMENT });
  });

  it('rejects other JSON with the accepted shapes in the message', () => {
    expect(() => parsePolicyFile({ Role: {} }, 'role.json')).toThrow(
      'role.json: expected a policy document or the output of aws iam get-role-policy or get-policy-version',
    );
  });
});
