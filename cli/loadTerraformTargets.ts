import { parseIgnoreTag } from '../functions/audit/parseIgnoreTag.js';
import { InputError } from '../shared/local/InputError.js';
import type { InputLimit } from '../shared/local/inputLimits.js';
import { readTextFile } from '../shared/local/readTextFile.js';
import { planStateMachines } from '../shared/template/terraform/planStateMachines.js';
import { readTerraformPlan } from '../shared/template/terraform/readTerraformPlan.js';
import type { Finding } from '../shared/types.js';
import type { CheckFlags } from './checkOptions.js';
import { createCheckSimulator } from './createCheckSimulator.js';
import type { PreparedAudit } from './preparedAudit.js';

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
  const seen = new Set<string>();
  return findings.filter((finding) => !seen.has(finding.id) && seen.add(finding.id) !== undefined);
}

/** The targets of one plan file: one per `aws_sfn_state_machine` instance. */
async function planTargets(path: string, flags: CheckFlags): Promise<PreparedAudit[]> {
  const text = await readTextFile(path, TERRAFORM_PLAN_LIMIT);
  const plan = readTerraformPlan(text, path);
  const targets: PreparedAudit[] = [];
  for (const machine of planStateMachines(plan, flags)) {
    const simulator = await createCheckSimulator(flags, {
      identity: [...machine.identity],
      boundary: machine.boundary,
    });
    const findings = uniqueById(machine.findings);
    const ignore = parseIgnoreTag(machine.tags);
    targets.push({
      id: `${path}#${machine.address}`,
      description: machine.description,
      simulator,
      ...(machine.trust === undefined ? {} : { roleTrust: machine.trust }),
      sarifUri: path,
      sarifText: text,
      embedded: true,
      ...(findings.length === 0 ? {} : { inputFindings: findings }),
      ...(machine.definitionUnavailable ? { definitionUnavailable: true } : {}),
      ...(ignore.length === 0 ? {} : { ignore }),
      resource: { uri: path, text, line: machine.position.line, column: machine.position.column },
    });
  }
  return targets;
}

/**
 * The state machines of --terraform-plan files (the JSON of `terraform show -json PLANFILE`, docs/terraform.md): one
 * target per `aws_sfn_state_machine` instance, audited against its role as the plan defines it, with --boundary,
 * --scp and --context applied as for any target. A plan without a state machine is an error only when no plan has one.
 */
export async function loadTerraformTargets(flags: CheckFlags): Promise<PreparedAudit[]> {
  const paths = flags['terraform-plan'] ?? [];
  const targets: PreparedAudit[] = [];
  for (const path of paths) targets.push(...(await planTargets(path, flags)));
  if (paths.length > 0 && targets.length === 0) {
    const named = paths.length === 1 ? paths[0] : `${paths.join(', ')}`;
    throw new InputError(`${named}: no aws_sfn_state_machine resource in the plan (nothing to audit)`);
  }
  return targets;
}
