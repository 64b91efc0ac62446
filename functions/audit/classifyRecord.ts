import {
  isStateMachineEventName,
  STATE_MACHINE_ARN,
  STATE_MACHINE_EVENTS,
  type StateMachineEventName,
} from './stateMachineEvents.js';

/** A state machine change to act on: audit the ARN, or archive what is known about it. */
export type AuditTarget = {
  kind: 'audit' | 'archive';
  arn: string;
  eventId: string;
  eventName: StateMachineEventName;
  region: string;
  account: string;
};

/** What one SQS record asks for. */
export type RecordAction =
  | AuditTarget
  | { kind: 'failedCall'; eventId: string; eventName: StateMachineEventName; errorCode: string }
  | { kind: 'malformed'; reason: string };

// Envelope of EventBridge events for CloudTrail API calls: https://docs.aws.amazon.com/eventbridge/latest/ref/events-ref-states.html
const SOURCE = 'aws.states';
const DETAIL_TYPE = 'AWS API Call via CloudTrail';
const EVENT_SOURCE = 'states.amazonaws.com';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseJson(body: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch {
    return { ok: false };
  }
}

function malformed(reason: string): RecordAction {
  return { kind: 'malformed', reason };
}

function nonEmpty(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/**
 * Reads an SQS record body holding an EventBridge "AWS API Call via CloudTrail" event from Step Functions and says
 * what to do: audit or archive a state machine ARN, skip a failed API call (it has `errorCode`), or drop a
 * malformed record (bad JSON, another source or event, no ARN). Unknown extra fields are ignored.
 */
export function classifyRecord(body: string): RecordAction {
  const parsed = parseJson(body);
  if (!parsed.ok) return malformed('the body is not JSON');
  const event = parsed.value;
  if (!isRecord(event)) return malformed('the body is not a JSON object');
  if (event.source !== SOURCE) return malformed(`source is not ${SOURCE}`);
  if (event['detail-type'] !== DETAIL_TYPE) return malformed(`detail-type is not "${DETAIL_TYPE}"`);
  const detail = event.detail;
  if (!isRecord(detail)) return malformed('detail is missing');
  if (detail.eventSource !== EVENT_SOURCE) return malformed(`detail.eventSource is not ${EVENT_SOURCE}`);
  const { eventName, eventID } = detail;
  if (!isStateMachineEventName(eventName)) return malformed('detail.eventName is not a handled Step Functions event');
  if (!nonEmpty(eventID)) return malformed('detail.eventID is missing');
  if (detail.errorCode !== undefined && detail.errorCode !== null) {
    return { kind: 'failedCall', eventId: eventID, eventName, errorCode: String(detail.errorCode) };
  }
  const location = STATE_MACHINE_EVENTS[eventName];
  const section = detail[location.section];
  const arn = isRecord(section) ? section[location.field] : undefined;
  if (typeof arn !== 'string' || !STATE_MACHINE_ARN.test(arn)) {
    return malformed(`detail.${location.section}.${location.field} is not a state machine ARN`);
  }
  const [, , , region = '', account = ''] = arn.split(':');
  return { kind: location.action, arn, eventId: eventID, eventName, region, account };
}
