import {
  type EvaluationResult,
  IAMClient,
  InvalidInputException,
  SimulatePrincipalPolicyCommand,
} from '@aws-sdk/client-iam';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { createIamPrincipalSimulator } from '../../shared/aws/createIamPrincipalSimulator.js';
import type { NamedPolicy } from '../../shared/ports.js';
import type { PolicyStatement } from '../../shared/types.js';

const ROLE = 'arn:aws:iam::111122223333:role/service/OrderPipelineRole';
const FN = 'arn:aws:lambda:eu-west-1:111122223333:function:ChargeCard';
const FN2 = 'arn:aws:lambda:eu-west-1:111122223333:function:Refund';
const DYNAMIC = 'arn:aws:lambda:*:*:function:*';
const iam = mockClient(IAMClient);

function allowedFor(action: string, resources: string[]): EvaluationResult {
  return {
    EvalActionName: action,
    EvalResourceName: '*',
    EvalDecision: 'allowed',
    ResourceSpecificResults: resources.map((r) => ({ EvalResourceName: r, EvalResourceDecision: 'allowed' })),
  };
}

function simulator() {
  return createIamPrincipalSimulator(new IAMClient({ region: 'eu-west-1' }), { roleArn: ROLE, region: 'eu-west-1' });
}

beforeEach(() => iam.reset());

