/**
 * API Gateway management APIs (SDK services `apigateway` and `apigatewayv2`, IAM prefix `apigateway`) are authorised
 * by the HTTP verb of the call on the resource path, `apigateway:GET|POST|PUT|PATCH|DELETE`
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-control-access-to-api.html), except the
 * portal and routing-rule APIs, which have named actions
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonapigatewaymanagement.html).
 */

/** HTTP verb of each API by the API name's leading word (REST API reference
 * https://docs.aws.amazon.com/apigateway/latest/api/API_Operations.html, v2 reference
 * https://docs.aws.amazon.com/apigatewayv2/latest/api-reference/api-reference.html). */
const VERB_BY_LEADING_WORD: Readonly<Record<string, string>> = {
  get: 'GET',
  export: 'GET',
  create: 'POST',
  generate: 'POST',
  import: 'POST',
  test: 'POST',
  reject: 'POST',
  put: 'PUT',
  reimport: 'PUT',
  tag: 'PUT',
  update: 'PATCH',
  delete: 'DELETE',
  flush: 'DELETE',
  reset: 'DELETE',
  untag: 'DELETE',
};

/** APIs whose verb differs from their leading word's. */
const VERB_EXCEPTIONS: Readonly<Record<string, string>> = {
  'apigateway:importDocumentationParts': 'PUT',
  'apigatewayv2:importApi': 'PUT',
  'apigatewayv2:tagResource': 'POST',
};

/** Management APIs with their own IAM action instead of an HTTP verb. */
const NAMED_ACTIONS: ReadonlySet<string> = new Set([
  'CreatePortal',
  'CreatePortalProduct',
  'CreateProductPage',
  'CreateProductRestEndpointPage',
  'CreateRoutingRule',
  'DeletePortal',
  'DeletePortalProduct',
  'DeletePortalProductSharingPolicy',
  'DeleteProductPage',
  'DeleteProductRestEndpointPage',
  'DeleteRoutingRule',
  'DisablePortal',
  'GetPortal',
  'GetPortalProduct',
  'GetPortalProductSharingPolicy',
  'GetProductPage',
  'GetProductRestEndpointPage',
  'GetRoutingRule',
  'ListPortalProducts',
  'ListPortals',
  'ListProductPages',
  'ListProductRestEndpointPages',
  'ListRoutingRules',
  'PreviewPortal',
  'PublishPortal',
  'PutPortalProductSharingPolicy',
  'UpdatePortal',
  'UpdatePortalProduct',
  'UpdateProductPage',
  'UpdateProductRestEndpointPage',
  'UpdateRoutingRule',
]);

/**
 * The IAM action of an API Gateway management API called through the SDK integration; `[]` when its verb cannot be
 * told from its name, so the task is reported as not checkable rather than guessed.
 */
export function apiGatewayIamActions(sdkService: string, apiAction: string): string[] {
  const named = apiAction.charAt(0).toUpperCase() + apiAction.slice(1);
  if (NAMED_ACTIONS.has(named)) return [`apigateway:${named}`];
  const leadingWord = /^[a-z]+/.exec(apiAction)?.[0] ?? '';
  const exception = `${sdkService}:${apiAction}`;
  const verb = Object.hasOwn(VERB_EXCEPTIONS, exception)
    ? VERB_EXCEPTIONS[exception]
    : Object.hasOwn(VERB_BY_LEADING_WORD, leadingWord)
      ? VERB_BY_LEADING_WORD[leadingWord]
      : undefined;
  return verb === undefined ? [] : [`apigateway:${verb}`];
}
