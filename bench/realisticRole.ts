/** A realistic execution role for evaluator benchmarks: 10 policies, 50 statements, many with conditions. */
import type { NamedPolicy } from '../shared/ports.js';
import type { PolicyStatement } from '../shared/types.js';

const ACCOUNT = '111122223333';

/** Five statements for the p-th policy: scoped allows, wildcard ARNs, conditions and one conditional deny. */
function statements(p: number): PolicyStatement[] {
  return [
    {
      Sid: `Invoke${p}`,
      Effect: 'Allow',
      Action: ['lambda:InvokeFunction'],
      Resource: [
        `arn:aws:lambda:us-east-1:${ACCOUNT}:function:orders-fn-${p}*`,
        `arn:aws:lambda:us-east-1:${ACCOUNT}:function:orders-fn-${p}*:*`,
      ],
    },
    {
      Sid: `Tables${p}`,
      Effect: 'Allow',
      Action: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
      Resource: `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/orders-${p}`,
      Condition: { StringEquals: { 'aws:RequestedRegion': 'us-east-1' } },
    },
    {
      Sid: `PassRole${p}`,
      Effect: 'Allow',
      Action: 'iam:PassRole',
      Resource: `arn:aws:iam::${ACCOUNT}:role/report-task-*`,
      Condition: { StringEquals: { 'iam:PassedToService': ['ecs-tasks.amazonaws.com', 'batch.amazonaws.com'] } },
    },
    {
      Sid: `Jobs${p}`,
      Effect: 'Allow',
      Action: ['ecs:RunTask', 'ecs:Describe*', 'batch:Submit*', 'glue:StartJobRun', 'glue:GetJobRun*'],
      Resource: '*',
      Condition: { StringLike: { 'aws:RequestedRegion': ['us-*', 'eu-*'] } },
    },
    {
      Sid: `DenyOutsideRegions${p}`,
      Effect: 'Deny',
      NotAction: ['iam:*', 'sts:*', 'cloudfront:*'],
      Resource: '*',
      Condition: { StringNotEqualsIfExists: { 'aws:RequestedRegion': ['us-east-1', 'us-west-2', 'eu-west-1'] } },
    },
  ];
}

/** The ten identity policies of the benchmark role. */
export function buildRealisticRole(): NamedPolicy[] {
  return Array.from({ length: 10 }, (_, p) => ({
    name: `policy-${p}`,
    document: { Version: '2012-10-17', Statement: statements(p) },
  }));
}
