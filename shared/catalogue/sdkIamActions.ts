import { apiGatewayIamActions } from './apiGatewayIamActions.js';
import { SDK_ACTION_EXCEPTIONS } from './sdkActionExceptions.js';
import { SDK_IAM_PREFIXES } from './sdkIamPrefixes.js';

/** The action-exception table with lower-cased keys, built once, so `ListObjectsV2` and `listObjectsV2` agree. */
const EXCEPTIONS_BY_LOWER_KEY: ReadonlyMap<string, readonly string[]> = new Map(
  Object.entries(SDK_ACTION_EXCEPTIONS).map(([key, actions]) => [key.toLowerCase(), actions]),
);

/** The IAM prefix of an SDK service name: the table's value, else the name itself; null when it has none. */
export function sdkIamPrefix(sdkService: string): string | null {
  const service = sdkService.toLowerCase();
  return Object.hasOwn(SDK_IAM_PREFIXES, service) ? (SDK_IAM_PREFIXES[service] ?? null) : service;
}

/**
 * The IAM actions that authorise `arn:aws:states:::aws-sdk:SERVICE:ACTION`: the action-exception table first, then
 * `<prefix>:<ApiAction with its first letter upper-cased>` (the rule AWS's SDK integration follows,
 * https://docs.aws.amazon.com/step-functions/latest/dg/supported-services-awssdk.html); API Gateway management
 * APIs by HTTP verb; `[]` for a service without IAM prefix (connectparticipant) or an unknown API Gateway verb.
 */
export function sdkIamActions(sdkService: string, apiAction: string): string[] {
  const service = sdkService.toLowerCase();
  const exception = EXCEPTIONS_BY_LOWER_KEY.get(`${service}:${apiAction.toLowerCase()}`);
  if (exception !== undefined) return [...exception];
  const prefix = sdkIamPrefix(service);
  if (prefix === null || apiAction === '') return [];
  if (prefix === 'apigateway') return apiGatewayIamActions(service, apiAction);
  return [`${prefix}:${apiAction.charAt(0).toUpperCase()}${apiAction.slice(1)}`];
}
