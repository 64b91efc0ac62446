import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import type { IAMClient } from '@aws-sdk/client-iam';
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { SecurityHubClient } from '@aws-sdk/client-securityhub';
import type { SFNClient } from '@aws-sdk/client-sfn';
import type { SNSClient } from '@aws-sdk/client-sns';
import { createDynamoStateStore } from '../../shared/aws/createDynamoStateStore.js';
import { createEventBridgeSink } from '../../shared/aws/createEventBridgeSink.js';
import { createIamPrincipalSimulator } from '../../shared/aws/createIamPrincipalSimulator.js';
import { createIamRolePolicySource } from '../../shared/aws/createIamRolePolicySource.js';
import { createSecurityHubSink } from '../../shared/aws/createSecurityHubSink.js';
import { createSfnStateMachineSource } from '../../shared/aws/createSfnStateMachineSource.js';
import { createSlackWebhookSink, type FetchFn } from '../../shared/aws/createSlackWebhookSink.js';
import { createSnsSink } from '../../shared/aws/createSnsSink.js';
import { readSlackWebhookUrl } from '../../shared/aws/readSlackWebhookUrl.js';
import { computeChange } from '../../shared/findings/computeChange.js';
import { createEmbeddedSimulator } from '../../shared/local/createEmbeddedSimulator.js';
import type { RolePoliciesLookup } from '../../shared/ports.js';
import { createPrincipalResolver } from './createPrincipalResolver.js';
import type { AuditConfig } from './readAuditConfig.js';
import type { AuditHandlerDeps, AuditLog, AuditMetrics, AuditSink } from './types.js';

/** The SDK clients the audit function uses (built once per cold start by index.ts, or pointed at moto by tests). */
export type AuditClients = {
  sfn: SFNClient;
  iam: IAMClient;
  securityHub: SecurityHubClient;
  sns: SNSClient;
  eventBridge: EventBridgeClient;
  dynamodb: DynamoDBClient;
  secretsManager: SecretsManagerClient;
};

/** Logging, metrics and the IAM call counter the entry point provides. */
export type AuditTelemetry = { log: AuditLog; metrics: AuditMetrics; takeIamCalls?: () => number };

/**
 * Wires the shared/aws adapters selected by the configuration into the handler's dependencies (reads the Slack
 * webhook secret once, at cold start). Security Hub and EventBridge hear about every audit, SNS and Slack only about
 * notable changes; Security Hub also archives the findings of deleted state machines.
 */
export async function createAuditDeps(
  config: AuditConfig,
  clients: AuditClients,
  telemetry: AuditTelemetry,
  fetchFn: FetchFn = globalThis.fetch,
): Promise<AuditHandlerDeps> {
  const minSeverity = config.notifyMinSeverity;
  const roles = createIamRolePolicySource(clients.iam);
  const sinks: AuditSink[] = [];
  if (config.securityHubEnabled) {
    sinks.push({
      sink: createSecurityHubSink(clients.securityHub),
      onlyNotable: false,
      onArchive: true,
      delivery: 'reimport',
    });
  }
  if (config.snsTopicArn !== undefined) {
    sinks.push({
      sink: createSnsSink(clients.sns, { topicArn: config.snsTopicArn, minSeverity }),
      onlyNotable: true,
      onArchive: false,
      delivery: 'change',
    });
  }
  if (config.slackSecretArn !== undefined) {
    const webhookUrl = await readSlackWebhookUrl(clients.secretsManager, config.slackSecretArn);
    sinks.push({
      sink: createSlackWebhookSink(fetchFn, { webhookUrl, minSeverity }),
      onlyNotable: true,
      onArchive: false,
      delivery: 'change',
    });
  }
  if (config.eventBusName !== undefined) {
    sinks.push({
      sink: createEventBridgeSink(clients.eventBridge, { eventBusName: config.eventBusName }),
      onlyNotable: false,
      onArchive: false,
      delivery: 'event',
    });
  }
  // SIMULATOR=aws reads each role once per resolution: readRole (existence, trust) and the simulator's identity
  // policies (to decide resources with holes) share the lookup the simulator starts.
  const pendingReads = new Map<string, () => Promise<RolePoliciesLookup>>();
  const resolvePrincipal =
    config.simulator === 'aws'
      ? createPrincipalResolver({
          mode: 'aws',
          awsSimulator: (roleArn, region) => {
            let lookup: Promise<RolePoliciesLookup> | undefined;
            const read = () => {
              lookup ??= roles.read(roleArn);
              return lookup;
            };
            pendingReads.set(roleArn, read);
            return createIamPrincipalSimulator(clients.iam, {
              roleArn,
              region,
              identityPolicies: async () => {
                const found = await read();
                return found.found ? found.policies.identity : undefined;
              },
            });
          },
          // Existence and trust policy (RoleNotFound, UntrustedRole); the simulator ignores trust policies.
          readRole: async (roleArn) => {
            const read = pendingReads.get(roleArn) ?? (() => roles.read(roleArn));
            pendingReads.delete(roleArn);
            const lookup = await read();
            return lookup.found
              ? { found: true, ...(lookup.policies.trust === undefined ? {} : { trust: lookup.policies.trust }) }
              : { found: false };
          },
        })
      : createPrincipalResolver({
          mode: 'local',
          roles,
          // The audit sets aws:RequestedRegion (and the other keys AWS sets) on every request.
          localSimulator: (policies) =>
            createEmbeddedSimulator({
              identity: policies.identity,
              ...(policies.boundary === undefined ? {} : { boundary: policies.boundary }),
            }),
        });
  return {
    source: createSfnStateMachineSource(clients.sfn),
    resolvePrincipal,
    store: createDynamoStateStore(clients.dynamodb, { tableName: config.stateTableName }),
    computeChange,
    sinks,
    notifyMinSeverity: minSeverity,
    now: () => new Date(),
    ...telemetry,
  };
}
