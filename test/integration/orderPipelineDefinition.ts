/**
 * The moto tests' state machine: a Lambda invoke, then an ECS runTask.sync task in `region` and `account`. A role that
 * may only run the two calls lacks the `.sync` task's poll, events and cancel permissions: three findings.
 */
export function orderPipelineDefinition(region: string, account: string): string {
  return JSON.stringify({
    StartAt: 'Charge',
    States: {
      Charge: {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke',
        Parameters: { FunctionName: `arn:aws:lambda:${region}:${account}:function:ChargeCard`, 'Payload.$': '$' },
        Next: 'Report',
      },
      Report: {
        Type: 'Task',
        Resource: 'arn:aws:states:::ecs:runTask.sync',
        Parameters: {
          Cluster: `arn:aws:ecs:${region}:${account}:cluster/main`,
          TaskDefinition: `arn:aws:ecs:${region}:${account}:task-definition/report:3`,
          LaunchType: 'FARGATE',
        },
        End: true,
      },
    },
  });
}
