import { SEVERITIES, type Severity } from '../../shared/types.js';

/** How the audit function is configured, read once at cold start from its environment variables. */
export type AuditConfig = {
  /** DynamoDB table holding the last audit of each state machine and processed CloudTrail event ids. */
  stateTableName: string;
  /** `aws`: iam:SimulatePrincipalPolicy on the deployed role; `local`: the embedded evaluator over the role's policies. */
  simulator: 'aws' | 'local';
  securityHubEnabled: boolean;
  snsTopicArn?: string;
  slackSecretArn?: string;
  eventBusName?: string;
  /** SNS and Slack are told about new or worse findings at least this severe (and about "all clear"). */
  notifyMinSeverity: Severity;
  region: string;
};

/** Thrown when the environment does not describe a valid configuration; lists every problem at once. */
export class AuditConfigError extends Error {
  override readonly name = 'AuditConfigError';
  constructor(readonly problems: string[]) {
    super(`Invalid audit function configuration:\n- ${problems.join('\n- ')}`);
  }
}

const DEFAULT_MIN_SEVERITY: Severity = 'MEDIUM';
const SNS_TOPIC_ARN = /^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}(\.fifo)?$/;
const SECRET_ARN = /^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:[A-Za-z0-9/_+=.@-]+$/;
// Event bus names: https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_CreateEventBus.html
const EVENT_BUS = /^([/.\-_A-Za-z0-9]{1,256}|arn:aws[a-z-]*:events:[a-z0-9-]+:\d{12}:event-bus\/[/.\-_A-Za-z0-9]+)$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;

function optional(env: Record<string, string | undefined>, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function matching(value: string | undefined, pattern: RegExp, name: string, expected: string, problems: string[]) {
  if (value !== undefined && !pattern.test(value)) problems.push(`${name} must be ${expected}, got "${value}"`);
  return value;
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], name: string, problems: string[]) {
  if (value === undefined || (allowed as readonly string[]).includes(value)) return value as T | undefined;
  problems.push(`${name} must be one of ${allowed.join(', ')}, got "${value}"`);
  return undefined;
}

/**
 * Validates the audit function's environment (STATE_TABLE_NAME, SIMULATOR, SECURITY_HUB_ENABLED, SNS_TOPIC_ARN,
 * SLACK_SECRET_ARN, EVENT_BUS_NAME, NOTIFY_MIN_SEVERITY, AWS_REGION); empty strings count as unset, so optional
 * CloudFormation parameters can default to ''. Throws an AuditConfigError naming every problem.
 */
export function readAuditConfig(env: Record<string, string | undefined>): AuditConfig {
  const problems: string[] = [];
  const stateTableName = optional(env, 'STATE_TABLE_NAME');
  if (stateTableName === undefined) problems.push('STATE_TABLE_NAME is required (the DynamoDB state table)');
  const region = optional(env, 'AWS_REGION');
  if (region === undefined) problems.push('AWS_REGION is required (Lambda sets it)');
  else matching(region, REGION, 'AWS_REGION', 'a Region name such as eu-west-1', problems);
  const simulator = oneOf(optional(env, 'SIMULATOR')?.toLowerCase(), ['aws', 'local'] as const, 'SIMULATOR', problems);
  const hub = oneOf(
    optional(env, 'SECURITY_HUB_ENABLED')?.toLowerCase(),
    ['true', 'false'] as const,
    'SECURITY_HUB_ENABLED',
    problems,
  );
  const severity = oneOf(
    optional(env, 'NOTIFY_MIN_SEVERITY')?.toUpperCase(),
    SEVERITIES,
    'NOTIFY_MIN_SEVERITY',
    problems,
  );
  const snsTopicArn = matching(
    optional(env, 'SNS_TOPIC_ARN'),
    SNS_TOPIC_ARN,
    'SNS_TOPIC_ARN',
    'an SNS topic ARN',
    problems,
  );
  const slackSecretArn = matching(
    optional(env, 'SLACK_SECRET_ARN'),
    SECRET_ARN,
    'SLACK_SECRET_ARN',
    'a Secrets Manager secret ARN',
    problems,
  );
  const eventBusName = matching(
    optional(env, 'EVENT_BUS_NAME'),
    EVENT_BUS,
    'EVENT_BUS_NAME',
    'an event bus name or ARN',
    problems,
  );
  if (problems.length > 0) throw new AuditConfigError(problems);
  return {
    stateTableName: stateTableName as string,
    simulator: simulator ?? 'aws',
    securityHubEnabled: (hub ?? 'true') === 'true',
    notifyMinSeverity: severity ?? DEFAULT_MIN_SEVERITY,
    region: region as string,
    ...(snsTopicArn === undefined ? {} : { snsTopicArn }),
    ...(slackSecretArn === undefined ? {} : { slackSecretArn }),
    ...(eventBusName === undefined ? {} : { eventBusName }),
  };
}
