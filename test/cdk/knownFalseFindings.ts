import type { Purpose } from '../../shared/types.js';

/**
 * A MissingPermission the audit reports on a CDK-generated role although AWS documents no such need (or documents
 * it on another resource): a derivation defect for the requirements engine to fix. `granted` is what CDK's role
 * allows for the action, for the fix.
 */
export type FalseFinding = {
  /** The cross-check case (CROSS_CHECK_CASES `name`). */
  name: string;
  purpose: Purpose;
  action: string;
  /** The resources the audit asked for. */
  required: string[];
  /** The Resource patterns CDK's role allows the action on (empty: CDK grants the action nowhere). */
  granted: string[];
  /** Why it is false, with the AWS page. */
  why: string;
};

const ATHENA_SYNC_POLL_WHY =
  'https://docs.aws.amazon.com/step-functions/latest/dg/athena-iam.html lists, for startQueryExecution.sync, only startQueryExecution, stopQueryExecution, getQueryExecution and getDataCatalog; Step Functions polls with getQueryExecution, which CDK grants. The catalogue note says a newer template adds these four actions: if an AWS page confirms it, move them to UNDER_GRANTS.';
const ATHENA_WORKGROUP = 'arn:aws:athena:eu-west-1:111122223333:workgroup/primary';
/**
 * The false MissingPermission findings the cross-check sees today. The suite asserts the set of false findings equals
 * this list exactly: the requirements-engine owner removes an entry when the fix lands, and a new false finding
 * (a regression) fails the suite until it is fixed or listed here.
 */
export const KNOWN_FALSE_FINDINGS: FalseFinding[] = [
  ...[
    'athena:GetWorkGroup',
    'athena:BatchGetQueryExecution',
    'athena:GetQueryResults',
    'athena:ListQueryExecutions',
  ].map((action) => ({
    name: 'AthenaStartQueryExecution RUN_JOB',
    purpose: 'poll' as const,
    action,
    required: [ATHENA_WORKGROUP],
    granted: [],
    why: ATHENA_SYNC_POLL_WHY,
  })),
  {
    name: 'CallAwsService secretsmanager getSecretValue',
    purpose: 'invoke',
    action: 'secretsmanager:GetSecretValue',
    required: ['arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/db'],
    granted: ['arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/db-??????'],
    why: 'SecretId "prod/db" is a name without the six-character suffix Secrets Manager appends, so the authorized resource is secret:prod/db-?????? (a secret-suffix hole), which CDK grants exactly (https://docs.aws.amazon.com/secretsmanager/latest/userguide/auth-and-access_examples.html#auth-and-access_examples_wildcard).',
  },
];
