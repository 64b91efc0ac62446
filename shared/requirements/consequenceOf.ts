import type { Purpose } from '../types.js';

/** What a consequence sentence may mention. */
export type ConsequenceInput = {
  purpose: Purpose;
  actions: readonly string[];
  managedRule?: string;
  /** True when the integration also subscribes to a managed EventBridge rule (polling is then a fallback). */
  hasManagedRule?: boolean;
  /** True for the Map Run redrive permission. */
  redrive?: boolean;
};

/**
 * What breaks, in plain words, when a requirement is missing (the severity table of design.md;
 * https://docs.aws.amazon.com/step-functions/latest/dg/service-integration-iam-templates.html).
 */
export function consequenceOf(input: ConsequenceInput): string {
  const actions = input.actions.join(', ');
  switch (input.purpose) {
    case 'invoke':
      return `the task fails with AccessDenied when it calls ${actions}`;
    case 'poll':
      return input.hasManagedRule
        ? 'the execution cannot learn the job finished when the managed rule’s events do not arrive: it stalls'
        : 'the execution cannot learn the job finished: it fails or hangs';
    case 'events':
      return `Step Functions cannot create the managed rule ${input.managedRule ?? 'for this integration'}, so completion is noticed only by polling`;
    case 'cancel':
      return 'stopping the execution leaves the job running and billing';
    case 'passrole':
      return 'the task fails with AccessDenied: the execution role cannot pass the role to the service';
    case 'assume-role':
      return 'the task fails: the execution role cannot assume the role named in Credentials';
    case 'child-executions':
      return input.redrive
        ? 'redriving the execution cannot redrive the Map Run’s failed child executions'
        : 'the Distributed Map cannot start or track its child executions: the Map Run fails';
    case 'item-reader':
      return 'the Distributed Map cannot read its items from Amazon S3 and fails';
    case 'result-writer':
      return 'the Distributed Map cannot write its results to Amazon S3 and fails';
    case 'http':
      return `the HTTP Task fails with AccessDenied (${actions})`;
    case 'kms':
      return 'executions cannot start or read their state: the customer managed KMS key cannot be used';
    case 'logging':
      return 'log delivery to CloudWatch Logs fails';
    case 'tracing':
      return 'X-Ray traces are missing';
    case 'other':
      return `the task fails with AccessDenied when the integration calls ${actions}`;
  }
}
