// biome-ignore-all lint/suspicious/noTemplateCurlyInString: catalogue templates use ${…} placeholders
import type { Integration } from '../types.js';

/** The HTTP Task (arn:aws:states:::http:invoke) and its EventBridge connection. */
export const HTTP_TASK_INTEGRATIONS: readonly Integration[] = [
  {
    resource: 'arn:aws:states:::http:invoke',
    service: 'states',
    api: 'InvokeHTTPEndpoint (HTTP Task)',
    pattern: 'request-response',
    kind: 'task',
    permissions: [
      {
        purpose: 'http',
        actions: ['states:InvokeHTTPEndpoint'],
        staticResources: ['arn:${Partition}:states:${Region}:${Account}:stateMachine:${StateMachineName}'],
        dynamicResources: ['arn:${Partition}:states:${Region}:${Account}:stateMachine:${StateMachineName}'],
        parameterFields: ['ApiEndpoint', 'Method'],
        condition: {
          StringEquals: {
            'states:HTTPMethod': '${Param:Method}',
          },
          StringLike: {
            'states:HTTPEndpoint': '${Param:ApiEndpoint}*',
          },
        },
        note: "Resource is the state machine's own ARN; the page pins the method (StringEquals) and endpoint (StringLike prefix). With runtime Method/ApiEndpoint the condition can only be widened.",
      },
      // Unconfirmed dynamic form: any connection of the account, the narrowest ARN that still covers a runtime value.
      {
        purpose: 'http',
        actions: ['events:RetrieveConnectionCredentials'],
        staticResources: ['${Param:Authentication.ConnectionArn}', '${Param:InvocationConfig.ConnectionArn}'],
        dynamicResources: ['arn:${Partition}:events:${Region}:${Account}:connection/*'],
        parameterFields: ['Authentication.ConnectionArn', 'InvocationConfig.ConnectionArn'],
        note: 'The EventBridge connection (connection/<name>/<uuid>); InvocationConfig is preferred over Authentication. The dynamic form is not documented.',
      },
      {
        purpose: 'http',
        actions: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
        staticResources: ['arn:${Partition}:secretsmanager:*:*:secret:events!connection/*'],
        dynamicResources: ['arn:${Partition}:secretsmanager:*:*:secret:events!connection/*'],
        parameterFields: [],
        note: 'The secret EventBridge creates for the connection (prefix events!connection/).',
      },
    ],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/call-https-apis.html#connect-http-task-permissions',
    docStatus: 'documented',
    notes: ['TestState with revealed secrets needs states:RevealSecrets on the caller, not on the execution role.'],
  },
];
