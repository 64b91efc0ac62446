import { describe, expect, it } from 'vitest';
import { extractStateMachine } from './extractStateMachine.js';
import type { CfnTemplate } from './resolveIntrinsics.js';

const statement = (resource: unknown) => ({ Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: resource });

function template(roleProperties: Record<string, unknown> = {}): CfnTemplate {
  return {
    Resources: {
      Fn: { Type: 'AWS::Lambda::Function', Properties: { FunctionName: 'orders' } },
      Logs: { Type: 'AWS::Logs::LogGroup', Properties: { LogGroupName: '/aws/vendedlogs/states/orders' } },
      Role: { Type: 'AWS::IAM::Role', Properties: { ...roleProperties } },
      Other: { Type: 'AWS::IAM::Role', Properties: {} },
      RolePolicy: {
        Type: 'AWS::IAM::Policy',
        Properties: {
          PolicyName: 'RolePolicy',
          Roles: [{ Ref: 'Role' }],
          PolicyDocument: { Version: '2012-10-17', Statement: [statement({ 'Fn::GetAtt': ['Fn', 'Arn'] })] },
        },
      },
      OtherPolicy: {
        Type: 'AWS::IAM::Policy',
        Properties: { Roles: [{ Ref: 'Other' }], PolicyDocument: { Statement: [statement('*')] } },
      },
      Machine: {
        Type: 'AWS::StepFunctions::StateMachine',
        Properties: {
          StateMachineName: 'orders',
          RoleArn: { 'Fn::GetAtt': ['Role', 'Arn'] },
          DefinitionString: {
            'Fn::Join': [
              '',
              ['{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"', { Ref: 'Fn' }, '","End":true}}}'],
            ],
          },
          LoggingConfiguration: {
            Level: 'ALL',
            IncludeExecutionData: true,
            Destinations: [{ CloudWatchLogsLogGroup: { LogGroupArn: { 'Fn::GetAtt': ['Logs', 'Arn'] } } }],
          },
          TracingConfiguration: { Enabled: true },
        },
      },
    },
  };
}

describe('extractStateMachine', () => {
  it('resolves the definition, ARNs, logging and tracing of the state machine', () => {
    const { description } = extractStateMachine(template(), 'Machine');
    expect(description).toEqual({
      stateMachineArn: 'arn:aws:states:eu-west-1:111122223333:stateMachine:orders',
      name: 'orders',
      roleArn: 'arn:aws:iam::111122223333:role/CdkCrossCheck-Role',
      type: 'STANDARD',
      definition: '{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"orders","End":true}}}',
      loggingConfiguration: {
        level: 'ALL',
        includeExecutionData: true,
        destinations: [
          {
            cloudWatchLogsLogGroup: {
              logGroupArn: 'arn:aws:logs:eu-west-1:111122223333:log-group:/aws/vendedlogs/states/orders:*',
            },
          },
        ],
      },
      tracingConfiguration: { enabled: true },
    });
  });

  it('takes the policies attached to its role and the role inline policies, and no other role policies', () => {
    const inline = { PolicyName: 'Inline', PolicyDocument: { Statement: [statement({ Ref: 'AWS::Region' })] } };
    const { policies } = extractStateMachine(template({ Policies: [inline] }), 'Machine');
    expect(policies).toEqual([
      { name: 'Role/Inline', document: { Statement: [statement('eu-west-1')] } },
      {
        name: 'RolePolicy',
        document: {
          Version: '2012-10-17',
          Statement: [statement('arn:aws:lambda:eu-west-1:111122223333:function:orders')],
        },
      },
    ]);
  });

  it('fails on a role with managed policies whose documents the template lacks', () => {
    const t = template({ ManagedPolicyArns: ['arn:aws:iam::aws:policy/AdministratorAccess'] });
    expect(() => extractStateMachine(t, 'Machine')).toThrow(/managed policies/);
  });

  it('fails on a RoleArn that is not a role of the template', () => {
    const t = template();
    (t.Resources.Machine!.Properties as Record<string, unknown>).RoleArn = 'arn:aws:iam::111122223333:role/x';
    expect(() => extractStateMachine(t, 'Machine')).toThrow(/RoleArn is not a role of the template/);
  });

  it('fails on a logical id that is not a state machine', () => {
    expect(() => extractStateMachine(template(), 'Fn')).toThrow(/not a state machine/);
  });
});
