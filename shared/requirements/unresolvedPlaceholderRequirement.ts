import { placeholdersIn } from '../asl/placeholdersIn.js';
import type { StateVisit } from '../asl/types.js';
import type { Requirement } from '../types.js';
import { findTaskIntegration } from './catalogueLookup.js';

/** Where CloudFormation documents the DefinitionSubstitutions that fill `${…}` placeholders. */
export const DEFINITION_SUBSTITUTIONS_DOCS =
  'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-stepfunctions-statemachine.html#cfn-stepfunctions-statemachine-definitionsubstitutions';

/**
 * The requirement of a Task whose `Resource` holds an unsubstituted `${…}` placeholder that hides its integration
 * (`"${OrdersFunctionArn}"`, or `arn:aws:lambda:${Region}:…` that no catalogue pattern matches): nothing can be
 * derived or checked until it is substituted; undefined when the Resource has no placeholder or the integration is
 * still known (the placeholder then only leaves a hole in the resource).
 */
export function unresolvedPlaceholderRequirement(visit: StateVisit): Requirement | undefined {
  const resource = visit.state.Resource;
  if (typeof resource !== 'string' || !resource.includes('${')) return undefined;
  const [placeholder] = placeholdersIn(resource);
  if (placeholder === undefined || findTaskIntegration(resource) !== undefined) return undefined;
  return {
    state: visit.ref,
    integration: resource,
    purpose: 'other',
    actions: [],
    resources: [],
    dynamic: false,
    consequence: `not checked: the Resource holds the DefinitionSubstitutions placeholder ${placeholder}, so the integration it calls is not known`,
    source: DEFINITION_SUBSTITUTIONS_DOCS,
    unresolvedPlaceholder: placeholder,
  };
}
