import { describe, expect, it } from 'vitest';
import { findRoleDetail } from '../../shared/local/findRoleDetail.js';
import type { RoleDetail } from '../../shared/local/parseAuthorizationDetails.js';

function role(arn: string, path: string): RoleDetail {
  return {
    Arn: arn,
    RoleName: arn.slice(arn.lastIndexOf('/') + 1),
    Path: path,
    RolePolicyList: [],
    AttachedManagedPolicies: [],
  };
}

const ROLES = [
  role('arn:aws:iam::111122223333:role/service-role/Orders', '/service-role/'),
  role('arn:aws:iam::444455556666:role/Orders', '/'),
  role('arn:aws:iam::111122223333:role/Billing', '/'),
];

describe('findRoleDetail', () => {
  it.each([
    {
      name: 'the exact ARN with its path',
      ref: 'arn:aws:iam::111122223333:role/service-role/Orders',
      arn: ROLES[0]?.Arn,
    },
    { name: 'a pathless ARN of a role with a path', ref: 'arn:aws:iam::111122223333:role/Orders', arn: ROLES[0]?.Arn },
    {
      name: 'an ARN with the wrong path, by account and name',
      ref: 'arn:aws:iam::111122223333:role/x/Orders',
      arn: ROLES[0]?.Arn,
    },
    { name: 'the same name in another account', ref: 'arn:aws:iam::444455556666:role/Orders', arn: ROLES[1]?.Arn },
    { name: 'a bare name', ref: 'Billing', arn: ROLES[2]?.Arn },
    { name: 'path and name', ref: 'service-role/Orders', arn: ROLES[0]?.Arn },
    { name: 'path and name with a leading slash', ref: '/service-role/Orders', arn: ROLES[0]?.Arn },
  ])('finds a role by $name', ({ ref, arn }) => {
    expect(findRoleDetail(ROLES, ref)?.Arn).toBe(arn);
  });

  it.each([
    { name: 'an unknown name', ref: 'Shipping' },
    { name: 'a known name in an account not in the file', ref: 'arn:aws:iam::777788889999:role/Orders' },
    { name: 'the wrong path given as path/name', ref: 'other/Orders' },
  ])('finds nothing for $name', ({ ref }) => {
    expect(findRoleDetail(ROLES, ref)).toBeUndefined();
  });
});
