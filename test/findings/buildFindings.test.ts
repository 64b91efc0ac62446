// biome-ignore-all lint/suspicious/noTemplateCurlyInString: placeholders use ${…}
import { describe, expect, it } from 'vitest';
import { buildFindings } from '../../shared/findings/buildFindings.js';
import type { Decision, Purpose, Requirement, Severity } from '../../shared/types.js';
import { decide, requirement, SM_ARN } from './builders.js';

function findingsOf(requirements: Requirement[], decisions = requirements.map((r) => decide(r, 'implicitDeny'))) {
  return buildFindings({ stateMachineArn: SM_ARN, requirements, decisions });
}

const ECS = 'arn:aws:states:::ecs:runTask.sync';
const GLUE = 'arn:aws:states:::glue:startJobRun.sync';
const poll = requirement({ purpose: 'poll', actions: ['ecs:DescribeTasks'], resources: ['*'] });
const events = requirement({
  purpose: 'events',
  actions: ['events:PutTargets', 'events:PutRule', 'events:DescribeRule'],
  resources: ['arn:aws:events:eu-west-1:111122223333:rule/StepFunctionsGetEventsForECSTaskRule'],
  managedRule: 'StepFunctionsGetEventsForECSTaskRule',
});

describe('buildFindings', () => {
  it.each<{ name: string; purpose: Purpose; severity: Severity }>([
    { name: 'invoke', purpose: 'invoke', severity: 'HIGH' },
    { name: 'passrole', purpose: 'passrole', severity: 'HIGH' },
    { name: 'assume-role', purpose: 'assume-role', severity: 'HIGH' },
    { name: 'item-reader', purpose: 'item-reader', severity: 'HIGH' },
    { name: 'result-writer', purpose: 'result-writer', severity: 'HIGH' },
    { name: 'child-executions', purpose: 'child-executions', severity: 'HIGH' },
    { name: 'http', purpose: 'http', severity: 'HIGH' },
    { name: 'cancel', purpose: 'cancel', severity: 'MEDIUM' },
    { name: 'kms', purpose: 'kms', severity: 'HIGH' },
    { name: 'logging', purpose: 'logging', severity: 'MEDIUM' },
    { name: 'tracing', purpose: 'tracing', severity: 'LOW' },
    { name: 'other', purpose: 'other', severity: 'MEDIUM' },
  ])('rates a missing $name permission $severity', ({ purpose, severity }) => {
    const [finding, ...rest] = findingsOf([requirement({ purpose, actions: ['svc:Do'], resources: ['arn:x'] })]);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ rule: 'MissingPermission', purpose, severity, decision: 'implicitDeny' });
    expect(finding?.actions).toEqual(['svc:Do']);
  });

  it.each<{ name: string; pollDenied: boolean; eventsDenied: boolean; expected: [Purpose, Severity][] }>([
    {
      name: 'poll and events missing',
      pollDenied: true,
      eventsDenied: true,
      expected: [
        ['poll', 'CRITICAL'],
        ['events', 'CRITICAL'],
      ],
    },
    { name: 'poll only missing', pollDenied: true, eventsDenied: false, expected: [['poll', 'MEDIUM']] },
    { name: 'events only missing', pollDenied: false, eventsDenied: true, expected: [['events', 'LOW']] },
  ])('rates $name for a task with a managed rule', ({ pollDenied, eventsDenied, expected }) => {
    const findings = findingsOf(
      [poll, events],
      [
        decide(poll, pollDenied ? 'implicitDeny' : 'allowed'),
        decide(events, eventsDenied ? 'implicitDeny' : 'allowed'),
      ],
    );
    expect(findings.map((f) => [f.purpose, f.severity])).toEqual(expected);
  });

  it('says completion is never observed when poll and events are both missing', () => {
    const [first] = findingsOf([poll, events]);
    expect(first?.consequence).toContain("ECS task 'Run job': neither polling nor the managed EventBridge rule");
  });

  it('rates a missing poll HIGH for an integration without a managed rule', () => {
    const gluePoll = requirement({ purpose: 'poll', integration: GLUE, actions: ['glue:GetJobRun'], resources: ['*'] });
    const ecsEvents = { ...events, state: { name: 'Other', path: ['States', 'Other'] }, integration: ECS };
    const findings = findingsOf(
      [gluePoll, ecsEvents],
      [decide(gluePoll, 'implicitDeny'), decide(ecsEvents, 'allowed')],
    );
    expect(findings.map((f) => [f.purpose, f.severity, f.integration])).toEqual([['poll', 'HIGH', GLUE]]);
  });

  it('groups the denied actions of one requirement into one finding with its resources and a statement to add', () => {
    const r = requirement({
      purpose: 'cancel',
      actions: ['ecs:StopTask', 'ecs:DescribeTasks'],
      resources: ['arn:aws:ecs:eu-west-1:111122223333:task/a', 'arn:aws:ecs:eu-west-1:111122223333:task/b'],
    });
    const decisions = decide(r, 'implicitDeny').map((d) =>
      d.action === 'ecs:DescribeTasks' ? { ...d, decision: 'allowed' as const } : d,
    );
    const [finding, ...rest] = findingsOf([r], [decisions]);
    expect(rest).toEqual([]);
    expect(finding?.actions).toEqual(['ecs:StopTask']);
    expect(finding?.resources).toEqual(r.resources);
    expect(finding?.remediation).toEqual({ Effect: 'Allow', Action: ['ecs:StopTask'], Resource: r.resources });
    expect(finding?.docs).toBe(r.source);
    expect(finding?.title).toBe(
      "ECS task 'Run job' cannot stop the job when the execution stops: missing ecs:StopTask",
    );
  });

  it('reports nothing when every request is allowed', () => {
    const r = requirement({ purpose: 'invoke' });
    expect(findingsOf([r], [decide(r, 'allowed')])).toEqual([]);
  });

  it('puts the PassRole context into the remediation condition', () => {
    const r = requirement({
      purpose: 'passrole',
      actions: ['iam:PassRole'],
      resources: ['arn:aws:iam::111122223333:role/task'],
      context: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' },
    });
    const [finding] = findingsOf([r]);
    expect(finding?.remediation).toEqual({
      Effect: 'Allow',
      Action: ['iam:PassRole'],
      Resource: ['arn:aws:iam::111122223333:role/task'],
      Condition: { StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } },
    });
  });

  it('prefixes the consequence with the service and state', () => {
    const [finding] = findingsOf([requirement({ purpose: 'invoke' })]);
    expect(finding?.consequence).toBe("ECS task 'Run job': the task fails with AccessDenied when it calls ecs:RunTask");
  });

  it.each([
    { name: 'identity', layer: 'identity' as const, words: "the role's identity policies" },
    { name: 'boundary', layer: 'boundary' as const, words: 'the permissions boundary' },
    { name: 'scp', layer: 'scp' as const, words: 'a service control policy' },
    { name: 'resource', layer: 'resource' as const, words: 'the resource policy' },
  ])('names the $name layer of an explicit deny and offers no Allow statement', ({ layer, words }) => {
    const r = requirement({ purpose: 'invoke' });
    const [finding] = findingsOf([r], [decide(r, 'explicitDeny', { deniedBy: layer })]);
    expect(finding).toMatchObject({
      rule: 'MissingPermission',
      severity: 'HIGH',
      decision: 'explicitDeny',
      deniedBy: layer,
    });
    expect(finding?.title).toContain(`denied by ${words}`);
    expect(finding?.remediation).toBeUndefined();
    expect(finding?.details?.fix).toBe(`remove or narrow the deny in ${words}`);
  });

  it.each([
    { name: 'boundary', layer: 'boundary' as const, words: 'the permissions boundary' },
    { name: 'scp', layer: 'scp' as const, words: 'a service control policy' },
  ])('names the $name layer that lacks an Allow and says the statement belongs there too', ({ layer, words }) => {
    const r = requirement({ purpose: 'invoke' });
    const [finding] = findingsOf([r], [decide(r, 'implicitDeny', { deniedBy: layer })]);
    expect(finding).toMatchObject({
      rule: 'MissingPermission',
      severity: 'HIGH',
      decision: 'implicitDeny',
      deniedBy: layer,
    });
    expect(finding?.title).toContain(`not allowed by ${words}: ecs:RunTask`);
    expect(finding?.details?.fix).toBe(`allow this statement in ${words} too`);
    expect(finding?.remediation).toMatchObject({ Effect: 'Allow', Action: ['ecs:RunTask'] });
  });

  it('leaves deniedBy off an implicit deny of the role itself', () => {
    const r = requirement({ purpose: 'invoke' });
    const [finding] = findingsOf([r], [decide(r, 'implicitDeny', { deniedBy: 'identity' })]);
    expect(finding?.deniedBy).toBeUndefined();
    expect(finding?.title).toContain('missing ecs:RunTask');
  });

  it('names the deny statement that matched', () => {
    const r = requirement({ purpose: 'kms', state: null, actions: ['kms:Decrypt'], resources: ['arn:aws:kms:k'] });
    const matched = [{ policy: 'guardrail', statement: 'NoKms', layer: 'scp' as const, effect: 'Deny' as const }];
    const [finding] = findingsOf([r], [decide(r, 'explicitDeny', { deniedBy: 'scp', matchedStatements: matched })]);
    expect(finding?.severity).toBe('HIGH');
    expect(finding?.details?.fix).toBe('remove or narrow the deny in a service control policy (guardrail NoKms)');
  });

  it('reports a conditional answer one step milder with the missing context keys', () => {
    const r = requirement({ purpose: 'invoke' });
    const [finding] = findingsOf(
      [r],
      [decide(r, 'conditional', { missingContext: ['aws:SourceVpc', 'aws:CalledVia'] })],
    );
    expect(finding).toMatchObject({ rule: 'ConditionalPermission', severity: 'MEDIUM', decision: 'conditional' });
    expect(finding?.details?.missingContext).toEqual(['aws:CalledVia', 'aws:SourceVpc']);
    expect(finding?.consequence).toContain('unless the run-time values of aws:CalledVia, aws:SourceVpc satisfy');
  });

  it('says a conditional answer that depends only on what is unknown offline depends on it, not on run time', () => {
    const r = requirement({ purpose: 'invoke' });
    const key = 'sfn-role-audit:unresolved/ManagedPolicy arn:aws:iam::111122223333:policy/team-baseline';
    const [finding] = findingsOf([r], [decide(r, 'conditional', { missingContext: [key] })]);
    expect(finding).toMatchObject({ rule: 'ConditionalPermission', severity: 'MEDIUM', decision: 'conditional' });
    expect(finding?.consequence).toMatch(
      /, depending on ManagedPolicy arn:aws:iam::111122223333:policy\/team-baseline, which is not known offline \(it may grant the call or deny it\)$/,
    );
    expect(finding?.consequence).not.toContain('run-time');
  });

  it.each([
    { name: 'an invoke', purpose: 'invoke' as const, severity: 'LOW' },
    { name: 'a cancel', purpose: 'cancel' as const, severity: 'LOW' },
    { name: 'a managed rule', purpose: 'events' as const, severity: 'INFORMATIONAL' },
  ])(
    'reports $name the known policies allow, that only an unknown policy may deny, at $severity',
    ({ purpose, severity }) => {
      const r = requirement({ purpose });
      const key = 'sfn-role-audit:unresolved/ManagedPolicy arn:aws:iam::111122223333:policy/team-baseline';
      const [finding] = findingsOf([r], [decide(r, 'conditional', { missingContext: [key], denyOnly: true })]);
      expect(finding).toMatchObject({ rule: 'ConditionalPermission', severity, decision: 'conditional' });
      expect(finding?.title).toContain('allowed by the known policies, unless ManagedPolicy');
      expect(finding?.consequence).toMatch(/ if ManagedPolicy .*team-baseline, which is not known offline, denies it$/);
    },
  );

  it('keeps a conditional Deny on a run-time key one step milder, even when every layer allows', () => {
    const r = requirement({ purpose: 'invoke' });
    const [finding] = findingsOf(
      [r],
      [decide(r, 'conditional', { missingContext: ['aws:SourceVpc'], denyOnly: true })],
    );
    expect(finding?.severity).toBe('MEDIUM');
    expect(finding?.consequence).toContain('unless the run-time values of aws:SourceVpc satisfy');
  });

  it('reports a notProvable resource as UnprovableResource (LOW) naming what the role grants and the holes', () => {
    const r = requirement({
      purpose: 'invoke',
      integration: 'arn:aws:states:::lambda:invoke',
      actions: ['lambda:InvokeFunction'],
      resources: ['arn:aws:lambda:eu-west-1:111122223333:function:orders-*'],
      dynamic: true,
      holes: [{ variable: 'FunctionName', reason: 'dynamic-value', detail: '$.fn' }],
    });
    const decision: Decision = {
      action: 'lambda:InvokeFunction',
      resource: 'arn:aws:lambda:eu-west-1:111122223333:function:orders-*',
      decision: 'notProvable',
      grantedResources: ['arn:aws:lambda:eu-west-1:111122223333:function:orders-eu'],
    };
    const findings = buildFindings({ stateMachineArn: SM_ARN, requirements: [r], decisions: [[decision]] });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'UnprovableResource', severity: 'LOW', decision: 'notProvable' });
    expect(findings[0]?.details?.grantedResources).toEqual({
      'lambda:InvokeFunction': ['arn:aws:lambda:eu-west-1:111122223333:function:orders-eu'],
    });
    expect(findings[0]?.details?.holes).toEqual([
      { variable: 'FunctionName', reason: 'dynamic-value', detail: '$.fn' },
    ]);
    // The input names the function: granting `orders-*` would grant whatever it names, so no statement is offered.
    expect(findings[0]?.remediation).toBeUndefined();
    expect(findings[0]?.details?.fix).toMatch(/grant the specific resources the input can name/);
  });

  it('offers the pattern as the statement to add when only the service fills the holes (an ECS revision)', () => {
    const r = requirement({
      purpose: 'invoke',
      integration: 'arn:aws:states:::ecs:runTask',
      actions: ['ecs:RunTask'],
      resources: ['arn:aws:ecs:eu-west-1:111122223333:task-definition/app:*'],
      holes: [{ variable: 'TaskDefinition', reason: 'latest-revision' }],
    });
    const decision: Decision = {
      action: 'ecs:RunTask',
      resource: 'arn:aws:ecs:eu-west-1:111122223333:task-definition/app:*',
      decision: 'notProvable',
      grantedResources: ['arn:aws:ecs:eu-west-1:111122223333:task-definition/app:7'],
    };
    const [finding] = buildFindings({ stateMachineArn: SM_ARN, requirements: [r], decisions: [[decision]] });
    expect(finding?.remediation?.Resource).toEqual(['arn:aws:ecs:eu-west-1:111122223333:task-definition/app:*']);
    expect(finding?.details?.fix).toBeUndefined();
  });

  it('tells how to substitute an unapplied placeholder instead of granting its pattern', () => {
    const r = requirement({
      purpose: 'invoke',
      actions: ['lambda:InvokeFunction'],
      resources: ['arn:aws:lambda:*:*:function:*'],
      dynamic: true,
      holes: [{ variable: 'FunctionName', reason: 'placeholder', detail: '${OrdersFn}' }],
    });
    const decision: Decision = {
      action: 'lambda:InvokeFunction',
      resource: 'arn:aws:lambda:*:*:function:*',
      decision: 'notProvable',
      grantedResources: ['arn:aws:lambda:eu-west-1:111122223333:function:orders'],
    };
    const [finding] = buildFindings({ stateMachineArn: SM_ARN, requirements: [r], decisions: [[decision]] });
    expect(finding?.remediation).toBeUndefined();
    expect(finding?.details?.fix).toBe(
      'substitute ${OrdersFn} (--substitution KEY=VALUE or --substitutions FILE) so the audit sees the resource',
    );
  });

  it('names the deny patterns when a Deny covers part of a resource with holes', () => {
    const r = requirement({
      purpose: 'invoke',
      actions: ['lambda:InvokeFunction'],
      resources: ['arn:aws:lambda:eu-west-1:111122223333:function:orders-*'],
      dynamic: true,
    });
    const decision: Decision = {
      action: 'lambda:InvokeFunction',
      resource: 'arn:aws:lambda:eu-west-1:111122223333:function:orders-*',
      decision: 'notProvable',
      grantedResources: [],
      deniedResources: ['arn:aws:lambda:eu-west-1:111122223333:function:orders-admin'],
    };
    const [finding] = buildFindings({ stateMachineArn: SM_ARN, requirements: [r], decisions: [[decision]] });
    expect(finding?.rule).toBe('UnprovableResource');
    expect(finding?.details?.deniedResources).toEqual({
      'lambda:InvokeFunction': ['arn:aws:lambda:eu-west-1:111122223333:function:orders-admin'],
    });
  });

  it.each([
    { name: 'implicit deny', decision: 'implicitDeny' as const },
    { name: 'explicit deny', decision: 'explicitDeny' as const },
  ])('reports a missing permission AWS does not document as InferredPermission at LOW ($name)', ({ decision }) => {
    const r = requirement({ purpose: 'cancel', actions: ['states:StopExecution'], inferred: true });
    const findings = findingsOf([r], [decide(r, decision)]);
    expect(findings.map((f) => [f.rule, f.severity, f.decision])).toEqual([['InferredPermission', 'LOW', decision]]);
  });

  it('keeps MissingPermission for a resource with holes when the role grants the action on no matching ARN', () => {
    const r = requirement({
      purpose: 'invoke',
      actions: ['lambda:InvokeFunction'],
      resources: ['arn:aws:lambda:eu-west-1:111122223333:function:orders-*'],
      dynamic: true,
    });
    const findings = buildFindings({
      stateMachineArn: SM_ARN,
      requirements: [r],
      decisions: [decide(r, 'implicitDeny')],
    });
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([['MissingPermission', 'HIGH']]);
    expect(findings[0]?.details).toEqual({ dynamic: true });
  });

  it('reports an unknown integration as INFORMATIONAL and skips requirements of assumed roles', () => {
    const unknown = requirement({
      purpose: 'invoke',
      integration: 'arn:aws:states:::foo:bar',
      actions: [],
      unknownIntegration: true,
    });
    const assumed = requirement({ purpose: 'invoke', assumedRoleArn: 'arn:aws:iam::444455556666:role/x' });
    const findings = findingsOf([unknown, assumed], [[], []]);
    expect(findings.map((f) => [f.rule, f.severity, f.integration])).toEqual([
      ['UnknownIntegration', 'INFORMATIONAL', 'arn:aws:states:::foo:bar'],
    ]);
  });

  it('orders findings by severity, then state document order, then purpose', () => {
    const second = { name: 'Second', path: ['States', 'Second'] };
    const reqs = [
      requirement({ purpose: 'cancel', actions: ['ecs:StopTask'] }),
      requirement({ purpose: 'invoke', state: second }),
      requirement({ purpose: 'passrole', actions: ['iam:PassRole'] }),
      requirement({ purpose: 'invoke', actions: ['ecs:RunTask'] }),
      requirement({ purpose: 'logging', state: null, actions: ['logs:CreateLogDelivery'] }),
    ];
    const findings = findingsOf(reqs);
    expect(findings.map((f) => [f.severity, f.state?.name ?? null, f.purpose])).toEqual([
      ['HIGH', 'Run job', 'invoke'],
      ['HIGH', 'Run job', 'passrole'],
      ['HIGH', 'Second', 'invoke'],
      ['MEDIUM', null, 'logging'],
      ['MEDIUM', 'Run job', 'cancel'],
    ]);
  });

  it('gives the same problem the same id and a different resource a different id', () => {
    const r = requirement({ purpose: 'invoke' });
    const [a] = findingsOf([r]);
    const [b] = findingsOf([{ ...r }]);
    const [c] = findingsOf([{ ...r, resources: ['arn:aws:ecs:eu-west-1:111122223333:task-definition/job:2'] }]);
    expect(a?.id).toMatch(/^[0-9a-f]{32}$/);
    expect(b?.id).toBe(a?.id);
    expect(c?.id).not.toBe(a?.id);
  });

  it('keeps a finding id when only its severity changes', () => {
    const both = findingsOf([poll, events]).find((f) => f.purpose === 'poll');
    const pollOnly = findingsOf([poll, events], [decide(poll, 'implicitDeny'), decide(events, 'allowed')])[0];
    expect(both?.severity).toBe('CRITICAL');
    expect(pollOnly?.severity).toBe('MEDIUM');
    expect(pollOnly?.id).toBe(both?.id);
  });
});
