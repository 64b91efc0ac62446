import type { Finding } from '../types.js';
import { findingId } from './findingId.js';

const ROLE_REFERENCE =
  'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-stepfunctions-statemachine.html#cfn-stepfunctions-statemachine-rolearn';

/**
 * The LOW PolicyContentUnknown finding for a template state machine whose execution role the template does not
 * define (a literal ARN, a parameter, an import) when no --policy or --authorization-details describes it: the role's
 * policies are unknown, so nothing was checked against them (and nothing is reported missing).
 */
export function roleOutsideTemplateFinding(stateMachineArn: string | null, roleArn: string | undefined): Finding {
  const role = roleArn === undefined ? 'The execution role' : `The execution role ${roleArn}`;
  return {
    id: findingId({
      stateMachineArn,
      rule: 'PolicyContentUnknown',
      state: null,
      actions: [],
      resources: roleArn === undefined ? [] : [roleArn],
    }),
    rule: 'PolicyContentUnknown',
    severity: 'LOW',
    purpose: null,
    state: null,
    integration: null,
    actions: [],
    resources: roleArn === undefined ? [] : [roleArn],
    decision: null,
    title: `${role} is not defined in the template; its policies were not checked`,
    consequence:
      "The state machine: the role's policies are unknown offline, so none of the permissions its definition needs were checked",
    docs: ROLE_REFERENCE,
    details: {
      ...(roleArn === undefined ? {} : { role: roleArn }),
      fix: "give the role's policies with --policy FILE or --authorization-details FILE, or audit the deployed state machine with check --state-machine-arn",
    },
  };
}
