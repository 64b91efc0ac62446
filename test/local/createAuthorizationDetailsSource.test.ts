import { describe, expect, it } from 'vitest';
import { createAuthorizationDetailsSource } from '../../shared/local/createAuthorizationDetailsSource.js';
import { parseAuthorizationDetails } from '../../shared/local/parseAuthorizationDetails.js';

const ROLE_ARN = 'arn:aws:iam::111122223333:role/service-role/OrdersRole';
const INLINE = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sns:Publish', Resource: '*' }] };
const MANAGED_V1 = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ecs:RunTask', Resource: '*' }] };
const MANAGED_V2 = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ecs:*', Resource: '*' }] };
const BOUNDARY = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['ecs:*', 'sns:*'], Resource: '*' }] };
const TRUST = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'states.amazonaws.com' }, Action: 'sts:AssumeRole' }],
};

/** What `aws iam get-account-authorization-details` prints (documents decoded, as the AWS CLI does). */
function details(overrides: { policies?: unknown[]; encode?: boolean } = {}) {
  const encode = (document: unknown) =>
    overrides.encode === true ? encodeURIComponent(JSON.stringify(document)) : document;
  return {
    UserDetailList: [],
    GroupDetailList: [],
    RoleDetailList: [
      {
        Path: '/service-role/',
        RoleName: 'OrdersRole',
        RoleId: 'AROAEXAMPLE',
        Arn: ROLE_ARN,
        AssumeRolePolicyDocument: encode(TRUST),
        RolePolicyList: [{ PolicyName: 'Publish', PolicyDocument: encode(INLINE) }],
        AttachedManagedPolicies: [{ PolicyName: 'Ecs', PolicyArn: 'arn:aws:iam::111122223333:policy/Ecs' }],
        PermissionsBoundary: {
          PermissionsBoundaryType: 'Policy',
          PermissionsBoundaryArn: 'arn:aws:iam::111122223333:policy/Boundary',
        },
      },
    ],
    Policies: overrides.policies ?? [
      {
        PolicyName: 'Ecs',
        Arn: 'arn:aws:iam::111122223333:policy/Ecs',
        DefaultVersionId: 'v2',
        PolicyVersionList: [
          { Document: encode(MANAGED_V1), VersionId: 'v1', IsDefaultVersion: false },
          { Document: encode(MANAGED_V2), VersionId: 'v2', IsDefaultVersion: true },
        ],
      },
      {
        PolicyName: 'Boundary',
        Arn: 'arn:aws:iam::111122223333:policy/Boundary',
        DefaultVersionId: 'v1',
        PolicyVersionList: [{ Document: encode(BOUNDARY), VersionId: 'v1' }],
      },
    ],
  };
}

function sourceOf(value: unknown) {
  return createAuthorizationDetailsSource(parseAuthorizationDetails(value, 'auth.json'));
}

describe('createAuthorizationDetailsSource', () => {
  it.each([
    { name: 'decoded by the AWS CLI', encode: false },
    { name: 'URL-encoded as the IAM API returns them', encode: true },
  ])('resolves inline, attached default version, boundary and trust policies $name', async ({ encode }) => {
    const lookup = await sourceOf(details({ encode })).read('OrdersRole');
    expect(lookup).toEqual({
      found: true,
      policies: {
        roleArn: ROLE_ARN,
        identity: [
          { name: 'Publish', document: INLINE },
          { name: 'arn:aws:iam::111122223333:policy/Ecs', document: MANAGED_V2 },
        ],
        boundary: { name: 'arn:aws:iam::111122223333:policy/Boundary', document: BOUNDARY },
        trust: TRUST,
      },
    });
  });

  it('uses DefaultVersionId when no version carries IsDefaultVersion', async () => {
    const lookup = await sourceOf(details()).read(ROLE_ARN);
    expect(lookup.found && lookup.policies.boundary?.document).toEqual(BOUNDARY);
  });

  it('finds the role by a pathless ARN', async () => {
    const lookup = await sourceOf(details()).read('arn:aws:iam::111122223333:role/OrdersRole');
    expect(lookup.found && lookup.policies.roleArn).toBe(ROLE_ARN);
  });

  it('reports a role missing from the file as not found, with the reason', async () => {
    expect(await sourceOf(details()).read('arn:aws:iam::111122223333:role/Gone')).toEqual({
      found: false,
      roleArn: 'arn:aws:iam::111122223333:role/Gone',
      reason: 'role arn:aws:iam::111122223333:role/Gone is not in auth.json',
    });
  });

  it('fails naming the managed policy the file lacks', async () => {
    await expect(sourceOf(details({ policies: [] })).read('OrdersRole')).rejects.toThrow(
      'auth.json: role OrdersRole uses managed policy arn:aws:iam::111122223333:policy/Ecs, whose default version is not in the file',
    );
  });
});

describe('parseAuthorizationDetails', () => {
  it('rejects a file without RoleDetailList', () => {
    expect(() => parseAuthorizationDetails({ Roles: [] }, 'auth.json')).toThrow(
      'auth.json: no RoleDetailList (is this the output of aws iam get-account-authorization-details?)',
    );
  });

  it('names the role entry that lacks an Arn', () => {
    expect(() => parseAuthorizationDetails({ RoleDetailList: [{ RoleName: 'x' }] }, 'auth.json')).toThrow(
      'auth.json: RoleDetailList[0]: "Arn" must be a non-empty string',
    );
  });
});
