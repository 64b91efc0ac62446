// biome-ignore-all lint/suspicious/noTemplateCurlyInString: catalogue templates use ${…} placeholders
import type { Integration, PermissionSpec } from '../types.js';

// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html#ECS-RunTask-request-taskDefinition
const INVOKE_RUN_TASK = {
  purpose: 'invoke',
  actions: ['ecs:RunTask'],
  staticResources: ['arn:${Partition}:ecs:${Region}:${Account}:task-definition/${Param:TaskDefinition}'],
  dynamicResources: ['*'],
  parameterFields: ['TaskDefinition'],
  note: 'TaskDefinition may be family, family:revision or an ARN. ECS authorises a family-only value against the latest ACTIVE revision, so it needs task-definition/<family>:* (or that revision); the bare family never matches.',
} satisfies PermissionSpec;

const PASSROLE_PASS_ROLE = {
  purpose: 'passrole',
  actions: ['iam:PassRole'],
  staticResources: [
    '${TaskDefinition.taskRoleArn}',
    '${TaskDefinition.executionRoleArn}',
    '${Param:Overrides.TaskRoleArn}',
    '${Param:Overrides.ExecutionRoleArn}',
  ],
  dynamicResources: ['*'],
  parameterFields: ['Overrides.TaskRoleArn', 'Overrides.ExecutionRoleArn'],
  note: 'Not in the generated template: the page asks for PassRole on the task role, task execution role and any override. Roles registered in the task definition are invisible in the state machine definition.',
} satisfies PermissionSpec;

/** Amazon ECS/Fargate RunTask in all three patterns. */
export const ECS_INTEGRATIONS: readonly Integration[] = [
  {
    resource: 'arn:aws:states:::ecs:runTask',
    service: 'ecs',
    api: 'RunTask',
    pattern: 'request-response',
    kind: 'task',
    permissions: [INVOKE_RUN_TASK, PASSROLE_PASS_ROLE],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-ecs.html#ecs-iam',
    docStatus: 'documented',
    notes: ["The ':*' rule for a family-only TaskDefinition is documented ECS behaviour."],
  },
  {
    resource: 'arn:aws:states:::ecs:runTask.waitForTaskToken',
    service: 'ecs',
    api: 'RunTask',
    pattern: 'callback',
    kind: 'task',
    permissions: [INVOKE_RUN_TASK, PASSROLE_PASS_ROLE],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-ecs.html#ecs-iam',
    docStatus: 'documented',
    notes: ["The ':*' rule for a family-only TaskDefinition is documented ECS behaviour."],
  },
  {
    resource: 'arn:aws:states:::ecs:runTask.sync',
    service: 'ecs',
    api: 'RunTask',
    pattern: 'sync',
    kind: 'task',
    permissions: [
      INVOKE_RUN_TASK,
      {
        purpose: 'poll',
        actions: ['ecs:DescribeTasks'],
        staticResources: ['*'],
        dynamicResources: ['*'],
        parameterFields: ['Cluster'],
        note: 'The template grants "*"; ECS authorizes DescribeTasks on task/CLUSTER/TASK_ID, whose id is only known after RunTask.',
      },
      {
        purpose: 'cancel',
        actions: ['ecs:StopTask'],
        staticResources: ['*'],
        dynamicResources: ['*'],
        parameterFields: ['Cluster'],
        note: '"*" in the template; ECS authorizes StopTask on task/CLUSTER/TASK_ID, and only tasks Step Functions started are stopped.',
      },
      {
        purpose: 'events',
        actions: ['events:PutTargets', 'events:PutRule', 'events:DescribeRule'],
        staticResources: ['arn:${Partition}:events:${Region}:${Account}:rule/StepFunctionsGetEventsForECSTaskRule'],
        dynamicResources: ['arn:${Partition}:events:${Region}:${Account}:rule/StepFunctionsGetEventsForECSTaskRule'],
        parameterFields: [],
        managedRule: 'StepFunctionsGetEventsForECSTaskRule',
        note: 'Account-wide managed rule through which Step Functions hears that the job finished; without it completion is only seen by polling.',
      },
      PASSROLE_PASS_ROLE,
    ],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-ecs.html#ecs-iam',
    docStatus: 'documented',
    notes: ["The ':*' rule for a family-only TaskDefinition is documented ECS behaviour."],
  },
];
