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
        // The reference lists no resource type for InvokeHTTPEndpoint, but AWS's own policy scopes it to the state
        // machine ARN (call-https-apis.html#connect-http-task-permissions) and roles scoped so work, while CDK's
        // HttpInvoke grants "*" (aws-stepfunctions-tasks/lib/http/invoke.ts): the call is evaluated on the ARN of the
        // state machine whose execution makes it, which both grants cover.
        authorized: {
          'states:InvokeHTTPEndpoint': [
            'arn:${Partition}:states:${Region}:${Account}:stateMachine:${StateMachineName}',
          ],
        },
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
      // Authorized on the connection (resource type connection; real ARNs are connection/NAME/UUID): a literal ARN as
      // is, a run-time one any connection of any Region and account.
      // https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazoneventbridge.html
      {
        purpose: 'http',
        actions: ['events:RetrieveConnectionCredentials'],
        staticResources: [
          'arn:${Partition}:events:${Region}:${Account}:connection/${Param:Authentication.ConnectionArn}',
          'arn:${Partition}:events:${Region}:${Account}:connection/${Param:InvocationConfig.ConnectionArn}',
        ],
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
        // The secret EventBridge creates is named events!connection/NAME/UUID plus Secrets Manager's random suffix, in
        // the connection's Region and account; its UUID is not the connection's, so the definition never fixes it.
        // https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-target-connection.html
        authorized: {
          'secretsmanager:GetSecretValue': [
            'arn:${Partition}:secretsmanager:${Hole:Region}:${Hole:Account}:secret:events!connection/${Hole:SecretId}',
          ],
          'secretsmanager:DescribeSecret': [
            'arn:${Partition}:secretsmanager:${Hole:Region}:${Hole:Account}:secret:events!connection/${Hole:SecretId}',
          ],
        },
        note: 'The secret EventBridge creates for the connection (prefix events!connection/).',
      },
    ],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/call-https-apis.html#connect-http-task-permissions',
    docStatus: 'documented',
    notes: ['TestState with revealed secrets needs states:RevealSecrets on the caller, not on the execution role.'],
  },
];
