import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse, type Tags } from 'yaml';
import { STATE_MACHINE_EVENT_NAMES } from '../../../functions/audit/stateMachineEvents.js';
import { BY_ROLE_INDEX } from '../../../shared/aws/createDynamoStateStore.js';

type Node = Record<string, unknown>;

/** CloudFormation short-form intrinsics (!Ref, !Sub …) as their long forms. */
const INTRINSICS: Tags = [
  'Ref',
  'Sub',
  'GetAtt',
  'If',
  'Equals',
  'Not',
  'And',
  'Or',
  'Join',
  'Select',
  'Split',
  'FindInMap',
].flatMap((name) => {
  const key = name === 'Ref' ? 'Ref' : `Fn::${name}`;
  const wrap = (value: unknown) => ({
    [key]: name === 'GetAtt' && typeof value === 'string' ? value.split('.') : value,
  });
  return [
    { tag: `!${name}`, resolve: (value: string) => wrap(value) },
    { tag: `!${name}`, collection: 'seq' as const, resolve: (value: { toJSON(): unknown }) => wrap(value.toJSON()) },
    { tag: `!${name}`, collection: 'map' as const, resolve: (value: { toJSON(): unknown }) => wrap(value.toJSON()) },
  ];
});

const template = parse(readFileSync(new URL('../../../infra/template.yaml', import.meta.url), 'utf8'), {
  customTags: INTRINSICS,
}) as { Resources: Record<string, { Type: string; Properties: Node; Metadata?: Node }>; Globals: { Function: Node } };

function resource(name: string) {
  const found = template.Resources[name];
  if (found === undefined) throw new Error(`no resource ${name}`);
  return found;
}

function ofType(type: string) {
  return Object.values(template.Resources).filter((r) => r.Type === type);
}

/** Statements of the function role, with `Fn::If` branches expanded (both sides). */
function roleStatements(): Node[] {
  const role = resource('AuditFunctionRole');
  const policies = role.Properties.Policies as { PolicyDocument: { Statement: Node[] } }[];
  return policies.flatMap((p) =>
    p.PolicyDocument.Statement.flatMap((s) => {
      const branches = s['Fn::If'] as [string, Node, Node] | undefined;
      return branches === undefined ? [s] : [branches[1], branches[2]].filter((b) => !('Ref' in b));
    }),
  );
}

describe('infra/template.yaml', () => {
  it('matches successful Step Functions CloudTrail calls for the six handled events', () => {
    const rules = ofType('AWS::Events::Rule');
    expect(rules).toHaveLength(1);
    expect(rules[0]?.Properties.EventPattern).toEqual({
      source: ['aws.states'],
      'detail-type': ['AWS API Call via CloudTrail'],
      detail: {
        eventSource: ['states.amazonaws.com'],
        eventName: STATE_MACHINE_EVENT_NAMES,
        errorCode: [{ exists: false }],
      },
    });
    expect(rules[0]?.Properties.EventBusName).toBe('default');
  });

  it('sends the rule to the queue, which dead-letters after 5 receives', () => {
    const [rule] = ofType('AWS::Events::Rule');
    expect((rule?.Properties.Targets as Node[] | undefined)?.[0]?.Arn).toEqual({ 'Fn::GetAtt': ['AuditQueue', 'Arn'] });
    const queue = resource('AuditQueue').Properties;
    expect(queue.RedrivePolicy).toEqual({
      deadLetterTargetArn: { 'Fn::GetAtt': ['AuditDeadLetterQueue', 'Arn'] },
      maxReceiveCount: 5,
    });
    expect(queue.SqsManagedSseEnabled).toBe(true);
  });

  it('gives the queue a visibility timeout of at least 6 times the function timeout', () => {
    const timeout = resource('AuditFunction').Properties.Timeout as number;
    expect(timeout).toBeGreaterThan(0);
    expect(resource('AuditQueue').Properties.VisibilityTimeout as number).toBeGreaterThanOrEqual(6 * timeout);
  });

  it('runs on nodejs22.x arm64, built by sam build through functions/audit/Makefile and scripts/build.mjs', () => {
    expect(template.Globals.Function.Runtime).toBe('nodejs22.x');
    expect(template.Globals.Function.Architectures).toEqual(['arm64']);
    const fn = resource('AuditFunction');
    expect(fn.Properties.CodeUri).toBe('../');
    expect(fn.Properties.Handler).toBe('index.handler');
    expect(fn.Metadata).toEqual({
      BuildMethod: 'makefile',
      ContextPath: '../functions/audit',
      WorkingDirectory: '../',
    });
    const makefile = readFileSync(new URL('../../../functions/audit/Makefile', import.meta.url), 'utf8');
    expect(makefile).toContain(
      '\nbuild-AuditFunction:\n\tnode scripts/build.mjs --lambda --outdir "$(ARTIFACTS_DIR)"\n',
    );
  });

  it('reports partial batch failures from the SQS event source', () => {
    const events = resource('AuditFunction').Properties.Events as Record<string, { Type: string; Properties: Node }>;
    const sqs = Object.values(events).filter((e) => e.Type === 'SQS');
    expect(sqs).toHaveLength(1);
    expect(sqs[0]?.Properties.FunctionResponseTypes).toEqual(['ReportBatchItemFailures']);
  });

  it('gives the function role no wildcard action and no Resource "*"', () => {
    const statements = roleStatements();
    expect(statements.length).toBeGreaterThan(8);
    for (const statement of statements) {
      const actions = [statement.Action].flat() as string[];
      expect(
        actions.filter((a) => a.includes('*')),
        String(statement.Sid),
      ).toEqual([]);
      expect([statement.Resource].flat(), String(statement.Sid)).not.toContain('*');
    }
  });

  it('scopes state machine reads to this account and Region, versions and aliases included', () => {
    const describe = roleStatements().find((s) => s.Sid === 'DescribeStateMachines');
    // biome-ignore lint/suspicious/noTemplateCurlyInString: CloudFormation Fn::Sub placeholders, not JavaScript
    const prefix = 'arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:stateMachine:';
    expect(describe?.Resource).toEqual([{ 'Fn::Sub': `${prefix}*` }, { 'Fn::Sub': `${prefix}*:*` }]);
  });

  it('keeps state in an on-demand table with point-in-time recovery and a TTL', () => {
    const table = resource('StateTable').Properties;
    expect(table.BillingMode).toBe('PAY_PER_REQUEST');
    expect(table.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    expect(table.TimeToLiveSpecification).toEqual({ AttributeName: 'expiresAt', Enabled: true });
  });

  it('gives the table the keys and role index the DynamoDB state store uses', () => {
    const table = resource('StateTable').Properties;
    expect(table.KeySchema).toEqual([
      { AttributeName: 'stateMachineArn', KeyType: 'HASH' },
      { AttributeName: 'qualifier', KeyType: 'RANGE' },
    ]);
    const [index] = table.GlobalSecondaryIndexes as { IndexName: string; KeySchema: unknown }[];
    expect(index?.IndexName).toBe(BY_ROLE_INDEX);
    expect(index?.KeySchema).toEqual([{ AttributeName: 'roleArn', KeyType: 'HASH' }]);
  });

  it('alarms on any message in the dead-letter queue', () => {
    const alarm = resource('DeadLetterAlarm').Properties;
    expect(alarm).toMatchObject({
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
      AlarmActions: [{ Ref: 'FindingsTopic' }],
    });
  });
});
