import type { IAMClient } from '@aws-sdk/client-iam';
import type { SFNClient } from '@aws-sdk/client-sfn';
import type { ConsoleIo } from '../shared/local/createProcessIo.js';

/** Makes the AWS SDK clients the live `check` needs; tests pass clients mocked with aws-sdk-client-mock. */
export type AwsClientFactory = {
  /** A Step Functions client for the Region (undefined: the SDK's default Region chain). */
  sfn(region: string | undefined): SFNClient;
  /** An IAM client (IAM is global; the Region only picks the signing endpoint). */
  iam(region: string | undefined): IAMClient;
};

/** Everything the command line takes from its surroundings, so tests can run it in-process. */
export type CliDeps = {
  io: ConsoleIo;
  clients: AwsClientFactory;
  /** The audit time; defaults to the current time. */
  now?: () => Date;
};
