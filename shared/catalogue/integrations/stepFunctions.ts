// biome-ignore-all lint/suspicious/noTemplateCurlyInString: catalogue templates use ${…} placeholders
import type { Integration, PermissionSpec } from '../types.js';

const INVOKE_START_EXECUTION = {
  purpose: 'invoke',
  actions: ['states:StartExecution'],
  staticResources: ['${Param:StateMachineArn}'],
  dynamicResources: ['*'],
  parameterFields: ['StateMachineArn'],
  // Authorized on the state machine ARN as given (a version or alias ARN is checked as that qualified ARN); a
  // run-time ARN is any state machine of any Region and account.
  // https://docs.aws.amazon.com/step-functions/latest/dg/auth-version-alias.html
  authorized: {
    'states:StartExecution': ['arn:${Partition}:states:${Region}:${Account}:stateMachine:${Param:StateMachineArn}'],
  },
  note: 'No dynamic template is documented; the general rule gives "*".',
} satisfies PermissionSpec;

const POLL_DESCRIBE_EXECUTION = {
  purpose: 'poll',
  actions: ['states:DescribeExecution'],
  staticResources: ['arn:${Partition}:states:${Region}:${Account}:execution:${Param:StateMachineArn#name}:*'],
  dynamicResources: ['*'],
  parameterFields: ['StateMachineArn'],
  note: 'Needs the execution ARN (execution:<name>:*), not the state machine ARN (page warning).',
} satisfies PermissionSpec;

const CANCEL_STOP_EXECUTION = {
  purpose: 'cancel',
  actions: ['states:StopExecution'],
  staticResources: ['arn:${Partition}:states:${Region}:${Account}:execution:${Param:StateMachineArn#name}:*'],
  dynamicResources: ['*'],
  parameterFields: ['StateMachineArn'],
} satisfies PermissionSpec;

const EVENTS_FOR_STEP_FUNCTIONS_EXECUTION_RULE = {
  purpose: 'events',
  actions: ['events:PutTargets', 'events:PutRule', 'events:DescribeRule'],
  staticResources: [
    'arn:${Partition}:events:${Region}:${Account}:rule/StepFunctionsGetEventsForStepFunctionsExecutionRule',
  ],
  dynamicResources: [
    'arn:${Partition}:events:${Region}:${Account}:rule/StepFunctionsGetEventsForStepFunctionsExecutionRule',
  ],
  parameterFields: [],
  managedRule: 'StepFunctionsGetEventsForStepFunctionsExecutionRule',
  note: 'Account-wide managed rule through which Step Functions hears that the job finished; without it completion is only seen by polling.',
} satisfies PermissionSpec;

/** Nested Step Functions executions (StartExecution) in all four patterns. */
export const STEP_FUNCTIONS_INTEGRATIONS: readonly Integration[] = [
  {
    resource: 'arn:aws:states:::states:startExecution',
    service: 'states',
    api: 'StartExecution',
    pattern: 'request-response',
    kind: 'task',
    permissions: [INVOKE_START_EXECUTION],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-stepfunctions.html#stepfunctions-iam',
    docStatus: 'documented',
  },
  {
    resource: 'arn:aws:states:::states:startExecution.waitForTaskToken',
    service: 'states',
    api: 'StartExecution',
    pattern: 'callback',
    kind: 'task',
    permissions: [INVOKE_START_EXECUTION],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-stepfunctions.html#stepfunctions-iam',
    docStatus: 'documented',
  },
  {
    resource: 'arn:aws:states:::states:startExecution.sync',
    service: 'states',
    api: 'StartExecution',
    pattern: 'sync',
    kind: 'task',
    permissions: [
      INVOKE_START_EXECUTION,
      POLL_DESCRIBE_EXECUTION,
      CANCEL_STOP_EXECUTION,
      EVENTS_FOR_STEP_FUNCTIONS_EXECUTION_RULE,
    ],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-stepfunctions.html#stepfunctions-iam',
    docStatus: 'documented',
    notes: [
      'Nested Express workflows are called with aws-sdk:sfn:startSyncExecution (states:StartSyncExecution), not .sync.',
      'Cross-account .sync polls only; the target role needs the poll permissions.',
    ],
  },
  {
    resource: 'arn:aws:states:::states:startExecution.sync:2',
    service: 'states',
    api: 'StartExecution',
    pattern: 'sync2',
    kind: 'task',
    permissions: [
      INVOKE_START_EXECUTION,
      POLL_DESCRIBE_EXECUTION,
      CANCEL_STOP_EXECUTION,
      EVENTS_FOR_STEP_FUNCTIONS_EXECUTION_RULE,
    ],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-stepfunctions.html#stepfunctions-iam',
    docStatus: 'documented',
    notes: [
      'Nested Express workflows are called with aws-sdk:sfn:startSyncExecution (states:StartSyncExecution), not .sync.',
      'Cross-account .sync polls only; the target role needs the poll permissions.',
    ],
  },
];
