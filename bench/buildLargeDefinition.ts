/**
 * Builds a large, realistic state machine definition for benchmarks: mixed integrations, Parallel branches, inline
 * and Distributed Maps, JSONPath and JSONata states, static and dynamic fields.
 */

type State = Record<string, unknown>;

const ACCOUNT = '111122223333';
const REGION = 'us-east-1';

/** The ten kinds of Task state `taskState` builds, by number (0 Lambda … 9 JSONata Lambda). */
export const ALL_TASK_KINDS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] as const;

/** The `.sync` kinds (ECS, Batch, Glue, nested Step Functions): the most permissions, hence findings, per state. */
export const SYNC_TASK_KINDS = [2, 3, 6, 8] as const;

/** One Task state of kind `kind` (numbered i), with a realistic amount of payload around the fields that matter. */
function taskState(i: number, kind: number, next: string | undefined): State {
  const end = next === undefined ? { End: true } : { Next: next };
  const payload = { 'orderId.$': '$.order.id', 'customer.$': '$.order.customer', attempt: i, note: `step ${i}` };
  const retry = [{ ErrorEquals: ['States.TaskFailed'], IntervalSeconds: 2, MaxAttempts: 3, BackoffRate: 2 }];
  switch (kind) {
    case 0:
      return {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke',
        Parameters: { FunctionName: `orders-fn-${i % 97}`, Payload: payload },
        Retry: retry,
        ...end,
      };
    case 1:
      return {
        Type: 'Task',
        Resource: 'arn:aws:states:::dynamodb:putItem',
        Parameters: { TableName: `orders-${i % 13}`, Item: { pk: { 'S.$': '$.order.id' }, sk: { S: `v${i}` } } },
        ...end,
      };
    case 2:
      return {
        Type: 'Task',
        Resource: 'arn:aws:states:::ecs:runTask.sync',
        Parameters: {
          Cluster: `arn:aws:ecs:${REGION}:${ACCOUNT}:cluster/batch`,
          TaskDefinition: `report-${i % 7}`,
          LaunchType: 'FARGATE',
          Overrides: {
            TaskRoleArn: `arn:aws:iam::${ACCOUNT}:role/report-task-${i % 7}`,
            ContainerOverrides: [{ Name: 'app', 'Command.$': '$.cmd' }],
          },
        },
        ...end,
      };
    case 3:
      return {
        Type: 'Task',
        Resource: 'arn:aws:states:::batch:submitJob.sync',
        Parameters: { JobName: `job-${i}`, JobQueue: 'queue', JobDefinition: 'def:3', 'Parameters.$': '$.params' },
        ...end,
      };
    case 4:
      return {
        Type: 'Task',
        Resource: 'arn:aws:states:::sqs:sendMessage',
        Parameters: { QueueUrl: `https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/q-${i % 11}`, 'MessageBody.$': '$' },
        ...end,
      };
    case 5:
      return {
        Type: 'Task',
        Resource: 'arn:aws:states:::sns:publish.waitForTaskToken',
        Parameters: { TopicArn: `arn:aws:sns:${REGION}:${ACCOUNT}:approvals`, Message: { 'token.$': '$$.Task.Token' } },
        HeartbeatSeconds: 600,
        ...end,
      };
    case 6:
      return {
        Type: 'Task',
        Resource: 'arn:aws:states:::glue:startJobRun.sync',
        Parameters: { JobName: `etl-${i % 5}`, 'Arguments.$': '$.glueArgs' },
        ...end,
      };
    case 7:
      return {
        Type: 'Task',
        Resource: 'arn:aws:states:::aws-sdk:s3:getObject',
        Parameters: { Bucket: 'orders-archive', 'Key.$': '$.key' },
        ...end,
      };
    case 8:
      return {
        Type: 'Task',
        Resource: 'arn:aws:states:::states:startExecution.sync:2',
        Parameters: {
          StateMachineArn: `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:child-${i % 3}`,
          'Input.$': '$',
        },
        ...end,
      };
    default:
      return {
        Type: 'Task',
        QueryLanguage: 'JSONata',
        Resource: 'arn:aws:states:::lambda:invoke',
        Arguments: { FunctionName: '{% $states.input.fn %}', Payload: '{% $states.input %}' },
        Output: '{% $states.result.Payload %}',
        ...end,
      };
  }
}

