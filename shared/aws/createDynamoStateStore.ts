import {
  type AttributeValue,
  BatchWriteItemCommand,
  DeleteItemCommand,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
} from '@aws-sdk/client-dynamodb';
import type { DeliveryKey } from '../ports.js';
import type { AuditReport } from '../types.js';
import { awsCallError, awsErrorName } from './awsErrorName.js';
import { splitStateMachineArn } from './splitStateMachineArn.js';

/** Sort key of an unqualified state machine's item. */
export const LATEST_QUALIFIER = '$LATEST';
/** GSI over `roleArn` (KEYS_ONLY), for finding the state machines that use a role. */
export const BY_ROLE_INDEX = 'byRole';
/** BatchWriteItem takes ≤ 25 requests (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchWriteItem.html). */
const MAX_BATCH_WRITE = 25;
const EVENT_QUALIFIER = 'event';
/** Sort-key prefix of delivery records. */
const DELIVERY = 'delivery#';
/**
 * How long a claim keeps other invocations off an event: longer than one audit can run (the function times out at
 * 120 s) and shorter than the queue's visibility timeout (750 s), so the retry of a crashed invocation's record
 * finds the lease expired and takes the event over.
 */
export const DEFAULT_LEASE_SECONDS = 300;
/** Attempts at marking a delivery sent after a successful send (on top of the SDK's own retries). */
export const DELIVERY_WRITE_ATTEMPTS = 3;

/** What claiming an event found: it is ours now, it was processed already, or another invocation holds its lease. */
export type ClaimOutcome = 'claimed' | 'done' | 'leased';

/** The last audit of one state machine, version or alias. */
export type StoredAuditRecord = {
  /** The audited ARN as given (qualified for a version or an alias). */
  stateMachineArn: string;
  /** `$LATEST`, a version number or an alias name. */
  qualifier: string;
  revisionId: string | null;
  roleArn: string | null;
  findings: { id: string; severity: string }[];
  auditedAt: string;
  lastEventId?: string;
};

/** Options of the DynamoDB state store. */
export type DynamoStateStoreOptions = {
  tableName: string;
  /** How long processed-event markers live (TTL attribute `expiresAt`); default 30 days. */
  eventTtlSeconds?: number;
  /** How long a claim holds an event (attribute `leaseUntil`); default DEFAULT_LEASE_SECONDS. */
  leaseSeconds?: number;
  now?: () => Date;
  /** Waits between delivery-record write attempts; default setTimeout. */
  sleep?: (ms: number) => Promise<void>;
};

const s = (value: string): AttributeValue => ({ S: value });
const str = (item: Record<string, AttributeValue>, name: string) => item[name]?.S;

function keyOf(arn: string): Record<string, AttributeValue> {
  const parts = splitStateMachineArn(arn);
  return { stateMachineArn: s(parts.unqualified), qualifier: s(parts.qualifier ?? LATEST_QUALIFIER) };
}

function eventKey(eventId: string): Record<string, AttributeValue> {
  return { stateMachineArn: s(`event#${eventId}`), qualifier: s(EVENT_QUALIFIER) };
}

function deliveryKey(key: DeliveryKey, sink: string): Record<string, AttributeValue> {
  if (key.scope === 'event') return { stateMachineArn: s(`event#${key.eventId}`), qualifier: s(`${DELIVERY}${sink}`) };
  const parts = splitStateMachineArn(key.stateMachineArn);
  const qualifier = `${DELIVERY}${parts.qualifier ?? LATEST_QUALIFIER}#${key.fingerprint}#${sink}`;
  return { stateMachineArn: s(parts.unqualified), qualifier: s(qualifier) };
}

function toItem(record: StoredAuditRecord): Record<string, AttributeValue> {
  return {
    ...keyOf(record.stateMachineArn),
    arn: s(record.stateMachineArn),
    ...(record.roleArn === null ? {} : { roleArn: s(record.roleArn) }),
    ...(record.revisionId === null ? {} : { revisionId: s(record.revisionId) }),
    findings: { L: record.findings.map((f) => ({ M: { id: s(f.id), severity: s(f.severity) } })) },
    auditedAt: s(record.auditedAt),
    ...(record.lastEventId === undefined ? {} : { lastEventId: s(record.lastEventId) }),
  };
}

