import type { Finding } from '../types.js';
import { findingId } from './findingId.js';

/** Which state machine's definition cannot be read, where it is, and why. */
export type DefinitionUnavailableInput = {
  readonly stateMachineArn: string | null;
  /** Where the definition is (`s3://bucket/key`, a DefinitionUri file), as the template says it. */
  readonly location: string;
  readonly reason: string;
  /** The page that documents the property (DefinitionS3Location, DefinitionUri). */
  readonly docs: string;
};

/**
 * The LOW finding for a state machine whose definition an offline audit cannot read (a template's
 * `DefinitionS3Location`, a SAM `DefinitionUri` in S3, a local file that is missing): nothing is known to break, but
 * none of its permissions were checked. LOW, as the other "nothing was checked" findings (UnresolvedPlaceholder,
 * PolicyContentUnknown): the severity follows what breaks, and here nothing is known to.
 */
export function definitionUnavailableFinding(input: DefinitionUnavailableInput): Finding {
  return {
    id: findingId({
      stateMachineArn: input.stateMachineArn,
      rule: 'DefinitionUnavailable',
      state: null,
      actions: [],
      resources: [input.location],
    }),
    rule: 'DefinitionUnavailable',
    severity: 'LOW',
    purpose: null,
    state: null,
    integration: null,
    actions: [],
    resources: [input.location],
    decision: null,
    title: `The definition (${input.location}) cannot be read offline; nothing was checked`,
    consequence: `The state machine: ${input.reason}, so none of the permissions its definition needs were checked`,
    docs: input.docs,
    details: {
      location: input.location,
      reason: input.reason,
      fix: 'keep the definition in the repository (SAM DefinitionUri: a local file; Definition or DefinitionString inline), or audit the deployed state machine with check --state-machine-arn',
    },
  };
}
