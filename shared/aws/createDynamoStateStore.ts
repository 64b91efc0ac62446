import {
  type AttributeValue,
  BatchWriteItemCommand,
  DeleteItemCommand,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
} from '@aws-sdk/client-dynamodb';
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
  now?: () => Date;
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
 * items `event#ID` / `event` that expire through the TTL attribute `expiresAt`. `load`/`save`/`remove`/
 * `hasProcessedEvent`/`markEventProcessed` take full (possibly qualified) ARNs, as the audit handler uses them.
 */
export function createDynamoStateStore(client: DynamoDBClient, options: DynamoStateStoreOptions) {
  const TableName = options.tableName;
  const now = options.now ?? (() => new Date());
  const ttl = options.eventTtlSeconds ?? 30 * 24 * 3600;

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
    /** Forgets a version or alias, or — for an unqualified ARN — the state machine with all its versions and aliases. */
    async remove(arn: string): Promise<void> {
      const parts = splitStateMachineArn(arn);
      if (parts.qualifier !== null) {
        await send('DeleteItem', arn, () => client.send(new DeleteItemCommand({ TableName, Key: keyOf(arn) })));
        return;
      }
      const items = await queryAll({
        TableName,
        KeyConditionExpression: 'stateMachineArn = :arn',
        ExpressionAttributeValues: { ':arn': s(parts.unqualified) },
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
    /** Records an event id unless it is already there (conditional write): false for a duplicate delivery. */
    async claimEvent(eventId: string): Promise<boolean> {
      const expiresAt = Math.floor(now().getTime() / 1000) + ttl;
      try {
        await client.send(
          new PutItemCommand({
            TableName,
            Item: { ...eventKey(eventId), expiresAt: { N: String(expiresAt) } },
            ConditionExpression: 'attribute_not_exists(stateMachineArn)',
          }),
        );
        return true;
      } catch (error) {
        if (awsErrorName(error) === 'ConditionalCheckFailedException') return false;
        throw awsCallError('DynamoDB PutItem', `event ${eventId}`, error);
      }
    },
  };
  return store;
}

/** The DynamoDB state store (see createDynamoStateStore). */
export type DynamoStateStore = ReturnType<typeof createDynamoStateStore>;
