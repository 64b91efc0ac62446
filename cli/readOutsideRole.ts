import { loadAuthorizationDetails } from '../shared/local/createAuthorizationDetailsSource.js';
import { loadIdentityPolicyFile } from '../shared/local/parsePolicyFile.js';
import type { NamedPolicy } from '../shared/ports.js';
import { hasUnresolved } from '../shared/template/unresolved.js';
import type { PolicyDocument } from '../shared/types.js';
import type { CheckFlags } from './checkOptions.js';

/** What --policy/--authorization-details say about a role that a template or plan does not define. */
export type OutsideLookup =
  | { known: false }
  | {
      known: true;
      /** Whether --authorization-details has the role; absent when only --policy files are known. */
      found?: boolean;
      identity: NamedPolicy[];
      boundary?: NamedPolicy | undefined;
      trust?: PolicyDocument | undefined;
      /** The role's ARN: from the authorization details, or the reference looked up when it is an ARN. */
      roleArn?: string | undefined;
    };

/** The run's --policy files and --authorization-details, read once; `given` is false when neither flag is. */
export type OutsideRole = { given: boolean; read(roleArn: string | undefined): Promise<OutsideLookup> };

/**
 * The role of the run's --policy files and/or --authorization-details, for state machines whose role the template or
 * plan does not define: the policy files as given, and the role --role-name (else the state machine's role ARN, when
 * it is known offline) names in the authorization details, with the policy files added. Nothing is known when neither
 * flag is given, or when only --authorization-details is and the role ARN is not known offline.
 */
export async function readOutsideRole(flags: CheckFlags): Promise<OutsideRole> {
  const files = flags.policy ?? [];
  const detailsFile = flags['authorization-details'];
  if (files.length === 0 && detailsFile === undefined) return { given: false, read: async () => ({ known: false }) };
  const policies: NamedPolicy[] = [];
  for (const file of files) policies.push(...(await loadIdentityPolicyFile(file)));
  const details = detailsFile === undefined ? undefined : await loadAuthorizationDetails(detailsFile);
  return {
    given: true,
    async read(roleArn) {
      const ref = flags['role-name'] ?? roleArn;
      if (details === undefined || ref === undefined || hasUnresolved(ref)) {
        return policies.length === 0 ? { known: false } : { known: true, identity: policies };
      }
      const lookup = await details.read(ref);
      if (!lookup.found) {
        return { known: true, found: false, identity: policies, roleArn: ref.startsWith('arn:') ? ref : undefined };
      }
      const { identity, boundary, trust } = lookup.policies;
      return {
        known: true,
        found: true,
        identity: [...identity, ...policies],
        boundary,
        trust,
        roleArn: lookup.policies.roleArn,
      };
    },
  };
}

/** readOutsideRole, read on the first call only (the flags' files are read once per run, and only when needed). */
export function outsideRoleOnce(flags: CheckFlags): () => Promise<OutsideRole> {
  let outside: Promise<OutsideRole> | undefined;
  return () => {
    outside ??= readOutsideRole(flags);
    return outside;
  };
}
