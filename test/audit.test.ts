import { describe, expect, it } from 'vitest';
import { collectRequests } from '../shared/audit/collectRequests.js';
import { auditStateMachine } from '../shared/audit.js';
import type { PermissionSimulator } from '../shared/ports.js';
import type { DecisionValue, SimulationRequest, StateMachineDescription } from '../shared/types.js';

const SM_ARN = 'arn:aws:states:eu-west-1:111122223333:stateMachine:orders';
const ROLE_ARN = 'arn:aws:iam::111122223333:role/orders-sfn';
const NOW = new Date('2025-01-02T03:04:05.000Z');

const ECS_TASK = {
  Type: 'Task',
  Resource: 'arn:aws:states:::ecs:runTask.sync',
  Parameters: { TaskDefinition: 'arn:aws:ecs:eu-west-1:111122223333:task-definition/job:1' },
};

function description(states: Record<string, unknown>): StateMachineDescription {
  const names = Object.keys(states);
  const linked = Object.fromEntries(
    names.map((name, i) => [
      name,
      { ...(states[name] as object), ...(i + 1 < names.length ? { Next: names[i + 1] } : { End: true }) },
    ]),
  );
  return {
    stateMachineArn: SM_ARN,
    name: 'orders',
    roleArn: ROLE_ARN,
    definition: JSON.stringify({ StartAt: names[0], States: linked }),
  };
}

/** A fake simulator: denies what `deny` says, records every simulate call. */
function fakeSimulator(deny: (r: SimulationRequest) => DecisionValue | undefined, granted?: Record<string, string[]>) {
  const calls: SimulationRequest[][] = [];
  const grantedCalls: string[] = [];
  const simulator: PermissionSimulator = {
    name: 'fake',
    async simulate(requests) {
      calls.push(requests);
      return requests.map((r) => ({ action: r.action, resource: r.resource, decision: deny(r) ?? 'allowed' }));
    },
    ...(granted === undefined
      ? {}
      : {
          async grantedResources(action: string) {
            grantedCalls.push(action);
            return granted[action] ?? [];
          },
        }),
  };
  return { simulator, calls, grantedCalls };
}

