import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { IAMClient } from '@aws-sdk/client-iam';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SecurityHubClient } from '@aws-sdk/client-securityhub';
import { SFNClient } from '@aws-sdk/client-sfn';
import { SNSClient } from '@aws-sdk/client-sns';
import { SDK_RETRY_CONFIG } from '../../shared/aws/sdkRetryConfig.js';
import { createAuditDeps } from './createAuditDeps.js';
import { createAuditHandler } from './createAuditHandler.js';
import { createCallCounter } from './createCallCounter.js';
import { createPowertoolsLog } from './createPowertoolsLog.js';
import { createPowertoolsMetrics } from './createPowertoolsMetrics.js';
import { readAuditConfig } from './readAuditConfig.js';

// Cold start: validate the configuration once (a bad value fails every invocation with the list of problems),
// build the SDK clients (they honour AWS_ENDPOINT_URL: https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html)
// and the adapters. Logs never carry definitions, policies or secrets.
const logger = new Logger({ serviceName: 'sfn-role-audit' });
const metrics = new Metrics({ namespace: 'SfnRoleAudit', serviceName: 'sfn-role-audit' });
const config = readAuditConfig(process.env);
const clientConfig = { region: config.region, ...SDK_RETRY_CONFIG };
const iam = new IAMClient(clientConfig);
const iamCalls = createCallCounter();
iam.middlewareStack.add(
  (next) => async (args) => {
    iamCalls.count();
    return next(args);
  },
  { step: 'finalizeRequest', priority: 'low', name: 'countIamCalls' },
);
const deps = await createAuditDeps(
  config,
  {
    sfn: new SFNClient(clientConfig),
    iam,
    securityHub: new SecurityHubClient(clientConfig),
    sns: new SNSClient(clientConfig),
    eventBridge: new EventBridgeClient(clientConfig),
    dynamodb: new DynamoDBClient(clientConfig),
    secretsManager: new SecretsManagerClient(clientConfig),
  },
  { log: createPowertoolsLog(logger), metrics: createPowertoolsMetrics(metrics), takeIamCalls: iamCalls.take },
);
logger.info('Configured', {
  simulator: config.simulator,
  securityHub: config.securityHubEnabled,
  sinks: deps.sinks.map((s) => s.sink.name),
  notifyMinSeverity: config.notifyMinSeverity,
});

/** The Lambda entry point (SQS event source with ReportBatchItemFailures). */
export const handler = createAuditHandler(deps);
