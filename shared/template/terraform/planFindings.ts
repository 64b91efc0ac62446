import { findingId } from '../../findings/findingId.js';
import { unresolvedValueKey } from '../../iam/unresolvedValueKey.js';
import type { Finding } from '../../types.js';
import { referenceOfKnownAfterApply } from './knownAfterApply.js';

const PLAN_FORMAT = 'https://developer.hashicorp.com/terraform/internals/json-format';
const STATE_MACHINE_RESOURCE =
  'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/sfn_state_machine';

/**
 * The LOW finding for a state machine whose `definition` the plan knows only after apply (Terraform computes a
 * string as a whole, so `jsonencode({… aws_lambda_function.f.arn …})` of a function still to be created is unknown):
 * nothing of it was checked. LOW, as DefinitionUnavailable is for templates (shared/findings/definitionUnavailableFinding.ts):
 * nothing is known to break, and a rule keeps one severity whatever the input.
 */
export function definitionUnknownFinding(input: {
  readonly stateMachineArn: string | null;
  readonly address: string;
  readonly dependsOn: readonly string[];
  /** True when the plan has no definition at all (a cut-down plan), rather than one known after apply. */
  readonly absent?: boolean;
}): Finding {
  const depends = input.dependsOn.length === 0 ? '' : ` (it depends on ${input.dependsOn.join(', ')})`;
  const what =
    input.absent === true ? 'the plan holds no definition' : `the definition is known only after apply${depends}`;
  return {
    id: findingId({
      stateMachineArn: input.stateMachineArn,
      rule: 'DefinitionUnavailable',
      state: null,
      actions: [],
      resources: [input.address],
    }),
    rule: 'DefinitionUnavailable',
    severity: 'LOW',
    purpose: null,
    state: null,
    integration: null,
    actions: [],
    resources: [input.address],
    decision: null,
    title: `${input.address}: ${what}; nothing was checked`,
    consequence:
      'None of the permissions the definition needs were checked: the plan does not hold its text until the values it uses exist',
    docs: STATE_MACHINE_RESOURCE,
    details: {
      dependsOn: [...input.dependsOn],
      fix:
        'plan again once the resources the definition uses exist (terraform apply -target=… for them first), ' +
        'or audit the definition file itself (check --definition FILE --substitution KEY=VALUE), ' +
        'or audit the deployed state machine (check --state-machine-arn ARN)',
    },
  };
}

/**
 * The INFORMATIONAL finding for a value the plan knows only after apply that a policy or setting of the state machine
 * uses (`value` as the unresolved marker names it): its part is a hole, and what depends on it is reported as
 * conditional on `details.conditionKey`, not decided.
 */
export function valueKnownAfterApplyFinding(input: {
  readonly stateMachineArn: string | null;
  readonly value: string;
  readonly usedBy: string;
}): Finding {
  const value = referenceOfKnownAfterApply(input.value);
  return {
    id: findingId({
      stateMachineArn: input.stateMachineArn,
      rule: 'UnresolvedTemplateValue',
      state: null,
      actions: [],
      resources: [value],
      discriminator: input.usedBy,
    }),
    rule: 'UnresolvedTemplateValue',
    severity: 'INFORMATIONAL',
    purpose: null,
    state: null,
    integration: null,
    actions: [],
    resources: [value],
    decision: null,
    title: `${input.usedBy} uses ${value}, known only after apply`,
    consequence: 'The part that uses it cannot be proven: permissions that depend on it are reported as conditional',
    docs: PLAN_FORMAT,
    details: {
      value,
      usedBy: input.usedBy,
      conditionKey: unresolvedValueKey(input.value),
      fix: 'plan again once the value exists, or audit after apply',
    },
  };
}

/**
 * The LOW finding for an execution role the plan does not define (another stack's role, a data source, a variable) or
 * whose `role_arn` is known only after apply without leading to a role of the plan, when no --policy or
 * --authorization-details describes it: its policies are unknown, so nothing was checked against them (the
 * requirements are still reported) and nothing is reported missing.
 */
export function roleOutsidePlanFinding(input: {
  readonly stateMachineArn: string | null;
  readonly address: string;
  readonly roleArn: string | undefined;
  readonly reason: string;
}): Finding {
  const role = input.roleArn ?? `the role of ${input.address}`;
  return {
    id: findingId({
      stateMachineArn: input.stateMachineArn,
      rule: 'PolicyContentUnknown',
      state: null,
      actions: [],
      resources: [input.roleArn ?? `${input.address}.role_arn`],
    }),
    rule: 'PolicyContentUnknown',
    severity: 'LOW',
    purpose: null,
    state: null,
    integration: null,
    actions: [],
    resources: [input.roleArn ?? `${input.address}.role_arn`],
    decision: null,
    title: `Execution role ${role} is unknown offline (${input.reason}); its policies were not checked`,
    consequence:
      "The state machine: the role's policies are not in the plan, so none of the permissions its definition needs were checked",
    docs: STATE_MACHINE_RESOURCE,
    details: {
      reason: input.reason,
      ...(input.roleArn === undefined ? {} : { role: input.roleArn }),
      fix: "give the role's policies with --policy FILE or --authorization-details FILE, put the role in the same plan, or audit the deployed state machine with check --state-machine-arn",
    },
  };
}
