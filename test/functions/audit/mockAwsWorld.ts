import {
  type AttributeValue,
  BatchWriteItemCommand,
  ConditionalCheckFailedException,
  DeleteItemCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
} from '@aws-sdk/client-dynamodb';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import {
  GetRoleCommand,
  GetRolePolicyCommand,
  IAMClient,
  ListAttachedRolePoliciesCommand,
  ListRolePoliciesCommand,
} from '@aws-sdk/client-iam';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import {
  type AwsSecurityFinding,
  BatchImportFindingsCommand,
  GetFindingsCommand,
  SecurityHubClient,
} from '@aws-sdk/client-securityhub';
import { DescribeStateMachineCommand, ListTagsForResourceCommand, SFNClient } from '@aws-sdk/client-sfn';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import type { AuditClients } from '../../../functions/audit/createAuditDeps.js';
import type { FetchFn } from '../../../shared/aws/createSlackWebhookSink.js';

export const REGION = 'eu-west-1';
export const ACCOUNT = '111122223333';
export const smArn = (name: string) => `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:${name}`;
export const roleArn = (name: string) => `arn:aws:iam::${ACCOUNT}:role/service/${name}`;
export const TOPIC_ARN = `arn:aws:sns:${REGION}:${ACCOUNT}:findings`;
export const SLACK_SECRET_ARN = `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:slack-AbCdEf`;
export const TABLE = 'state';

/** One call as the fault plan sees it: which service and command, its input, how many calls of it came before. */
export type Call = { service: string; command: string; input: Record<string, unknown>; nth: number; round: number };
/** An injected fault: throw an error, or answer something else than the world would. */
export type Fault = Error | { answer: unknown };
/** Decides, per call, whether a fault replaces the world's answer. */
export type FaultPlan = (call: Call) => Fault | undefined;

/** A state machine of the world: its definition and role, or gone. */
export type WorldStateMachine = { name: string; definition?: string; role?: string };
/** A role of the world with one inline policy. */
export type WorldRole = { name: string; statements: Record<string, unknown>[] };

const TRUST = encodeURIComponent(
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: 'states.amazonaws.com' }, Action: 'sts:AssumeRole' }],
  }),
);

export function awsError(name: string, status: number, message = name): Error {
  return Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status }, $fault: 'server' });
}

type Item = Record<string, AttributeValue>;
const keyText = (key: Item) => `${key.stateMachineArn?.S}\u0000${key.qualifier?.S}`;

/** Evaluates the few condition expressions the state store writes (and fails the test on any other). */
function holds(condition: string | undefined, item: Item | undefined, values: Record<string, AttributeValue>): boolean {
  const val = (name: string) => values[name];
  switch (condition) {
    case undefined:
      return true;
    case 'attribute_not_exists(stateMachineArn)':
      return item === undefined;
    case 'attribute_not_exists(stateMachineArn) OR (#status = :claimed AND leaseUntil < :now)':
      return (
        item === undefined ||
        (item.status?.S === val(':claimed')?.S && Number(item.leaseUntil?.N) < Number(val(':now')?.N))
      );
    case 'attribute_not_exists(stateMachineArn) OR (#status = :sending AND leaseUntil < :now)':
      return (
        item === undefined ||
        (item.status?.S === val(':sending')?.S && Number(item.leaseUntil?.N) < Number(val(':now')?.N))
      );
    case '#status = :sending AND #owner = :owner':
      return item !== undefined && item.status?.S === val(':sending')?.S && item.owner?.S === val(':owner')?.S;
    case '#status = :claimed AND #owner = :owner':
      return item !== undefined && item.status?.S === val(':claimed')?.S && item.owner?.S === val(':owner')?.S;
    default:
      throw new Error(`the mock table does not evaluate ${condition}`);
  }
}

/**
 * Every AWS service the audit function calls, mocked with aws-sdk-client-mock over in-memory state (a DynamoDB
 * table with the store's conditional writes, Security Hub findings upserted by Id and UpdatedAt), with a fault plan
 * consulted before each call and a log of the calls that succeeded.
 */
