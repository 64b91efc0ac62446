import type { Requirement } from '../types.js';
import { ENTRY_KEYS, entryByKey } from './catalogueLookup.js';
import { createTemplateEnv } from './createTemplateEnv.js';
import type { DeriveBase } from './deriveBase.js';
import { permissionRequirements } from './permissionRequirements.js';

function entryRequirements(key: string, base: DeriveBase, kmsKeyArn?: string): Requirement[] {
  const entry = entryByKey(key);
  if (entry === undefined) return [];
  const env = createTemplateEnv({
    container: {},
    queryLanguage: 'JSONPath',
    location: base.location,
    stateMachineName: base.context.stateMachineName,
    stateMachineArn: base.stateMachineArn,
    resource: key,
    extras: { StateMachineKmsKeyArn: kmsKeyArn },
  });
  return permissionRequirements(entry, { state: null, integration: key }, env);
}

/**
 * State-machine-wide requirements: CloudWatch Logs delivery when logging is on
 * (https://docs.aws.amazon.com/step-functions/latest/dg/cw-logs.html#cloudwatch-iam-policy), X-Ray when tracing is on
 * (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-xray-tracing.html#xray-iam), and the customer managed
 * KMS key, whose log-delivery variant applies only with logging on
 * (https://docs.aws.amazon.com/step-functions/latest/dg/encryption-at-rest.html).
 */
export function crossCuttingRequirements(base: DeriveBase): Requirement[] {
  const { context } = base;
  const requirements: Requirement[] = [];
  if (context.loggingEnabled === true) requirements.push(...entryRequirements(ENTRY_KEYS.logging, base));
  if (context.tracingEnabled === true) requirements.push(...entryRequirements(ENTRY_KEYS.tracing, base));
  if (context.kmsKeyArn !== undefined && context.kmsKeyArn !== '') {
    const kms = entryRequirements(ENTRY_KEYS.stateMachineKms, base, context.kmsKeyArn);
    const forLogs = (r: Requirement) => r.context?.['kms:EncryptionContext:SourceArn'] !== undefined;
    requirements.push(...kms.filter((r) => context.loggingEnabled === true || !forLogs(r)));
  }
  return requirements;
}
