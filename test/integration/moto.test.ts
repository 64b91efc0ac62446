import { readFileSync } from 'node:fs';
import { DynamoDBClient, GetItemCommand, UpdateTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient, PutRuleCommand, PutTargetsCommand } from '@aws-sdk/client-eventbridge';
import {
  AttachRolePolicyCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  IAMClient,
  PutRolePolicyCommand,
} from '@aws-sdk/client-iam';
import {
  type AwsSecurityFinding,
  EnableSecurityHubCommand,
  GetFindingsCommand,
  SecurityHubClient,
} from '@aws-sdk/client-securityhub';
import { CreateStateMachineCommand, SFNClient } from '@aws-sdk/client-sfn';
import { CreateTopicCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { CreateQueueCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderPipelineDefinition } from './orderPipelineDefinition.js';
import { sqsRecord } from './sqsRecord.js';
import { hasMotoServer, type MotoServer, startMotoServer } from './startMotoServer.js';
import { createTemplateTable, templateTable } from './templateTable.js';

const REGION = 'eu-west-1';
const ACCOUNT = '123456789012'; // moto's default account
const STATE_MACHINE = 'OrderPipeline';
const SM_ARN = `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:${STATE_MACHINE}`;
const ROLE_NAME = 'OrderPipelineRole';
const TABLE = 'sfn-role-audit-state';
const CREDENTIALS = { accessKeyId: 'testing', secretAccessKey: 'testing' };

const available = hasMotoServer();
if (!available) {
  if (process.env.REQUIRE_MOTO === '1') throw new Error('REQUIRE_MOTO=1 but moto_server is not on PATH');
  console.warn('moto_server is not on PATH: skipping the moto integration test (pip install "moto[server]")');
}

/** An ECS runTask.sync task after a Lambda invoke: run, poll, events and cancel permissions are needed. */
const DEFINITION = orderPipelineDefinition(REGION, ACCOUNT);

const policy = (Statement: unknown[]) => JSON.stringify({ Version: '2012-10-17', Statement });
const ECS_RULE = `arn:aws:events:${REGION}:${ACCOUNT}:rule/StepFunctionsGetEventsForECSTaskRule`;

/** The CloudTrail sample rewritten for moto's account, with its own eventID, wrapped as an SQS record. */
function cloudTrailRecord(fixture: string, eventId: string): SQSEvent {
  const text = readFileSync(new URL(`../fixtures/cloudtrail/${fixture}.json`, import.meta.url), 'utf8')
    .replaceAll('111122223333', ACCOUNT)
    .replaceAll('OrderPipelineRole', ROLE_NAME);
  const event = JSON.parse(text) as { detail: Record<string, unknown> };
  event.detail.eventID = eventId;
  return { Records: [sqsRecord(JSON.stringify(event), `message-${eventId}`, REGION, ACCOUNT)] };
}

describe.skipIf(!available)('audit function against moto', () => {
  let moto: MotoServer;
  let handler: (event: SQSEvent) => Promise<SQSBatchResponse>;
  let clients: {
    iam: IAMClient;
    sfn: SFNClient;
    hub: SecurityHubClient;
    sns: SNSClient;
    sqs: SQSClient;
    events: EventBridgeClient;
    dynamodb: DynamoDBClient;
  };
  let snsQueueUrl = '';
  let eventsQueueUrl = '';

  async function queue(name: string): Promise<{ url: string; arn: string }> {
    const { QueueUrl = '' } = await clients.sqs.send(new CreateQueueCommand({ QueueName: name }));
    const attributes = await clients.sqs.send(
      new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }),
    );
    return { url: QueueUrl, arn: attributes.Attributes?.QueueArn ?? '' };
  }

  async function drain(url: string): Promise<unknown[]> {
    const { Messages = [] } = await clients.sqs.send(
      new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }),
    );
    return Messages.map((m) => JSON.parse(m.Body ?? 'null'));
  }

  async function findingsById(): Promise<Map<string, AwsSecurityFinding>> {
    // moto's GetFindings ignores most filters: read everything and select by Id.
    const { Findings = [] } = await clients.hub.send(new GetFindingsCommand({ MaxResults: 100 }));
    return new Map(Findings.map((f) => [f.Id ?? '', f]));
  }

  /** The state item of the unqualified state machine (schema of docs/aws.md): its findings' ids and severities. */
  async function storedFindings(): Promise<string[] | undefined> {
    const { Item } = await clients.dynamodb.send(
      new GetItemCommand({ TableName: TABLE, Key: { stateMachineArn: { S: SM_ARN }, qualifier: { S: '$LATEST' } } }),
    );
    return Item?.findings?.L?.map((f) => `${f.M?.id?.S}:${f.M?.severity?.S}`).sort();
  }

  beforeAll(async () => {
    moto = await startMotoServer();
    const config = { region: REGION, endpoint: moto.endpoint, credentials: CREDENTIALS };
    clients = {
      iam: new IAMClient(config),
      sfn: new SFNClient(config),
      hub: new SecurityHubClient(config),
      sns: new SNSClient(config),
      sqs: new SQSClient(config),
      events: new EventBridgeClient(config),
      dynamodb: new DynamoDBClient(config),
    };

    const trust = policy([
      { Effect: 'Allow', Principal: { Service: 'states.amazonaws.com' }, Action: 'sts:AssumeRole' },
    ]);
    const role = await clients.iam.send(
      new CreateRoleCommand({ RoleName: ROLE_NAME, Path: '/service/', AssumeRolePolicyDocument: trust }),
    );
    await clients.iam.send(
      new PutRolePolicyCommand({
        RoleName: ROLE_NAME,
        PolicyName: 'invoke',
        PolicyDocument: policy([
          {
            Effect: 'Allow',
            Action: 'lambda:InvokeFunction',
            Resource: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:ChargeCard*`,
          },
        ]),
      }),
    );
    const managed = await clients.iam.send(
      new CreatePolicyCommand({
        PolicyName: 'run-report-task',
        PolicyDocument: policy([
          {
            Effect: 'Allow',
            Action: 'ecs:RunTask',
            Resource: `arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/report:*`,
          },
        ]),
      }),
    );
    await clients.iam.send(new AttachRolePolicyCommand({ RoleName: ROLE_NAME, PolicyArn: managed.Policy?.Arn }));
    await clients.sfn.send(
      new CreateStateMachineCommand({ name: STATE_MACHINE, definition: DEFINITION, roleArn: role.Role?.Arn }),
    );
    await clients.hub.send(new EnableSecurityHubCommand({}));

    const snsQueue = await queue('findings-subscriber');
    snsQueueUrl = snsQueue.url;
    const topic = await clients.sns.send(new CreateTopicCommand({ Name: 'sfn-role-audit-findings' }));
    await clients.sns.send(new SubscribeCommand({ TopicArn: topic.TopicArn, Protocol: 'sqs', Endpoint: snsQueue.arn }));

    const eventsQueue = await queue('audit-completed');
    eventsQueueUrl = eventsQueue.url;
    await clients.events.send(
      new PutRuleCommand({
        Name: 'audit-completed',
        EventPattern: JSON.stringify({ source: ['sfn-role-audit'], 'detail-type': ['State Machine Audit Completed'] }),
      }),
    );
    await clients.events.send(
      new PutTargetsCommand({ Rule: 'audit-completed', Targets: [{ Id: 'queue', Arn: eventsQueue.arn }] }),
    );

    await createTemplateTable(clients.dynamodb, TABLE);
    await clients.dynamodb.send(
      new UpdateTimeToLiveCommand({
        TableName: TABLE,
        TimeToLiveSpecification: templateTable().TimeToLiveSpecification as { AttributeName: string; Enabled: boolean },
      }),
    );

    // The function's configuration, as the template sets it; the SDK inside honours AWS_ENDPOINT_URL.
    Object.assign(process.env, {
      AWS_REGION: REGION,
      AWS_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
      AWS_ENDPOINT_URL: moto.endpoint,
      STATE_TABLE_NAME: TABLE,
      SIMULATOR: 'local', // moto does not implement iam:SimulatePrincipalPolicy (HTTP 500)
      SECURITY_HUB_ENABLED: 'true',
      SNS_TOPIC_ARN: topic.TopicArn,
      SLACK_SECRET_ARN: '',
      EVENT_BUS_NAME: 'default',
      NOTIFY_MIN_SEVERITY: 'MEDIUM',
      POWERTOOLS_METRICS_DISABLED: 'true',
      POWERTOOLS_LOG_LEVEL: 'ERROR',
    });
    ({ handler } = await import('../../functions/audit/index.js'));
  });

  afterAll(async () => {
    await moto?.stop();
  });

  let firstFindingIds: string[] = [];

  it('imports the ECS poll, events and cancel findings, notifies and stores state after CreateStateMachine', async () => {
    const response = await handler(cloudTrailRecord('create-state-machine', 'event-create-1'));
    expect(response).toEqual({ batchItemFailures: [] });

    const ours = [...(await findingsById()).values()].filter((f) => f.Resources?.some((r) => r.Id === SM_ARN));
    const byAction = new Map(ours.map((f) => [f.Title ?? '', f]));
    const summary = ours.map((f) => [f.Severity?.Label, f.RecordState]).sort();
    expect(summary).toEqual([
      ['CRITICAL', 'ACTIVE'],
      ['CRITICAL', 'ACTIVE'],
      ['MEDIUM', 'ACTIVE'],
    ]);
    const titles = [...byAction.keys()].join('\n');
    expect(titles).toMatch(/ecs:DescribeTasks/);
    expect(titles).toMatch(/events:PutTargets|events:PutRule|events:DescribeRule/);
    expect(titles).toMatch(/ecs:StopTask/);
    firstFindingIds = ours.map((f) => f.Id ?? '');

    const [envelope] = (await drain(snsQueueUrl)) as { Type: string; Message: string }[];
    expect(envelope?.Type).toBe('Notification');
    const chatbot = JSON.parse(envelope?.Message ?? '{}') as {
      version: string;
      source: string;
      content: Record<string, unknown>;
    };
    expect(chatbot).toMatchObject({ version: '1.0', source: 'custom' });
    const text = JSON.stringify(chatbot.content);
    expect(text).toContain('ecs:DescribeTasks');
    expect(text).toContain('ecs:StopTask');
    expect(text).toContain(STATE_MACHINE);

    const [completed] = (await drain(eventsQueueUrl)) as {
      source: string;
      'detail-type': string;
      detail: Record<string, unknown>;
    }[];
    expect(completed).toMatchObject({ source: 'sfn-role-audit', 'detail-type': 'State Machine Audit Completed' });
    expect(JSON.stringify(completed?.detail)).toContain(SM_ARN);
    expect(JSON.stringify(completed?.detail)).toMatch(/CRITICAL"?:\s*2/);

    // ASFF ids are STATE_MACHINE_ARN/FINDING_ID; the state item keeps the finding ids.
    const expected = ours.map((f) => `${(f.Id ?? '').slice(SM_ARN.length + 1)}:${f.Severity?.Label}`).sort();
    expect(await storedFindings()).toEqual(expected);
  });

  it('skips the same CloudTrail event delivered again', async () => {
    const response = await handler(cloudTrailRecord('create-state-machine', 'event-create-1'));
    expect(response).toEqual({ batchItemFailures: [] });
    expect(await drain(snsQueueUrl)).toEqual([]);
    expect(await drain(eventsQueueUrl)).toEqual([]);
  });

  it('archives the findings and says all clear once the role is fixed and UpdateStateMachine arrives', async () => {
    await clients.iam.send(
      new PutRolePolicyCommand({
        RoleName: ROLE_NAME,
        PolicyName: 'report-sync',
        PolicyDocument: policy([
          { Effect: 'Allow', Action: ['ecs:DescribeTasks', 'ecs:StopTask'], Resource: '*' },
          {
            Effect: 'Allow',
            Action: ['events:PutTargets', 'events:PutRule', 'events:DescribeRule'],
            Resource: ECS_RULE,
          },
        ]),
      }),
    );
    const response = await handler(cloudTrailRecord('update-state-machine', 'event-update-1'));
    expect(response).toEqual({ batchItemFailures: [] });

    const findings = await findingsById();
    for (const id of firstFindingIds) {
      expect(findings.get(id)?.RecordState, id).toBe('ARCHIVED');
      expect(findings.get(id)?.Compliance?.Status, id).toBe('PASSED');
    }

    const [envelope] = (await drain(snsQueueUrl)) as { Message: string }[];
    const chatbot = JSON.parse(envelope?.Message ?? '{}') as { content?: { title?: string } };
    expect(JSON.stringify(chatbot.content)).toMatch(/all clear/i);

    expect(await storedFindings()).toEqual([]);
  });
});
