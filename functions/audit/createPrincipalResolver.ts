import type { PermissionSimulator, RolePolicies, RolePolicySource } from '../../shared/ports.js';
import type { PolicyDocument } from '../../shared/types.js';
import type { PrincipalResolver } from './types.js';

/** Whether a role exists and its trust policy (one iam:GetRole). */
export type RoleInfo = { found: boolean; trust?: PolicyDocument };

/** The adapters the resolver chooses between. */
export type PrincipalResolverOptions =
  | {
      mode: 'aws';
      /** iam:SimulatePrincipalPolicy on the deployed role. */
      awsSimulator(roleArn: string, region: string): PermissionSimulator;
      /** Reads the role's existence and trust policy; without it the role is assumed to exist and trust is unchecked. */
      readRole?(roleArn: string): Promise<RoleInfo>;
    }
  | {
      mode: 'local';
      /** Reads the role's identity policies, boundary and trust policy. */
      roles: RolePolicySource;
      /** The embedded evaluator over those policies, for requests made in `region`. */
      localSimulator(policies: RolePolicies, region: string): PermissionSimulator;
    };

/**
 * Creates the PrincipalResolver for SIMULATOR=aws (SimulatePrincipalPolicy; moto and other emulators lack it) or
 * SIMULATOR=local (the role's policies read with IAM Get/List calls and evaluated by the embedded evaluator).
 */
export function createPrincipalResolver(options: PrincipalResolverOptions): PrincipalResolver {
  if (options.mode === 'aws') {
    return async (roleArn, region) => {
      const simulator = options.awsSimulator(roleArn, region);
      const info = await options.readRole?.(roleArn);
      if (info === undefined) return { roleFound: true, simulator };
      return {
        roleFound: info.found,
        simulator,
        ...(info.trust === undefined ? {} : { roleTrust: info.trust }),
      };
    };
  }
  return async (roleArn, region) => {
    const lookup = await options.roles.read(roleArn);
    if (!lookup.found) {
      return { roleFound: false, simulator: { name: 'embedded evaluator', simulate: async () => [] } };
    }
    const { policies } = lookup;
    return {
      roleFound: true,
      simulator: options.localSimulator(policies, region),
      ...(policies.trust === undefined ? {} : { roleTrust: policies.trust }),
    };
  };
}
