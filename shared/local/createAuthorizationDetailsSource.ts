import type { NamedPolicy, RolePolicies, RolePolicySource } from '../ports.js';
import type { PolicyDocument } from '../types.js';
import { decodePolicyDocument } from './decodePolicyDocument.js';
import { findRoleDetail } from './findRoleDetail.js';
import { InputError } from './InputError.js';
import { INPUT_LIMITS } from './inputLimits.js';
import type { AuthorizationDetails, ManagedPolicyDetail } from './parseAuthorizationDetails.js';
import { parseAuthorizationDetails } from './parseAuthorizationDetails.js';
import { readJsonFile } from './readJsonFile.js';

/** The default version's document: the version flagged IsDefaultVersion, else the one DefaultVersionId names. */
function defaultDocument(policy: ManagedPolicyDetail): unknown {
  const flagged = policy.PolicyVersionList.find((version) => version.IsDefaultVersion === true);
  const named = policy.PolicyVersionList.find((version) => version.VersionId === policy.DefaultVersionId);
  return (flagged ?? named)?.Document;
}

function managedPolicy(details: AuthorizationDetails, arn: string, roleName: string): NamedPolicy {
  const policy = details.policies.find((candidate) => candidate.Arn === arn);
  const document = policy === undefined ? undefined : defaultDocument(policy);
  if (document === undefined) {
    throw new InputError(
      `${details.source}: role ${roleName} uses managed policy ${arn}, whose default version is not in the file ` +
        '(run get-account-authorization-details without --filter, or with LocalManagedPolicy and AWSManagedPolicy)',
    );
  }
  return { name: arn, document: decodePolicyDocument(document, `${details.source}: ${arn}`) };
}

/**
 * A RolePolicySource over an authorization-details file: a role (found by ARN, name or path/name) resolves to its
 * inline policies, the default versions of its attached managed policies, its permissions boundary and its trust
 * policy; a role missing from the file is `found: false`, a managed policy missing from it is an InputError.
 */
export function createAuthorizationDetailsSource(details: AuthorizationDetails): RolePolicySource {
  return {
    async read(roleNameOrArn) {
      const role = findRoleDetail(details.roles, roleNameOrArn);
      if (role === undefined) {
        return { found: false, roleArn: roleNameOrArn, reason: `role ${roleNameOrArn} is not in ${details.source}` };
      }
      const where = `${details.source}: role ${role.RoleName}`;
      const inline = role.RolePolicyList.map((policy) => ({
        name: policy.PolicyName,
        document: decodePolicyDocument(policy.PolicyDocument, `${where}, inline policy ${policy.PolicyName}`),
      }));
      const attached = role.AttachedManagedPolicies.map((policy) =>
        managedPolicy(details, policy.PolicyArn, role.RoleName),
      );
      const policies: RolePolicies = { roleArn: role.Arn, identity: [...inline, ...attached] };
      const boundaryArn = role.PermissionsBoundary?.PermissionsBoundaryArn;
      if (boundaryArn !== undefined) policies.boundary = managedPolicy(details, boundaryArn, role.RoleName);
      if (role.AssumeRolePolicyDocument !== undefined) {
        const trust: PolicyDocument = decodePolicyDocument(role.AssumeRolePolicyDocument, `${where}, trust policy`);
        policies.trust = trust;
      }
      return { found: true, policies };
    },
  };
}

/** Reads an authorization-details file from disk into a RolePolicySource (see createAuthorizationDetailsSource). */
export async function loadAuthorizationDetails(path: string): Promise<RolePolicySource> {
  const file = await readJsonFile(path, INPUT_LIMITS.authorizationDetails);
  return createAuthorizationDetailsSource(parseAuthorizationDetails(file.value, path));
}
