// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Fn::Sub texts use CloudFormation ${…} variables
import { describe, expect, it } from 'vitest';
import { unresolvedCondition } from '../../../shared/iam/unresolvedValueKey.js';
import type { NamedPolicy } from '../../../shared/ports.js';
import { executionRoleOf } from '../../../shared/template/role/executionRoleOf.js';
import { SAM_STATE_MACHINE_TRUST } from '../../../shared/template/role/samRolePolicies.js';
import { unresolvedMarker } from '../../../shared/template/unresolved.js';
import type { PolicyDocument } from '../../../shared/types.js';
import { type FakeResource, fakeTemplateModel, resourceOf } from './fakeTemplateModel.js';

const ROLE_ARN = 'arn:aws:iam::111122223333:role/shop-OrdersRole';
const FN_ARN = 'arn:aws:lambda:us-east-1:111122223333:function:shop-ProcessOrder';
const SM_ARN = 'arn:aws:states:us-east-1:111122223333:stateMachine:shop-Orders';
const TRUST: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'states.amazonaws.com' }, Action: 'sts:AssumeRole' }],
};
const INVOKE: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: { 'Fn::GetAtt': ['ProcessOrder', 'Arn'] } },
  ],
} as unknown as PolicyDocument;
const INVOKE_RESOLVED: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: FN_ARN }],
};
const PUBLISH = (resource: unknown) => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 'sns:Publish', Resource: resource }],
});
const LAMBDA_ROLE: NamedPolicy = {
  name: 'arn:aws:iam::aws:policy/service-role/AWSLambdaRole',
  document: {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: ['lambda:InvokeFunction'], Resource: ['*'] }],
  },
};
/** An unknown policy's stand-in: an Allow and a Deny of anything, both conditional on `what`. */
const unknownDocument = (what: string) => ({
  Version: '2012-10-17',
  Statement: (['Allow', 'Deny'] as const).map((Effect) => ({
    Effect,
    Action: '*',
    Resource: '*',
    Condition: unresolvedCondition(what),
  })),
});
const standIn = (arn: string): NamedPolicy => ({ name: arn, document: unknownDocument(`ManagedPolicy ${arn}`) });

const FUNCTION: FakeResource = { Type: 'AWS::Lambda::Function', Properties: { Runtime: 'nodejs20.x' } };

function ordersRole(properties: Record<string, unknown> = {}): FakeResource {
  return { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: TRUST, ...properties } };
}

function stateMachine(roleArn: unknown): FakeResource {
  return { Type: 'AWS::StepFunctions::StateMachine', Properties: { RoleArn: roleArn, DefinitionString: '{}' } };
}

function roleOf(resources: Record<string, FakeResource>, parameters?: Record<string, unknown>) {
  const model = fakeTemplateModel({ ProcessOrder: FUNCTION, ...resources }, { parameters });
  return executionRoleOf(model, resourceOf(model, 'Orders'));
}