/** A chain of `count` states named with `prefix`, alternating tasks with Pass/Choice/Wait states. */
function chain(prefix: string, count: number, start: number, kinds: readonly number[]): Record<string, State> {
  const states: Record<string, State> = {};
  for (let k = 0; k < count; k++) {
    const name = `${prefix}-${k}`;
    const next = k + 1 < count ? `${prefix}-${k + 1}` : undefined;
    const i = start + k;
    if (i % 7 === 6 && next !== undefined) {
      states[name] = {
        Type: 'Choice',
        Choices: [{ Variable: '$.ok', BooleanEquals: true, Next: next }],
        Default: next,
      };
    } else if (i % 11 === 10 && next !== undefined) {
      states[name] = { Type: 'Pass', Result: { step: i }, ResultPath: '$.pass', Next: next };
    } else {
      states[name] = taskState(i, kinds[i % kinds.length] ?? 0, next);
    }
  }
  return states;
}

/**
 * Builds a definition of about `targetStates` states (≈ 200 bytes each), its Task states cycling through `taskKinds`
 * (by default all ten kinds, the analysis benchmark's mix).
 */
export function buildLargeDefinition(
  targetStates = 5_000,
  taskKinds: readonly number[] = ALL_TASK_KINDS,
): Record<string, unknown> {
  const groupSize = 40;
  const groups = Math.max(1, Math.floor(targetStates / (groupSize + 1)));
  const top: Record<string, State> = {};
  let counter = 0;
  for (let g = 0; g < groups; g++) {
    const name = `Group ${g}`;
    const next = g + 1 < groups ? `Group ${g + 1}` : undefined;
    const end = next === undefined ? { End: true } : { Next: next };
    const inner = chain(`g${g}`, groupSize, counter, taskKinds);
    counter += groupSize;
    const body = { StartAt: `g${g}-0`, States: inner };
    if (g % 3 === 0) {
      top[name] = { Type: 'Parallel', Branches: [body], ResultPath: '$.parallel', ...end };
    } else if (g % 3 === 1) {
      top[name] = {
        Type: 'Map',
        ItemsPath: '$.items',
        MaxConcurrency: 5,
        ItemProcessor: { ProcessorConfig: { Mode: 'INLINE' }, ...body },
        ...end,
      };
    } else {
      top[name] = {
        Type: 'Map',
        ItemReader: {
          Resource: 'arn:aws:states:::s3:listObjectsV2',
          Parameters: { Bucket: 'orders-input', Prefix: `batch-${g}/` },
        },
        ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, ...body },
        ResultWriter: {
          Resource: 'arn:aws:states:::s3:putObject',
          Parameters: { Bucket: 'orders-results', Prefix: `run-${g}` },
        },
        MaxConcurrency: 100,
        ...end,
      };
    }
  }
  return { Comment: 'Benchmark definition', StartAt: 'Group 0', States: top };
}

/**
 * A flat definition of `count` Task states in which every state names its own function, table, cluster or queue
 * (Lambda, DynamoDB, ECS `.sync`, SQS in turn): no two states share inputs, so no requirement comes from the memo —
 * the analysis's worst case, where buildLargeDefinition's repeated names are its best.
 */
export function buildDistinctDefinition(count = 4_000): Record<string, unknown> {
  const states: Record<string, State> = {};
  for (let i = 0; i < count; i++) {
    const end = i + 1 < count ? { Next: `s${i + 1}` } : { End: true };
    const parameters = [
      { FunctionName: `fn-${i}`, 'Payload.$': '$' },
      { TableName: `table-${i}`, Item: { pk: { 'S.$': '$.id' } } },
      { Cluster: `cluster-${i}`, TaskDefinition: `task-${i}` },
      { QueueUrl: `https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/queue-${i}`, 'MessageBody.$': '$' },
    ][i % 4];
    const resource = [
      'arn:aws:states:::lambda:invoke',
      'arn:aws:states:::dynamodb:putItem',
      'arn:aws:states:::ecs:runTask.sync',
      'arn:aws:states:::sqs:sendMessage',
    ][i % 4];
    states[`s${i}`] = { Type: 'Task', Resource: resource, Parameters: parameters, ...end };
  }
  return { Comment: 'Benchmark definition: every state distinct', StartAt: 's0', States: states };
}
