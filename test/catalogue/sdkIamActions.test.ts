import { describe, expect, it } from 'vitest';
import { sdkIamActions, sdkIamPrefix } from '../../shared/catalogue/sdkIamActions.js';

describe('sdkIamActions', () => {
  it.each([
    { name: 'an action exception', service: 's3', api: 'listObjectsV2', expected: ['s3:ListBucket'] },
    {
      name: 'a prefix and action exception',
      service: 'sfn',
      api: 'startSyncExecution',
      expected: ['states:StartSyncExecution'],
    },
    { name: 'the default rule', service: 'dynamodb', api: 'getItem', expected: ['dynamodb:GetItem'] },
    {
      name: 'a prefix exception',
      service: 'efs',
      api: 'describeFileSystems',
      expected: ['elasticfilesystem:DescribeFileSystems'],
    },
    { name: 'the sfn prefix', service: 'sfn', api: 'startExecution', expected: ['states:StartExecution'] },
    { name: 'a shared prefix', service: 'bedrockagentruntime', api: 'retrieve', expected: ['bedrock:Retrieve'] },
    { name: 'two actions', service: 's3', api: 'copyObject', expected: ['s3:GetObject', 's3:PutObject'] },
    { name: 'Lambda invoke', service: 'lambda', api: 'invoke', expected: ['lambda:InvokeFunction'] },
    { name: 'Bedrock Converse', service: 'bedrockruntime', api: 'converse', expected: ['bedrock:InvokeModel'] },
    { name: 'any case', service: 'S3', api: 'ListObjectsV2', expected: ['s3:ListBucket'] },
    { name: 'no IAM prefix', service: 'connectparticipant', api: 'sendMessage', expected: [] },
    { name: 'an empty API', service: 'sqs', api: '', expected: [] },
    { name: 'a REST API read', service: 'apigateway', api: 'getRestApis', expected: ['apigateway:GET'] },
    { name: 'a REST API tag', service: 'apigateway', api: 'tagResource', expected: ['apigateway:PUT'] },
    { name: 'a REST API import', service: 'apigateway', api: 'importDocumentationParts', expected: ['apigateway:PUT'] },
    { name: 'a v2 create', service: 'apigatewayv2', api: 'createApi', expected: ['apigateway:POST'] },
    { name: 'a v2 tag', service: 'apigatewayv2', api: 'tagResource', expected: ['apigateway:POST'] },
    { name: 'a v2 update', service: 'apigatewayv2', api: 'updateStage', expected: ['apigateway:PATCH'] },
    { name: 'a cache flush', service: 'apigateway', api: 'flushStageCache', expected: ['apigateway:DELETE'] },
    {
      name: 'a named API Gateway action',
      service: 'apigatewayv2',
      api: 'createRoutingRule',
      expected: ['apigateway:CreateRoutingRule'],
    },
    { name: 'an API Gateway verb it cannot tell', service: 'apigateway', api: 'frobnicateStage', expected: [] },
  ])('gives $expected for $name ($service:$api)', ({ service, api, expected }) => {
    expect(sdkIamActions(service, api)).toEqual(expected);
  });
});

describe('sdkIamPrefix', () => {
  it.each([
    { name: 'the service name by default', service: 'dynamodb', expected: 'dynamodb' },
    { name: 'the table value', service: 'cloudwatchlogs', expected: 'logs' },
    { name: 'null without IAM prefix', service: 'connectparticipant', expected: null },
    { name: 'no inherited property', service: 'constructor', expected: 'constructor' },
  ])('returns $name', ({ service, expected }) => {
    expect(sdkIamPrefix(service)).toBe(expected);
  });
});
