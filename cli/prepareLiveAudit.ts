import { createIamPrincipalSimulator } from '../shared/aws/createIamPrincipalSimulator.js';
import { createIamRolePolicySource } from '../shared/aws/createIamRolePolicySource.js';
import { createSfnStateMachineSource } from '../shared/aws/createSfnStateMachineSource.js';
import { InputError } from '../shared/local/InputError.js';
import type { PermissionSimulator } from '../shared/ports.js';
import type { CheckFlags } from './checkOptions.js';
import type { CliDeps } from './cliDeps.js';
import { createCheckSimulator } from './createCheckSimulator.js';
import { loadSubstitutions } from './loadSubstitutions.js';
import { oneOf } from './parseCommandArgs.js';
import type { PreparedAudit } from './preparedAudit.js';
import { substituteDescription } from './substituteDefinition.js';
import { UsageError } from './UsageError.js';

// Plain, version (…:NAME:N) and alias (…:NAME:ALIAS) ARNs:
// https://docs.aws.amazon.com/step-functions/latest/dg/concepts-state-machine-version.html
const STATE_MACHINE_ARN = /^arn:[a-z-]+:states:([a-z0-9-]+):\d{12}:stateMachine:[^:]+(:[^:]+)?$/;

const OFFLINE_ONLY = ['policy', 'authorization-details', 'role-name'] as const;
const LOCAL_ONLY = ['boundary', 'scp', 'context'] as const;

/**
 * Gathers a live audit: DescribeStateMachine with the default credentials, then either iam:SimulatePrincipalPolicy
 * over the state machine's role (`--simulator aws`, the default) or the embedded evaluator over the role's policies
 * read from IAM (`--simulator local`, which also takes --boundary, --scp and --context). DescribeStateMachine returns
 * the definition CloudFormation already substituted; --substitution/--substitutions still apply to what is left.
 */
export async function prepareLiveAudit(flags: CheckFlags, deps: CliDeps): Promise<PreparedAudit> {
  const arn = flags['state-machine-arn'] ?? '';
  const match = STATE_MACHINE_ARN.exec(arn);
  if (match === null) throw new UsageError(`--state-machine-arn is not a state machine ARN: "${arn}"`);
  for (const flag of OFFLINE_ONLY) {
    if (flags[flag] !== undefined) throw new UsageError(`--${flag} needs --definition or --describe (offline check)`);
  }
  const kind = oneOf('simulator', flags.simulator, ['aws', 'local'], 'aws');
  if (kind === 'aws') {
    for (const flag of LOCAL_ONLY) {
      if (flags[flag] !== undefined) throw new UsageError(`--${flag} needs --simulator local`);
    }
  }
  const substitutions = await loadSubstitutions(flags);
  const region = flags.region ?? match[1];
  const lookup = await createSfnStateMachineSource(deps.clients.sfn(region)).describe(arn);
  if (!lookup.found) throw new InputError(`state machine ${arn}: ${lookup.reason}`);
  const description = substituteDescription(lookup.description, substitutions, arn);
  const roleArn = description.roleArn;
  if (roleArn === undefined) throw new InputError(`state machine ${arn}: DescribeStateMachine returned no roleArn`);
  const iam = deps.clients.iam(region);
  const base = { id: arn, description, sarifUri: description.stateMachineArn ?? arn, embedded: true };
  if (kind === 'aws') {
    // The role's identity policies decide resources with holes, which SimulatePrincipalPolicy reads as literal text.
    const identityPolicies = async () => {
      const role = await createIamRolePolicySource(iam).read(roleArn);
      return role.found ? role.policies.identity : undefined;
    };
    const simulator: PermissionSimulator = createIamPrincipalSimulator(iam, {
      roleArn,
      region: match[1] ?? '*',
      identityPolicies,
    });
    return { ...base, simulator };
  }
  const role = await createIamRolePolicySource(iam).read(roleArn);
  const simulator = await createCheckSimulator(flags, role.found ? role.policies : { identity: [] });
  const trust = role.found ? role.policies.trust : undefined;
  return { ...base, simulator, roleFound: role.found, ...(trust === undefined ? {} : { roleTrust: trust }) };
}
