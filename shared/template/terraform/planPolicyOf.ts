import { parsePlanPolicyText } from './parsePlanPolicyText.js';
import type { PlanResource, TerraformPlan } from './planTypes.js';
import { expressionAt, valueAt } from './planValues.js';
import { type PlanPolicy, policyDocumentData } from './policyDocumentData.js';
import { resolvePlanReferences } from './resolvePlanReferences.js';

/**
 * The references of an expression without those another one implies (`aws_iam_role.sfn` beside
 * `aws_iam_role.sfn.arn`), in the configuration's order: what a value known only after apply depends on.
 */
export function significantReferences(references: readonly string[]): string[] {
  return references.filter(
    (reference) =>
      !references.some(
        (other) => other !== reference && (other.startsWith(`${reference}.`) || other.startsWith(`${reference}[`)),
      ),
  );
}

/** True for `each.key`, `count.index`, `path.module`, `terraform.workspace`: they pick an instance or a file, not a value. */
export function isMetaReference(reference: string): boolean {
  return /^(each|count|path|terraform)\./.test(reference);
}

/** The scope the expressions of a resource are evaluated in. */
export function scopeOf(resource: PlanResource) {
  return { moduleAddress: resource.moduleAddress, ...(resource.index === undefined ? {} : { index: resource.index }) };
}

const MAX_DEPTH = 4;

/**
 * The policy a resource attribute holds (`policy`, `assume_role_policy`, `inline_policy[0].policy`): the JSON text when
 * the plan knows it; when it is known only after apply, the one data source or policy its expression references
 * (`data.aws_iam_policy_document.sfn.json`, rebuilt with holes, or `aws_iam_policy.x.policy`); otherwise unknown, with
 * what it depends on. Undefined when the attribute is not set.
 */
export function planPolicyOf(
  plan: TerraformPlan,
  resource: PlanResource,
  path: readonly (string | number)[],
  depth = 0,
): PlanPolicy | undefined {
  const where = `${plan.path}: ${resource.address}.${path.join('.')}`;
  const value = valueAt(resource, path);
  if (value.state === 'absent') return undefined;
  if (value.state === 'known') {
    if (typeof value.value !== 'string')
      return { kind: 'unknown', dependsOn: [`${resource.address}.${path.join('.')}`] };
    return { kind: 'document', document: parsePlanPolicyText(value.value, where) };
  }
  const references = expressionAt(resource.config?.expressions, path)?.references ?? [];
  const unknown: PlanPolicy = {
    kind: 'unknown',
    dependsOn: references.length === 0 ? [`${resource.address}.${path.join('.')}`] : significantReferences(references),
  };
  if (depth >= MAX_DEPTH) return unknown;
  // Only an expression that is nothing but one policy's text (`data.aws_iam_policy_document.sfn.json`, maybe through
  // module arguments) stands for that policy: `jsonencode({… aws_sqs_queue.q.arn …})` is unknown as a whole.
  const target = onlyTarget(plan, resource, significantReferences(references));
  if (target === undefined || (target.type !== 'aws_iam_policy_document' && target.type !== 'aws_iam_policy')) {
    return unknown;
  }
  if (target.type === 'aws_iam_policy_document') return policyDocumentData(target, plan.path);
  return planPolicyOf(plan, target, ['policy'], depth + 1) ?? unknown;
}

/** The one resource instance every reference leads to, or undefined when they lead to none or to several. */
export function onlyTarget(
  plan: TerraformPlan,
  resource: PlanResource,
  references: readonly string[],
): PlanResource | undefined {
  let found: PlanResource | undefined;
  for (const reference of references.filter((r) => !isMetaReference(r))) {
    const targets = resolvePlanReferences(plan, scopeOf(resource), [reference]);
    if (targets.length !== 1 || (found !== undefined && targets[0] !== found)) return undefined;
    found = targets[0];
  }
  return found;
}
