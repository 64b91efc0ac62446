// biome-ignore-all lint/suspicious/noTemplateCurlyInString: catalogue templates use ${…} placeholders
import type { Integration, PermissionSpec } from '../types.js';

const INVOKE_EXECUTE_API = {
  purpose: 'invoke',
  actions: ['execute-api:Invoke'],
  staticResources: [
    'arn:${Partition}:execute-api:${Region}:${Account}:${Param:ApiEndpoint#apiId}/${Param:Stage}/${Param:Method}/${Param:Path}',
  ],
  dynamicResources: ['*'],
  parameterFields: ['ApiEndpoint', 'Stage', 'Method', 'Path', 'AuthType'],
  note: 'Needed only for AuthType IAM_ROLE (the call is signed with the execution role); NO_AUTH needs nothing, RESOURCE_POLICY relies on the API\'s policy. apiId is the first label of ApiEndpoint. No dynamic template is documented ("*").',
} satisfies PermissionSpec;

const API_RESOURCE_POLICY = {
  purpose: 'other',
  actions: ['execute-api:Invoke'],
  staticResources: [],
  dynamicResources: [],
  parameterFields: ['AuthType'],
  condition: {
    StringEquals: {
      'aws:SourceArn': ['${StateMachineArn}'],
    },
  },
  placement: 'api-resource-policy',
  note: "Belongs on the REST API's resource policy (principal states.amazonaws.com) for AuthType RESOURCE_POLICY, not on the execution role.",
} satisfies PermissionSpec;

/** Amazon API Gateway invoke (execute-api), request-response and callback. */
export const API_GATEWAY_INTEGRATIONS: readonly Integration[] = [
  {
    resource: 'arn:aws:states:::apigateway:invoke',
    service: 'execute-api',
    api: 'Invoke (ApiEndpoint)',
    pattern: 'request-response',
    kind: 'task',
    permissions: [INVOKE_EXECUTE_API, API_RESOURCE_POLICY],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-api-gateway.html#api-gateway-iam',
    docStatus: 'documented',
    notes: ['Private APIs and custom domain names are not supported.'],
  },
  {
    resource: 'arn:aws:states:::apigateway:invoke.waitForTaskToken',
    service: 'execute-api',
    api: 'Invoke (ApiEndpoint)',
    pattern: 'callback',
    kind: 'task',
    permissions: [INVOKE_EXECUTE_API, API_RESOURCE_POLICY],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-api-gateway.html#api-gateway-iam',
    docStatus: 'documented',
    notes: ['Private APIs and custom domain names are not supported.'],
  },
];
