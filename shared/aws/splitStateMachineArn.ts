/** A state machine ARN split into the unqualified ARN and its qualifier (version number or alias name). */
export type StateMachineArnParts = {
  /** `arn:PARTITION:states:REGION:ACCOUNT:stateMachine:NAME`. */
  unqualified: string;
  name: string;
  /** `null` for an unqualified ARN; `'4'` for a version; `'PROD'` for an alias. */
  qualifier: string | null;
  /** True when the qualifier is a version number. */
  isVersion: boolean;
};

/**
 * Splits `arn:aws:states:REGION:ACCOUNT:stateMachine:NAME[:QUALIFIER]`; versions are numbers, aliases names
 * (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-state-machine-version.html,
 * https://docs.aws.amazon.com/step-functions/latest/dg/concepts-state-machine-alias.html).
 */
export function splitStateMachineArn(arn: string): StateMachineArnParts {
  const parts = arn.split(':');
  const unqualified = parts.slice(0, 7).join(':');
  const name = parts[6] ?? '';
  const qualifier = parts.length > 7 ? parts.slice(7).join(':') : null;
  return { unqualified, name, qualifier, isVersion: qualifier !== null && /^\d+$/.test(qualifier) };
}
