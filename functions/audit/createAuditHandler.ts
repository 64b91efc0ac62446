import { randomUUID } from 'node:crypto';
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { archiveStateMachine } from './archiveStateMachine.js';
import { auditTarget } from './auditTarget.js';
import { type AuditTarget, classifyRecord } from './classifyRecord.js';
import { isTransientError } from './isTransientError.js';
import type { AuditHandlerDeps } from './types.js';

/** The Lambda handler: an SQS batch in, the ids of the records to retry out. */
export type AuditHandler = (event: SQSEvent, context?: Context) => Promise<SQSBatchResponse>;

/** Fails a record whose event another invocation is processing (already logged and counted): SQS retries it. */
class EventInProgressError extends Error {
  override readonly name = 'EventInProgressError';
}

/**
 * Claims the event (a conditional write with a lease), audits or archives, then marks the event done. A duplicate of
 * a processed event is skipped; one whose claim another invocation holds fails and is retried after the visibility
 * timeout (by then the lease has run out if that invocation crashed). Any failure releases the claim and logs one
 * error line with a FailedRecords metric.
 */
async function handleTarget(target: AuditTarget, deps: AuditHandlerDeps, messageId: string): Promise<void> {
  const keys = { messageId, eventId: target.eventId, eventName: target.eventName, stateMachineArn: target.arn };
  const owner = deps.newClaimOwner?.() ?? randomUUID();
  let claimed = false;
  try {
    const claim = await deps.store.claimEvent(target.eventId, owner);
    if (claim === 'done') {
      deps.log.info('Skipping an event that was already processed', keys);
      deps.metrics.add('DuplicateEvents', 1);
      return;
    }
    if (claim === 'leased') {
      deps.log.warn('Another invocation is processing this event; the record will be retried', keys);
      deps.metrics.add('EventsInProgress', 1);
      throw new EventInProgressError(`event ${target.eventId} is claimed by another invocation`);
    }
    claimed = true;
    if (target.kind === 'archive') await archiveStateMachine(target.arn, deps, target.eventName, target.eventId, owner);
    else await auditTarget(target.arn, deps, target.eventId, owner);
    await deps.store.completeEvent(target.eventId, owner);
  } catch (error) {
    if (error instanceof EventInProgressError) throw error;
    const claimReleased = claimed
      ? await deps.store.releaseEvent(target.eventId, owner).then(
          () => true,
          () => false,
        )
      : false;
    const transient = isTransientError(error);
    deps.log.error(
      transient
        ? 'Transient failure; the record will be retried'
        : 'Processing failed; the record will be retried and reach the dead-letter queue after 5 receives',
      { ...keys, transient, claimReleased, error },
    );
    deps.metrics.add('FailedRecords', 1);
    throw error;
  }
}

function recordHandlerFor(deps: AuditHandlerDeps) {
  const inBatch = new Set<string>();
  const queues = new Map<string, Promise<void>>();
  return async (record: SQSRecord): Promise<void> => {
    const action = classifyRecord(record.body);
    if (action.kind === 'malformed') {
      deps.log.warn('Dropping a malformed record', { messageId: record.messageId, reason: action.reason });
      deps.metrics.add('MalformedRecords', 1);
      return;
    }
    if (action.kind === 'failedCall') {
      deps.log.info('Skipping a failed API call', {
        messageId: record.messageId,
        eventId: action.eventId,
        eventName: action.eventName,
        errorCode: action.errorCode,
      });
      return;
    }
    // Checked and set with no await in between, so the first copy of a duplicated event in a batch wins.
    if (inBatch.has(action.eventId)) {
      deps.log.info('Skipping a duplicate event in the same batch', {
        messageId: record.messageId,
        eventId: action.eventId,
      });
      deps.metrics.add('DuplicateEvents', 1);
      return;
    }
    inBatch.add(action.eventId);
    // Records about the same ARN run one after the other, so each audit compares with the one before it.
    const run = (queues.get(action.arn) ?? Promise.resolve())
      .catch(() => undefined)
      .then(() => handleTarget(action, deps, record.messageId));
    queues.set(action.arn, run);
    await run;
  };
}

/**
 * Builds the SQS-triggered audit handler: each record is an EventBridge CloudTrail event for a Step Functions
 * change. Malformed records and failed API calls are logged and dropped (never retried); duplicates of an
 * already-processed `detail.eventID` are skipped; a record whose audit fails is reported in `batchItemFailures`
 * so SQS retries only it, and each sink hears about an event or change at most once (docs/aws.md, "Delivery
 * guarantees"; partial batch response, https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html).
 */
export function createAuditHandler(deps: AuditHandlerDeps): AuditHandler {
  return async (event, context) => {
    const processor = new BatchProcessor(EventType.SQS);
    try {
      return await processPartialResponse(event, recordHandlerFor(deps), processor, {
        ...(context === undefined ? {} : { context }),
        throwOnFullBatchFailure: false,
      });
    } finally {
      const iamCalls = deps.takeIamCalls?.();
      if (iamCalls !== undefined) deps.metrics.add('IamCalls', iamCalls);
      deps.metrics.flush();
    }
  };
}