describe('executionRoleOf: the AWS::IAM::Role a state machine names', () => {
  const inline = { Policies: [{ PolicyName: 'invoke', PolicyDocument: INVOKE }] };
  it.each([
    { name: 'Fn::GetAtt R.Arn (list form)', roleArn: { 'Fn::GetAtt': ['OrdersRole', 'Arn'] } },
    { name: 'Fn::GetAtt R.Arn (dotted form)', roleArn: { 'Fn::GetAtt': 'OrdersRole.Arn' } },
    { name: 'Ref R (its name)', roleArn: { Ref: 'OrdersRole' } },
    { name: 'Fn::Sub of ${R.Arn}', roleArn: { 'Fn::Sub': '${OrdersRole.Arn}' } },
    {
      name: 'Fn::Sub building the ARN from its name',
      roleArn: { 'Fn::Sub': 'arn:aws:iam::${AWS::AccountId}:role/${OrdersRole}' },
    },
    { name: 'a literal ARN equal to its deterministic ARN', roleArn: ROLE_ARN },
  ])('finds it through $name, with its inline policy resolved and its trust', ({ roleArn }) => {
    const role = roleOf({ OrdersRole: ordersRole(inline), Orders: stateMachine(roleArn) });
    expect(role).toStrictEqual({
      roleArn: ROLE_ARN,
      inTemplate: true,
      identity: [{ name: 'OrdersRole invoke', document: INVOKE_RESOLVED }],
      trust: TRUST,
      findings: [],
    });
  });

  it.each([
    {
      name: 'an AWS managed policy shipped as data, under its service-role/ path',
      arns: ['arn:aws:iam::aws:policy/service-role/AWSLambdaRole'],
      identity: [LAMBDA_ROLE],
      unknown: [],
    },
    {
      name: 'an AWS managed policy written with its partition as Fn::Sub',
      arns: [{ 'Fn::Sub': 'arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaRole' }],
      identity: [LAMBDA_ROLE],
      unknown: [],
    },
    {
      name: 'an AWS managed policy that is not shipped',
      arns: ['arn:aws:iam::aws:policy/AmazonTextractFullAccess'],
      identity: [standIn('arn:aws:iam::aws:policy/AmazonTextractFullAccess')],
      unknown: [
        {
          policy: 'arn:aws:iam::aws:policy/AmazonTextractFullAccess',
          reason: 'an AWS managed policy that is not shipped as data (docs/template-roles.md lists those that are)',
        },
      ],
    },
    {
      name: 'a shipped name under a wrong path (no such policy)',
      arns: ['arn:aws:iam::aws:policy/AWSLambdaRole'],
      identity: [standIn('arn:aws:iam::aws:policy/AWSLambdaRole')],
      unknown: [
        {
          policy: 'arn:aws:iam::aws:policy/AWSLambdaRole',
          reason: 'an AWS managed policy that is not shipped as data (docs/template-roles.md lists those that are)',
        },
      ],
    },
    {
      name: 'a customer managed policy the template does not define',
      arns: ['arn:aws:iam::111122223333:policy/team-baseline'],
      identity: [standIn('arn:aws:iam::111122223333:policy/team-baseline')],
      unknown: [
        {
          policy: 'arn:aws:iam::111122223333:policy/team-baseline',
          reason: 'a customer managed policy that the template does not define',
        },
      ],
    },
    {
      name: 'a managed policy ARN imported from another stack',
      arns: [{ 'Fn::ImportValue': 'SharedPolicyArn' }],
      identity: [standIn('<Fn::ImportValue "SharedPolicyArn">')],
      unknown: [{ policy: '<Fn::ImportValue "SharedPolicyArn">', reason: 'its ARN is not known offline' }],
    },
  ])('attaches ManagedPolicyArns: $name', ({ arns, identity, unknown }) => {
    const role = roleOf({ OrdersRole: ordersRole({ ManagedPolicyArns: arns }), Orders: stateMachine(ROLE_ARN) });
    expect(role.identity).toStrictEqual(identity);
    expect(
      role.findings.map((f) => ({ rule: f.rule, severity: f.severity, resources: f.resources, details: f.details })),
    ).toStrictEqual(
      unknown.map(({ policy, reason }) => ({
        rule: 'PolicyContentUnknown',
        severity: 'LOW',
        resources: [policy],
        details: {
          policy,
          role: ROLE_ARN,
          layer: 'identity',
          reason,
          fix: 'audit the deployed role with check --state-machine-arn, where IAM returns every attached document',
        },
      })),
    );
  });

  it('reads a permissions boundary the template defines, and stands in for one it does not', () => {
    const boundary = { Type: 'AWS::IAM::ManagedPolicy', Properties: { PolicyDocument: PUBLISH('*') } };
    const known = roleOf({
      Boundary: boundary,
      OrdersRole: ordersRole({ PermissionsBoundary: { Ref: 'Boundary' } }),
      Orders: stateMachine(ROLE_ARN),
    });
    expect(known.boundary).toStrictEqual({ name: 'AWS::IAM::ManagedPolicy Boundary', document: PUBLISH('*') });
    expect(known.findings).toEqual([]);
    const unknown = roleOf({
      OrdersRole: ordersRole({ PermissionsBoundary: 'arn:aws:iam::111122223333:policy/org-boundary' }),
      Orders: stateMachine(ROLE_ARN),
    });
    expect(unknown.boundary).toStrictEqual(standIn('arn:aws:iam::111122223333:policy/org-boundary'));
    expect(unknown.findings.map((f) => [f.rule, f.title])).toEqual([
      [
        'PolicyContentUnknown',
        'The permissions boundary arn:aws:iam::111122223333:policy/org-boundary of the execution role is unknown offline',
      ],
    ]);
  });

  it.each([
    {
      name: 'AWS::IAM::Policy listing it by Ref',
      attached: {
        Type: 'AWS::IAM::Policy',
        Properties: { PolicyName: 'extra', PolicyDocument: PUBLISH('*'), Roles: [{ Ref: 'OrdersRole' }] },
      },
      policy: 'AWS::IAM::Policy Extra (extra)',
    },
    {
      name: 'AWS::IAM::Policy listing it by its physical name',
      attached: {
        Type: 'AWS::IAM::Policy',
        Properties: { PolicyName: 'extra', PolicyDocument: PUBLISH('*'), Roles: ['shop-OrdersRole'] },
      },
      policy: 'AWS::IAM::Policy Extra (extra)',
    },
    {
      name: 'AWS::IAM::ManagedPolicy listing it in Roles',
      attached: {
        Type: 'AWS::IAM::ManagedPolicy',
        Properties: { PolicyDocument: PUBLISH('*'), Roles: [{ Ref: 'OrdersRole' }] },
      },
      policy: 'AWS::IAM::ManagedPolicy Extra',
    },
    {
      name: 'AWS::IAM::RolePolicy naming it in RoleName',
      attached: {
        Type: 'AWS::IAM::RolePolicy',
        Properties: { PolicyName: 'extra', PolicyDocument: PUBLISH('*'), RoleName: { Ref: 'OrdersRole' } },
      },
      policy: 'AWS::IAM::RolePolicy Extra',
    },
  ])('attaches $name', ({ attached, policy }) => {
    const role = roleOf({ Extra: attached, OrdersRole: ordersRole(), Orders: stateMachine(ROLE_ARN) });
    expect(role.identity).toStrictEqual([{ name: policy, document: PUBLISH('*') }]);
  });

  it('attaches a ManagedPolicy named both in ManagedPolicyArns (by Ref) and in its Roles once', () => {
    const role = roleOf({
      Extra: {
        Type: 'AWS::IAM::ManagedPolicy',
        Properties: { PolicyDocument: PUBLISH('*'), Roles: [{ Ref: 'OrdersRole' }] },
      },
      OrdersRole: ordersRole({ ManagedPolicyArns: [{ Ref: 'Extra' }] }),
      Orders: stateMachine(ROLE_ARN),
    });
    expect(role.identity).toStrictEqual([{ name: 'AWS::IAM::ManagedPolicy Extra', document: PUBLISH('*') }]);
  });

  it('leaves out policies attached to another role of the template', () => {
    const role = roleOf({
      Other: ordersRole(),
      Extra: {
        Type: 'AWS::IAM::Policy',
        Properties: { PolicyName: 'x', PolicyDocument: PUBLISH('*'), Roles: [{ Ref: 'Other' }] },
      },
      OrdersRole: ordersRole(),
      Orders: stateMachine(ROLE_ARN),
    });
    expect(role.identity).toEqual([]);
  });

  it('makes a statement on an imported topic conditional, naming the import', () => {
    const role = roleOf({
      OrdersRole: ordersRole({
        Policies: [{ PolicyName: 'notify', PolicyDocument: PUBLISH({ 'Fn::ImportValue': 'AlertsTopicArn' }) }],
      }),
      Orders: stateMachine(ROLE_ARN),
    });
    expect(role.identity[0]?.document).toStrictEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: 'sns:Publish',
          Resource: '*',
          Condition: unresolvedCondition('Fn::ImportValue "AlertsTopicArn"'),
        },
      ],
    });
  });
});

