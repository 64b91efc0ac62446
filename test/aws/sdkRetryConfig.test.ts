import { Readable } from 'node:stream';
import { SFNClient } from '@aws-sdk/client-sfn';
import { describe, expect, it } from 'vitest';
import { createSfnStateMachineSource } from '../../shared/aws/createSfnStateMachineSource.js';
import { SDK_RETRY_CONFIG } from '../../shared/aws/sdkRetryConfig.js';

// aws-sdk-client-mock replaces `send`, so the middleware stack (and its retry strategy) never runs under it: these
// tests use a real client whose HTTP handler answers locally.
const ARN = 'arn:aws:states:eu-west-1:111122223333:stateMachine:OrderPipeline';
const ROLE = 'arn:aws:iam::111122223333:role/service/OrderPipelineRole';
const DESCRIBED = {
  stateMachineArn: ARN,
  name: 'OrderPipeline',
  status: 'ACTIVE',
  definition: '{}',
  roleArn: ROLE,
  type: 'STANDARD',
  creationDate: 1,
};

/** A real SFNClient whose HTTP layer answers ThrottlingException `throttled` times, then a description. */
function throttlingClient(throttled: number, maxAttempts?: number) {
  const calls = { count: 0 };
  const body = (value: unknown) => Readable.from([Buffer.from(JSON.stringify(value))]);
  const requestHandler = {
    handle: async (request: { headers: Record<string, string> }) => {
      calls.count += 1;
      const throttle = calls.count <= throttled;
      const operation = request.headers['x-amz-target'] ?? '';
      const payload = throttle
        ? { __type: 'com.amazonaws.sfn#ThrottlingException', message: 'Rate exceeded' }
        : operation.endsWith('.DescribeStateMachine')
          ? DESCRIBED
          : { tags: [] };
      return {
        response: {
          statusCode: throttle ? 400 : 200,
          headers: { 'content-type': 'application/x-amz-json-1.0' },
          body: body(payload),
        },
      };
    },
  };
  const client = new SFNClient({
    region: 'eu-west-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    ...SDK_RETRY_CONFIG,
    ...(maxAttempts === undefined ? {} : { maxAttempts }),
    requestHandler: requestHandler as never,
  });
  return { client, calls };
}

describe('SDK_RETRY_CONFIG', () => {
  it('is built with retries on throttling', () => {
    expect(SDK_RETRY_CONFIG).toEqual({ maxAttempts: 5, retryMode: 'adaptive' });
  });

  it('retries a ThrottlingException through the client and then succeeds', async () => {
    const { client, calls } = throttlingClient(2);
    const lookup = await createSfnStateMachineSource(client).describe(ARN);
    expect(lookup.found && lookup.description.roleArn).toBe(ROLE);
    // 2 throttled + 1 DescribeStateMachine + 1 ListTagsForResource
    expect(calls.count).toBe(4);
  });

  it('throws the ThrottlingException as cause once the attempts are used up', async () => {
    const { client, calls } = throttlingClient(100, 2);
    const failure = await createSfnStateMachineSource(client)
      .describe(ARN)
      .catch((error: unknown) => error as Error);
    expect(calls.count).toBe(2);
    expect(((failure as Error).cause as Error).name).toBe('ThrottlingException');
  });
});
