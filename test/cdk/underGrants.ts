import type { Purpose, Rule, Severity } from '../../shared/types.js';
import type { Pattern } from './crossCheckCases.js';

/** A permission AWS documents as needed that the role CDK generates lacks: the audit must report it, exactly so. */
export type UnderGrant = {
  /** The cross-check case (CROSS_CHECK_CASES `name`) whose role lacks it. */
  name: string;
  construct: string;
  pattern: Pattern;
  action: string;
  /** The AWS page that documents the need. */
  source: string;
  /** What CDK's source does, with the file it comes from (node_modules/aws-cdk-lib/aws-stepfunctions-tasks/lib). */
  cdk: string;
  expected: { rule: Rule; purpose: Purpose; severity: Severity };
};

const BATCH_PAGE = 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-batch.html';
const BATCH_CDK =
  'batch/submit-job.js: SubmitJob on the job definition and queue; for RUN_JOB only the events rule StepFunctionsGetEventsForBatchJobsRule';
const ATHENA_PAGE = 'https://docs.aws.amazon.com/step-functions/latest/dg/athena-iam.html';
const LOGS_PAGE = 'https://docs.aws.amazon.com/step-functions/latest/dg/cw-logs.html';
const LOGS_CDK =
  'aws-stepfunctions/lib/state-machine.js: logs:CreateLogDelivery, GetLogDelivery, UpdateLogDelivery, DeleteLogDelivery, ListLogDeliveries, PutResourcePolicy, DescribeResourcePolicies, DescribeLogGroups on *';

const batchSync = (name: string): UnderGrant[] => [
  {
    name,
    construct: 'BatchSubmitJob',
    pattern: 'RUN_JOB',
    action: 'batch:DescribeJobs',
    source: BATCH_PAGE,
    cdk: BATCH_CDK,
    // The managed rule still delivers completion events, so the task completes: MEDIUM, not CRITICAL.
    expected: { rule: 'MissingPermission', purpose: 'poll', severity: 'MEDIUM' },
  },
  {
    name,
    construct: 'BatchSubmitJob',
    pattern: 'RUN_JOB',
    action: 'batch:TerminateJob',
    source: BATCH_PAGE,
    cdk: BATCH_CDK,
    expected: { rule: 'MissingPermission', purpose: 'cancel', severity: 'MEDIUM' },
  },
];

/**
 * Where CDK under-grants by AWS's own documentation, verified against CDK 2.276.0's source and the AWS page: the
 * only MissingPermission findings the CDK-generated roles may have once the derivation is exact.
 */
export const UNDER_GRANTS: UnderGrant[] = [
  ...batchSync('BatchSubmitJob RUN_JOB static'),
  ...batchSync('BatchSubmitJob RUN_JOB dynamic'),
  {
    name: 'AthenaStartQueryExecution RUN_JOB',
    construct: 'AthenaStartQueryExecution',
    pattern: 'RUN_JOB',
    action: 'athena:stopQueryExecution',
    source: ATHENA_PAGE,
    cdk: 'athena/start-query-execution.js: getDataCatalog, startQueryExecution, getQueryExecution on the workgroup and data catalog; no stopQueryExecution',
    expected: { rule: 'MissingPermission', purpose: 'cancel', severity: 'MEDIUM' },
  },
  ...['logs:CreateLogStream', 'logs:PutLogEvents'].map((action) => ({
    name: 'LambdaInvoke with logging and tracing',
    construct: 'StateMachine logs+tracing',
    pattern: 'REQUEST_RESPONSE' as const,
    action,
    source: LOGS_PAGE,
    cdk: LOGS_CDK,
    expected: { rule: 'MissingPermission' as const, purpose: 'logging' as const, severity: 'MEDIUM' as const },
  })),
];