describe('auditStateMachine', () => {
  it('simulates every distinct request once in a single call', async () => {
    const fake = fakeSimulator(() => undefined);
    const report = await auditStateMachine({
      description: description({ 'Run job': ECS_TASK, 'Run again': ECS_TASK }),
      simulator: fake.simulator,
      now: NOW,
    });
    expect(fake.calls).toHaveLength(1);
    const keys = fake.calls[0]?.map((r) => `${r.action} ${r.resource}`) ?? [];
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toContain('ecs:RunTask arn:aws:ecs:eu-west-1:111122223333:task-definition/job:1');
    expect(keys.filter((k) => k.startsWith('ecs:RunTask '))).toHaveLength(1);
    expect(report.summary.checkedRequests).toBe(keys.length);
    expect(report.requirements.length).toBeGreaterThan(report.summary.checkedRequests / 2);
    expect(report.findings).toEqual([]);
  });

  it('turns denied requests into findings for every state that needs them', async () => {
    const fake = fakeSimulator((r) => (r.action === 'ecs:RunTask' ? 'implicitDeny' : undefined));
    const report = await auditStateMachine({
      description: description({ 'Run job': ECS_TASK, 'Run again': ECS_TASK }),
      simulator: fake.simulator,
      now: NOW,
    });
    expect(report.findings.map((f) => [f.rule, f.severity, f.state?.name, f.actions])).toEqual([
      ['MissingPermission', 'HIGH', 'Run job', ['ecs:RunTask']],
      ['MissingPermission', 'HIGH', 'Run again', ['ecs:RunTask']],
    ]);
    expect(report.summary.bySeverity).toEqual({ CRITICAL: 0, HIGH: 2, MEDIUM: 0, LOW: 0, INFORMATIONAL: 0 });
    expect(report).toMatchObject({
      version: '1',
      auditedAt: '2025-01-02T03:04:05.000Z',
      stateMachine: { arn: SM_ARN, name: 'orders' },
      role: { arn: ROLE_ARN },
    });
  });

  it('reports poll and events both missing as CRITICAL', async () => {
    const fake = fakeSimulator((r) =>
      r.action === 'ecs:DescribeTasks' || r.action.startsWith('events:') ? 'implicitDeny' : undefined,
    );
    const report = await auditStateMachine({
      description: description({ 'Run job': ECS_TASK }),
      simulator: fake.simulator,
      now: NOW,
    });
    expect(report.findings.map((f) => [f.purpose, f.severity])).toEqual([
      ['poll', 'CRITICAL'],
      ['events', 'CRITICAL'],
    ]);
  });

  it('reports a notProvable decision with the grantedResources it carries, without asking the simulator for them', async () => {
    const lambda = {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { 'FunctionName.$': '$.fn' },
    };
    const granted = ['arn:aws:lambda:eu-west-1:111122223333:function:orders-eu'];
    const calls: SimulationRequest[][] = [];
    const grantedCalls: string[] = [];
    const simulator: PermissionSimulator = {
      name: 'fake',
      async simulate(requests) {
        calls.push(requests);
        return requests.map((r) =>
          r.action === 'lambda:InvokeFunction'
            ? { action: r.action, resource: r.resource, decision: 'notProvable' as const, grantedResources: granted }
            : { action: r.action, resource: r.resource, decision: 'allowed' as const },
        );
      },
      async grantedResources(action) {
        grantedCalls.push(action);
        return [];
      },
    };
    const report = await auditStateMachine({ description: description({ Dispatch: lambda }), simulator, now: NOW });
    expect(grantedCalls).toEqual([]);
    expect(report.findings.map((f) => [f.rule, f.severity, f.decision])).toEqual([
      ['UnprovableResource', 'LOW', 'notProvable'],
    ]);
    expect(JSON.stringify(report.findings[0]?.details)).toContain('function:orders-eu');
  });

  it('sends every request with the keys AWS sets on the call: Region, TLS, principal and time', async () => {
    const fake = fakeSimulator(() => undefined);
    await auditStateMachine({ description: description({ 'Run job': ECS_TASK }), simulator: fake.simulator, now: NOW });
    const runTask = fake.calls[0]?.find((r) => r.action === 'ecs:RunTask');
    expect(runTask?.context).toEqual({
      'aws:RequestedRegion': 'eu-west-1',
      'aws:SecureTransport': 'true',
      'aws:PrincipalArn': ROLE_ARN,
      'aws:PrincipalAccount': '111122223333',
      'aws:PrincipalType': 'AssumedRole',
      'aws:PrincipalIsAWSService': 'false',
      'aws:CurrentTime': '2025-01-02T03:04:05Z',
      'aws:EpochTime': '1735787045',
    });
    expect(fake.calls[0]?.every((r) => r.context?.['aws:PrincipalArn'] === ROLE_ARN)).toBe(true);
  });

  it('takes the Region of the requests from contextOverrides when given', async () => {
    const fake = fakeSimulator(() => undefined);
    await auditStateMachine({
      description: { ...description({ 'Run job': ECS_TASK }), stateMachineArn: undefined },
      simulator: fake.simulator,
      contextOverrides: { region: 'eu-central-1', account: '111122223333' },
      now: NOW,
    });
    const stop = fake.calls[0]?.find((r) => r.action === 'ecs:StopTask');
    expect(stop?.context?.['aws:RequestedRegion']).toBe('eu-central-1');
  });

  it('reports an invalid definition with its path and simulates nothing', async () => {
    const fake = fakeSimulator(() => undefined);
    const report = await auditStateMachine({
      description: {
        stateMachineArn: SM_ARN,
        definition: '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}}}',
      },
      simulator: fake.simulator,
      now: NOW,
    });
    expect(fake.calls).toEqual([]);
    expect(report.requirements).toEqual([]);
    expect(report.findings.length).toBeGreaterThan(0);
    expect(report.findings.every((f) => f.rule === 'InvalidDefinition' && f.severity === 'HIGH')).toBe(true);
    expect(report.findings[0]?.details?.path).toEqual(['States', 'A', 'Next']);
  });

  it('reports a missing role as CRITICAL without simulating', async () => {
    const fake = fakeSimulator(() => 'implicitDeny');
    const report = await auditStateMachine({
      description: description({ 'Run job': ECS_TASK }),
      simulator: fake.simulator,
      roleFound: false,
      now: NOW,
    });
    expect(fake.calls).toEqual([]);
    expect(report.findings.map((f) => [f.rule, f.severity])).toEqual([['RoleNotFound', 'CRITICAL']]);
    expect(report.summary.checkedRequests).toBe(0);
  });

  it.each([
    {
      name: 'a trust policy without states.amazonaws.com',
      trust: {
        Statement: [
          { Effect: 'Allow' as const, Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
        ],
      },
      untrusted: true,
    },
    {
      name: 'a trust policy naming states.amazonaws.com',
      trust: {
        Statement: [
          { Effect: 'Allow' as const, Principal: { Service: ['states.amazonaws.com'] }, Action: 'sts:AssumeRole' },
        ],
      },
      untrusted: false,
    },
  ])('checks $name', async ({ trust, untrusted }) => {
    const fake = fakeSimulator(() => undefined);
    const report = await auditStateMachine({
      description: description({ 'Run job': ECS_TASK }),
      simulator: fake.simulator,
      roleTrust: trust,
      now: NOW,
    });
    expect(report.findings.map((f) => [f.rule, f.severity])).toEqual(untrusted ? [['UntrustedRole', 'CRITICAL']] : []);
  });

  it('moves findings whose rule or purpose is ignored to suppressed and leaves them out of the summary', async () => {
    const fake = fakeSimulator((r) =>
      r.action === 'ecs:RunTask' || r.action === 'ecs:StopTask' ? 'implicitDeny' : undefined,
    );
    const report = await auditStateMachine({
      description: description({ 'Run job': ECS_TASK, Other: { Type: 'Task', Resource: 'arn:aws:states:::foo:bar' } }),
      simulator: fake.simulator,
      ignore: ['cancel', 'UnknownIntegration'],
      now: NOW,
    });
    expect(report.findings.map((f) => f.purpose)).toEqual(['invoke']);
    expect(report.suppressed.map((f) => f.rule)).toEqual(['MissingPermission', 'UnknownIntegration']);
    expect(report.summary.bySeverity).toEqual({ CRITICAL: 0, HIGH: 1, MEDIUM: 0, LOW: 0, INFORMATIONAL: 0 });
  });

  it('does not simulate requirements of unknown integrations', async () => {
    const fake = fakeSimulator(() => undefined);
    const report = await auditStateMachine({
      description: description({ Other: { Type: 'Task', Resource: 'arn:aws:states:::foo:bar' } }),
      simulator: fake.simulator,
      now: NOW,
    });
    expect(fake.calls).toEqual([]);
    expect(report.findings.map((f) => [f.rule, f.severity])).toEqual([['UnknownIntegration', 'INFORMATIONAL']]);
  });

  it('lists requirements of a role assumed with Credentials as not checkable and does not simulate them', async () => {
    const fake = fakeSimulator(() => 'implicitDeny');
    const task = { ...ECS_TASK, Credentials: { RoleArn: 'arn:aws:iam::444455556666:role/runner' } };
    const report = await auditStateMachine({
      description: description({ 'Run job': task }),
      simulator: fake.simulator,
      now: NOW,
    });
    const requested = fake.calls.flat().map((r) => r.action);
    expect(report.notCheckable.map((r) => r.assumedRoleArn)).toContain('arn:aws:iam::444455556666:role/runner');
    expect(requested).not.toContain('ecs:RunTask');
    expect(requested).toContain('sts:AssumeRole');
    expect(report.findings.map((f) => f.purpose)).toEqual(['assume-role']);
  });
});

describe('collectRequests', () => {
  const base = {
    state: null,
    integration: 'logging-configuration',
    dynamic: false,
    consequence: 'c',
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/cw-logs.html',
  };

  it('asks the same action, resource and context once and a different context again', () => {
    const pass = { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' };
    const { requests, indexes } = collectRequests([
      { ...base, purpose: 'passrole', actions: ['iam:PassRole'], resources: ['arn:r1', 'arn:r2'], context: pass },
      { ...base, purpose: 'passrole', actions: ['iam:PassRole'], resources: ['arn:r1'], context: { ...pass } },
      { ...base, purpose: 'passrole', actions: ['iam:PassRole'], resources: ['arn:r1'] },
      { ...base, purpose: 'other', actions: [], resources: [], unknownIntegration: true },
    ]);
    expect(requests).toEqual([
      { action: 'iam:PassRole', resource: 'arn:r1', context: pass },
      { action: 'iam:PassRole', resource: 'arn:r2', context: pass },
      { action: 'iam:PassRole', resource: 'arn:r1' },
    ]);
    expect(indexes).toEqual([[0, 1], [0], [2], []]);
  });
});
