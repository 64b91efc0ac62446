import { IAMClient } from '@aws-sdk/client-iam';
import { SFNClient } from '@aws-sdk/client-sfn';
import type { AwsClientFactory } from './cliDeps.js';

/** SDK clients using the default credential provider chain (environment, profile, SSO, instance or task role). */
export function createAwsClients(): AwsClientFactory {
  return {
    sfn: (region) => new SFNClient(region === undefined ? {} : { region }),
    iam: (region) => new IAMClient(region === undefined ? {} : { region }),
  };
}
