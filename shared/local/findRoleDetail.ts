import type { RoleDetail } from './parseAuthorizationDetails.js';

const ROLE_ARN = /^arn:[^:]+:iam::(\d{12}|[^:]*):role\/(.+)$/;

function accountOf(arn: string): string | undefined {
  return ROLE_ARN.exec(arn)?.[1];
}

/** The role's path and name as one string (`/service/` + `OrderPipelineRole` → `service/OrderPipelineRole`). */
function pathAndName(role: RoleDetail): string {
  const path = (role.Path ?? '/').replace(/^\/+/, '');
  return `${path}${role.RoleName}`;
}

/**
 * Finds a role by ARN, name or `path/name`: an ARN matches exactly, or by account and name when it leaves out or
 * misstates the role's path (role names are unique in an account whatever the path; IAM accepts pathless ARNs in
 * some APIs); a bare name matches the role name; a name with slashes matches path and name.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-arns
 */
export function findRoleDetail(roles: readonly RoleDetail[], roleNameOrArn: string): RoleDetail | undefined {
  const arnMatch = ROLE_ARN.exec(roleNameOrArn);
  if (arnMatch !== null) {
    const exact = roles.find((role) => role.Arn === roleNameOrArn);
    if (exact !== undefined) return exact;
    const [, account, resource = ''] = arnMatch;
    const name = resource.slice(resource.lastIndexOf('/') + 1);
    return roles.find((role) => role.RoleName === name && accountOf(role.Arn) === account);
  }
  const wanted = roleNameOrArn.replace(/^\/+/, '');
  if (wanted.includes('/')) return roles.find((role) => pathAndName(role) === wanted);
  return roles.find((role) => role.RoleName === wanted);
}
