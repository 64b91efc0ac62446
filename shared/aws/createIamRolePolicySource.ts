import {
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  type IAMClient,
  paginateListAttachedRolePolicies,
  paginateListRolePolicies,
  type Role,
} from '@aws-sdk/client-iam';
import type { NamedPolicy, RolePoliciesLookup, RolePolicySource } from '../ports.js';
import { awsCallError, awsErrorName } from './awsErrorName.js';
import { decodeIamDocument } from './decodeIamDocument.js';

/** The role name of a role ARN: the part after the last `/`, whatever the path (`role/service/Name` → `Name`). */
export function roleNameOf(roleArn: string): string {
  const resource = roleArn.split(':').slice(5).join(':');
  return resource.slice(resource.lastIndexOf('/') + 1);
}

async function call<T>(name: string, target: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw awsCallError(name, target, error);
  }
}

/**
 * A RolePolicySource over IAM: GetRole (by name, parsed from the ARN; `NoSuchEntity` → `{ found: false }`) for the
 * trust policy and the boundary ARN, ListRolePolicies + GetRolePolicy for inline policies, ListAttachedRolePolicies +
 * GetPolicy (DefaultVersionId) + GetPolicyVersion for managed policies and the boundary; List calls are paginated and
 * every document is URL-decoded (https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetRole.html).
 */
export function createIamRolePolicySource(client: IAMClient): RolePolicySource {
  async function managedPolicy(policyArn: string): Promise<NamedPolicy> {
    const policy = await call('GetPolicy', policyArn, () =>
      client.send(new GetPolicyCommand({ PolicyArn: policyArn })),
    );
    const versionId = policy.Policy?.DefaultVersionId;
    const version = await call('GetPolicyVersion', policyArn, () =>
      client.send(new GetPolicyVersionCommand({ PolicyArn: policyArn, VersionId: versionId })),
    );
    return {
      name: policyArn,
      document: decodeIamDocument(version.PolicyVersion?.Document, `${policyArn} ${versionId}`),
    };
  }

  async function inlinePolicies(roleName: string): Promise<NamedPolicy[]> {
    const names: string[] = [];
    await call('ListRolePolicies', roleName, async () => {
      for await (const page of paginateListRolePolicies({ client }, { RoleName: roleName })) {
        names.push(...(page.PolicyNames ?? []));
      }
    });
    const policies: NamedPolicy[] = [];
    for (const policyName of names) {
      const output = await call('GetRolePolicy', `${roleName}/${policyName}`, () =>
        client.send(new GetRolePolicyCommand({ RoleName: roleName, PolicyName: policyName })),
      );
      policies.push({
        name: policyName,
        document: decodeIamDocument(output.PolicyDocument, `inline policy ${policyName} of ${roleName}`),
      });
    }
    return policies;
  }

  async function attachedPolicies(roleName: string): Promise<NamedPolicy[]> {
    const arns: string[] = [];
    await call('ListAttachedRolePolicies', roleName, async () => {
      for await (const page of paginateListAttachedRolePolicies({ client }, { RoleName: roleName })) {
        arns.push(...(page.AttachedPolicies ?? []).flatMap((p) => (p.PolicyArn === undefined ? [] : [p.PolicyArn])));
      }
    });
    const policies: NamedPolicy[] = [];
    for (const arn of arns) policies.push(await managedPolicy(arn));
    return policies;
  }

  return {
    async read(roleArn: string): Promise<RolePoliciesLookup> {
      const roleName = roleNameOf(roleArn);
      let role: Role | undefined;
      try {
        role = (await client.send(new GetRoleCommand({ RoleName: roleName }))).Role;
      } catch (error) {
        if (awsErrorName(error) === 'NoSuchEntityException') {
          return { found: false, roleArn, reason: `GetRole: the role ${roleName} does not exist` };
        }
        throw awsCallError('GetRole', roleName, error);
      }
      if (role === undefined) return { found: false, roleArn, reason: `GetRole returned no role for ${roleName}` };
      const identity = [...(await inlinePolicies(roleName)), ...(await attachedPolicies(roleName))];
      const boundaryArn = role.PermissionsBoundary?.PermissionsBoundaryArn;
      const boundary = boundaryArn === undefined ? undefined : await managedPolicy(boundaryArn);
      const trustText = role.AssumeRolePolicyDocument;
      return {
        found: true,
        policies: {
          roleArn: role.Arn ?? roleArn,
          identity,
          ...(boundary === undefined ? {} : { boundary }),
          ...(trustText === undefined ? {} : { trust: decodeIamDocument(trustText, `trust policy of ${roleName}`) }),
        },
      };
    },
  };
}