function fromItem(item: Record<string, AttributeValue>): StoredAuditRecord {
  const lastEventId = str(item, 'lastEventId');
  return {
    stateMachineArn: str(item, 'arn') ?? str(item, 'stateMachineArn') ?? '',
    qualifier: str(item, 'qualifier') ?? LATEST_QUALIFIER,
    revisionId: str(item, 'revisionId') ?? null,
    roleArn: str(item, 'roleArn') ?? null,
    findings: (item.findings?.L ?? []).map((v) => ({ id: v.M?.id?.S ?? '', severity: v.M?.severity?.S ?? '' })),
    auditedAt: str(item, 'auditedAt') ?? '',
    ...(lastEventId === undefined ? {} : { lastEventId }),
  };
}

/**
 * The state store on one DynamoDB table (schema in docs/aws.md): PK `stateMachineArn` (unqualified ARN), SK
 * `qualifier` (`$LATEST`, version number or alias name), `roleArn` in GSI `byRole`; processed CloudTrail events are
 * items `event#ID` / `event` (a claim with a lease, then `done`) that expire through the TTL attribute `expiresAt`;
 * delivery records are `event#ID` / `delivery#SINK` (per event) and ARN / `delivery#QUALIFIER#FINGERPRINT#SINK` (per
 * change). `load`/`save`/`remove` take full (possibly qualified) ARNs, as the audit handler uses them.
 */
