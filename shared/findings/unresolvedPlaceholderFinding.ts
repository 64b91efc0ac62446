import { placeholdersIn } from '../asl/placeholdersIn.js';
import type { Finding, Requirement } from '../types.js';
import { findingId } from './findingId.js';
import { subjectOf } from './subjectOf.js';

/** `${OrdersFunctionArn}` → `OrdersFunctionArn`, the DefinitionSubstitutions key the placeholder asks for. */
function keyOf(placeholder: string): string {
  return placeholder.slice(2, -1);
}

/** How to give the placeholders their values, or to audit what CloudFormation already substituted. */
function fixFor(placeholders: readonly string[]): string {
  const flags = placeholders.map((placeholder) => `--substitution ${keyOf(placeholder)}=ARN`).join(' ');
  return (
    `give the value the template's DefinitionSubstitutions gives it: ${flags} ` +
    '(for example arn:aws:lambda:us-east-1:111122223333:function:orders or arn:aws:states:::lambda:invoke), ' +
    'or --substitutions FILE with those DefinitionSubstitutions as a JSON object; ' +
    'or audit the deployed state machine, whose definition CloudFormation has substituted ' +
    '(--describe FILE from aws stepfunctions describe-state-machine, or check --state-machine-arn ARN)'
  );
}

/**
 * The LOW finding for a Task whose `Resource` is an unsubstituted DefinitionSubstitutions placeholder
 * (`requirement.unresolvedPlaceholder`): nothing was checked for it, and `details.fix` says how to substitute it.
 */
export function unresolvedPlaceholderFinding(stateMachineArn: string | null, r: Requirement): Finding {
  const subject = subjectOf(r.state, r.integration, null);
  const found = placeholdersIn(r.integration);
  const placeholders = found.length === 0 ? [r.unresolvedPlaceholder ?? r.integration] : found;
  const named = placeholders.join(', ');
  const noun = placeholders.length === 1 ? 'placeholder' : 'placeholders';
  return {
    id: findingId({
      stateMachineArn,
      rule: 'UnresolvedPlaceholder',
      state: r.state,
      actions: [],
      resources: [r.integration],
    }),
    rule: 'UnresolvedPlaceholder',
    severity: 'LOW',
    purpose: r.purpose,
    state: r.state,
    integration: r.integration,
    actions: [],
    resources: [],
    decision: null,
    title:
      r.integration === named
        ? `${subject}: Resource is the unsubstituted placeholder ${named}; nothing was checked`
        : `${subject}: Resource ${r.integration} holds the unsubstituted ${noun} ${named}; nothing was checked`,
    consequence: `${subject}: its integration is not known until ${named} ${placeholders.length === 1 ? 'is' : 'are'} substituted, so none of its permissions were checked`,
    docs: r.source,
    details: { placeholders, fix: fixFor(placeholders) },
  };
}
