import { describe, expect, it } from 'vitest';
import { createEmbeddedSimulator } from '../../../shared/local/createEmbeddedSimulator.js';
import { executionRoleOf } from '../../../shared/template/role/executionRoleOf.js';
import { type FakeResource, fakeTemplateModel, resourceOf } from './fakeTemplateModel.js';

const FN = 'arn:aws:lambda:us-east-1:111122223333:function:shop-ProcessOrder';
const OTHER_FN = 'arn:aws:lambda:us-east-1:111122223333:function:shop-Refund';
const QUEUE = 'arn:aws:sqs:us-east-1:111122223333:shop-Queue';

function samStateMachine(properties: Record<string, unknown>): FakeResource {
  return { Type: 'AWS::Serverless::StateMachine', Properties: { DefinitionUri: 'sm.asl.json', ...properties } };
}

async function decide(resources: Record<string, FakeResource>, action: string, resource: string) {
  const model = fakeTemplateModel({
    ProcessOrder: { Type: 'AWS::Serverless::Function' },
    Refund: { Type: 'AWS::Serverless::Function' },
    Queue: { Type: 'AWS::SQS::Queue' },
    ...resources,
  });
  const role = executionRoleOf(model, resourceOf(model, 'Orders'));
  const simulator = createEmbeddedSimulator({
    identity: [...role.identity],
    ...(role.boundary === undefined ? {} : { boundary: role.boundary }),
  });
  const [decision] = await simulator.simulate([{ action, resource }]);
  return decision;
}

const INVOKE_POLICY = samStateMachine({
  Policies: [{ LambdaInvokePolicy: { FunctionName: { Ref: 'ProcessOrder' } } }],
});

describe('the execution role a template defines, evaluated by the embedded simulator', () => {
  it.each([
    { name: "the function's deterministic ARN", resource: FN, want: 'allowed' },
    { name: 'the function with a :* qualifier (alias or version)', resource: `${FN}:live`, want: 'allowed' },
    { name: 'another function of the stack', resource: OTHER_FN, want: 'implicitDeny' },
  ])(
    'LambdaInvokePolicy {FunctionName: !Ref Fn} decides lambda:InvokeFunction on $name',
    async ({ resource, want }) => {
      const decision = await decide({ Orders: INVOKE_POLICY }, 'lambda:InvokeFunction', resource);
      expect(decision?.decision).toBe(want);
    },
  );

  it.each([
    { name: 'the queue it connects to', resource: QUEUE, want: 'allowed' },
    { name: 'another queue', resource: 'arn:aws:sqs:us-east-1:111122223333:other', want: 'implicitDeny' },
  ])('a Write connector to a queue decides sqs:SendMessage on $name', async ({ resource, want }) => {
    const decision = await decide(
      {
        Orders: samStateMachine({}),
        ToQueue: {
          Type: 'AWS::Serverless::Connector',
          Properties: { Source: { Id: 'Orders' }, Destination: { Id: 'Queue' }, Permissions: ['Write'] },
        },
      },
      'sqs:SendMessage',
      resource,
    );
    expect(decision?.decision).toBe(want);
  });

  it('makes a request only an unknown managed policy could allow conditional, naming it, never denied', async () => {
    const decision = await decide(
      { Orders: samStateMachine({ Policies: ['arn:aws:iam::111122223333:policy/team-baseline'] }) },
      'sqs:SendMessage',
      QUEUE,
    );
    expect(decision?.decision).toBe('conditional');
    expect(decision?.missingContext).toEqual([
      'sfn-role-audit:unresolved/ManagedPolicy arn:aws:iam::111122223333:policy/team-baseline',
    ]);
    expect(decision?.denyOnly).toBeUndefined();
  });

  it.each([
    { name: 'a customer managed policy', policy: 'arn:aws:iam::111122223333:policy/team-baseline' },
    { name: 'an AWS managed policy not shipped as data', policy: 'arn:aws:iam::aws:policy/AWSDenyAll' },
  ])('makes a request the known policies allow conditional beside $name, which may deny it', async ({ policy }) => {
    const orders = samStateMachine({
      Policies: [{ LambdaInvokePolicy: { FunctionName: { Ref: 'ProcessOrder' } } }, policy],
    });
    const decision = await decide({ Orders: orders }, 'lambda:InvokeFunction', FN);
    expect(decision?.decision).toBe('conditional');
    expect(decision?.missingContext).toEqual([`sfn-role-audit:unresolved/ManagedPolicy ${policy}`]);
    expect(decision?.denyOnly).toBe(true);
  });

  it('keeps a request a known policy explicitly denies denied beside an unknown policy', async () => {
    const orders = samStateMachine({
      Policies: [
        { Statement: [{ Effect: 'Deny', Action: 'lambda:InvokeFunction', Resource: '*' }] },
        'arn:aws:iam::111122223333:policy/team-baseline',
      ],
    });
    const decision = await decide({ Orders: orders }, 'lambda:InvokeFunction', FN);
    expect(decision?.decision).toBe('explicitDeny');
  });

  it('makes a request the identity allows conditional under an unknown permissions boundary', async () => {
    const decision = await decide(
      {
        Orders: {
          ...INVOKE_POLICY,
          Properties: { ...INVOKE_POLICY.Properties, PermissionsBoundary: 'arn:aws:iam::111122223333:policy/b' },
        },
      },
      'lambda:InvokeFunction',
      FN,
    );
    expect(decision?.decision).toBe('conditional');
  });

  it('lets a shipped AWS managed boundary decide: PowerUserAccess denies iam:PassRole where the identity allows it', async () => {
    const decision = await decide(
      {
        Orders: samStateMachine({
          Policies: [{ Statement: [{ Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' }] }],
          PermissionsBoundary: 'arn:aws:iam::aws:policy/PowerUserAccess',
        }),
      },
      'iam:PassRole',
      'arn:aws:iam::111122223333:role/task',
    );
    expect(decision).toMatchObject({ decision: 'implicitDeny', deniedBy: 'boundary' });
  });
});