describe('executionRoleOf: a role the template does not define', () => {
  it.each([
    {
      name: 'a literal ARN of another role',
      roleArn: 'arn:aws:iam::111122223333:role/platform-sfn',
      want: 'arn:aws:iam::111122223333:role/platform-sfn',
    },
    {
      name: 'a parameter with a value',
      roleArn: { Ref: 'RoleArn' },
      want: 'arn:aws:iam::111122223333:role/from-parameter',
    },
    {
      name: 'an import',
      roleArn: { 'Fn::ImportValue': 'SfnRole' },
      want: unresolvedMarker('Fn::ImportValue "SfnRole"'),
    },
    { name: 'no RoleArn at all', roleArn: undefined, want: undefined },
  ])('is not in the template for $name, with the ARN as resolved', ({ roleArn, want }) => {
    const role = roleOf(
      { OrdersRole: ordersRole(), Orders: stateMachine(roleArn) },
      { RoleArn: 'arn:aws:iam::111122223333:role/from-parameter' },
    );
    expect(role).toStrictEqual({ roleArn: want, inTemplate: false, identity: [], findings: [] });
  });
});

describe('executionRoleOf: the role SAM generates for an AWS::Serverless::StateMachine', () => {
  function samRoleOf(properties: Record<string, unknown>, extra: Record<string, FakeResource> = {}) {
    return roleOf({
      ...extra,
      Orders: { Type: 'AWS::Serverless::StateMachine', Properties: { DefinitionUri: 'sm.asl.json', ...properties } },
    });
  }
  const GENERATED_ARN = 'arn:aws:iam::111122223333:role/shop-OrdersRole';

  it('is <LogicalId>Role, trusted by states.amazonaws.com, with no policy when Policies is absent', () => {
    expect(samRoleOf({})).toStrictEqual({
      roleArn: GENERATED_ARN,
      inTemplate: true,
      identity: [],
      trust: SAM_STATE_MACHINE_TRUST,
      findings: [],
    });
    expect(samRoleOf({ RolePath: '/sfn/' }).roleArn).toBe('arn:aws:iam::111122223333:role/sfn/shop-OrdersRole');
  });

  it.each([
    { name: 'a managed policy name as one string', policies: 'AWSLambdaRole', identity: [LAMBDA_ROLE] },
    {
      name: 'a managed policy ARN in a list',
      policies: ['arn:aws:iam::aws:policy/service-role/AWSLambdaRole'],
      identity: [LAMBDA_ROLE],
    },
    {
      name: 'the same managed policy twice (SAM lists it once)',
      policies: ['AWSLambdaRole', 'AWSLambdaRole'],
      identity: [LAMBDA_ROLE],
    },
    {
      name: 'an inline policy document',
      policies: [INVOKE],
      identity: [{ name: 'OrdersRolePolicy0', document: INVOKE_RESOLVED }],
    },
    {
      name: 'LambdaInvokePolicy with FunctionName !Ref Fn',
      policies: [{ LambdaInvokePolicy: { FunctionName: { Ref: 'ProcessOrder' } } }],
      identity: [
        {
          name: 'OrdersRolePolicy0 (LambdaInvokePolicy)',
          document: {
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Action: ['lambda:InvokeFunction'], Resource: `${FN_ARN}*` }],
          },
        },
      ],
    },
    {
      name: 'a template, a document and a name, each named by its index as SAM names them',
      policies: [{ SQSSendMessagePolicy: { QueueName: 'orders' } }, INVOKE, 'AWSStepFunctionsFullAccess'],
      identity: [
        {
          name: 'OrdersRolePolicy0 (SQSSendMessagePolicy)',
          document: {
            Version: '2012-10-17',
            Statement: [
              { Effect: 'Allow', Action: ['sqs:SendMessage*'], Resource: 'arn:aws:sqs:us-east-1:111122223333:orders' },
            ],
          },
        },
        { name: 'OrdersRolePolicy1', document: INVOKE_RESOLVED },
        {
          name: 'arn:aws:iam::aws:policy/AWSStepFunctionsFullAccess',
          document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'states:*', Resource: '*' }] },
        },
      ],
    },
  ])('builds its Policies from $name', ({ policies, identity }) => {
    const role = samRoleOf({ Policies: policies }, { ProcessOrder: FUNCTION });
    expect(role.identity).toStrictEqual(identity);
    expect(role.findings).toEqual([]);
  });

  it('adds AWSXrayWriteOnlyAccess for Tracing Enabled: true, as SAM does in the aws partition, and nothing for Logging', () => {
    const role = samRoleOf({
      Tracing: { Enabled: true },
      Logging: {
        Level: 'ALL',
        Destinations: [
          { CloudWatchLogsLogGroup: { LogGroupArn: 'arn:aws:logs:us-east-1:111122223333:log-group:x:*' } },
        ],
      },
    });
    expect(role.identity.map((policy) => policy.name)).toEqual(['arn:aws:iam::aws:policy/AWSXrayWriteOnlyAccess']);
    expect(samRoleOf({ Tracing: { Enabled: false } }).identity).toEqual([]);
  });

  it('reads its PermissionsBoundary', () => {
    const role = samRoleOf({ PermissionsBoundary: 'arn:aws:iam::aws:policy/PowerUserAccess' });
    expect(role.boundary?.name).toBe('arn:aws:iam::aws:policy/PowerUserAccess');
    expect(role.boundary?.document.Statement).toContainEqual({
      Effect: 'Allow',
      NotAction: ['iam:*', 'organizations:*', 'account:*'],
      Resource: '*',
    });
  });

  it.each([
    {
      name: 'an unknown policy template (with the names it probably meant)',
      policies: [{ SecretsManagerGetSecretValuePolicy: { SecretArn: 'x' } }],
      policy: 'OrdersRole Policies[0] SecretsManagerGetSecretValuePolicy',
      reason:
        'SecretsManagerGetSecretValuePolicy is not a SAM policy template of aws-sam-translator 1.110.0; did you mean AWSSecretsManagerGetSecretValuePolicy?',
    },
    {
      name: 'a template without its parameter',
      policies: [{ LambdaInvokePolicy: {} }],
      policy: 'OrdersRole Policies[0] LambdaInvokePolicy',
      reason: 'LambdaInvokePolicy needs FunctionName (it takes FunctionName)',
    },
  ])('stands in for $name, with a finding', ({ policies, policy, reason }) => {
    const role = samRoleOf({ Policies: policies });
    expect(role.identity).toStrictEqual([{ name: policy, document: unknownDocument(policy) }]);
    expect(role.findings.map((f) => [f.rule, f.severity, f.details?.reason])).toEqual([
      ['PolicyContentUnknown', 'LOW', reason],
    ]);
  });

  it('uses the template role its Role names instead of generating one', () => {
    const role = samRoleOf(
      { Role: { 'Fn::GetAtt': ['SharedRole', 'Arn'] } },
      { SharedRole: ordersRole({ ManagedPolicyArns: ['arn:aws:iam::aws:policy/service-role/AWSLambdaRole'] }) },
    );
    expect(role).toMatchObject({
      roleArn: 'arn:aws:iam::111122223333:role/shop-SharedRole',
      inTemplate: true,
      identity: [LAMBDA_ROLE],
    });
  });
});

