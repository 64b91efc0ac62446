import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  IAMClient,
  ListAttachedRolePoliciesCommand,
  ListRolePoliciesCommand,
  SimulatePrincipalPolicyCommand,
  type SimulatePrincipalPolicyCommandInput,
} from '@aws-sdk/client-iam';
import { DescribeStateMachineCommand, ListTagsForResourceCommand, SFNClient } from '@aws-sdk/client-sfn';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/runCli.js';
import type { AuditReport } from '../../shared/types.js';
import { ROOT } from './builtCli.js';
import { fakeIo } from './fakeIo.js';

const ARN = 'arn:aws:states:eu-west-1:111122223333:stateMachine:orders';
const ROLE_ARN = 'arn:aws:iam::111122223333:role/app/OrdersRole';
const DEFINITION = readFileSync(join(ROOT, 'test/fixtures/cli/simple.asl.json'), 'utf8').replaceAll(
  'us-east-1',
  'eu-west-1',
);
const LAMBDA_ONLY = readFileSync(join(ROOT, 'test/fixtures/cli/role-lambda-only.json'), 'utf8').replaceAll(
  'us-east-1',
  'eu-west-1',
);
const TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'states.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

const sfn = mockClient(SFNClient);
const iam = mockClient(IAMClient);

/** Answers SimulatePrincipalPolicy like IAM does: every action allowed except sns:Publish, per resource too. */
function simulate(input: SimulatePrincipalPolicyCommandInput) {
  const resources = input.ResourceArns ?? ['*'];
  return {
    IsTruncated: false,
    EvaluationResults: (input.ActionNames ?? []).map((action) => {
      const decision = action === 'sns:Publish' ? 'implicitDeny' : 'allowed';
      return {
        EvalActionName: action,
        EvalResourceName: resources.length === 1 ? resources[0] : '*',
        EvalDecision: decision,
        MatchedStatements: [],
        MissingContextValues: [],
        ResourceSpecificResults: resources.map((resource) => ({
          EvalResourceName: resource,
          EvalResourceDecision: decision,
          MatchedStatements: [],
          MissingContextValues: [],
        })),
      };
    }),
  };
}

async function runLive(
  args: string[],
): Promise<{ code: number; report: AuditReport; regions: (string | undefined)[] }> {
  const io = fakeIo();
  const regions: (string | undefined)[] = [];
  const clients = {
    sfn: (region: string | undefined) => {
      regions.push(region);
      return new SFNClient({ region: region ?? 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'y' } });
    },
    iam: () => new IAMClient({ region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'y' } }),
  };
  const code = await runCli(['check', '--state-machine-arn', ARN, ...args, '--format', 'json'], { io, clients });
  expect(io.err).toBe('');
  return { code, report: JSON.parse(io.out) as AuditReport, regions };
}

beforeEach(() => {
  sfn.reset();
  iam.reset();
  sfn.on(DescribeStateMachineCommand).resolves({
    stateMachineArn: ARN,
    name: 'orders',
    definition: DEFINITION,
    roleArn: ROLE_ARN,
    type: 'STANDARD',
    creationDate: new Date('2026-05-01T00:00:00Z'),
    revisionId: 'r-7',
  });
  sfn.on(ListTagsForResourceCommand).resolves({ tags: [] });
});