export function createMockAwsWorld(options: { stateMachines: WorldStateMachine[]; roles: WorldRole[] }) {
  const table = new Map<string, Item>();
  const findings = new Map<string, AwsSecurityFinding>();
  const succeeded: Call[] = [];
  const slackPosts: string[] = [];
  const counts = new Map<string, number>();
  const world = { round: 0, plan: (() => undefined) as FaultPlan };

  function run<T>(service: string, command: string, input: object, answer: () => T): Promise<T> {
    const id = `${service}:${command}`;
    const nth = counts.get(id) ?? 0;
    counts.set(id, nth + 1);
    const call: Call = { service, command, input: input as Record<string, unknown>, nth, round: world.round };
    const fault = world.plan(call);
    if (fault instanceof Error) return Promise.reject(fault);
    if (fault !== undefined) return Promise.resolve(fault.answer as T);
    try {
      const value = answer();
      succeeded.push(call);
      return Promise.resolve(value);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  const sfn = mockClient(SFNClient);
  const iam = mockClient(IAMClient);
  const hub = mockClient(SecurityHubClient);
  const sns = mockClient(SNSClient);
  const events = mockClient(EventBridgeClient);
  const dynamodb = mockClient(DynamoDBClient);
  const secrets = mockClient(SecretsManagerClient);
  const mocks = [sfn, iam, hub, sns, events, dynamodb, secrets];
  for (const mock of mocks) mock.reset();

  sfn.on(DescribeStateMachineCommand).callsFake((input) =>
    run('sfn', 'DescribeStateMachine', input, () => {
      const found = options.stateMachines.find((s) => smArn(s.name) === input.stateMachineArn);
      if (found?.definition === undefined) throw awsError('StateMachineDoesNotExist', 400);
      return {
        stateMachineArn: input.stateMachineArn,
        name: found.name,
        definition: found.definition,
        roleArn: roleArn(found.role ?? 'none'),
        type: 'STANDARD',
        revisionId: 'rev-1',
        status: 'ACTIVE',
      };
    }),
  );
  sfn
    .on(ListTagsForResourceCommand)
    .callsFake((input) => run('sfn', 'ListTagsForResource', input, () => ({ tags: [] })));

  const roleOf = (name: string | undefined) => {
    const role = options.roles.find((r) => r.name === name);
    if (role === undefined) throw awsError('NoSuchEntityException', 404, `The role ${name} cannot be found.`);
    return role;
  };
  iam.on(GetRoleCommand).callsFake((input) =>
    run('iam', 'GetRole', input, () => {
      const role = roleOf(input.RoleName);
      return { Role: { RoleName: role.name, Arn: roleArn(role.name), AssumeRolePolicyDocument: TRUST } };
    }),
  );
  iam.on(ListRolePoliciesCommand).callsFake((input) =>
    run('iam', 'ListRolePolicies', input, () => {
      roleOf(input.RoleName);
      return { PolicyNames: ['inline'] };
    }),
  );
  iam.on(GetRolePolicyCommand).callsFake((input) =>
    run('iam', 'GetRolePolicy', input, () => ({
      PolicyName: 'inline',
      PolicyDocument: encodeURIComponent(
        JSON.stringify({ Version: '2012-10-17', Statement: roleOf(input.RoleName).statements }),
      ),
    })),
  );
  iam
    .on(ListAttachedRolePoliciesCommand)
    .callsFake((input) => run('iam', 'ListAttachedRolePolicies', input, () => ({ AttachedPolicies: [] })));

  hub.on(GetFindingsCommand).callsFake((input) =>
    run('securityhub', 'GetFindings', input, () => {
      const ids = new Set((input.Filters?.Id ?? []).map((f: { Value?: string }) => f.Value));
      return { Findings: [...findings.values()].filter((f) => ids.has(f.Id)).map((f) => structuredClone(f)) };
    }),
  );
  hub.on(BatchImportFindingsCommand).callsFake((input) =>
    run('securityhub', 'BatchImportFindings', input, () => {
      const sent = (input.Findings ?? []) as AwsSecurityFinding[];
      for (const finding of sent) {
        const stored = findings.get(finding.Id ?? '');
        // Upsert by Id; an update applies only when UpdatedAt is later than the stored one.
        if (stored === undefined || (finding.UpdatedAt ?? '') > (stored.UpdatedAt ?? '')) {
          findings.set(finding.Id ?? '', structuredClone(finding));
        }
      }
      return { FailedCount: 0, SuccessCount: sent.length, FailedFindings: [] };
    }),
  );
  sns.on(PublishCommand).callsFake((input) => run('sns', 'Publish', input, () => ({ MessageId: 'm' })));
  events
    .on(PutEventsCommand)
    .callsFake((input) =>
      run('events', 'PutEvents', input, () => ({ FailedEntryCount: 0, Entries: [{ EventId: 'e' }] })),
    );
  secrets.on(GetSecretValueCommand).callsFake((input) =>
    run('secretsmanager', 'GetSecretValue', input, () => ({
      SecretString: 'https://hooks.slack.com/services/T/B/x',
    })),
  );

  dynamodb.on(GetItemCommand).callsFake((input) =>
    run('dynamodb', 'GetItem', input, () => {
      const item = table.get(keyText(input.Key ?? {}));
      return item === undefined ? {} : { Item: structuredClone(item) };
    }),
  );
  dynamodb.on(PutItemCommand).callsFake((input) =>
    run('dynamodb', 'PutItem', input, () => {
      const key = keyText(input.Item ?? {});
      if (!holds(input.ConditionExpression, table.get(key), input.ExpressionAttributeValues ?? {})) {
        throw new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} });
      }
      table.set(key, structuredClone(input.Item ?? {}));
      return {};
    }),
  );
  dynamodb.on(DeleteItemCommand).callsFake((input) =>
    run('dynamodb', 'DeleteItem', input, () => {
      const key = keyText(input.Key ?? {});
      if (!holds(input.ConditionExpression, table.get(key), input.ExpressionAttributeValues ?? {})) {
        throw new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} });
      }
      table.delete(key);
      return {};
    }),
  );
  dynamodb.on(QueryCommand).callsFake((input) =>
    run('dynamodb', 'Query', input, () => {
      const values = input.ExpressionAttributeValues ?? {};
      const prefix = values[':prefix']?.S ?? '';
      const Items = [...table.values()].filter(
        (item) => item.stateMachineArn?.S === values[':arn']?.S && (item.qualifier?.S ?? '').startsWith(prefix),
      );
      return { Items: Items.map((item) => ({ stateMachineArn: item.stateMachineArn, qualifier: item.qualifier })) };
    }),
  );
  dynamodb.on(BatchWriteItemCommand).callsFake((input) =>
    run('dynamodb', 'BatchWriteItem', input, () => {
      for (const request of input.RequestItems?.[TABLE] ?? []) {
        if (request.DeleteRequest?.Key !== undefined) table.delete(keyText(request.DeleteRequest.Key));
      }
      return { UnprocessedItems: {} };
    }),
  );

  const fetchFn: FetchFn = (url, init) =>
    run('slack', 'POST', { url }, () => {
      slackPosts.push(init.body);
      return { ok: true, status: 200, text: async () => 'ok', headers: { get: () => null } };
    });

  const clients: AuditClients = {
    sfn: new SFNClient({ region: REGION }),
    iam: new IAMClient({ region: REGION }),
    securityHub: new SecurityHubClient({ region: REGION }),
    sns: new SNSClient({ region: REGION }),
    eventBridge: new EventBridgeClient({ region: REGION }),
    dynamodb: new DynamoDBClient({ region: REGION }),
    secretsManager: new SecretsManagerClient({ region: REGION }),
  };

  return {
    world,
    clients,
    fetchFn,
    table,
    findings,
    slackPosts,
    /** The calls the world answered (faulted ones excluded). */
    succeeded,
    restore: () => {
      for (const mock of mocks) mock.restore();
    },
  };
}

/** The mock world (see createMockAwsWorld). */
export type MockAwsWorld = ReturnType<typeof createMockAwsWorld>;
