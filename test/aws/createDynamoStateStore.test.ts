import {
  BatchWriteItemCommand,
  ConditionalCheckFailedException,
  DeleteItemCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
} from '@aws-sdk/client-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { createDynamoStateStore } from '../../shared/aws/createDynamoStateStore.js';
import { finding, reportWith } from './reports.js';

const SM = 'arn:aws:states:eu-west-1:111122223333:stateMachine:orders';
const ROLE = 'arn:aws:iam::111122223333:role/orders';
const TABLE = 'state';
const db = mockClient(DynamoDBClient);
const store = () =>
  createDynamoStateStore(new DynamoDBClient({}), { tableName: TABLE, now: () => new Date('2026-05-01T00:00:00Z') });

beforeEach(() => db.reset());

describe('createDynamoStateStore', () => {
  it('saves a report under the unqualified ARN and $LATEST, with roleArn for the byRole index', async () => {
    db.on(PutItemCommand).resolves({});
    await store().save(reportWith([finding('f1', 'HIGH')]), 'event-1');
    expect(db.commandCalls(PutItemCommand)[0]?.args[0].input).toEqual({
      TableName: TABLE,
      Item: {
        stateMachineArn: { S: SM },
        qualifier: { S: '$LATEST' },
        arn: { S: SM },
        roleArn: { S: ROLE },
        findings: { L: [{ M: { id: { S: 'f1' }, severity: { S: 'HIGH' } } }] },
        auditedAt: { S: '2025-01-02T03:04:05.000Z' },
        lastEventId: { S: 'event-1' },
      },
    });
  });

  it('loads an alias audit by unqualified ARN and alias name', async () => {
    db.on(GetItemCommand).resolves({
      Item: {
        stateMachineArn: { S: SM },
        qualifier: { S: 'PROD' },
        arn: { S: `${SM}:PROD` },
        roleArn: { S: ROLE },
        revisionId: { S: 'rev' },
        findings: { L: [{ M: { id: { S: 'f1' }, severity: { S: 'LOW' } } }] },
        auditedAt: { S: '2026-05-01T00:00:00.000Z' },
      },
    });
    expect(await store().load(`${SM}:PROD`)).toEqual({
      stateMachineArn: `${SM}:PROD`,
      qualifier: 'PROD',
      revisionId: 'rev',
      roleArn: ROLE,
      findings: [{ id: 'f1', severity: 'LOW' }],
      auditedAt: '2026-05-01T00:00:00.000Z',
    });
    expect(db.commandCalls(GetItemCommand)[0]?.args[0].input).toEqual({
      TableName: TABLE,
      Key: { stateMachineArn: { S: SM }, qualifier: { S: 'PROD' } },
      ConsistentRead: true,
    });
  });

  it('returns undefined for a state machine never audited', async () => {
    db.on(GetItemCommand).resolves({});
    expect(await store().get(SM, '4')).toBeUndefined();
  });

  it('removes a deleted state machine with all its versions and aliases', async () => {
    db.on(QueryCommand)
      .resolvesOnce({
        Items: [{ stateMachineArn: { S: SM }, qualifier: { S: '$LATEST' } }],
        LastEvaluatedKey: { stateMachineArn: { S: SM }, qualifier: { S: '$LATEST' } },
      })
      .resolvesOnce({ Items: [{ stateMachineArn: { S: SM }, qualifier: { S: '4' } }] });
    db.on(BatchWriteItemCommand).resolves({});
    await store().remove(SM);
    expect(db.commandCalls(QueryCommand)[1]?.args[0].input.ExclusiveStartKey).toEqual({
      stateMachineArn: { S: SM },
      qualifier: { S: '$LATEST' },
    });
    expect(db.commandCalls(BatchWriteItemCommand)[0]?.args[0].input).toEqual({
      RequestItems: {
        [TABLE]: [
          { DeleteRequest: { Key: { stateMachineArn: { S: SM }, qualifier: { S: '$LATEST' } } } },
          { DeleteRequest: { Key: { stateMachineArn: { S: SM }, qualifier: { S: '4' } } } },
        ],
      },
    });
  });

  it('removes only the version item for a version ARN', async () => {
    db.on(DeleteItemCommand).resolves({});
    await store().remove(`${SM}:4`);
    expect(db.commandCalls(DeleteItemCommand)[0]?.args[0].input).toEqual({
      TableName: TABLE,
      Key: { stateMachineArn: { S: SM }, qualifier: { S: '4' } },
    });
    expect(db.commandCalls(QueryCommand)).toHaveLength(0);
  });

  it('lists the audited ARNs of a role from the byRole index', async () => {
    db.on(QueryCommand).resolves({
      Items: [
        { stateMachineArn: { S: SM }, qualifier: { S: '$LATEST' }, roleArn: { S: ROLE } },
        { stateMachineArn: { S: SM }, qualifier: { S: 'PROD' }, roleArn: { S: ROLE } },
      ],
    });
    expect(await store().listByRole(ROLE)).toEqual([
      { stateMachineArn: SM, qualifier: '$LATEST' },
      { stateMachineArn: `${SM}:PROD`, qualifier: 'PROD' },
    ]);
    expect(db.commandCalls(QueryCommand)[0]?.args[0].input).toMatchObject({
      IndexName: 'byRole',
      KeyConditionExpression: 'roleArn = :role',
    });
  });

  it('marks processed events with a TTL and reads them back consistently', async () => {
    db.on(PutItemCommand).resolves({});
    db.on(GetItemCommand).resolves({ Item: { stateMachineArn: { S: 'event#e1' } } });
    await store().markEventProcessed('e1');
    expect(await store().hasProcessedEvent('e1')).toBe(true);
    expect(db.commandCalls(PutItemCommand)[0]?.args[0].input.Item).toEqual({
      stateMachineArn: { S: 'event#e1' },
      qualifier: { S: 'event' },
      expiresAt: { N: String(Date.parse('2026-05-01T00:00:00Z') / 1000 + 30 * 24 * 3600) },
    });
  });

  it('claims an event once with a conditional write', async () => {
    db.on(PutItemCommand)
      .resolvesOnce({})
      .rejectsOnce(new ConditionalCheckFailedException({ message: 'exists', $metadata: {} }));
    expect(await store().claimEvent('e1')).toBe(true);
    expect(await store().claimEvent('e1')).toBe(false);
    expect(db.commandCalls(PutItemCommand)[0]?.args[0].input.ConditionExpression).toBe(
      'attribute_not_exists(stateMachineArn)',
    );
  });
});