describe('sfn-role-audit check --state-machine-arn (live)', () => {
  it('describes the state machine in its Region and simulates its role with iam:SimulatePrincipalPolicy', async () => {
    iam.on(SimulatePrincipalPolicyCommand).callsFake(simulate);
    const { code, report, regions } = await runLive([]);
    expect(regions).toEqual(['eu-west-1']);
    expect(sfn.commandCalls(DescribeStateMachineCommand)[0]?.args[0].input).toEqual({ stateMachineArn: ARN });
    const simulations = iam.commandCalls(SimulatePrincipalPolicyCommand).map((call) => call.args[0].input);
    expect(simulations.length).toBeGreaterThan(0);
    expect(simulations.every((input) => input.PolicySourceArn === ROLE_ARN)).toBe(true);
    expect(simulations.flatMap((input) => input.ActionNames)).toEqual(
      expect.arrayContaining(['lambda:InvokeFunction', 'sns:Publish']),
    );
    expect(report.stateMachine).toMatchObject({ arn: ARN, revisionId: 'r-7' });
    expect(report.findings.map((finding) => [finding.state?.name, finding.actions, finding.severity])).toEqual([
      ['Notify', ['sns:Publish'], 'HIGH'],
    ]);
    expect(code).toBe(1);
  });

  it('reads the role from IAM and evaluates it with the embedded evaluator with --simulator local', async () => {
    iam.on(GetRoleCommand).resolves({
      Role: {
        Path: '/app/',
        RoleName: 'OrdersRole',
        RoleId: 'AROAEXAMPLE',
        Arn: ROLE_ARN,
        CreateDate: new Date('2026-01-01T00:00:00Z'),
        AssumeRolePolicyDocument: encodeURIComponent(TRUST),
      },
    });
    iam.on(ListRolePoliciesCommand).resolves({ PolicyNames: ['Tasks'], IsTruncated: false });
    iam.on(GetRolePolicyCommand).resolves({
      RoleName: 'OrdersRole',
      PolicyName: 'Tasks',
      PolicyDocument: encodeURIComponent(LAMBDA_ONLY),
    });
    iam.on(ListAttachedRolePoliciesCommand).resolves({ AttachedPolicies: [], IsTruncated: false });
    iam.on(GetPolicyCommand).rejects(new Error('no managed policies are attached'));
    iam.on(GetPolicyVersionCommand).rejects(new Error('no managed policies are attached'));
    const { code, report } = await runLive(['--simulator', 'local', '--fail-on', 'critical']);
    expect(iam.commandCalls(SimulatePrincipalPolicyCommand)).toEqual([]);
    expect(iam.commandCalls(GetRolePolicyCommand)[0]?.args[0].input).toEqual({
      RoleName: 'OrdersRole',
      PolicyName: 'Tasks',
    });
    expect(report.findings.map((finding) => [finding.rule, finding.actions])).toEqual([
      ['MissingPermission', ['sns:Publish']],
    ]);
    expect(code).toBe(0);
  });

  it('exits 2 naming the ARN when the state machine does not exist', async () => {
    const notFound = Object.assign(new Error('State Machine Does Not Exist: orders'), {
      name: 'StateMachineDoesNotExist',
    });
    sfn.on(DescribeStateMachineCommand).rejects(notFound);
    const io = fakeIo();
    const clients = {
      sfn: () => new SFNClient({ region: 'eu-west-1', credentials: { accessKeyId: 'x', secretAccessKey: 'y' } }),
      iam: () => new IAMClient({ region: 'us-east-1' }),
    };
    const code = await runCli(['check', '--state-machine-arn', ARN], { io, clients });
    expect(code).toBe(2);
    expect(io.err).toMatch(new RegExp(`^sfn-role-audit: state machine ${ARN}: .+\\n$`));
  });

  it.each([
    {
      name: '--policy',
      args: ['--policy', 'x.json'],
      reason: '--policy needs --definition or --describe (offline check)',
    },
    { name: '--scp with --simulator aws', args: ['--scp', 'x.json'], reason: '--scp needs --simulator local' },
  ])('rejects $name in a live check', async ({ args, reason }) => {
    const io = fakeIo();
    const code = await runCli(['check', '--state-machine-arn', ARN, ...args], {
      io,
      clients: { sfn: () => new SFNClient({}), iam: () => new IAMClient({}) },
    });
    expect(code).toBe(2);
    expect(io.err).toBe(`sfn-role-audit: ${reason}\n`);
    expect(sfn.commandCalls(DescribeStateMachineCommand)).toEqual([]);
  });
});
