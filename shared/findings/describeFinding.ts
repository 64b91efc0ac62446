import type { DenyingLayer, Purpose } from '../types.js';

/** What the execution role does with a permission of each purpose, as a verb phrase for titles. */
const PURPOSE_PHRASES = {
  invoke: 'call the service',
  poll: 'poll the job for completion',
  events: 'create the managed EventBridge rule',
  cancel: 'stop the job when the execution stops',
  passrole: 'pass the role to the service',
  'assume-role': 'assume the Credentials role',
  'child-executions': 'run its child executions',
  'item-reader': 'read its items',
  'result-writer': 'write its results',
  http: 'call the HTTP endpoint',
  kms: 'use its KMS key',
  logging: 'deliver its logs',
  tracing: 'send X-Ray traces',
  other: 'call the service',
} as const satisfies Record<Purpose, string>;

/** Human names of the policy layers that can deny a request. */
export const LAYER_NAMES = {
  identity: "the role's identity policies",
  boundary: 'the permissions boundary',
  scp: 'a service control policy',
  resource: 'the resource policy',
} as const satisfies Record<DenyingLayer, string>;

/** The verb phrase of a purpose ("poll the job for completion"). */
export function purposePhrase(purpose: Purpose): string {
  return PURPOSE_PHRASES[purpose];
}

/** A list of actions for a title: all of them up to three, else the first two and a count. */
export function actionList(actions: readonly string[]): string {
  if (actions.length <= 3) return actions.join(', ');
  return `${actions.slice(0, 2).join(', ')} and ${actions.length - 2} more`;
}
