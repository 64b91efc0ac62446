import type { NamedPolicy } from '../../ports.js';
import type { Finding, PolicyDocument, StateMachineDescription } from '../../types.js';
import { findPlanRole } from './findPlanRole.js';
import { createPlanAddressLocator, type PlanAddressLocator, type PlanPosition } from './locatePlanAddress.js';
import { type PlacementFlags, type PlanPlacement, planPlacement } from './planPlacement.js';
import type { PlanRoleContext } from './planRoleContext.js';
import { planRolePolicies } from './planRolePolicies.js';
import { planStateMachineDescription } from './planStateMachineDescription.js';
import type { PlanResource, TerraformPlan } from './planTypes.js';
import { knownString, valueAt } from './planValues.js';

/** One `aws_sfn_state_machine` instance of a plan, ready to audit. */
export type PlanStateMachine = {
  readonly address: string;
  readonly description: StateMachineDescription;
  /** True when the definition is not in the plan (a DefinitionUnavailable finding says why). */
  readonly definitionUnavailable: boolean;
  /**
   * Why the plan does not define the execution role (its policies are then unknown: `identity` is empty, and the
   * caller takes the role from --policy/--authorization-details or reports roleOutsidePlanFinding), when it does not.
   */
  readonly roleOutsidePlan?: string;
  readonly identity: readonly NamedPolicy[];
  readonly boundary?: NamedPolicy;
  readonly trust?: PolicyDocument;
  /** Findings about the plan itself: unknown policies, values known only after apply, an unreadable definition. */
  readonly findings: readonly Finding[];
  /** The state machine's known tags (`sfn-role-audit:ignore` among them). */
  readonly tags: Readonly<Record<string, string>>;
  readonly placement: PlanPlacement;
  readonly position: PlanPosition;
};

/** The role's ARN: the plan's value, else built from its name and path in the placement's account. */
function roleArnOf(role: PlanResource, placement: PlanPlacement): string | undefined {
  const arn = knownString(role, ['arn']);
  if (arn !== undefined) return arn;
  const name = knownString(role, ['name']);
  if (name === undefined || placement.account === '*') return undefined;
  return `arn:${placement.partition}:iam::${placement.account}:role${knownString(role, ['path']) ?? '/'}${name}`;
}

function stateMachineArnOf(resource: PlanResource, placement: PlanPlacement): string | null {
  const arn = knownString(resource, ['arn']);
  if (arn !== undefined) return arn;
  const name = knownString(resource, ['name']);
  if (name === undefined || placement.region === '*' || placement.account === '*') return null;
  return `arn:${placement.partition}:states:${placement.region}:${placement.account}:stateMachine:${name}`;
}

function tagsOf(resource: PlanResource): Record<string, string> {
  const tags: Record<string, string> = Object.create(null);
  for (const key of ['tags_all', 'tags']) {
    const value = valueAt(resource, [key]);
    if (value.state !== 'known' || typeof value.value !== 'object' || value.value === null) continue;
    for (const [name, text] of Object.entries(value.value)) if (typeof text === 'string') tags[name] = text;
  }
  return tags;
}

/** One state machine: its description, its role's policies as the plan defines them, and the findings about both. */
function readStateMachine(
  plan: TerraformPlan,
  resource: PlanResource,
  flags: PlacementFlags,
  locate: PlanAddressLocator,
): PlanStateMachine {
  const placement = planPlacement(plan, resource, flags);
  const stateMachineArn = stateMachineArnOf(resource, placement);
  const described = planStateMachineDescription(resource, placement, stateMachineArn);
  const link = findPlanRole(plan, resource);
  const roleArn = link.found ? roleArnOf(link.role, placement) : link.roleArn;
  const context: PlanRoleContext = { plan, stateMachineArn, roleArn, findings: [] };
  const description = { ...described.description, ...(roleArn === undefined ? {} : { roleArn }) };
  const role = link.found ? planRolePolicies(context, link.role) : { identity: [] };
  return {
    address: resource.address,
    description,
    definitionUnavailable: described.definitionUnavailable,
    ...(link.found ? {} : { roleOutsidePlan: link.reason }),
    ...role,
    findings: [...described.findings, ...context.findings],
    tags: tagsOf(resource),
    placement,
    position: locate(resource.address),
  };
}

/**
 * Every `aws_sfn_state_machine` instance the plan creates, updates or keeps (one per `count` index or `for_each`
 * key, in every module), with its execution role as the plan defines it; state machines the plan deletes are left out.
 */
export function planStateMachines(plan: TerraformPlan, flags: PlacementFlags = {}): PlanStateMachine[] {
  const locate = createPlanAddressLocator(plan.text);
  return plan.resources
    .filter((resource) => resource.mode === 'managed' && resource.type === 'aws_sfn_state_machine')
    .map((resource) => readStateMachine(plan, resource, flags, locate));
}
