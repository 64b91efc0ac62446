import { describe, expect, it } from 'vitest';
import { AuditConfigError, readAuditConfig } from '../../../functions/audit/readAuditConfig.js';

const MINIMAL = { STATE_TABLE_NAME: 'sfn-role-audit-state', AWS_REGION: 'eu-west-1' };

function problemsOf(env: Record<string, string | undefined>): string[] {
  try {
    readAuditConfig(env);
  } catch (error) {
    if (error instanceof AuditConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('readAuditConfig', () => {
  it('defaults to the aws simulator, Security Hub on, MEDIUM threshold and no optional sinks', () => {
    expect(readAuditConfig(MINIMAL)).toEqual({
      stateTableName: 'sfn-role-audit-state',
      simulator: 'aws',
      securityHubEnabled: true,
      notifyMinSeverity: 'MEDIUM',
      region: 'eu-west-1',
    });
  });

  it('reads every variable and treats empty optional values as unset', () => {
    const config = readAuditConfig({
      ...MINIMAL,
      SIMULATOR: 'local',
      SECURITY_HUB_ENABLED: 'false',
      SNS_TOPIC_ARN: 'arn:aws:sns:eu-west-1:111122223333:sfn-role-audit-findings',
      SLACK_SECRET_ARN: '',
      EVENT_BUS_NAME: 'default',
      NOTIFY_MIN_SEVERITY: 'high',
    });
    expect(config).toEqual({
      stateTableName: 'sfn-role-audit-state',
      simulator: 'local',
      securityHubEnabled: false,
      notifyMinSeverity: 'HIGH',
      region: 'eu-west-1',
      snsTopicArn: 'arn:aws:sns:eu-west-1:111122223333:sfn-role-audit-findings',
      eventBusName: 'default',
    });
  });

  it.each([
    {
      name: 'no table',
      env: { AWS_REGION: 'eu-west-1' },
      problem: 'STATE_TABLE_NAME is required (the DynamoDB state table)',
    },
    { name: 'no Region', env: { STATE_TABLE_NAME: 't' }, problem: 'AWS_REGION is required (Lambda sets it)' },
    {
      name: 'a bad simulator',
      env: { ...MINIMAL, SIMULATOR: 'moto' },
      problem: 'SIMULATOR must be one of aws, local, got "moto"',
    },
    {
      name: 'a bad boolean',
      env: { ...MINIMAL, SECURITY_HUB_ENABLED: 'yes' },
      problem: 'SECURITY_HUB_ENABLED must be one of true, false, got "yes"',
    },
    {
      name: 'a bad severity',
      env: { ...MINIMAL, NOTIFY_MIN_SEVERITY: 'URGENT' },
      problem: 'NOTIFY_MIN_SEVERITY must be one of CRITICAL, HIGH, MEDIUM, LOW, INFORMATIONAL, got "URGENT"',
    },
    {
      name: 'a topic name instead of an ARN',
      env: { ...MINIMAL, SNS_TOPIC_ARN: 'findings' },
      problem: 'SNS_TOPIC_ARN must be an SNS topic ARN, got "findings"',
    },
    {
      name: 'a parameter ARN as the Slack secret',
      env: { ...MINIMAL, SLACK_SECRET_ARN: 'arn:aws:ssm:eu-west-1:111122223333:parameter/slack' },
      problem:
        'SLACK_SECRET_ARN must be a Secrets Manager secret ARN, got "arn:aws:ssm:eu-west-1:111122223333:parameter/slack"',
    },
    {
      name: 'a bus name with spaces',
      env: { ...MINIMAL, EVENT_BUS_NAME: 'my bus' },
      problem: 'EVENT_BUS_NAME must be an event bus name or ARN, got "my bus"',
    },
  ])('rejects $name', ({ env, problem }) => {
    expect(problemsOf(env)).toEqual([problem]);
  });

  it('lists every problem in one error', () => {
    expect(() => readAuditConfig({ SIMULATOR: 'x' })).toThrowError(
      /STATE_TABLE_NAME is required[\s\S]*AWS_REGION is required[\s\S]*SIMULATOR must be one of aws, local/,
    );
  });
});
