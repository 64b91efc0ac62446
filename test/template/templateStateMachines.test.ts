// biome-ignore-all lint/suspicious/noTemplateCurlyInString: CloudFormation Fn::Sub texts and DefinitionSubstitutions placeholders
import { describe, expect, it } from 'vitest';
import { type TemplateStateMachine, templateStateMachines } from '../../shared/template/templateStateMachines.js';
import { templateModelOf } from './templateModelOf.js';

const LAMBDA = 'arn:aws:states:::lambda:invoke';
const FN_ARN = 'arn:aws:lambda:eu-west-1:111122223333:function:orders';

function only(template: string | Record<string, unknown>, parameters?: Record<string, string>): TemplateStateMachine {
  const machines = templateStateMachines(templateModelOf(template, parameters === undefined ? {} : { parameters }));
  expect(machines).toHaveLength(1);
  return machines[0] as TemplateStateMachine;
}

function cfn(properties: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return {
    Parameters: { Team: { Type: 'String' } },
    Resources: {
      Fn: { Type: 'AWS::Lambda::Function', Properties: { FunctionName: 'orders' } },
      Machine: {
        Type: 'AWS::StepFunctions::StateMachine',
        Properties: { RoleArn: 'arn:aws:iam::111122223333:role/r', ...properties },
      },
      ...extra,
    },
  };
}

function sam(properties: Record<string, unknown>) {
  return {
    Transform: 'AWS::Serverless-2016-10-31',
    Resources: {
      Fn: { Type: 'AWS::Serverless::Function', Properties: { FunctionName: 'orders' } },
      Machine: { Type: 'AWS::Serverless::StateMachine', Properties: properties },
    },
  };
}

const TASK = (resource: unknown) => ({
  StartAt: 'Call',
  States: { Call: { Type: 'Task', Resource: LAMBDA, Parameters: { FunctionName: resource }, End: true } },
});

function definitionText(machine: TemplateStateMachine): unknown {
  if (machine.definition.kind !== 'text') throw new Error(`not text: ${machine.definition.kind}`);
  return JSON.parse(machine.definition.text);
}

