import { IAMClient } from '@aws-sdk/client-iam';
import { SFNClient } from '@aws-sdk/client-sfn';
import { SDK_RETRY_CONFIG } from '../shared/aws/sdkRetryConfig.js';
import type { AwsClientFactory } from './cliDeps.js';

/**
 * SDK clients using the default credential provider chain (environment, profile, SSO, instance or task role), with
 * the same throttling retries as the Lambda (IAM's shared, non-raisable rate limit makes them matter).
 */
export function createAwsClients(): AwsClientFactory {
  const config = (region: string | undefined) => ({ ...SDK_RETRY_CONFIG, ...(region === undefined ? {} : { region }) });
  return {
    sfn: (region) => new SFNClient(config(region)),
    iam: (region) => new IAMClient(config(region)),
  };
}
