import { describe, expect, it } from 'vitest';
import { classifyRecord } from '../../../functions/audit/classifyRecord.js';
import { loadEvent } from './fakes.js';

const SM = 'arn:aws:states:eu-west-1:111122223333:stateMachine:OrderPipeline';

function withDetail(name: string, patch: Record<string, unknown>): string {
  const event = loadEvent(name);
  return JSON.stringify({ ...event, detail: { ...(event.detail as Record<string, unknown>), ...patch } });
}

describe('classifyRecord', () => {
  it.each([
    { name: 'create-state-machine', kind: 'audit', arn: SM, eventName: 'CreateStateMachine' },
    { name: 'update-state-machine', kind: 'audit', arn: SM, eventName: 'UpdateStateMachine' },
    { name: 'publish-state-machine-version', kind: 'audit', arn: `${SM}:5`, eventName: 'PublishStateMachineVersion' },
    { name: 'create-state-machine-alias', kind: 'audit', arn: `${SM}:PROD`, eventName: 'CreateStateMachineAlias' },
    { name: 'update-state-machine-alias', kind: 'audit', arn: `${SM}:PROD`, eventName: 'UpdateStateMachineAlias' },
    { name: 'delete-state-machine', kind: 'archive', arn: SM, eventName: 'DeleteStateMachine' },
  ])('reads the ARN of $eventName from where CloudTrail puts it', ({ name, kind, arn, eventName }) => {
    const action = classifyRecord(JSON.stringify(loadEvent(name)));
    expect(action).toMatchObject({ kind, arn, eventName, region: 'eu-west-1', account: '111122223333' });
    expect(action).toHaveProperty('eventId', (loadEvent(name).detail as Record<string, unknown>).eventID);
  });

  it('skips a failed call and keeps its error code', () => {
    expect(classifyRecord(JSON.stringify(loadEvent('delete-state-machine-access-denied')))).toEqual({
      kind: 'failedCall',
      eventId: 'e5f6a7b8-0000-1111-2222-333344445561',
      eventName: 'DeleteStateMachine',
      errorCode: 'AccessDeniedException',
    });
  });

  it('ignores fields it does not use, such as new CloudTrail keys', () => {
    const body = withDetail('create-state-machine', { tlsDetails: { tlsVersion: 'TLSv1.3' }, eventVersion: '1.11' });
    expect(classifyRecord(body)).toMatchObject({ kind: 'audit', arn: SM });
  });

  it.each([
    { name: 'bad JSON', body: '{"source": "aws.states"', reason: 'the body is not JSON' },
    { name: 'an array', body: '[]', reason: 'the body is not a JSON object' },
    {
      name: 'another source',
      body: JSON.stringify({ ...loadEvent('create-state-machine'), source: 'aws.iam' }),
      reason: 'source is not aws.states',
    },
    {
      name: 'another detail-type',
      body: JSON.stringify({
        ...loadEvent('create-state-machine'),
        'detail-type': 'Step Functions Execution Status Change',
      }),
      reason: 'detail-type is not "AWS API Call via CloudTrail"',
    },
    {
      name: 'another event source',
      body: withDetail('create-state-machine', { eventSource: 'iam.amazonaws.com' }),
      reason: 'detail.eventSource is not states.amazonaws.com',
    },
    {
      name: 'an unhandled event name',
      body: withDetail('create-state-machine', { eventName: 'StartExecution' }),
      reason: 'detail.eventName is not a handled Step Functions event',
    },
    {
      name: 'no eventID',
      body: withDetail('create-state-machine', { eventID: '' }),
      reason: 'detail.eventID is missing',
    },
    {
      name: 'no responseElements on Create',
      body: withDetail('create-state-machine', { responseElements: null }),
      reason: 'detail.responseElements.stateMachineArn is not a state machine ARN',
    },
    {
      name: 'an activity ARN instead of a state machine ARN',
      body: withDetail('update-state-machine', {
        requestParameters: { stateMachineArn: 'arn:aws:states:eu-west-1:111122223333:activity:Approve' },
      }),
      reason: 'detail.requestParameters.stateMachineArn is not a state machine ARN',
    },
  ])('drops $name as malformed', ({ body, reason }) => {
    expect(classifyRecord(body)).toEqual({ kind: 'malformed', reason });
  });
});
