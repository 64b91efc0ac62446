import { describe, expect, it } from 'vitest';
import { toArchivedAsffFinding, toAsffFinding } from '../../shared/findings/toAsffFinding.js';
import { finding, reportWith } from '../aws/reports.js';

const SM = 'arn:aws:states:eu-west-1:111122223333:stateMachine:orders';
const ROLE = 'arn:aws:iam::111122223333:role/orders';
const SCOPE = { accountId: '111122223333', region: 'eu-west-1', partition: 'aws', providerVersion: '0.1.0' };

describe('toAsffFinding', () => {
  it('builds a complete ASFF finding', () => {
    const f = finding('f1');
    const asff = toAsffFinding({
      finding: f,
      report: reportWith([f]),
      scope: SCOPE,
      updatedAt: '2026-05-02T00:00:00.000Z',
    });
    expect(asff).toEqual({
      SchemaVersion: '2018-10-08',
      Id: `${SM}/f1`,
      ProductArn: 'arn:aws:securityhub:eu-west-1:111122223333:product/111122223333/default',
      GeneratorId: 'sfn-role-audit/MissingPermission',
      AwsAccountId: '111122223333',
      Types: ['Software and Configuration Checks/AWS Security Best Practices/MissingPermission'],
      CreatedAt: '2026-05-02T00:00:00.000Z',
      UpdatedAt: '2026-05-02T00:00:00.000Z',
      FirstObservedAt: '2026-05-02T00:00:00.000Z',
      LastObservedAt: '2026-05-02T00:00:00.000Z',
      Severity: { Label: 'HIGH', Original: 'HIGH' },
      FindingProviderFields: {
        Severity: { Label: 'HIGH', Original: 'HIGH' },
        Types: ['Software and Configuration Checks/AWS Security Best Practices/MissingPermission'],
      },
      Title: f.title,
      Description: `the task fails with AccessDenied. State: Charge. Actions: lambda:InvokeFunction. Resources: ${f.resources[0]}. Decision: implicitDeny (identity). Role: ${ROLE}.`,
      Remediation: {
        Recommendation: {
          Text: `Add this statement to the execution role: ${JSON.stringify(f.remediation)}`,
          Url: f.docs,
        },
      },
      ProductFields: {
        ProviderName: 'sfn-role-audit',
        ProviderVersion: '0.1.0',
        'sfn-role-audit/FindingId': 'f1',
        'sfn-role-audit/Rule': 'MissingPermission',
        'sfn-role-audit/Purpose': 'invoke',
        'sfn-role-audit/State': 'States/Charge',
        'sfn-role-audit/Integration': 'arn:aws:states:::lambda:invoke',
        'sfn-role-audit/Decision': 'implicitDeny',
        'sfn-role-audit/DeniedBy': 'identity',
        'sfn-role-audit/Actions': 'lambda:InvokeFunction',
      },
      Compliance: { Status: 'FAILED' },
      RecordState: 'ACTIVE',
      Resources: [
        {
          Type: 'AwsStepFunctionStateMachine',
          Id: SM,
          Partition: 'aws',
          Region: 'eu-west-1',
          Details: { AwsStepFunctionStateMachine: { Name: 'orders', StateMachineArn: SM, RoleArn: ROLE } },
        },
        {
          Type: 'AwsIamRole',
          Id: ROLE,
          Partition: 'aws',
          Region: 'eu-west-1',
          Details: { AwsIamRole: { RoleName: 'orders' } },
        },
      ],
    });
  });

  it('keeps Title ≤ 256, Description ≤ 1024 and Recommendation ≤ 512 characters', () => {
    const resources = Array.from({ length: 40 }, (_, i) => `arn:aws:s3:::bucket-${i}/${'k'.repeat(30)}`);
    const f = finding('f1', 'HIGH', {
      title: 't'.repeat(400),
      resources,
      remediation: { Effect: 'Allow', Action: 's3:GetObject', Resource: resources },
    });
    const asff = toAsffFinding({
      finding: f,
      report: reportWith([f]),
      scope: SCOPE,
      updatedAt: '2026-05-02T00:00:00Z',
    });
    expect(asff.Title).toHaveLength(256);
    expect(asff.Title.endsWith('…')).toBe(true);
    expect(asff.Description).toHaveLength(1024);
    expect(asff.Remediation?.Recommendation?.Text?.length).toBeLessThanOrEqual(512);
    expect(asff.Remediation?.Recommendation?.Text).toMatch(/^Allow lambda:InvokeFunction on arn:aws:s3:::bucket-0/);
  });

  it('keeps CreatedAt and FirstObservedAt of an earlier import and uses a given product ARN', () => {
    const f = finding('f1');
    const asff = toAsffFinding({
      finding: f,
      report: reportWith([f]),
      scope: { ...SCOPE, productArn: 'arn:aws:securityhub:eu-west-1:111122223333:product/111122223333/custom' },
      updatedAt: '2026-05-02T00:00:00.000Z',
      createdAt: '2026-04-01T00:00:00.000Z',
    });
    expect([asff.CreatedAt, asff.FirstObservedAt, asff.UpdatedAt, asff.ProductArn]).toEqual([
      '2026-04-01T00:00:00.000Z',
      '2026-04-01T00:00:00.000Z',
      '2026-05-02T00:00:00.000Z',
      'arn:aws:securityhub:eu-west-1:111122223333:product/111122223333/custom',
    ]);
  });
});

describe('toArchivedAsffFinding', () => {
  it('archives a stored finding whole with a newer UpdatedAt', () => {
    const f = finding('f1');
    const stored = toAsffFinding({
      finding: f,
      report: reportWith([f]),
      scope: SCOPE,
      updatedAt: '2026-04-01T00:00:00Z',
    });
    const archived = toArchivedAsffFinding({
      id: 'f1',
      severity: 'HIGH',
      report: reportWith([]),
      scope: SCOPE,
      updatedAt: '2026-05-02T00:00:00Z',
      stored,
    });
    expect(archived).toEqual({
      ...stored,
      UpdatedAt: '2026-05-02T00:00:00Z',
      RecordState: 'ARCHIVED',
      Compliance: { Status: 'PASSED' },
    });
  });

  it('builds a minimal valid finding when none is stored', () => {
    const archived = toArchivedAsffFinding({
      id: 'gone',
      severity: 'MEDIUM',
      report: reportWith([]),
      scope: SCOPE,
      updatedAt: '2026-05-02T00:00:00Z',
    });
    expect(archived).toMatchObject({
      Id: `${SM}/gone`,
      GeneratorId: 'sfn-role-audit',
      Severity: { Label: 'MEDIUM' },
      Title: 'Resolved: sfn-role-audit finding gone on orders',
      RecordState: 'ARCHIVED',
      Compliance: { Status: 'PASSED' },
      CreatedAt: '2026-05-02T00:00:00Z',
    });
    expect(archived.Resources.map((r) => r.Type)).toEqual(['AwsStepFunctionStateMachine', 'AwsIamRole']);
  });
});
