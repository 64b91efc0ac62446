import { loadAuthorizationDetails } from '../shared/local/createAuthorizationDetailsSource.js';
import { loadIdentityPolicyFile } from '../shared/local/parsePolicyFile.js';
import type { NamedPolicy } from '../shared/ports.js';
import type { PolicyDocument } from '../shared/types.js';
import type { CheckFlags } from './checkOptions.js';
import { createCheckSimulator } from './createCheckSimulator.js';
import { loadDefinitionInput } from './loadDefinitionInput.js';
import type { PreparedAudit } from './preparedAudit.js';
import { UsageError } from './UsageError.js';

/** The role's policies from --authorization-details (found by --role-name, else the describe output's roleArn). */
async function readAuthorizationDetails(path: string, roleRef: string | undefined) {
  if (roleRef === undefined) {
    throw new UsageError(
      '--authorization-details needs the role: --role-name NAME_OR_ARN, or --describe with a roleArn',
    );
  }
  const source = await loadAuthorizationDetails(path);
  return source.read(roleRef);
}

/**
 * Gathers an offline audit from files: the definition (--definition or --describe), the role's identity policies
 * (--policy files and/or the role in --authorization-details, with its boundary and trust policy), --boundary,
 * --scp levels and --context values, evaluated by the embedded simulator.
 */
export async function prepareOfflineAudit(flags: CheckFlags): Promise<PreparedAudit> {
  const policyFiles = flags.policy ?? [];
  const detailsFile = flags['authorization-details'];
  if (flags.simulator === 'aws') throw new UsageError('--simulator aws needs --state-machine-arn without --definition');
  if (policyFiles.length === 0 && detailsFile === undefined) {
    throw new UsageError('check needs the role: --policy FILE or --authorization-details FILE (see --help)');
  }
  if (flags['role-name'] !== undefined && detailsFile === undefined) {
    throw new UsageError('--role-name needs --authorization-details');
  }
  const input = await loadDefinitionInput(flags, 'check');
  const description = { ...input.description };
  const identity: NamedPolicy[] = [];
  let boundary: NamedPolicy | undefined;
  let roleTrust: PolicyDocument | undefined;
  let roleFound: boolean | undefined;
  if (detailsFile !== undefined) {
    const lookup = await readAuthorizationDetails(detailsFile, flags['role-name'] ?? description.roleArn);
    roleFound = lookup.found;
    if (lookup.found) {
      identity.push(...lookup.policies.identity);
      boundary = lookup.policies.boundary;
      roleTrust = lookup.policies.trust;
      description.roleArn = lookup.policies.roleArn;
    } else if (description.roleArn === undefined && lookup.roleArn.startsWith('arn:')) {
      description.roleArn = lookup.roleArn;
    }
  }
  for (const path of policyFiles) identity.push(...(await loadIdentityPolicyFile(path)));
  const simulator = await createCheckSimulator(flags, { identity, boundary });
  return {
    id: input.path,
    description,
    simulator,
    ...(roleTrust === undefined ? {} : { roleTrust }),
    ...(roleFound === undefined ? {} : { roleFound }),
    sarifUri: input.path,
    sarifText: input.text,
    embedded: input.embedded,
    ...(input.yaml === true ? { sarifYaml: true } : {}),
  };
}
