import { parseDefinition } from './asl/parseDefinition.js';
import { collectRequests } from './audit/collectRequests.js';
import { countBySeverity } from './audit/countBySeverity.js';
import { suppressFindings } from './audit/suppressFindings.js';
import { buildFindings } from './findings/buildFindings.js';
import { invalidDefinitionFindings } from './findings/invalidDefinitionFindings.js';
import { roleNotFoundFinding } from './findings/roleNotFoundFinding.js';
import { sortFindings, stateOrderOf } from './findings/sortFindings.js';
import { untrustedRoleFinding } from './findings/untrustedRoleFinding.js';
import { isTrustedByStepFunctions } from './iam/isTrustedByStepFunctions.js';
import type { PermissionSimulator } from './ports.js';
import { contextFromDescription } from './requirements/contextFromDescription.js';
import { deriveRequirements } from './requirements/deriveRequirements.js';
import type {
  AuditReport,
  Decision,
  DeriveContext,
  Finding,
  PolicyDocument,
  Requirement,
  StateMachineDescription,
} from './types.js';

/** Everything one audit needs; the simulator is the only I/O, time is passed in. */
export type AuditInput = {
  description: StateMachineDescription;
  simulator: PermissionSimulator;
  /** The execution role's trust policy, when known: checked for states.amazonaws.com. */
  roleTrust?: PolicyDocument;
  /** False when the execution role does not exist: nothing is simulated. */
  roleFound?: boolean;
  contextOverrides?: Partial<DeriveContext>;
  /**
   * Findings about the input itself, made before the audit (a template's definition not available offline, a policy
   * whose content is unknown, an unresolved template value): sorted and suppressed with the rest.
   */
  inputFindings?: Finding[];
  /** True when the definition could not be read (reported by an inputFindings entry): nothing is parsed or checked. */
  definitionUnavailable?: boolean;
  /** True when the role's policies are unknown (reported by an inputFindings entry): requirements, no simulation. */
  rolePoliciesUnknown?: boolean;
  /** Rules, purposes (or finding ids) whose findings are moved to `suppressed`. */
  ignore?: string[];
  now: Date;
};

type Checked = { findings: Finding[]; checkedRequests: number };

/**
 * Simulates every distinct request of the requirements, each carrying the keys AWS sets on the call (the Region from
 * the state machine's derive context, the execution role, the audit's time), and builds the findings; notProvable
 * decisions carry what the role grants (`grantedResources`) themselves.
 */
async function checkRequirements(input: AuditInput, arn: string | null, requirements: Requirement[]): Promise<Checked> {
  const { region } = contextFromDescription(input.description, input.contextOverrides);
  const origin = { region, roleArn: input.description.roleArn ?? null, now: input.now };
  const { requests, indexes } = collectRequests(requirements, origin);
  const answers = requests.length === 0 ? [] : await input.simulator.simulate(requests);
  if (answers.length !== requests.length) {
    throw new Error(`simulator ${input.simulator.name} answered ${answers.length} of ${requests.length} requests`);
  }
  const decisions: Decision[][] = indexes.map((own) => own.map((index) => answers[index] as Decision));
  const findings = buildFindings({ stateMachineArn: arn, requirements, decisions });
  return { findings, checkedRequests: requests.length };
}

/**
 * Audits a state machine's execution role: parses the definition (InvalidDefinition findings and stop when it is
 * invalid), derives its requirements, simulates every distinct request in one call, turns denials into findings,
 * checks that the role exists and trusts Step Functions, applies `ignore`, and summarises.
 */
export async function auditStateMachine(input: AuditInput): Promise<AuditReport> {
  const { description } = input;
  const arn = description.stateMachineArn ?? null;
  const roleArn = description.roleArn ?? null;
  const findings: Finding[] = [...(input.inputFindings ?? [])];
  let requirements: Requirement[] = [];
  let checkedRequests = 0;
  if (input.roleFound === false) findings.push(roleNotFoundFinding({ stateMachineArn: arn, roleArn }));
  else if (input.roleTrust !== undefined && !isTrustedByStepFunctions(input.roleTrust)) {
    findings.push(untrustedRoleFinding({ stateMachineArn: arn, roleArn }));
  }
  const parsed = input.definitionUnavailable === true ? undefined : parseDefinition(description.definition);
  if (parsed === undefined) {
    // Nothing to check: the input finding already says why.
  } else if (!parsed.ok) findings.push(...invalidDefinitionFindings(parsed.issues, arn));
  else {
    requirements = deriveRequirements(parsed.definition, contextFromDescription(description, input.contextOverrides));
    if (input.roleFound === false || input.rolePoliciesUnknown === true) {
      findings.push(...buildFindings({ stateMachineArn: arn, requirements, decisions: requirements.map(() => []) }));
    } else {
      const checked = await checkRequirements(input, arn, requirements);
      findings.push(...checked.findings);
      checkedRequests = checked.checkedRequests;
    }
  }
  const sorted = sortFindings(findings, stateOrderOf(requirements));
  const { findings: kept, suppressed } = suppressFindings(sorted, input.ignore ?? []);
  return {
    version: '1',
    stateMachine: { arn, name: description.name ?? null, revisionId: description.revisionId ?? null },
    role: { arn: roleArn },
    auditedAt: input.now.toISOString(),
    requirements,
    findings: kept,
    suppressed,
    notCheckable: requirements.filter((r) => r.assumedRoleArn !== undefined),
    summary: { bySeverity: countBySeverity(kept), requirements: requirements.length, checkedRequests },
  };
}
