import {
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  IAMClient,
  ListAttachedRolePoliciesCommand,
  ListRolePoliciesCommand,
  NoSuchEntityException,
  ServiceFailureException,
} from '@aws-sdk/client-iam';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { createIamRolePolicySource, roleNameOf } from '../../shared/aws/createIamRolePolicySource.js';

const ROLE = 'arn:aws:iam::111122223333:role/service/team/OrderPipelineRole';
const BOUNDARY = 'arn:aws:iam::111122223333:policy/Boundary';
const MANAGED = 'arn:aws:iam::aws:policy/AWSLambdaRole';
const encoded = (document: unknown) => encodeURIComponent(JSON.stringify(document));
const statement = (Action: string) => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action, Resource: '*' }],
});
const TRUST = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'states.amazonaws.com' }, Action: 'sts:AssumeRole' }],
};
const iam = mockClient(IAMClient);

beforeEach(() => {
  iam.reset();
  iam.on(GetRoleCommand).resolves({
    Role: {
      Path: '/service/team/',
      RoleName: 'OrderPipelineRole',
      RoleId: 'AROAEXAMPLE',
      Arn: ROLE,
      CreateDate: new Date(0),
      AssumeRolePolicyDocument: encoded(TRUST),
      PermissionsBoundary: { PermissionsBoundaryType: 'PermissionsBoundaryPolicy', PermissionsBoundaryArn: BOUNDARY },
    },
  });
  iam
    .on(ListRolePoliciesCommand)
    .resolvesOnce({ PolicyNames: ['invoke'], IsTruncated: true, Marker: 'm1' })
    .resolvesOnce({ PolicyNames: ['poll'], IsTruncated: false });
  iam.on(GetRolePolicyCommand, { PolicyName: 'invoke' }).resolves({
    RoleName: 'OrderPipelineRole',
    PolicyName: 'invoke',
    PolicyDocument: encoded(statement('lambda:InvokeFunction')),
  });
  iam.on(GetRolePolicyCommand, { PolicyName: 'poll' }).resolves({
    RoleName: 'OrderPipelineRole',
    PolicyName: 'poll',
    PolicyDocument: encoded(statement('ecs:DescribeTasks')),
  });
  iam
    .on(ListAttachedRolePoliciesCommand)
    .resolves({ AttachedPolicies: [{ PolicyName: 'AWSLambdaRole', PolicyArn: MANAGED }] });
  iam.on(GetPolicyCommand, { PolicyArn: MANAGED }).resolves({ Policy: { DefaultVersionId: 'v3' } });
  iam.on(GetPolicyCommand, { PolicyArn: BOUNDARY }).resolves({ Policy: { DefaultVersionId: 'v1' } });
  iam
    .on(GetPolicyVersionCommand, { PolicyArn: MANAGED })
    .resolves({ PolicyVersion: { Document: encoded(statement('lambda:*')) } });
  iam
    .on(GetPolicyVersionCommand, { PolicyArn: BOUNDARY })
    .resolves({ PolicyVersion: { Document: encoded(statement('*')) } });
});

describe('roleNameOf', () => {
  it.each([
    { name: 'a role with a path', arn: ROLE, expected: 'OrderPipelineRole' },
    { name: 'a role without a path', arn: 'arn:aws:iam::111122223333:role/Plain', expected: 'Plain' },
  ])('reads the name of $name', ({ arn, expected }) => {
    expect(roleNameOf(arn)).toBe(expected);
  });
});

describe('createIamRolePolicySource', () => {
  it('reads inline, managed, boundary and trust policies, URL-decoded', async () => {
    const lookup = await createIamRolePolicySource(new IAMClient({})).read(ROLE);
    expect(lookup).toEqual({
      found: true,
      policies: {
        roleArn: ROLE,
        identity: [
          { name: 'invoke', document: statement('lambda:InvokeFunction') },
          { name: 'poll', document: statement('ecs:DescribeTasks') },
          { name: MANAGED, document: statement('lambda:*') },
        ],
        boundary: { name: BOUNDARY, document: statement('*') },
        trust: TRUST,
      },
    });
  });

  it('calls GetRole with the role name and follows the List markers', async () => {
    await createIamRolePolicySource(new IAMClient({})).read(ROLE);
    expect(iam.commandCalls(GetRoleCommand).map((c) => c.args[0].input)).toEqual([{ RoleName: 'OrderPipelineRole' }]);
    // The SDK paginator reuses (and mutates) one input object, so only the last page's Marker is observable.
    const pages = iam.commandCalls(ListRolePoliciesCommand).map((c) => c.args[0].input);
    expect(pages).toHaveLength(2);
    expect(pages[1]).toMatchObject({ RoleName: 'OrderPipelineRole', Marker: 'm1' });
    expect(iam.commandCalls(GetRolePolicyCommand).map((c) => c.args[0].input.PolicyName)).toEqual(['invoke', 'poll']);
    expect(iam.commandCalls(GetPolicyVersionCommand).map((c) => c.args[0].input)).toEqual([
      { PolicyArn: MANAGED, VersionId: 'v3' },
      { PolicyArn: BOUNDARY, VersionId: 'v1' },
    ]);
  });

  it('returns found: false when GetRole says NoSuchEntity', async () => {
    iam.on(GetRoleCommand).rejects(new NoSuchEntityException({ message: 'no role', $metadata: {} }));
    expect(await createIamRolePolicySource(new IAMClient({})).read(ROLE)).toEqual({
      found: false,
      roleArn: ROLE,
      reason: 'GetRole: the role OrderPipelineRole does not exist',
    });
  });

  it('throws other failures with the SDK error as cause', async () => {
    const sdkError = new ServiceFailureException({ message: 'boom', $metadata: {} });
    iam.on(GetRolePolicyCommand).rejects(sdkError);
    const failure = await createIamRolePolicySource(new IAMClient({}))
      .read(ROLE)
      .catch((error: unknown) => error as Error);
    expect((failure as Error).message).toContain('GetRolePolicy OrderPipelineRole/invoke failed');
    expect((failure as Error).cause).toBe(sdkError);
  });

  it('throws when a document is not JSON', async () => {
    iam.on(GetRolePolicyCommand).resolves({ RoleName: 'r', PolicyName: 'invoke', PolicyDocument: '%7Bnot-json' });
    await expect(createIamRolePolicySource(new IAMClient({})).read(ROLE)).rejects.toThrow(
      'inline policy invoke of OrderPipelineRole: the policy document is not (URL-encoded) JSON',
    );
  });
});