describe('templateStateMachines', () => {
  it('serializes an inline Definition with its intrinsics resolved', () => {
    const machine = only(cfn({ Definition: TASK({ 'Fn::GetAtt': ['Fn', 'Arn'] }) }));
    expect(definitionText(machine)).toEqual(TASK(FN_ARN));
  });

  it('writes a value unknown offline as a ${…} placeholder the requirement engine reads as a hole', () => {
    const machine = only(
      cfn({ Definition: TASK({ 'Fn::Sub': 'arn:aws:lambda:eu-west-1:111122223333:function:${Team}' }) }),
    );
    expect(definitionText(machine)).toEqual(TASK('arn:aws:lambda:eu-west-1:111122223333:function:${Parameter Team}'));
    expect(machine.notes).toEqual(['Parameter Team has no Default: give it with --parameter Team=VALUE']);
  });

  it('resolves a DefinitionString Fn::Sub with a variable map', () => {
    const text = JSON.stringify(TASK('${FnArn}'));
    const machine = only(cfn({ DefinitionString: { 'Fn::Sub': [text, { FnArn: { 'Fn::GetAtt': ['Fn', 'Arn'] } }] } }));
    expect(definitionText(machine)).toEqual(TASK(FN_ARN));
  });

  it('resolves a DefinitionString Fn::Join as CDK writes it', () => {
    const [before, after] = JSON.stringify(TASK('@')).split('@');
    const machine = only(
      cfn({ DefinitionString: { 'Fn::Join': ['', [before, { 'Fn::GetAtt': ['Fn', 'Arn'] }, after]] } }),
    );
    expect(definitionText(machine)).toEqual(TASK(FN_ARN));
  });

  it.each<{ name: string; value: unknown; substituted: string | undefined; note?: string }>([
    { name: 'a GetAtt', value: { 'Fn::GetAtt': ['Fn', 'Arn'] }, substituted: FN_ARN },
    { name: 'a Ref', value: { Ref: 'Fn' }, substituted: 'orders' },
    { name: 'an Fn::Sub', value: { 'Fn::Sub': '${Fn}-x' }, substituted: 'orders-x' },
    { name: 'an integer', value: 60, substituted: '60' },
    { name: 'a boolean', value: true, substituted: 'true' },
    {
      name: 'a value unknown offline (its placeholder stays)',
      value: { Ref: 'Team' },
      substituted: undefined,
      note: 'DefinitionSubstitutions Key is not known offline; ${Key} stays a placeholder',
    },
    {
      name: 'a list (CloudFormation refuses it)',
      value: ['a'],
      substituted: undefined,
      note: 'DefinitionSubstitutions Key is not a string, an integer or a boolean; ${Key} stays',
    },
    {
      name: 'a fraction (CloudFormation refuses it)',
      value: 1.5,
      substituted: undefined,
      note: 'DefinitionSubstitutions Key is not a string, an integer or a boolean; ${Key} stays',
    },
  ])('takes a DefinitionSubstitutions value that is $name', ({ value, substituted, note }) => {
    const machine = only(cfn({ Definition: TASK('${Key}'), DefinitionSubstitutions: { Key: value } }));
    expect(machine.substitutions.get('Key')).toBe(substituted);
    if (note !== undefined) expect(machine.notes).toContain(note);
  });

  it.each<{ name: string; template: Record<string, unknown>; location: string; reason: string }>([
    {
      name: 'a DefinitionS3Location',
      template: cfn({ DefinitionS3Location: { Bucket: 'defs', Key: 'orders.json', Version: '3' } }),
      location: 's3://defs/orders.json?versionId=3',
      reason:
        'its definition is in Amazon S3 (s3://defs/orders.json?versionId=3), which an offline audit does not read',
    },
    {
      name: 'a SAM DefinitionUri in S3',
      template: sam({ DefinitionUri: 's3://defs/orders.json' }),
      location: 's3://defs/orders.json',
      reason: 'its definition is in Amazon S3 (s3://defs/orders.json), which an offline audit does not read',
    },
    {
      name: 'a SAM DefinitionUri {Bucket, Key}',
      template: sam({ DefinitionUri: { Bucket: 'defs', Key: 'orders.json' } }),
      location: 's3://defs/orders.json',
      reason: 'its definition is in Amazon S3 (s3://defs/orders.json), which an offline audit does not read',
    },
    {
      name: 'no definition at all',
      template: cfn({}),
      location: 'Machine',
      reason: 'it has no Definition, DefinitionString or DefinitionS3Location',
    },
  ])('says the definition is not available offline for $name', ({ template, location, reason }) => {
    expect(only(template).definition).toMatchObject({ kind: 'unavailable', location, reason });
  });

  it('keeps a SAM DefinitionUri local path for the caller to read', () => {
    expect(only(sam({ DefinitionUri: 'statemachine/orders.asl.json' })).definition).toEqual({
      kind: 'file',
      path: 'statemachine/orders.asl.json',
    });
  });

  it('reads the CloudFormation description fields', () => {
    const machine = only(
      cfn(
        {
          Definition: TASK('x'),
          StateMachineName: 'orders-flow',
          StateMachineType: 'EXPRESS',
          LoggingConfiguration: {
            Level: 'ALL',
            IncludeExecutionData: true,
            Destinations: [{ CloudWatchLogsLogGroup: { LogGroupArn: { 'Fn::GetAtt': ['Logs', 'Arn'] } } }],
          },
          TracingConfiguration: { Enabled: true },
          EncryptionConfiguration: {
            Type: 'CUSTOMER_MANAGED_KMS_KEY',
            KmsKeyId: { 'Fn::ImportValue': 'key' },
            KmsDataKeyReusePeriodSeconds: 300,
          },
        },
        { Logs: { Type: 'AWS::Logs::LogGroup', Properties: { LogGroupName: '/sfn/orders' } } },
      ),
    );
    expect(machine.description).toEqual({
      stateMachineArn: 'arn:aws:states:eu-west-1:111122223333:stateMachine:orders-flow',
      name: 'orders-flow',
      type: 'EXPRESS',
      loggingConfiguration: {
        level: 'ALL',
        includeExecutionData: true,
        destinations: [
          { cloudWatchLogsLogGroup: { logGroupArn: 'arn:aws:logs:eu-west-1:111122223333:log-group:/sfn/orders:*' } },
        ],
      },
      tracingConfiguration: { enabled: true },
      // An unknown key id is a `*` of the pattern, decided against the role as holes are.
      encryptionConfiguration: { type: 'CUSTOMER_MANAGED_KMS_KEY', kmsKeyId: '*', kmsDataKeyReusePeriodSeconds: 300 },
    });
  });

  it('reads the SAM description fields (Name, Type, Logging, Tracing)', () => {
    const machine = only(
      sam({
        Definition: TASK('x'),
        Name: 'flow',
        Type: 'STANDARD',
        Logging: { Level: 'OFF' },
        Tracing: { Enabled: false },
      }),
    );
    expect(machine.description).toEqual({
      stateMachineArn: 'arn:aws:states:eu-west-1:111122223333:stateMachine:flow',
      name: 'flow',
      type: 'STANDARD',
      loggingConfiguration: { level: 'OFF', destinations: [] },
      tracingConfiguration: { enabled: false },
    });
  });

  it('reads Metadata ignore entries: names and {rule, reason}', () => {
    const template = cfn({ Definition: TASK('x') });
    (template.Resources.Machine as Record<string, unknown>).Metadata = {
      'sfn-role-audit': { ignore: ['cancel', { rule: 'InferredPermission', reason: 'accepted by the platform team' }] },
    };
    expect(only(template).ignore).toEqual(['cancel', 'InferredPermission']);
  });

  it('refuses a malformed ignore entry with its line', () => {
    const text = `Resources:
  Machine:
    Type: AWS::StepFunctions::StateMachine
    Metadata:
      sfn-role-audit:
        ignore:
          - {reason: no rule}
    Properties: {Definition: {}}
`;
    expect(() => templateStateMachines(templateModelOf(text))).toThrow(
      'template.yaml at line 7, column 13: Machine Metadata sfn-role-audit: each ignore entry is a rule, purpose or finding id, or {rule: …, reason: …}',
    );
  });

  it('lists every state machine in document order with its position, each with its own notes', () => {
    const text = `Parameters:
  Team: {Type: String}
Resources:
  Second:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      Definition: {StartAt: A, States: {A: {Type: Pass, Comment: !Ref Team, End: true}}}
  Queue: {Type: AWS::SQS::Queue}
  First:
    Type: AWS::Serverless::StateMachine
    Properties: {Definition: {StartAt: A, States: {A: {Type: Pass, End: true}}}}
`;
    const machines = templateStateMachines(templateModelOf(text));
    expect(machines.map((m) => [m.resource.logicalId, m.position, m.notes])).toEqual([
      ['Second', { line: 4, column: 3 }, ['Parameter Team has no Default: give it with --parameter Team=VALUE']],
      ['First', { line: 9, column: 3 }, []],
    ]);
  });

  it('notes a state machine whose Condition cannot be decided, and a macro Transform', () => {
    const machine = only({
      Transform: ['AWS::Serverless-2016-10-31', 'MyMacro'],
      Parameters: { Env: { Type: 'String' } },
      Conditions: { IsProd: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] } },
      Resources: {
        Machine: { Type: 'AWS::Serverless::StateMachine', Condition: 'IsProd', Properties: { Definition: TASK('x') } },
      },
    });
    expect(machine.notes).toEqual([
      "the template's Transform MyMacro is not run offline: the template is audited as written",
      'Parameter Env has no Default: give it with --parameter Env=VALUE',
      'Condition IsProd cannot be decided offline',
      'Machine: its Condition IsProd cannot be decided offline; audited as if created',
    ]);
  });
});
