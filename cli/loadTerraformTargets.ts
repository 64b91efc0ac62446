import { parseIgnoreTag } from '../functions/audit/parseIgnoreTag.js';
import { InputError } from '../shared/local/InputError.js';
import type { InputLimit } from '../shared/local/inputLimits.js';
import { readTextFile } from '../shared/local/readTextFile.js';
import type { NamedPolicy } from '../shared/ports.js';
import { roleOutsidePlanFinding } from '../shared/template/terraform/planFindings.js';
import { type PlanStateMachine, planStateMachines } from '../shared/template/terraform/planStateMachines.js';
import { readTerraformPlan } from '../shared/template/terraform/readTerraformPlan.js';
import type { Finding, PolicyDocument } from '../shared/types.js';
import type { CheckFlags } from './checkOptions.js';
import { createCheckSimulator } from './createCheckSimulator.js';
import type { PreparedAudit } from './preparedAudit.js';
import { type OutsideRole, outsideRoleOnce } from './readOutsideRole.js';

/** Help for `check --terraform-plan` (docs/terraform.md). */
export const TERRAFORM_HELP = `Terraform (docs/terraform.md):
  --terraform-plan FILE      audit every aws_sfn_state_machine of a plan: the JSON of terraform show -json PLANFILE
                             (repeatable); its role comes from the plan, or from --policy/--authorization-details
                             when the plan only names it; --region/--account/--partition win over the plan's`;

/**
 * How large a plan file may be: `terraform show -json` of a large configuration runs to tens of MiB (every resource
 * twice, with the configuration and the prior state); 256 MiB holds the largest and stops a wrong file early.
 */
export const TERRAFORM_PLAN_LIMIT: InputLimit = {
  bytes: 256 * 1024 * 1024,
  what: 'Terraform plan file',
  why: 'the JSON of terraform show -json for the largest configurations; split the configuration otherwise',
};

function uniqueById(findings: readonly Finding[]): Finding[] {
  return [...new Map(findings.map((finding) => [finding.id, finding])).values()];
}

type RoleOfTarget = {
  identity: NamedPolicy[];
  boundary?: NamedPolicy | undefined;
  trust?: PolicyDocument | undefined;
  roleFound?: boolean;
  roleArn?: string | undefined;
  findings: readonly Finding[];
  unknown: boolean;
};

const KNOWN = { findings: [], unknown: false } as const;

/**
 * The role a state machine is audited against: the plan's; for a role the plan does not define, the --policy files
 * and the role --role-name (else its ARN) names in --authorization-details, as for a template's role defined outside
 * it; else nothing is known: a PolicyContentUnknown finding, the requirements reported and nothing simulated.
 */
async function roleOf(machine: PlanStateMachine, outside: () => Promise<OutsideRole>): Promise<RoleOfTarget> {
  const { roleOutsidePlan: reason, description } = machine;
  if (reason === undefined)
    return { identity: [...machine.identity], boundary: machine.boundary, trust: machine.trust, ...KNOWN };
  const lookup = await (await outside()).read(description.roleArn);
  if (lookup.known) {
    const { identity, boundary, trust, found, roleArn } = lookup;
    return { identity, boundary, trust, ...(found === undefined ? {} : { roleFound: found }), roleArn, ...KNOWN };
  }
  const stateMachineArn = description.stateMachineArn ?? null;
  const finding = roleOutsidePlanFinding({
    stateMachineArn,
    address: machine.address,
    roleArn: description.roleArn,
    reason,
  });
  return { identity: [], findings: [finding], unknown: true };
}

/** The targets of one plan file: one per `aws_sfn_state_machine` instance. */
async function planTargets(
  path: string,
  flags: CheckFlags,
  outside: () => Promise<OutsideRole>,
): Promise<PreparedAudit[]> {
  const text = await readTextFile(path, TERRAFORM_PLAN_LIMIT);
  const plan = readTerraformPlan(text, path);
  const targets: PreparedAudit[] = [];
  for (const machine of planStateMachines(plan, flags)) {
    const role = await roleOf(machine, outside);
    const simulator = await createCheckSimulator(flags, { identity: role.identity, boundary: role.boundary });
    const findings = uniqueById([...machine.findings, ...role.findings]);
    const ignore = parseIgnoreTag(machine.tags);
    const roleArn = role.roleArn ?? machine.description.roleArn;
    targets.push({
      id: `${path}#${machine.address}`,
      description: { ...machine.description, ...(roleArn === undefined ? {} : { roleArn }) },
      simulator,
      ...(role.trust === undefined ? {} : { roleTrust: role.trust }),
      ...(role.roleFound === undefined ? {} : { roleFound: role.roleFound }),
      sarifUri: path,
      sarifText: text,
      embedded: true,
      ...(findings.length === 0 ? {} : { inputFindings: findings }),
      ...(machine.definitionUnavailable ? { definitionUnavailable: true } : {}),
      ...(role.unknown ? { rolePoliciesUnknown: true } : {}),
      ...(ignore.length === 0 ? {} : { ignore }),
      resource: { uri: path, text, line: machine.position.line, column: machine.position.column },
    });
  }
  return targets;
}

/**
 * The state machines of --terraform-plan files (the JSON of `terraform show -json PLANFILE`, docs/terraform.md): one
 * target per `aws_sfn_state_machine` instance, audited against its role as the plan defines it (or, for a role the
 * plan does not define, the run's --policy/--authorization-details), with --boundary, --scp and --context applied as
 * for any target. A plan without a state machine is an error only when no plan has one.
 */
export async function loadTerraformTargets(flags: CheckFlags): Promise<PreparedAudit[]> {
  const paths = flags['terraform-plan'] ?? [];
  const readOutside = outsideRoleOnce(flags);
  const targets: PreparedAudit[] = [];
  for (const path of paths) targets.push(...(await planTargets(path, flags, readOutside)));
  if (paths.length > 0 && targets.length === 0) {
    throw new InputError(`${paths.join(', ')}: no aws_sfn_state_machine resource in the plan (nothing to audit)`);
  }
  return targets;
}
