// biome-ignore-all lint/suspicious/noTemplateCurlyInString: placeholders use ${…}
import { describe, expect, it } from 'vitest';
import { auditStateMachine } from '../../shared/audit.js';
import { createEmbeddedSimulator } from '../../shared/local/createEmbeddedSimulator.js';
import type { NamedPolicy } from '../../shared/ports.js';
import type { AuditReport, Finding, PolicyStatement, StateMachineDescription } from '../../shared/types.js';

const REGION = 'eu-west-1';
const ACCOUNT = '111122223333';
const SM_ARN = `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:orders`;
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/orders-sfn`;
const NOW = new Date('2026-12-01T10:00:00.000Z');

function describe1(states: Record<string, unknown>, arn = SM_ARN): StateMachineDescription {
  const names = Object.keys(states);
  const linked = Object.fromEntries(
    names.map((name, i) => [
      name,
      { ...(states[name] as object), ...(i + 1 < names.length ? { Next: names[i + 1] } : { End: true }) },
    ]),
  );
  return {
    stateMachineArn: arn,
    name: 'orders',
    roleArn: ROLE_ARN,
    definition: JSON.stringify({ StartAt: names[0], States: linked }),
  };
}

function policy(name: string, ...statements: PolicyStatement[]): NamedPolicy {
  return { name, document: { Version: '2012-10-17', Statement: statements } };
}

function allow(actions: string[], resources: string[]): PolicyStatement {
  return { Effect: 'Allow', Action: actions, Resource: resources };
}

async function audit(states: Record<string, unknown>, identity: NamedPolicy[], scps?: NamedPolicy[][], arn = SM_ARN) {
  return auditStateMachine({
    description: describe1(states, arn),
    simulator: createEmbeddedSimulator({ identity, ...(scps === undefined ? {} : { scps }) }),
    now: NOW,
  });
}

const rulesOf = (report: AuditReport): [string, string, string][] =>
  report.findings.map((f: Finding) => [f.rule, f.severity, f.actions.join(',')]);

const S3_GET = {
  Type: 'Task',
  Resource: 'arn:aws:states:::aws-sdk:s3:getObject',
  Parameters: { Bucket: 'orders-in', 'Key.$': '$.key' },
};
const GLUE_SYNC = { Type: 'Task', Resource: 'arn:aws:states:::glue:startJobRun.sync', Parameters: { JobName: 'etl' } };
const TRAINING = {
  Type: 'Task',
  Resource: 'arn:aws:states:::sagemaker:createTrainingJob.sync',
  Parameters: {
    'TrainingJobName.$': '$.name',
    RoleArn: `arn:aws:iam::${ACCOUNT}:role/sagemaker-exec`,
    AlgorithmSpecification: { TrainingImage: 'img', TrainingInputMode: 'File' },
    OutputDataConfig: { S3OutputPath: 's3://models/out' },
    ResourceConfig: { InstanceCount: 1, InstanceType: 'ml.m5.large', VolumeSizeInGB: 10 },
    StoppingCondition: { MaxRuntimeInSeconds: 3600 },
  },
};
const SAGEMAKER_RULE = `arn:aws:events:${REGION}:${ACCOUNT}:rule/StepFunctionsGetEventsForSageMakerTrainingJobsRule`;
const trainingJobs = `arn:aws:sagemaker:${REGION}:${ACCOUNT}:training-job/*`;
const sagemakerRole = [
  allow(
    ['sagemaker:CreateTrainingJob', 'sagemaker:DescribeTrainingJob', 'sagemaker:StopTrainingJob', 'sagemaker:ListTags'],
    [trainingJobs],
  ),
  allow(['events:PutTargets', 'events:PutRule', 'events:DescribeRule'], [SAGEMAKER_RULE]),
  {
    Effect: 'Allow' as const,
    Action: 'iam:PassRole',
    Resource: `arn:aws:iam::${ACCOUNT}:role/sagemaker-exec`,
    Condition: { StringEquals: { 'iam:PassedToService': 'sagemaker.amazonaws.com' } },
  },
];

describe('precise verdicts (issue 7, "Done when")', () => {
  it('a role scoped to exactly what the definition uses audits with no MissingPermission', async () => {
    const report = await audit({ Read: S3_GET, Transform: GLUE_SYNC, Train: TRAINING }, [
      policy(
        'scoped',
        allow(['s3:GetObject'], ['arn:aws:s3:::orders-in/*']),
        allow(
          ['glue:StartJobRun', 'glue:GetJobRun', 'glue:GetJobRuns', 'glue:BatchStopJobRun'],
          [`arn:aws:glue:${REGION}:${ACCOUNT}:job/etl`],
        ),
        ...sagemakerRole,
      ),
    ]);
    expect(report.findings.filter((f) => f.rule === 'MissingPermission')).toEqual([]);
    expect(report.findings.filter((f) => f.rule === 'UnprovableResource')).toEqual([]);
  });

  it.each([
    {
      name: 'another bucket',
      states: { Read: S3_GET },
      role: [allow(['s3:GetObject'], ['arn:aws:s3:::other-bucket/*'])],
      missing: ['MissingPermission', 'HIGH', 's3:GetObject'],
    },
    {
      name: 'another Glue job',
      states: { Transform: GLUE_SYNC },
      role: [
        allow(
          ['glue:StartJobRun', 'glue:GetJobRun', 'glue:GetJobRuns', 'glue:BatchStopJobRun'],
          [`arn:aws:glue:${REGION}:${ACCOUNT}:job/other`],
        ),
      ],
      missing: ['MissingPermission', 'HIGH', 'glue:StartJobRun'],
    },
    {
      name: 'another DynamoDB table',
      states: {
        Get: {
          Type: 'Task',
          Resource: 'arn:aws:states:::dynamodb:getItem',
          Parameters: { TableName: 'orders', Key: {} },
        },
      },
      role: [allow(['dynamodb:GetItem'], [`arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/users`])],
      missing: ['MissingPermission', 'HIGH', 'dynamodb:GetItem'],
    },
  ])('the same role scoped to $name fails', async ({ states, role, missing }) => {
    const report = await audit(states, [policy('other', ...role)]);
    expect(rulesOf(report)).toContainEqual(missing);
  });

  it('a run-time key under a bucket granted only for one object cannot be proven (LOW, naming the grant)', async () => {
    const report = await audit({ Read: S3_GET }, [
      policy('one', allow(['s3:GetObject'], ['arn:aws:s3:::orders-in/a.json'])),
    ]);
    expect(rulesOf(report)).toEqual([['UnprovableResource', 'LOW', 's3:GetObject']]);
    expect(report.findings[0]?.details?.grantedResources).toEqual({
      's3:GetObject': ['arn:aws:s3:::orders-in/a.json'],
    });
  });

  it('an SCP that denies every Region but eu-west-1 turns a us-east-1 Lambda invoke into an explicit deny by the SCP', async () => {
    const invoke = {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { FunctionName: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:orders` },
    };
    const scp = policy(
      'region-guard',
      {
        Effect: 'Deny',
        NotAction: ['iam:*', 'sts:*'],
        Resource: '*',
        Condition: { StringNotEquals: { 'aws:RequestedRegion': ['eu-west-1'] } },
      },
      allow(['*'], ['*']),
    );
    const report = await audit(
      { Invoke: invoke },
      [policy('lambda', allow(['lambda:InvokeFunction'], [`arn:aws:lambda:us-east-1:${ACCOUNT}:function:orders`]))],
      [[scp]],
    );
    expect(report.findings.map((f) => [f.rule, f.severity, f.decision, f.deniedBy])).toEqual([
      ['MissingPermission', 'HIGH', 'explicitDeny', 'scp'],
    ]);
  });

  it('the same SCP allows the invoke of a eu-west-1 function', async () => {
    const invoke = {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { FunctionName: 'orders' },
    };
    const scp = policy(
      'region-guard',
      {
        Effect: 'Deny',
        NotAction: ['iam:*', 'sts:*'],
        Resource: '*',
        Condition: { StringNotEquals: { 'aws:RequestedRegion': ['eu-west-1'] } },
      },
      allow(['*'], ['*']),
    );
    const report = await audit(
      { Invoke: invoke },
      [policy('lambda', allow(['lambda:InvokeFunction'], [`arn:aws:lambda:${REGION}:${ACCOUNT}:function:orders`]))],
      [[scp]],
    );
    expect(report.findings).toEqual([]);
  });

  it('an unapplied ${…} function name is a hole: a role granting one function cannot prove it', async () => {
    const invoke = {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { FunctionName: '${OrdersFunctionArn}' },
    };
    const report = await audit({ Invoke: invoke }, [
      policy('lambda', allow(['lambda:InvokeFunction'], [`arn:aws:lambda:${REGION}:${ACCOUNT}:function:orders`])),
    ]);
    expect(rulesOf(report)).toEqual([['UnprovableResource', 'LOW', 'lambda:InvokeFunction']]);
    expect(report.findings[0]?.details?.holes).toEqual([
      { variable: 'FunctionName', reason: 'placeholder', detail: '${OrdersFunctionArn}' },
    ]);
  });

  it.each([
    { name: 'the family', granted: `arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/app:*`, rule: undefined },
    { name: 'every task definition', granted: `arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/*`, rule: undefined },
    {
      name: 'one revision',
      granted: `arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/app:7`,
      rule: 'UnprovableResource',
    },
    {
      name: 'another family',
      granted: `arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/other:*`,
      rule: 'MissingPermission',
    },
  ])('a family-only ECS task definition granted on $name', async ({ granted, rule }) => {
    const run = { Type: 'Task', Resource: 'arn:aws:states:::ecs:runTask', Parameters: { TaskDefinition: 'app' } };
    const report = await audit({ Run: run }, [policy('ecs', allow(['ecs:RunTask'], [granted]))]);
    expect(report.findings.map((f) => f.rule)).toEqual(rule === undefined ? [] : [rule]);
  });
});
