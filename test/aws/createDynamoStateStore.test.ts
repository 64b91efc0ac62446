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

  it('removes only the version item and its delivery records for a version ARN', async () => {
    db.on(DeleteItemCommand).resolves({});
    db.on(QueryCommand).resolves({ Items: [{ stateMachineArn: { S: SM }, qualifier: { S: 'delivery#4#abc#sns' } }] });
    db.on(BatchWriteItemCommand).resolves({});
    await store().remove(`${SM}:4`);
    expect(db.commandCalls(DeleteItemCommand)[0]?.args[0].input).toEqual({
      TableName: TABLE,
      Key: { stateMachineArn: { S: SM }, qualifier: { S: '4' } },
    });
    expect(db.commandCalls(QueryCommand)[0]?.args[0].input).toMatchObject({
      KeyConditionExpression: 'stateMachineArn = :arn AND begins_with(qualifier, :prefix)',
      ExpressionAttributeValues: { ':arn': { S: SM }, ':prefix': { S: 'delivery#4#' } },
    });
    expect(db.commandCalls(BatchWriteItemCommand)[0]?.args[0].input.RequestItems?.[TABLE]).toEqual([
      { DeleteRequest: { Key: { stateMachineArn: { S: SM }, qualifier: { S: 'delivery#4#abc#sns' } } } },
    ]);
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

  it('claims an event with a lease, unless it is done or another owner still holds the lease', async () => {
    db.on(PutItemCommand)
      .resolvesOnce({})
      .rejects(new ConditionalCheckFailedException({ message: 'exists', $metadata: {} }));
    db.on(GetItemCommand)
      .resolvesOnce({ Item: { stateMachineArn: { S: 'event#e1' }, status: { S: 'claimed' } } })
      .resolvesOnce({ Item: { stateMachineArn: { S: 'event#e1' }, status: { S: 'done' } } })
      .resolvesOnce({ Item: { stateMachineArn: { S: 'event#e1' } } });
    expect(await store().claimEvent('e1', 'owner-a')).toBe('claimed');
    expect(await store().claimEvent('e1', 'owner-b')).toBe('leased');
    expect(await store().claimEvent('e1', 'owner-b')).toBe('done');
    expect(await store().claimEvent('e1', 'owner-b')).toBe('done');
    const nowSeconds = Date.parse('2026-05-01T00:00:00Z') / 1000;
    expect(db.commandCalls(PutItemCommand)[0]?.args[0].input).toEqual({
      TableName: TABLE,
      Item: {
        stateMachineArn: { S: 'event#e1' },
        qualifier: { S: 'event' },
        status: { S: 'claimed' },
        owner: { S: 'owner-a' },
        leaseUntil: { N: String(nowSeconds + 300) },
        expiresAt: { N: String(nowSeconds + 30 * 24 * 3600) },
      },
      ConditionExpression: 'attribute_not_exists(stateMachineArn) OR (#status = :claimed AND leaseUntil < :now)',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':claimed': { S: 'claimed' }, ':now': { N: String(nowSeconds) } },
    });
    expect(db.commandCalls(GetItemCommand)[0]?.args[0].input.ConsistentRead).toBe(true);
  });

  it('marks a claimed event done and releases only its own claim', async () => {
    db.on(PutItemCommand).resolves({});
    db.on(DeleteItemCommand).rejects(new ConditionalCheckFailedException({ message: 'not ours', $metadata: {} }));
    await store().completeEvent('e1', 'owner-a');
    await store().releaseEvent('e1', 'owner-b');
    expect(db.commandCalls(PutItemCommand)[0]?.args[0].input.Item).toEqual({
      stateMachineArn: { S: 'event#e1' },
      qualifier: { S: 'event' },
      status: { S: 'done' },
      owner: { S: 'owner-a' },
      expiresAt: { N: String(Date.parse('2026-05-01T00:00:00Z') / 1000 + 30 * 24 * 3600) },
    });
    expect(db.commandCalls(DeleteItemCommand)[0]?.args[0].input).toMatchObject({
      Key: { stateMachineArn: { S: 'event#e1' }, qualifier: { S: 'event' } },
      ConditionExpression: '#status = :claimed AND #owner = :owner',
      ExpressionAttributeValues: { ':claimed': { S: 'claimed' }, ':owner': { S: 'owner-b' } },
    });
  });

  it.each([
    {
      name: 'an event delivery under the event',
      key: { scope: 'event' as const, eventId: 'e1' },
      expected: { stateMachineArn: { S: 'event#e1' }, qualifier: { S: 'delivery#eventbridge' } },
    },
    {
      name: 'a change delivery under the state machine and qualifier',
      key: { scope: 'change' as const, stateMachineArn: `${SM}:PROD`, fingerprint: 'abc' },
      expected: { stateMachineArn: { S: SM }, qualifier: { S: 'delivery#PROD#abc#eventbridge' } },
    },
  ])('claims $name with a lease, then marks it sent', async ({ key, expected }) => {
    db.on(PutItemCommand)
      .resolvesOnce({})
      .rejectsOnce(new ConditionalCheckFailedException({ message: 'exists', $metadata: {} }))
      .rejectsOnce(new ConditionalCheckFailedException({ message: 'exists', $metadata: {} }))
      .resolves({});
    db.on(GetItemCommand)
      .resolvesOnce({ Item: { ...expected, status: { S: 'sending' } } })
      .resolvesOnce({ Item: { ...expected, status: { S: 'sent' } } });
    expect(await store().claimDelivery(key, 'eventbridge', 'owner-a')).toBe('claimed');
    expect(await store().claimDelivery(key, 'eventbridge', 'owner-b')).toBe('sending');
    expect(await store().claimDelivery(key, 'eventbridge', 'owner-b')).toBe('sent');
    await store().completeDelivery(key, 'eventbridge', 'owner-a');
    const nowSeconds = Date.parse('2026-05-01T00:00:00Z') / 1000;
    const puts = db.commandCalls(PutItemCommand).map((c) => c.args[0].input);
    expect(puts[0]).toEqual({
      TableName: TABLE,
      Item: {
        ...expected,
        status: { S: 'sending' },
        owner: { S: 'owner-a' },
        leaseUntil: { N: String(nowSeconds + 300) },
        expiresAt: { N: String(nowSeconds + 30 * 24 * 3600) },
      },
      ConditionExpression: 'attribute_not_exists(stateMachineArn) OR (#status = :sending AND leaseUntil < :now)',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':sending': { S: 'sending' }, ':now': { N: String(nowSeconds) } },
    });
    expect(puts[3]).toEqual({
      TableName: TABLE,
      Item: {
        ...expected,
        status: { S: 'sent' },
        owner: { S: 'owner-a' },
        sentAt: { S: '2026-05-01T00:00:00.000Z' },
        expiresAt: { N: String(nowSeconds + 30 * 24 * 3600) },
      },
    });
    expect(db.commandCalls(GetItemCommand)[0]?.args[0].input).toEqual({
      TableName: TABLE,
      Key: expected,
      ConsistentRead: true,
    });
  });

  it('releases only its own sending claim', async () => {
    db.on(DeleteItemCommand).rejects(new ConditionalCheckFailedException({ message: 'not ours', $metadata: {} }));
    await store().releaseDelivery({ scope: 'event', eventId: 'e1' }, 'sns', 'owner-b');
    expect(db.commandCalls(DeleteItemCommand)[0]?.args[0].input).toMatchObject({
      Key: { stateMachineArn: { S: 'event#e1' }, qualifier: { S: 'delivery#sns' } },
      ConditionExpression: '#status = :sending AND #owner = :owner',
      ExpressionAttributeValues: { ':sending': { S: 'sending' }, ':owner': { S: 'owner-b' } },
    });
  });

  it('retries marking a delivery sent, since a send left sending is sent again once its lease runs out', async () => {
    const throttled = Object.assign(new Error('slow down'), { name: 'ThrottlingException' });
    db.on(PutItemCommand).rejectsOnce(throttled).rejectsOnce(throttled).resolves({});
    const sleeps: number[] = [];
    const retrying = createDynamoStateStore(new DynamoDBClient({}), {
      tableName: TABLE,
      sleep: async (ms) => void sleeps.push(ms),
    });
    await retrying.completeDelivery({ scope: 'event', eventId: 'e1' }, 'sns', 'owner-a');
    expect(sleeps).toEqual([100, 200]);
    db.on(PutItemCommand).rejects(throttled);
    await expect(retrying.completeDelivery({ scope: 'event', eventId: 'e1' }, 'sns', 'owner-a')).rejects.toThrow(
      /DynamoDB PutItem delivery delivery#sns failed: ThrottlingException/,
    );
  });
});