describe('executionRoleOf: SAM connectors from the state machine', () => {
  const destinations: Record<string, FakeResource> = {
    ProcessOrder: FUNCTION,
    Queue: { Type: 'AWS::SQS::Queue' },
    Topic: { Type: 'AWS::SNS::Topic' },
    Table: { Type: 'AWS::DynamoDB::Table' },
    Bucket: { Type: 'AWS::S3::Bucket' },
    Bus: { Type: 'AWS::Events::EventBus' },
    Child: { Type: 'AWS::StepFunctions::StateMachine', Properties: { RoleArn: 'arn:aws:iam::111122223333:role/x' } },
  };
  const TABLE = 'arn:aws:dynamodb:us-east-1:111122223333:table/shop-Table';
  const BUCKET = 'arn:aws:s3:::shop-bucket';
  const CHILD_EXECUTIONS = 'arn:aws:states:us-east-1:111122223333:execution:shop-Child:*';
  const SFN_RULE = 'arn:aws:events:us-east-1:111122223333:rule/StepFunctionsGetEventsForStepFunctionsExecutionRule';
  it.each([
    {
      destination: 'ProcessOrder',
      permissions: ['Write'],
      statements: [{ Effect: 'Allow', Action: ['lambda:InvokeAsync', 'lambda:InvokeFunction'], Resource: [FN_ARN] }],
    },
    {
      destination: 'Queue',
      permissions: ['Write'],
      statements: [
        { Effect: 'Allow', Action: ['sqs:SendMessage'], Resource: ['arn:aws:sqs:us-east-1:111122223333:shop-Queue'] },
      ],
    },
    {
      destination: 'Topic',
      permissions: ['Write'],
      statements: [
        { Effect: 'Allow', Action: ['sns:Publish'], Resource: ['arn:aws:sns:us-east-1:111122223333:shop-Topic'] },
      ],
    },
    {
      destination: 'Table',
      permissions: ['Read'],
      statements: [
        {
          Effect: 'Allow',
          Action: [
            'dynamodb:GetItem',
            'dynamodb:Query',
            'dynamodb:Scan',
            'dynamodb:BatchGetItem',
            'dynamodb:ConditionCheckItem',
            'dynamodb:PartiQLSelect',
          ],
          Resource: [TABLE, `${TABLE}/index/*`],
        },
      ],
    },
    {
      destination: 'Table',
      permissions: ['Write', 'Read', 'Write'],
      statements: [
        {
          Effect: 'Allow',
          Action: [
            'dynamodb:GetItem',
            'dynamodb:Query',
            'dynamodb:Scan',
            'dynamodb:BatchGetItem',
            'dynamodb:ConditionCheckItem',
            'dynamodb:PartiQLSelect',
          ],
          Resource: [TABLE, `${TABLE}/index/*`],
        },
        {
          Effect: 'Allow',
          Action: [
            'dynamodb:PutItem',
            'dynamodb:UpdateItem',
            'dynamodb:DeleteItem',
            'dynamodb:BatchWriteItem',
            'dynamodb:PartiQLDelete',
            'dynamodb:PartiQLInsert',
            'dynamodb:PartiQLUpdate',
          ],
          Resource: [TABLE, `${TABLE}/index/*`],
        },
      ],
    },
    {
      destination: 'Bucket',
      permissions: ['Write'],
      statements: [
        {
          Effect: 'Allow',
          Action: [
            's3:AbortMultipartUpload',
            's3:DeleteObject',
            's3:DeleteObjectVersion',
            's3:PutObject',
            's3:PutObjectLegalHold',
            's3:PutObjectRetention',
            's3:RestoreObject',
          ],
          Resource: [BUCKET, `${BUCKET}/*`],
        },
      ],
    },
    {
      destination: 'Bus',
      permissions: ['Write'],
      statements: [
        {
          Effect: 'Allow',
          Action: ['events:PutEvents'],
          Resource: ['arn:aws:events:us-east-1:111122223333:event-bus/shop-Bus'],
        },
      ],
    },
    {
      destination: 'Child',
      permissions: ['Read'],
      statements: [
        { Effect: 'Allow', Action: ['states:DescribeExecution'], Resource: [CHILD_EXECUTIONS] },
        { Effect: 'Allow', Action: ['events:DescribeRule'], Resource: [SFN_RULE] },
      ],
    },
  ])(
    'grants $permissions on $destination as SAM does (AWS::Serverless::Connector)',
    ({ destination, permissions, statements }) => {
      const role = roleOf({
        ...destinations,
        Orders: { Type: 'AWS::Serverless::StateMachine', Properties: { DefinitionUri: 'sm.asl.json' } },
        Link: {
          Type: 'AWS::Serverless::Connector',
          Properties: { Source: { Id: 'Orders' }, Destination: { Id: destination }, Permissions: permissions },
        },
      });
      expect(role.identity).toStrictEqual([
        { name: 'LinkPolicy', document: { Version: '2012-10-17', Statement: statements } },
      ]);
    },
  );

  it('reads embedded Connectors with a list of destinations, one policy per destination as SAM names them', () => {
    const role = roleOf({
      ...destinations,
      Orders: {
        Type: 'AWS::Serverless::StateMachine',
        Properties: { DefinitionUri: 'sm.asl.json', Role: { 'Fn::GetAtt': ['OrdersRole', 'Arn'] } },
        Connectors: {
          Out: { Properties: { Destination: [{ Id: 'Queue' }, { Id: 'Topic' }], Permissions: ['Write'] } },
        },
      },
      OrdersRole: ordersRole(),
    });
    expect(
      role.identity.map((policy) => [policy.name, [policy.document.Statement].flat().map((s) => s.Action)]),
    ).toEqual([
      ['OrdersOutPolicyDestination0', [['sqs:SendMessage']]],
      ['OrdersOutPolicyDestination1', [['sns:Publish']]],
    ]);
  });

  it('reads a connector whose ends are given by Type, Arn and RoleName instead of Id', () => {
    const role = roleOf({
      OrdersRole: ordersRole(),
      Orders: stateMachine({ 'Fn::GetAtt': ['OrdersRole', 'Arn'] }),
      Link: {
        Type: 'AWS::Serverless::Connector',
        Properties: {
          Source: { Type: 'AWS::Serverless::StateMachine', Arn: SM_ARN, RoleName: { Ref: 'OrdersRole' } },
          Destination: { Type: 'AWS::SQS::Queue', Arn: { 'Fn::ImportValue': 'QueueArn' } },
          Permissions: ['Write'],
        },
      },
    });
    expect(role.identity).toStrictEqual([
      {
        name: 'LinkPolicy',
        document: {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Action: ['sqs:SendMessage'],
              Resource: ['*'],
              Condition: unresolvedCondition('Fn::ImportValue "QueueArn"'),
            },
          ],
        },
      },
    ]);
  });

  it('leaves out connectors from other resources and categories the profile does not have', () => {
    const role = roleOf({
      ...destinations,
      Orders: { Type: 'AWS::Serverless::StateMachine', Properties: { DefinitionUri: 'sm.asl.json' } },
      FromFunction: {
        Type: 'AWS::Serverless::Connector',
        Properties: { Source: { Id: 'ProcessOrder' }, Destination: { Id: 'Queue' }, Permissions: ['Write'] },
      },
      ReadQueue: {
        Type: 'AWS::Serverless::Connector',
        Properties: { Source: { Id: 'Orders' }, Destination: { Id: 'Queue' }, Permissions: ['Read'] },
      },
    });
    expect(role.identity).toEqual([]);
  });
});

