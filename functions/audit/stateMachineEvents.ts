/**
 * The Step Functions CloudTrail events the audit reacts to, and where each one carries the ARN to audit.
 * https://docs.aws.amazon.com/step-functions/latest/dg/procedure-cloud-trail.html (CreateStateMachine sample);
 * https://docs.aws.amazon.com/step-functions/latest/apireference/API_UpdateStateMachine.html;
 * https://docs.aws.amazon.com/step-functions/latest/apireference/API_PublishStateMachineVersion.html;
 * https://docs.aws.amazon.com/step-functions/latest/apireference/API_CreateStateMachineAlias.html.
 * CloudTrail mirrors request parameters and response elements in camelCase; the Publish/Alias/Delete field names
 * follow the API shapes (not yet confirmed against captured events).
 */
export const STATE_MACHINE_EVENTS = {
  CreateStateMachine: { action: 'audit', section: 'responseElements', field: 'stateMachineArn' },
  UpdateStateMachine: { action: 'audit', section: 'requestParameters', field: 'stateMachineArn' },
  PublishStateMachineVersion: { action: 'audit', section: 'responseElements', field: 'stateMachineVersionArn' },
  CreateStateMachineAlias: { action: 'audit', section: 'responseElements', field: 'stateMachineAliasArn' },
  UpdateStateMachineAlias: { action: 'audit', section: 'requestParameters', field: 'stateMachineAliasArn' },
  DeleteStateMachine: { action: 'archive', section: 'requestParameters', field: 'stateMachineArn' },
} as const satisfies Record<
  string,
  { action: 'audit' | 'archive'; section: 'requestParameters' | 'responseElements'; field: string }
>;

/** A CloudTrail event name the audit handles. */
export type StateMachineEventName = keyof typeof STATE_MACHINE_EVENTS;

/** The event names, in the order the EventBridge rule lists them. */
export const STATE_MACHINE_EVENT_NAMES = Object.keys(STATE_MACHINE_EVENTS) as StateMachineEventName[];

/** True for an event name listed in STATE_MACHINE_EVENTS. */
export function isStateMachineEventName(name: unknown): name is StateMachineEventName {
  return typeof name === 'string' && Object.hasOwn(STATE_MACHINE_EVENTS, name);
}

/** A state machine, version or alias ARN (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-state-machine-version.html). */
export const STATE_MACHINE_ARN =
  /^arn:aws[a-z-]*:states:[a-z0-9-]+:\d{12}:stateMachine:[A-Za-z0-9_-]{1,80}(:[A-Za-z0-9_-]{1,80})?$/;
