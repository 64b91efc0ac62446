import type { Integration, PermissionSpec } from '../catalogue/types.js';
import type { Purpose } from '../types.js';

/** Purposes of the non-Task entries, whose catalogue permissions are written as invoke/poll/other. */
const PURPOSE_BY_ENTRY: Readonly<Record<string, Purpose>> = {
  'distributed-map-state': 'child-executions',
  'distributed-map-redrive': 'child-executions',
  'arn:aws:states:::s3:getObject': 'item-reader',
  'arn:aws:states:::s3:listObjectsV2': 'item-reader',
  'arn:aws:states:::s3:putObject': 'result-writer',
  'logging-configuration': 'logging',
  'xray-tracing': 'tracing',
  'kms-state-machine-encryption': 'kms',
  'kms-activity-encryption': 'kms',
  'activity-arn': 'kms',
  'task-credentials-cross-account': 'assume-role',
  // Every permission of the HTTP Task (the call, the connection's credentials, its secret) is the HTTP call.
  'arn:aws:states:::http:invoke': 'http',
};

/** The Requirement purpose of a catalogue permission, from its entry for non-Task needs, else its own. */
export function purposeOf(entry: Integration, spec: PermissionSpec): Purpose {
  return PURPOSE_BY_ENTRY[entry.resource] ?? spec.purpose;
}