describe('executionRoleOf: malformed templates', () => {
  it.each([
    { name: 'Policies that is a number', resources: { OrdersRole: ordersRole({ Policies: 42 }) } },
    {
      name: 'ManagedPolicyArns of the wrong types',
      resources: { OrdersRole: ordersRole({ ManagedPolicyArns: [7, null, { a: 1 }] }) },
    },
    {
      name: 'an AWS::IAM::Policy whose Roles is an object',
      resources: {
        OrdersRole: ordersRole(),
        P: { Type: 'AWS::IAM::Policy', Properties: { Roles: { a: 1 }, PolicyDocument: PUBLISH('*') } },
      },
    },
    {
      name: 'connectors with missing, null and numeric ends',
      resources: {
        OrdersRole: ordersRole(),
        A: { Type: 'AWS::Serverless::Connector', Properties: { Source: null, Destination: 5, Permissions: 'Write' } },
        B: {
          Type: 'AWS::Serverless::Connector',
          Properties: { Source: { Id: 'Nowhere' }, Destination: [{ Id: 'constructor' }], Permissions: ['Write'] },
        },
        C: {
          Type: 'AWS::Serverless::Connector',
          Properties: { Source: { Type: 'constructor' }, Destination: { Type: '__proto__' }, Permissions: ['Write'] },
        },
      },
    },
  ])('builds the role without throwing for $name, attaching nothing it cannot read', ({ resources }) => {
    const role = roleOf({ ...resources, Orders: stateMachine(ROLE_ARN) } as unknown as Record<string, FakeResource>);
    expect(role).toMatchObject({ roleArn: ROLE_ARN, inTemplate: true, identity: [], findings: [] });
  });

  it('stands in for an inline policy that is itself an unresolved value', () => {
    const role = roleOf({
      OrdersRole: ordersRole({ Policies: [{ 'Fn::ImportValue': 'SharedPolicy' }] }),
      Orders: stateMachine(ROLE_ARN),
    });
    expect(role.identity).toStrictEqual([
      { name: 'OrdersRole Policies[0]', document: unknownDocument('Fn::ImportValue "SharedPolicy"') },
    ]);
  });

  it('stands in for a SAM Policies entry of a shape SAM refuses, with a finding', () => {
    const model = fakeTemplateModel({
      Orders: { Type: 'AWS::Serverless::StateMachine', Properties: { Policies: [{ Two: 1, Keys: 2 }] } },
    });
    const role = executionRoleOf(model, resourceOf(model, 'Orders'));
    expect(role.identity.map((policy) => policy.name)).toEqual(['OrdersRole Policies[0]']);
    expect(role.findings.map((f) => [f.rule, f.details?.reason])).toEqual([
      ['PolicyContentUnknown', 'not a policy SAM accepts'],
    ]);
  });
});
