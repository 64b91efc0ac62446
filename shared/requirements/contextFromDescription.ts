import type { DeriveContext, StateMachineDescription } from '../types.js';
import { parseArn } from './parseArn.js';

/** A KMS key id as StateMachineEncryption gives it (key id, key ARN, alias name or alias ARN) → an ARN when possible. */
function kmsKeyArnOf(keyId: string, partition: string, region: string, account: string): string {
  if (keyId.startsWith('arn:')) return keyId;
  if (region === '*' || account === '*') return keyId;
  // Key ids and alias names both resolve in the state machine's Region and account.
  // https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#key-id
  const resource = keyId.startsWith('alias/') ? keyId : `key/${keyId}`;
  return `arn:${partition}:kms:${region}:${account}:${resource}`;
}

/**
 * The derive context of a described state machine: partition/Region/account/name from its ARN (a version `:N` or
 * alias `:name` ARN gives the base state machine), logging on when the level is not OFF and a destination exists
 * (https://docs.aws.amazon.com/step-functions/latest/apireference/API_LoggingConfiguration.html), tracing, and the
 * customer managed KMS key (https://docs.aws.amazon.com/step-functions/latest/apireference/API_EncryptionConfiguration.html);
 * `overrides` win.
 */
export function contextFromDescription(d: StateMachineDescription, overrides?: Partial<DeriveContext>): DeriveContext {
  const arn = d.stateMachineArn === undefined ? undefined : parseArn(d.stateMachineArn);
  const isStateMachine = arn !== undefined && arn.service === 'states' && arn.resource.startsWith('stateMachine:');
  const baseName = isStateMachine ? arn.resource.split(':')[1] : undefined;
  const partition = arn?.partition || 'aws';
  const region = arn?.region || '*';
  const account = arn?.account || '*';
  const name = baseName || d.name || '*';
  const context: DeriveContext = { partition, region, account, stateMachineName: name };
  if (isStateMachine && baseName)
    context.stateMachineArn = `arn:${partition}:states:${region}:${account}:stateMachine:${baseName}`;
  const logging = d.loggingConfiguration;
  if (logging !== undefined) {
    context.loggingEnabled =
      typeof logging.level === 'string' && logging.level !== 'OFF' && (logging.destinations?.length ?? 0) > 0;
  }
  if (d.tracingConfiguration !== undefined) context.tracingEnabled = d.tracingConfiguration.enabled === true;
  const encryption = d.encryptionConfiguration;
  if (encryption?.type === 'CUSTOMER_MANAGED_KMS_KEY' && encryption.kmsKeyId) {
    context.kmsKeyArn = kmsKeyArnOf(encryption.kmsKeyId, partition, region, account);
  }
  for (const [key, value] of Object.entries(overrides ?? {})) {
    if (value !== undefined) Object.assign(context, { [key]: value });
  }
  return context;
}