describe('createIamPrincipalSimulator', () => {
  it('groups requests with the same context into one call and sends * in its own call', async () => {
    iam.on(SimulatePrincipalPolicyCommand).callsFake((input: { ActionNames: string[]; ResourceArns: string[] }) => ({
      EvaluationResults: input.ActionNames.map((a) => allowedFor(a, input.ResourceArns)),
    }));
    const sim = simulator();
    await sim.simulate([
      { action: 'lambda:InvokeFunction', resource: FN },
      { action: 'ecs:StopTask', resource: '*' },
      { action: 'lambda:InvokeFunction', resource: FN2 },
      { action: 'lambda:GetFunction', resource: DYNAMIC },
      { action: 'ecs:DescribeTasks', resource: '*' },
    ]);
    const inputs = iam.commandCalls(SimulatePrincipalPolicyCommand).map((c) => c.args[0].input);
    expect(inputs).toEqual([
      {
        PolicySourceArn: ROLE,
        ActionNames: ['lambda:InvokeFunction', 'lambda:GetFunction'],
        ResourceArns: [FN, FN2, DYNAMIC],
        ContextEntries: [
          { ContextKeyName: 'aws:RequestedRegion', ContextKeyValues: ['eu-west-1'], ContextKeyType: 'string' },
        ],
        MaxItems: 1000,
      },
      {
        PolicySourceArn: ROLE,
        ActionNames: ['ecs:StopTask', 'ecs:DescribeTasks'],
        ResourceArns: ['*'],
        ContextEntries: [
          { ContextKeyName: 'aws:RequestedRegion', ContextKeyValues: ['eu-west-1'], ContextKeyType: 'string' },
        ],
        MaxItems: 1000,
      },
    ]);
    expect(sim.callCount()).toBe(2);
  });

  it('never mixes * with ARNs in one call', async () => {
    iam.on(SimulatePrincipalPolicyCommand).callsFake((input: { ActionNames: string[]; ResourceArns: string[] }) => {
      if (input.ResourceArns.includes('*') && input.ResourceArns.length > 1) {
        throw new InvalidInputException({ message: 'cannot include both * and individual resources', $metadata: {} });
      }
      return { EvaluationResults: input.ActionNames.map((a) => allowedFor(a, input.ResourceArns)) };
    });
    const decisions = await simulator().simulate([
      { action: 'lambda:InvokeFunction', resource: '*' },
      { action: 'lambda:InvokeFunction', resource: FN },
    ]);
    expect(decisions.map((d) => [d.resource, d.decision])).toEqual([
      ['*', 'allowed'],
      [FN, 'allowed'],
    ]);
    for (const call of iam.commandCalls(SimulatePrincipalPolicyCommand)) {
      const arns = call.args[0].input.ResourceArns ?? [];
      expect(arns.includes('*') ? arns : ['*']).toEqual(['*']);
    }
  });

  it('sends each distinct context in its own call, with string and stringList types and aws:RequestedRegion', async () => {
    iam.on(SimulatePrincipalPolicyCommand).callsFake((input: { ActionNames: string[]; ResourceArns: string[] }) => ({
      EvaluationResults: input.ActionNames.map((a) => allowedFor(a, input.ResourceArns)),
    }));
    const sim = simulator();
    await sim.simulate([
      { action: 'iam:PassRole', resource: ROLE, context: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } },
      { action: 'iam:PassRole', resource: `${ROLE}2`, context: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } },
      { action: 'ecs:RunTask', resource: FN, context: { 'aws:TagKeys': ['team', 'env'] } },
    ]);
    const contexts = iam.commandCalls(SimulatePrincipalPolicyCommand).map((c) => c.args[0].input.ContextEntries);
    expect(contexts).toEqual([
      [
        {
          ContextKeyName: 'iam:PassedToService',
          ContextKeyValues: ['ecs-tasks.amazonaws.com'],
          ContextKeyType: 'string',
        },
        { ContextKeyName: 'aws:RequestedRegion', ContextKeyValues: ['eu-west-1'], ContextKeyType: 'string' },
      ],
      [
        { ContextKeyName: 'aws:TagKeys', ContextKeyValues: ['team', 'env'], ContextKeyType: 'stringList' },
        { ContextKeyName: 'aws:RequestedRegion', ContextKeyValues: ['eu-west-1'], ContextKeyType: 'string' },
      ],
    ]);
    expect(iam.commandCalls(SimulatePrincipalPolicyCommand)[0]?.args[0].input.ResourceArns).toEqual([ROLE, `${ROLE}2`]);
    expect(sim.callCount()).toBe(2);
  });

  it('sends no aws:RequestedRegion when the Region is unknown', async () => {
    iam.on(SimulatePrincipalPolicyCommand).resolves({ EvaluationResults: [allowedFor('s3:GetObject', ['*'])] });
    const sim = createIamPrincipalSimulator(new IAMClient({}), { roleArn: ROLE, region: '*' });
    await sim.simulate([{ action: 's3:GetObject', resource: '*' }]);
    expect(iam.commandCalls(SimulatePrincipalPolicyCommand)[0]?.args[0].input.ContextEntries).toEqual([]);
  });

  it('follows Marker pages and counts each page as a call', async () => {
    iam
      .on(SimulatePrincipalPolicyCommand)
      .resolvesOnce({ EvaluationResults: [allowedFor('a:One', [FN])], IsTruncated: true, Marker: 'page-2' })
      .resolvesOnce({ EvaluationResults: [allowedFor('a:Two', [FN])], IsTruncated: false });
    const sim = simulator();
    const decisions = await sim.simulate([
      { action: 'a:One', resource: FN },
      { action: 'a:Two', resource: FN },
    ]);
    expect(decisions.map((d) => d.decision)).toEqual(['allowed', 'allowed']);
    const inputs = iam.commandCalls(SimulatePrincipalPolicyCommand).map((c) => c.args[0].input);
    expect(inputs.map((i) => i.Marker)).toEqual([undefined, 'page-2']);
    expect(sim.callCount()).toBe(2);
  });

  it('reads per-resource answers from ResourceSpecificResults, not the aggregate top level', async () => {
    iam.on(SimulatePrincipalPolicyCommand).resolves({
      EvaluationResults: [
        {
          EvalActionName: 'lambda:InvokeFunction',
          EvalResourceName: 'arn:aws:lambda:eu-west-1:111122223333:function:*',
          EvalDecision: 'implicitDeny',
          ResourceSpecificResults: [
            { EvalResourceName: FN, EvalResourceDecision: 'allowed' },
            { EvalResourceName: FN2, EvalResourceDecision: 'implicitDeny' },
          ],
        },
      ],
    });
    const decisions = await simulator().simulate([
      { action: 'lambda:InvokeFunction', resource: FN2 },
      { action: 'lambda:InvokeFunction', resource: FN },
    ]);
    expect(decisions).toEqual([
      { action: 'lambda:InvokeFunction', resource: FN2, decision: 'implicitDeny', deniedBy: 'identity' },
      { action: 'lambda:InvokeFunction', resource: FN, decision: 'allowed' },
    ]);
  });

  it.each([
    {
      name: 'an SCP deny',
      result: { EvalDecision: 'implicitDeny', OrganizationsDecisionDetail: { AllowedByOrganizations: false } },
      specific: { EvalResourceDecision: 'implicitDeny' },
      expected: { decision: 'implicitDeny', deniedBy: 'scp' },
    },
    {
      name: 'a boundary deny on the resource',
      result: { EvalDecision: 'implicitDeny' },
      specific: {
        EvalResourceDecision: 'implicitDeny',
        PermissionsBoundaryDecisionDetail: { AllowedByPermissionsBoundary: false },
      },
      expected: { decision: 'implicitDeny', deniedBy: 'boundary' },
    },
    {
      name: 'an explicit identity deny with its statement',
      result: { EvalDecision: 'explicitDeny' },
      specific: {
        EvalResourceDecision: 'explicitDeny',
        MatchedStatements: [
          { SourcePolicyId: 'deny-lambda', SourcePolicyType: 'role', StartPosition: { Line: 3, Column: 5 } },
        ],
      },
      expected: {
        decision: 'explicitDeny',
        deniedBy: 'identity',
        matchedStatements: [
          { policy: 'deny-lambda', statement: 'line 3, column 5', layer: 'identity', effect: 'Deny' },
        ],
      },
    },
    {
      name: 'missing context values as conditional',
      result: { EvalDecision: 'implicitDeny' },
      specific: { EvalResourceDecision: 'implicitDeny', MissingContextValues: ['aws:ResourceTag/team'] },
      expected: { decision: 'conditional', missingContext: ['aws:ResourceTag/team'] },
    },
  ])('maps $name', async ({ result, specific, expected }) => {
    iam.on(SimulatePrincipalPolicyCommand).resolves({
      EvaluationResults: [
        {
          EvalActionName: 'lambda:InvokeFunction',
          ...result,
          ResourceSpecificResults: [{ EvalResourceName: FN, ...specific }],
        } as EvaluationResult,
      ],
    });
    const [decision] = await simulator().simulate([{ action: 'lambda:InvokeFunction', resource: FN }]);
    expect(decision).toEqual({ action: 'lambda:InvokeFunction', resource: FN, ...expected });
  });

  it('falls back to the top-level result when there are no ResourceSpecificResults', async () => {
    iam.on(SimulatePrincipalPolicyCommand).resolves({
      EvaluationResults: [
        {
          EvalActionName: 'logs:CreateLogDelivery',
          EvalResourceName: '*',
          EvalDecision: 'implicitDeny',
          MissingContextValues: ['aws:RequestTag/x'],
        },
      ],
    });
    const [decision] = await simulator().simulate([{ action: 'logs:CreateLogDelivery', resource: '*' }]);
    expect(decision).toEqual({
      action: 'logs:CreateLogDelivery',
      resource: '*',
      decision: 'conditional',
      missingContext: ['aws:RequestTag/x'],
    });
  });

  it('returns decisions in request order and makes no call for no requests', async () => {
    iam.on(SimulatePrincipalPolicyCommand).callsFake((input: { ActionNames: string[]; ResourceArns: string[] }) => ({
      EvaluationResults: input.ActionNames.map((a) => allowedFor(a, input.ResourceArns)),
    }));
    const sim = simulator();
    expect(await sim.simulate([])).toEqual([]);
    expect(sim.callCount()).toBe(0);
    const decisions = await sim.simulate([
      { action: 'b:Two', resource: '*' },
      { action: 'a:One', resource: FN },
      { action: 'c:Three', resource: '*' },
    ]);
    expect(decisions.map((d) => d.action)).toEqual(['b:Two', 'a:One', 'c:Three']);
  });

  it('throws with the SDK error as cause', async () => {
    const sdkError = new InvalidInputException({ message: 'bad', $metadata: {} });
    iam.on(SimulatePrincipalPolicyCommand).rejects(sdkError);
    const failure = await simulator()
      .simulate([{ action: 'a:One', resource: FN }])
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).cause).toBe(sdkError);
    expect((failure as Error).message).toContain('SimulatePrincipalPolicy');
  });
  it('sends the keys AWS sets with their ContextKeyTypes: boolean, numeric, date and string', async () => {
    iam.on(SimulatePrincipalPolicyCommand).resolves({ EvaluationResults: [allowedFor('lambda:InvokeFunction', [FN])] });
    await simulator().simulate([
      {
        action: 'lambda:InvokeFunction',
        resource: FN,
        context: {
          'aws:RequestedRegion': 'eu-west-1',
          'aws:SecureTransport': 'true',
          'aws:PrincipalArn': ROLE,
          'aws:PrincipalAccount': '111122223333',
          'aws:PrincipalType': 'AssumedRole',
          'aws:PrincipalIsAWSService': 'false',
          'aws:CurrentTime': '2025-01-02T03:04:05Z',
          'aws:EpochTime': '1735787045',
          'aws:SourceIp': ['192.0.2.1', '192.0.2.2'],
        },
      },
    ]);
    expect(iam.commandCalls(SimulatePrincipalPolicyCommand)[0]?.args[0].input.ContextEntries).toEqual([
      { ContextKeyName: 'aws:RequestedRegion', ContextKeyValues: ['eu-west-1'], ContextKeyType: 'string' },
      { ContextKeyName: 'aws:SecureTransport', ContextKeyValues: ['true'], ContextKeyType: 'boolean' },
      { ContextKeyName: 'aws:PrincipalArn', ContextKeyValues: [ROLE], ContextKeyType: 'string' },
      { ContextKeyName: 'aws:PrincipalAccount', ContextKeyValues: ['111122223333'], ContextKeyType: 'string' },
      { ContextKeyName: 'aws:PrincipalType', ContextKeyValues: ['AssumedRole'], ContextKeyType: 'string' },
      { ContextKeyName: 'aws:PrincipalIsAWSService', ContextKeyValues: ['false'], ContextKeyType: 'boolean' },
      { ContextKeyName: 'aws:CurrentTime', ContextKeyValues: ['2025-01-02T03:04:05Z'], ContextKeyType: 'date' },
      { ContextKeyName: 'aws:EpochTime', ContextKeyValues: ['1735787045'], ContextKeyType: 'numeric' },
      { ContextKeyName: 'aws:SourceIp', ContextKeyValues: ['192.0.2.1', '192.0.2.2'], ContextKeyType: 'ipList' },
    ]);
  });

  it("keeps a request's own aws:RequestedRegion (us-east-1 for IAM) instead of the state machine's", async () => {
    iam.on(SimulatePrincipalPolicyCommand).resolves({ EvaluationResults: [allowedFor('iam:GetRole', [ROLE])] });
    await simulator().simulate([
      { action: 'iam:GetRole', resource: ROLE, context: { 'aws:RequestedRegion': 'us-east-1' } },
    ]);
    expect(iam.commandCalls(SimulatePrincipalPolicyCommand)[0]?.args[0].input.ContextEntries).toEqual([
      { ContextKeyName: 'aws:RequestedRegion', ContextKeyValues: ['us-east-1'], ContextKeyType: 'string' },
    ]);
  });
});