export function createDynamoStateStore(client: DynamoDBClient, options: DynamoStateStoreOptions) {
  const TableName = options.tableName;
  const now = options.now ?? (() => new Date());
  const ttl = options.eventTtlSeconds ?? 30 * 24 * 3600;
  const leaseSeconds = options.leaseSeconds ?? DEFAULT_LEASE_SECONDS;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const epochSeconds = () => Math.floor(now().getTime() / 1000);

  /** A conditional PutItem: false when the condition failed. */
  async function putIf(
    target: string,
    Item: Record<string, AttributeValue>,
    condition: Pick<
      ConstructorParameters<typeof PutItemCommand>[0],
      'ConditionExpression' | 'ExpressionAttributeNames' | 'ExpressionAttributeValues'
    >,
  ): Promise<boolean> {
    try {
      await client.send(new PutItemCommand({ TableName, Item, ...condition }));
      return true;
    } catch (error) {
      if (awsErrorName(error) === 'ConditionalCheckFailedException') return false;
      throw awsCallError('DynamoDB PutItem', target, error);
    }
  }

  async function send<T>(call: string, target: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw awsCallError(`DynamoDB ${call}`, target, error);
    }
  }

  async function queryAll(input: ConstructorParameters<typeof QueryCommand>[0]) {
    const items: Record<string, AttributeValue>[] = [];
    let start: Record<string, AttributeValue> | undefined;
    do {
      const page = await send('Query', TableName, () =>
        client.send(new QueryCommand({ ...input, ...(start === undefined ? {} : { ExclusiveStartKey: start }) })),
      );
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start !== undefined);
    return items;
  }

  async function deleteKeys(keys: Record<string, AttributeValue>[]): Promise<void> {
    for (let i = 0; i < keys.length; i += MAX_BATCH_WRITE) {
      let requests = keys.slice(i, i + MAX_BATCH_WRITE).map((Key) => ({ DeleteRequest: { Key } }));
      for (let attempt = 1; requests.length > 0; attempt += 1) {
        if (attempt > 5)
          throw new Error(`DynamoDB BatchWriteItem ${TableName}: ${requests.length} deletes unprocessed`);
        const output = await send('BatchWriteItem', TableName, () =>
          client.send(new BatchWriteItemCommand({ RequestItems: { [TableName]: requests } })),
        );
        requests = (output.UnprocessedItems?.[TableName] ?? []).flatMap((r) =>
          r.DeleteRequest?.Key === undefined ? [] : [{ DeleteRequest: { Key: r.DeleteRequest.Key } }],
        );
      }
    }
  }

  const store = {
    /** The last audit of a state machine (unqualified ARN) under a qualifier. */
    async get(stateMachineArn: string, qualifier: string): Promise<StoredAuditRecord | undefined> {
      const Key = { stateMachineArn: s(splitStateMachineArn(stateMachineArn).unqualified), qualifier: s(qualifier) };
      const output = await send('GetItem', stateMachineArn, () =>
        client.send(new GetItemCommand({ TableName, Key, ConsistentRead: true })),
      );
      return output.Item === undefined ? undefined : fromItem(output.Item);
    },
    /** Stores an audit (replacing the previous one of the same ARN and qualifier). */
    async put(record: StoredAuditRecord): Promise<void> {
      await send('PutItem', record.stateMachineArn, () =>
        client.send(new PutItemCommand({ TableName, Item: toItem(record) })),
      );
    },
    /** The last audit of a (possibly qualified) ARN. */
    async load(arn: string): Promise<StoredAuditRecord | undefined> {
      const parts = splitStateMachineArn(arn);
      return store.get(parts.unqualified, parts.qualifier ?? LATEST_QUALIFIER);
    },
    /** Stores a report's state: its role, revision and findings (ids and severities). */
    async save(report: AuditReport, lastEventId?: string): Promise<void> {
      const arn = report.stateMachine.arn;
      if (arn === null) throw new Error('cannot store the audit of a state machine without an ARN');
      await store.put({
        stateMachineArn: arn,
        qualifier: splitStateMachineArn(arn).qualifier ?? LATEST_QUALIFIER,
        revisionId: report.stateMachine.revisionId ?? null,
        roleArn: report.role.arn,
        findings: report.findings.map((f) => ({ id: f.id, severity: f.severity })),
        auditedAt: report.auditedAt,
        ...(lastEventId === undefined ? {} : { lastEventId }),
      });
    },
    /**
     * Forgets a version or alias, or — for an unqualified ARN — the state machine with all its versions and aliases;
     * the delivery records of what is forgotten go with it, so a state machine created again is notified afresh.
     */
    async remove(arn: string): Promise<void> {
      const parts = splitStateMachineArn(arn);
      if (parts.qualifier !== null) {
        await send('DeleteItem', arn, () => client.send(new DeleteItemCommand({ TableName, Key: keyOf(arn) })));
      }
      const items = await queryAll({
        TableName,
        KeyConditionExpression:
          parts.qualifier === null
            ? 'stateMachineArn = :arn'
            : 'stateMachineArn = :arn AND begins_with(qualifier, :prefix)',
        ExpressionAttributeValues: {
          ':arn': s(parts.unqualified),
          ...(parts.qualifier === null ? {} : { ':prefix': s(`${DELIVERY}${parts.qualifier}#`) }),
        },
        ProjectionExpression: 'stateMachineArn, qualifier',
      });
      await deleteKeys(
        items.map((item) => ({ stateMachineArn: item.stateMachineArn ?? s(''), qualifier: item.qualifier ?? s('') })),
      );
    },
    /** The audited ARNs (and qualifiers) whose last audit ran with a role, from the `byRole` index. */
    async listByRole(roleArn: string): Promise<{ stateMachineArn: string; qualifier: string }[]> {
      const items = await queryAll({
        TableName,
        IndexName: BY_ROLE_INDEX,
        KeyConditionExpression: 'roleArn = :role',
        ExpressionAttributeValues: { ':role': s(roleArn) },
      });
      return items.map((item) => {
        const base = str(item, 'stateMachineArn') ?? '';
        const qualifier = str(item, 'qualifier') ?? LATEST_QUALIFIER;
        return { stateMachineArn: qualifier === LATEST_QUALIFIER ? base : `${base}:${qualifier}`, qualifier };
      });
    },
    /** True when a CloudTrail event id was already processed (strongly consistent read). */
    async hasProcessedEvent(eventId: string): Promise<boolean> {
      const output = await send('GetItem', `event ${eventId}`, () =>
        client.send(new GetItemCommand({ TableName, Key: eventKey(eventId), ConsistentRead: true })),
      );
      return output.Item !== undefined;
    },
    /** Records an event id as processed, expiring after the TTL. */
    async markEventProcessed(eventId: string): Promise<void> {
      const expiresAt = Math.floor(now().getTime() / 1000) + ttl;
      await send('PutItem', `event ${eventId}`, () =>
        client.send(
          new PutItemCommand({ TableName, Item: { ...eventKey(eventId), expiresAt: { N: String(expiresAt) } } }),
        ),
      );
    },
    /**
     * Claims an event for one invocation (`owner`) with a conditional write: taken when no item exists or an earlier
     * claim's lease (`leaseUntil`, epoch seconds) has run out; `done` when it was processed (a marker without a
     * status, as markEventProcessed wrote them, counts as done); `leased` while another invocation holds it.
     */
    async claimEvent(eventId: string, owner: string): Promise<ClaimOutcome> {
      const nowSeconds = epochSeconds();
      const claimed = await putIf(
        `event ${eventId}`,
        {
          ...eventKey(eventId),
          status: s('claimed'),
          owner: s(owner),
          leaseUntil: { N: String(nowSeconds + leaseSeconds) },
          expiresAt: { N: String(nowSeconds + ttl) },
        },
        {
          ConditionExpression: 'attribute_not_exists(stateMachineArn) OR (#status = :claimed AND leaseUntil < :now)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':claimed': s('claimed'), ':now': { N: String(nowSeconds) } },
        },
      );
      if (claimed) return 'claimed';
      const output = await send('GetItem', `event ${eventId}`, () =>
        client.send(new GetItemCommand({ TableName, Key: eventKey(eventId), ConsistentRead: true })),
      );
      return output.Item?.status?.S === 'claimed' ? 'leased' : 'done';
    },
    /** Marks a claimed event processed (status `done`, no lease), expiring after the TTL. */
    async completeEvent(eventId: string, owner: string): Promise<void> {
      await send('PutItem', `event ${eventId}`, () =>
        client.send(
          new PutItemCommand({
            TableName,
            Item: {
              ...eventKey(eventId),
              status: s('done'),
              owner: s(owner),
              expiresAt: { N: String(epochSeconds() + ttl) },
            },
          }),
        ),
      );
    },
    /** Gives a claim up after a failure, so the record's retry need not wait for the lease; only the owner's claim. */
    async releaseEvent(eventId: string, owner: string): Promise<void> {
      try {
        await client.send(
          new DeleteItemCommand({
            TableName,
            Key: eventKey(eventId),
            ConditionExpression: '#status = :claimed AND #owner = :owner',
            ExpressionAttributeNames: { '#status': 'status', '#owner': 'owner' },
            ExpressionAttributeValues: { ':claimed': s('claimed'), ':owner': s(owner) },
          }),
        );
      } catch (error) {
        if (awsErrorName(error) === 'ConditionalCheckFailedException') return;
        throw awsCallError('DynamoDB DeleteItem', `event ${eventId}`, error);
      }
    },
    /**
     * Claims a delivery before the send (conditional write: no record, or an expired `sending` lease): `sent` when
     * it was told before, `sending` while another attempt holds the lease.
     */
    async claimDelivery(key: DeliveryKey, sink: string, owner: string): Promise<'claimed' | 'sent' | 'sending'> {
      const Key = deliveryKey(key, sink);
      const target = `delivery ${Key.qualifier?.S}`;
      const nowSeconds = epochSeconds();
      const claimed = await putIf(
        target,
        {
          ...Key,
          status: s('sending'),
          owner: s(owner),
          leaseUntil: { N: String(nowSeconds + leaseSeconds) },
          expiresAt: { N: String(nowSeconds + ttl) },
        },
        {
          ConditionExpression: 'attribute_not_exists(stateMachineArn) OR (#status = :sending AND leaseUntil < :now)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':sending': s('sending'), ':now': { N: String(nowSeconds) } },
        },
      );
      if (claimed) return 'claimed';
      const output = await send('GetItem', target, () =>
        client.send(new GetItemCommand({ TableName, Key, ConsistentRead: true })),
      );
      return output.Item?.status?.S === 'sending' ? 'sending' : 'sent';
    },
    /**
     * Marks a claimed delivery sent (`sentAt`, expiring after the TTL); retried a few times on failure, because a
     * send left `sending` is sent again once its lease runs out.
     */
    async completeDelivery(key: DeliveryKey, sink: string, owner: string): Promise<void> {
      const Key = deliveryKey(key, sink);
      const Item = {
        ...Key,
        status: s('sent'),
        owner: s(owner),
        sentAt: s(now().toISOString()),
        expiresAt: { N: String(epochSeconds() + ttl) },
      };
      for (let attempt = 1; ; attempt += 1) {
        try {
          await send('PutItem', `delivery ${Key.qualifier?.S}`, () =>
            client.send(new PutItemCommand({ TableName, Item })),
          );
          return;
        } catch (error) {
          if (attempt >= DELIVERY_WRITE_ATTEMPTS) throw error;
          await sleep(100 * 2 ** (attempt - 1));
        }
      }
    },
    /** Gives a delivery claim up after a failed send; only the owner's `sending` claim. */
    async releaseDelivery(key: DeliveryKey, sink: string, owner: string): Promise<void> {
      const Key = deliveryKey(key, sink);
      try {
        await client.send(
          new DeleteItemCommand({
            TableName,
            Key,
            ConditionExpression: '#status = :sending AND #owner = :owner',
            ExpressionAttributeNames: { '#status': 'status', '#owner': 'owner' },
            ExpressionAttributeValues: { ':sending': s('sending'), ':owner': s(owner) },
          }),
        );
      } catch (error) {
        if (awsErrorName(error) === 'ConditionalCheckFailedException') return;
        throw awsCallError('DynamoDB DeleteItem', `delivery ${Key.qualifier?.S}`, error);
      }
    },
  };
  return store;
}

/** The DynamoDB state store (see createDynamoStateStore). */
export type DynamoStateStore = ReturnType<typeof createDynamoStateStore>;
