import type { Finding } from '../types.js';
import { findingId } from './findingId.js';

const TEMPLATE_REFERENCE =
  'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html';

/**
 * The INFORMATIONAL finding for a template value the audit could not resolve offline (a parameter without a value,
 * `Fn::ImportValue`, an attribute or Condition it cannot know), one per note. Nothing is known to break because of
 * it: where the value matters, the audit already reports what it cannot prove (an UnprovableResource, an
 * UnresolvedPlaceholder, a ConditionalPermission), so this finding explains those and does not count twice.
 */
export function unresolvedTemplateValueFinding(stateMachineArn: string | null, note: string): Finding {
  return {
    id: findingId({
      stateMachineArn,
      rule: 'UnresolvedTemplateValue',
      state: null,
      actions: [],
      resources: [],
      discriminator: note,
    }),
    rule: 'UnresolvedTemplateValue',
    severity: 'INFORMATIONAL',
    purpose: null,
    state: null,
    integration: null,
    actions: [],
    resources: [],
    decision: null,
    title: `Not resolved offline: ${note}`,
    consequence:
      'The state machine: where this value is used, the audit cannot prove what it names; the findings that depend on it say so',
    docs: TEMPLATE_REFERENCE,
    details: {
      note,
      fix: 'give the value where the note says how (--parameter KEY=VALUE, --parameter Fn::ImportValue:EXPORT=VALUE), or audit the deployed state machine with check --state-machine-arn',
    },
  };
}