describe('createIamPrincipalSimulator with resources that have holes', () => {
  const FAMILY = 'arn:aws:ecs:eu-west-1:111122223333:task-definition/app:*';
  const request = { action: 'ecs:RunTask', resource: FAMILY };

  function policy(...statements: PolicyStatement[]): NamedPolicy[] {
    return [{ name: 'run-tasks', document: { Version: '2012-10-17', Statement: statements } }];
  }

  function literalAnswer(decision: 'allowed' | 'implicitDeny') {
    iam.on(SimulatePrincipalPolicyCommand).resolves({
      EvaluationResults: [
        {
          EvalActionName: 'ecs:RunTask',
          EvalDecision: decision,
          ResourceSpecificResults: [{ EvalResourceName: FAMILY, EvalResourceDecision: decision }],
        },
      ],
    });
  }

  function withPolicies(identity: NamedPolicy[] | (() => Promise<NamedPolicy[] | undefined>)) {
    return createIamPrincipalSimulator(new IAMClient({ region: 'eu-west-1' }), {
      roleArn: ROLE,
      region: 'eu-west-1',
      identityPolicies: typeof identity === 'function' ? identity : async () => identity,
    });
  }

  const allow = (resource: string | string[]): PolicyStatement => ({
    Effect: 'Allow',
    Action: 'ecs:RunTask',
    Resource: resource,
  });

  it.each<{ name: string; literal: 'allowed' | 'implicitDeny'; statements: PolicyStatement[]; expected: object }>([
    {
      name: 'granted: the policy names the family with its own wildcard',
      literal: 'allowed',
      statements: [allow('arn:aws:ecs:eu-west-1:111122223333:task-definition/app:*')],
      expected: { decision: 'allowed' },
    },
    {
      name: 'granted: a wider pattern covers the family',
      literal: 'allowed',
      statements: [allow('arn:aws:ecs:*:111122223333:task-definition/*')],
      expected: { decision: 'allowed' },
    },
    {
      name: 'missing: the policy grants another family',
      literal: 'implicitDeny',
      statements: [allow('arn:aws:ecs:eu-west-1:111122223333:task-definition/other:*')],
      expected: { decision: 'implicitDeny', deniedBy: 'identity' },
    },
    {
      name: 'not provable: the policy grants one revision',
      literal: 'implicitDeny',
      statements: [allow('arn:aws:ecs:eu-west-1:111122223333:task-definition/app:7')],
      expected: {
        decision: 'notProvable',
        grantedResources: ['arn:aws:ecs:eu-west-1:111122223333:task-definition/app:7'],
      },
    },
    {
      name: 'not provable: the literal text matches a pattern that covers one-digit revisions only',
      literal: 'allowed',
      statements: [allow('arn:aws:ecs:eu-west-1:111122223333:task-definition/app:?')],
      expected: {
        decision: 'notProvable',
        grantedResources: ['arn:aws:ecs:eu-west-1:111122223333:task-definition/app:?'],
      },
    },
    {
      name: 'not provable: a Deny takes one revision away',
      literal: 'allowed',
      statements: [
        allow('*'),
        { Effect: 'Deny', Action: 'ecs:*', Resource: 'arn:aws:ecs:eu-west-1:111122223333:task-definition/app:9' },
      ],
      expected: {
        decision: 'notProvable',
        grantedResources: [],
        deniedResources: ['arn:aws:ecs:eu-west-1:111122223333:task-definition/app:9'],
      },
    },
    {
      name: 'granted: a Deny whose condition the request does not meet',
      literal: 'allowed',
      statements: [
        allow('*'),
        {
          Effect: 'Deny',
          Action: '*',
          Resource: '*',
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        },
      ],
      expected: { decision: 'allowed' },
    },
    {
      name: 'missing: the revision is granted for another action only',
      literal: 'implicitDeny',
      statements: [
        {
          Effect: 'Allow',
          Action: 'ecs:DescribeTaskDefinition',
          Resource: 'arn:aws:ecs:eu-west-1:111122223333:task-definition/app:7',
        },
      ],
      expected: { decision: 'implicitDeny', deniedBy: 'identity' },
    },
  ])('decides $name', async ({ literal, statements, expected }) => {
    literalAnswer(literal);
    const [decision] = await withPolicies(policy(...statements)).simulate([
      { ...request, context: { 'aws:SecureTransport': 'true' } },
    ]);
    expect(decision).toEqual({ action: 'ecs:RunTask', resource: FAMILY, ...expected });
  });

  it('keeps the literal answer when the policies cannot be read', async () => {
    literalAnswer('implicitDeny');
    const unread = createIamPrincipalSimulator(new IAMClient({}), { roleArn: ROLE, region: 'eu-west-1' });
    const denied = new Error('GetRole failed', {
      cause: Object.assign(new Error('no'), { name: 'AccessDenied' }),
    });
    const forbidden = withPolicies(async () => {
      throw denied;
    });
    const gone = withPolicies(async () => undefined);
    for (const sim of [unread, forbidden, gone]) {
      const [decision] = await sim.simulate([request]);
      expect(decision).toEqual({
        action: 'ecs:RunTask',
        resource: FAMILY,
        decision: 'implicitDeny',
        deniedBy: 'identity',
      });
    }
  });

  it('propagates a failure to read the policies that is not AccessDenied', async () => {
    literalAnswer('implicitDeny');
    const failure = new Error('Throttling');
    const sim = withPolicies(async () => {
      throw failure;
    });
    await expect(sim.simulate([request])).rejects.toBe(failure);
  });

  it('reads the policies once, and only when a request has holes', async () => {
    literalAnswer('implicitDeny');
    let reads = 0;
    const sim = withPolicies(async () => {
      reads += 1;
      return policy(allow('arn:aws:ecs:eu-west-1:111122223333:task-definition/app:7'));
    });
    iam.on(SimulatePrincipalPolicyCommand).resolves({ EvaluationResults: [allowedFor('lambda:InvokeFunction', [FN])] });
    await sim.simulate([{ action: 'lambda:InvokeFunction', resource: FN }]);
    expect(reads).toBe(0);
    literalAnswer('implicitDeny');
    await sim.simulate([request]);
    await sim.simulate([request]);
    expect(reads).toBe(1);
  });
});
