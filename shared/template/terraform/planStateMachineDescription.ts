import type { Finding, StateMachineDescription } from '../../types.js';
import { knownAfterApply } from './knownAfterApply.js';
import { definitionUnknownFinding, valueKnownAfterApplyFinding } from './planFindings.js';
import type { PlanPlacement } from './planPlacement.js';
import { significantReferences } from './planPolicyOf.js';
import type { PlanResource } from './planTypes.js';
import { expressionAt, isConfigured, knownString, valueAt } from './planValues.js';

/** A state machine's settings as DescribeStateMachine would return them, and what of them is unknown. */
export type PlanDescription = {
  readonly description: StateMachineDescription;
  readonly definitionUnavailable: boolean;
  readonly findings: Finding[];
};

type Block = 'logging_configuration' | 'tracing_configuration' | 'encryption_configuration';

/** A block of the state machine: `known` when the plan has it, `unknown` when it is configured but known after apply. */
function blockOf(resource: PlanResource, name: Block): 'absent' | 'unknown' | 'known' {
  const value = valueAt(resource, [name, 0]);
  if (value.state === 'known') return 'known';
  // An unset block is Optional+Computed in the provider: unknown in a plan that creates the state machine, yet not
  // configured (the provider's schema, not a documented promise: a configured block is always in the configuration).
  return value.state === 'unknown' && isConfigured(resource.config?.expressions, [name]) ? 'unknown' : 'absent';
}

/** The reference behind a value known after apply, for the finding that names it. */
function referenceOf(resource: PlanResource, path: readonly (string | number)[]): string {
  const references = significantReferences(expressionAt(resource.config?.expressions, path)?.references ?? []);
  return knownAfterApply(references[0] ?? `${resource.address}.${path.join('.')}`);
}

/**
 * The description of an `aws_sfn_state_machine` instance: its definition, type, name and ARN (built from the
 * placement when the plan does not know it yet), logging, tracing and encryption
 * (https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/sfn_state_machine). A definition known
 * only after apply cannot be read: a DefinitionUnavailable finding says what it depends on. A log group, tracing
 * switch or KMS key known only after apply is a hole with an UnresolvedTemplateValue finding.
 */
export function planStateMachineDescription(
  resource: PlanResource,
  placement: PlanPlacement,
  stateMachineArn: string | null,
): PlanDescription {
  const findings: Finding[] = [];
  const unknownValue = (path: (string | number)[]) => {
    const value = referenceOf(resource, path);
    findings.push(valueKnownAfterApplyFinding({ stateMachineArn, value, usedBy: `${resource.address}.${path[0]}` }));
  };
  const definition = knownString(resource, ['definition']);
  const description: StateMachineDescription = { definition: definition ?? '' };
  const name = knownString(resource, ['name']);
  if (name !== undefined) description.name = name;
  if (stateMachineArn !== null) description.stateMachineArn = stateMachineArn;
  const type = knownString(resource, ['type']);
  description.type = type === 'EXPRESS' ? 'EXPRESS' : 'STANDARD';
  const logging = blockOf(resource, 'logging_configuration');
  if (logging !== 'absent') {
    const level = knownString(resource, ['logging_configuration', 0, 'level']) ?? 'OFF';
    const destination = knownString(resource, ['logging_configuration', 0, 'log_destination']);
    const destinationState = valueAt(resource, ['logging_configuration', 0, 'log_destination']).state;
    if (destinationState === 'unknown' || logging === 'unknown')
      unknownValue(['logging_configuration', 0, 'log_destination']);
    const includeData = valueAt(resource, ['logging_configuration', 0, 'include_execution_data']);
    description.loggingConfiguration = {
      level: logging === 'unknown' ? 'ALL' : level,
      ...(includeData.state === 'known' && typeof includeData.value === 'boolean'
        ? { includeExecutionData: includeData.value }
        : {}),
      destinations:
        destination !== undefined || destinationState === 'unknown' || logging === 'unknown'
          ? [{ cloudWatchLogsLogGroup: destination === undefined ? {} : { logGroupArn: destination } }]
          : [],
    };
  }
  const tracing = blockOf(resource, 'tracing_configuration');
  if (tracing !== 'absent') {
    const enabled = valueAt(resource, ['tracing_configuration', 0, 'enabled']);
    // Unknown until apply: the audit assumes tracing on, so the X-Ray need is checked rather than skipped.
    if (enabled.state === 'unknown' || tracing === 'unknown') unknownValue(['tracing_configuration', 0, 'enabled']);
    description.tracingConfiguration = { enabled: enabled.state === 'known' ? enabled.value === true : true };
  }
  const encryption = blockOf(resource, 'encryption_configuration');
  if (encryption !== 'absent') {
    const encryptionType = knownString(resource, ['encryption_configuration', 0, 'type']);
    const keyValue = valueAt(resource, ['encryption_configuration', 0, 'kms_key_id']);
    let kmsKeyId = keyValue.state === 'known' && typeof keyValue.value === 'string' ? keyValue.value : undefined;
    if (keyValue.state === 'unknown' || encryption === 'unknown') {
      unknownValue(['encryption_configuration', 0, 'kms_key_id']);
      // A key known only after apply is a hole: any key of the account and Region.
      kmsKeyId = `arn:${placement.partition}:kms:${placement.region}:${placement.account}:key/*`;
    }
    const reuse = valueAt(resource, ['encryption_configuration', 0, 'kms_data_key_reuse_period_seconds']);
    description.encryptionConfiguration = {
      type: encryptionType ?? (kmsKeyId === undefined ? 'AWS_OWNED_KEY' : 'CUSTOMER_MANAGED_KMS_KEY'),
      ...(kmsKeyId === undefined ? {} : { kmsKeyId }),
      ...(reuse.state === 'known' && typeof reuse.value === 'number'
        ? { kmsDataKeyReusePeriodSeconds: reuse.value }
        : {}),
    };
  }
  const definitionUnavailable = definition === undefined;
  if (definitionUnavailable) {
    const references = significantReferences(
      expressionAt(resource.config?.expressions, ['definition'])?.references ?? [],
    );
    const absent = valueAt(resource, ['definition']).state !== 'unknown';
    findings.unshift(
      definitionUnknownFinding({ stateMachineArn, address: resource.address, dependsOn: references, absent }),
    );
  }
  return { description, definitionUnavailable, findings };
}
