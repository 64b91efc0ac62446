import { InputError } from './InputError.js';
import { isRecord } from './isRecord.js';

/** A role as `aws iam get-account-authorization-details` lists it (the fields the audit reads). */
export type RoleDetail = {
  Arn: string;
  RoleName: string;
  Path?: string;
  RolePolicyList: { PolicyName: string; PolicyDocument: unknown }[];
  AttachedManagedPolicies: { PolicyName?: string; PolicyArn: string }[];
  PermissionsBoundary?: { PermissionsBoundaryArn: string };
  AssumeRolePolicyDocument?: unknown;
};

/** A managed policy as `aws iam get-account-authorization-details` lists it, with its versions. */
export type ManagedPolicyDetail = {
  Arn: string;
  PolicyName?: string;
  DefaultVersionId?: string;
  PolicyVersionList: { VersionId?: string; IsDefaultVersion?: boolean; Document: unknown }[];
};

/** The roles and managed policies of an authorization-details file. */
export type AuthorizationDetails = { source: string; roles: RoleDetail[]; policies: ManagedPolicyDetail[] };

function list(value: Record<string, unknown>, key: string, where: string): Record<string, unknown>[] {
  const field = value[key];
  if (field === undefined || field === null) return [];
  if (!Array.isArray(field) || !field.every(isRecord))
    throw new InputError(`${where}: "${key}" must be a list of objects`);
  return field;
}

function text(value: Record<string, unknown>, key: string, where: string): string {
  const field = value[key];
  if (typeof field !== 'string' || field === '') throw new InputError(`${where}: "${key}" must be a non-empty string`);
  return field;
}

function toRole(value: Record<string, unknown>, where: string): RoleDetail {
  const boundary = value.PermissionsBoundary;
  const role: RoleDetail = {
    Arn: text(value, 'Arn', where),
    RoleName: text(value, 'RoleName', where),
    RolePolicyList: list(value, 'RolePolicyList', where).map((policy, index) => ({
      PolicyName: text(policy, 'PolicyName', `${where}.RolePolicyList[${index}]`),
      PolicyDocument: policy.PolicyDocument,
    })),
    AttachedManagedPolicies: list(value, 'AttachedManagedPolicies', where).map((policy, index) => ({
      PolicyArn: text(policy, 'PolicyArn', `${where}.AttachedManagedPolicies[${index}]`),
      ...(typeof policy.PolicyName === 'string' ? { PolicyName: policy.PolicyName } : {}),
    })),
  };
  if (typeof value.Path === 'string') role.Path = value.Path;
  if (isRecord(boundary) && typeof boundary.PermissionsBoundaryArn === 'string') {
    role.PermissionsBoundary = { PermissionsBoundaryArn: boundary.PermissionsBoundaryArn };
  }
  if (value.AssumeRolePolicyDocument !== undefined) role.AssumeRolePolicyDocument = value.AssumeRolePolicyDocument;
  return role;
}

function toPolicy(value: Record<string, unknown>, where: string): ManagedPolicyDetail {
  const policy: ManagedPolicyDetail = {
    Arn: text(value, 'Arn', where),
    PolicyVersionList: list(value, 'PolicyVersionList', where).map((version) => ({
      Document: version.Document,
      ...(typeof version.VersionId === 'string' ? { VersionId: version.VersionId } : {}),
      ...(typeof version.IsDefaultVersion === 'boolean' ? { IsDefaultVersion: version.IsDefaultVersion } : {}),
    })),
  };
  if (typeof value.PolicyName === 'string') policy.PolicyName = value.PolicyName;
  if (typeof value.DefaultVersionId === 'string') policy.DefaultVersionId = value.DefaultVersionId;
  return policy;
}

/**
 * Reads the output of `aws iam get-account-authorization-details` (RoleDetailList and Policies; users and groups are
 * ignored), checking the shape of the parts the audit uses and naming `source` in every error.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountAuthorizationDetails.html
 */
export function parseAuthorizationDetails(value: unknown, source: string): AuthorizationDetails {
  if (!isRecord(value) || !Array.isArray(value.RoleDetailList)) {
    throw new InputError(
      `${source}: no RoleDetailList (is this the output of aws iam get-account-authorization-details?)`,
    );
  }
  return {
    source,
    roles: list(value, 'RoleDetailList', source).map((role, index) =>
      toRole(role, `${source}: RoleDetailList[${index}]`),
    ),
    policies: list(value, 'Policies', source).map((policy, index) => toPolicy(policy, `${source}: Policies[${index}]`)),
  };
}
