// biome-ignore-all lint/suspicious/noTemplateCurlyInString: catalogue templates use ${…} placeholders
import type { Integration, PermissionSpec } from '../types.js';

// Unconfirmed ':*': kept so qualified invocations are checked against the qualified ARN too.
const INVOKE_INVOKE_FUNCTION = {
  purpose: 'invoke',
  actions: ['lambda:InvokeFunction'],
  staticResources: [
    'arn:${Partition}:lambda:${Region}:${Account}:function:${Param:FunctionName}',
    'arn:${Partition}:lambda:${Region}:${Account}:function:${Param:FunctionName}:*',
  ],
  dynamicResources: ['*'],
  parameterFields: ['FunctionName', 'Qualifier'],
  note: "The page lists only the unqualified function ARN; ':*' (every version/alias) follows console and CDK roles so qualified calls pass. FunctionName may be a name, name:qualifier, partial or full ARN (a full ARN is used as is).",
} satisfies PermissionSpec;

/** AWS Lambda: the optimized invoke integration and a plain function ARN as Task Resource. */
export const LAMBDA_INTEGRATIONS: readonly Integration[] = [
  {
    resource: 'arn:aws:states:::lambda:invoke',
    service: 'lambda',
    api: 'Invoke',
    pattern: 'request-response',
    kind: 'task',
    permissions: [INVOKE_INVOKE_FUNCTION],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-lambda.html#lambda-iam',
    docStatus: 'documented',
  },
  {
    resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
    service: 'lambda',
    api: 'Invoke',
    pattern: 'callback',
    kind: 'task',
    permissions: [INVOKE_INVOKE_FUNCTION],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-lambda.html#lambda-iam',
    docStatus: 'documented',
  },
  {
    resource: 'lambda-function-arn',
    service: 'lambda',
    api: 'Invoke (legacy direct function ARN in Resource)',
    pattern: 'request-response',
    kind: 'task',
    permissions: [
      {
        purpose: 'invoke',
        actions: ['lambda:InvokeFunction'],
        staticResources: ['${Resource}'],
        dynamicResources: [],
        parameterFields: [],
        // The call is authorized on the function ARN the Resource names, qualified or not (function:NAME[:Q]).
        // https://docs.aws.amazon.com/lambda/latest/dg/lambda-api-permissions-ref.html
        authorized: { 'lambda:InvokeFunction': ['${Resource}'] },
        note: "Resource is the function ARN itself and is always literal; grant exactly it (':*' when several qualifiers are used).",
      },
    ],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-lambda.html',
    docStatus: 'documented',
  },
];
