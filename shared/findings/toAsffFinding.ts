import type { AuditReport, Finding, Severity } from '../types.js';

// ASFF: https://docs.aws.amazon.com/securityhub/latest/userguide/asff-required-attributes.html and
// https://docs.aws.amazon.com/securityhub/1.0/APIReference/API_AwsSecurityFinding.html (length limits).
export const ASFF_SCHEMA_VERSION = '2018-10-08';
export const MAX_ASFF_TITLE = 256;
export const MAX_ASFF_DESCRIPTION = 1024;
/** Remediation.Recommendation.Text (https://docs.aws.amazon.com/securityhub/1.0/APIReference/API_Recommendation.html). */
export const MAX_ASFF_RECOMMENDATION = 512;
/** ProductFields values (https://docs.aws.amazon.com/securityhub/1.0/APIReference/API_AwsSecurityFinding.html). */
export const MAX_ASFF_PRODUCT_FIELD = 2048;
export const ASFF_PROVIDER = 'sfn-role-audit';
/** Namespace/category of the finding types (https://docs.aws.amazon.com/securityhub/latest/userguide/securityhub-findings-format-type-taxonomy.html). */
export const ASFF_TYPE_PREFIX = 'Software and Configuration Checks/AWS Security Best Practices';

/** Partitions Security Hub's Resource.Partition accepts. */
export type AsffPartition = 'aws' | 'aws-cn' | 'aws-us-gov';

/** An ASFF resource entry (the subset we send). */
export type AsffResource = {
  /** `AwsStepFunctionStateMachine`, `AwsIamRole` (or what a stored finding says). */
  Type: string;
  Id: string;
  Partition?: string;
  Region?: string;
  Details?: {
    AwsStepFunctionStateMachine?: { Name?: string; StateMachineArn?: string; RoleArn?: string };
    AwsIamRole?: { RoleName?: string };
  };
};

/** An AWS Security Finding Format finding as sfn-role-audit imports it (structurally an SDK AwsSecurityFinding). */
export type AsffFinding = {
  SchemaVersion: string;
  Id: string;
  ProductArn: string;
  GeneratorId: string;
  AwsAccountId: string;
  Types: string[];
  CreatedAt: string;
  UpdatedAt: string;
  FirstObservedAt?: string;
  LastObservedAt?: string;
  Severity: { Label: Severity; Original?: string };
  FindingProviderFields?: { Severity?: { Label?: Severity; Original?: string }; Types?: string[] };
  Title: string;
  Description: string;
  Remediation?: { Recommendation?: { Text?: string; Url?: string } };
  ProductFields?: Record<string, string>;
  Compliance?: { Status: 'PASSED' | 'WARNING' | 'FAILED' | 'NOT_AVAILABLE' };
  RecordState?: 'ACTIVE' | 'ARCHIVED';
  Resources: AsffResource[];
};

/** Where findings are imported: the account and Region of the state machine, and the product to import as. */
export type AsffScope = {
  accountId: string;
  region: string;
  partition: string;
  /** Defaults to the account's custom-integration product, `arn:PARTITION:securityhub:REGION:ACCOUNT:product/ACCOUNT/default`. */
  productArn?: string;
  providerVersion?: string;
};

/** The custom-integration product ARN (https://docs.aws.amazon.com/securityhub/latest/userguide/securityhub-custom-providers.html). */
export function defaultProductArn(scope: AsffScope): string {
  return `arn:${scope.partition}:securityhub:${scope.region}:${scope.accountId}:product/${scope.accountId}/default`;
}

/** The stable ASFF Id of a finding: the state machine ARN and the finding's own stable id (≤ 512 characters). */
export function asffId(stateMachineArn: string | null, findingId: string): string {
  return `${stateMachineArn ?? 'definition'}/${findingId}`.slice(-512);
}

/** Cuts text to `max` characters, ending with `…` when cut. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function asffPartition(partition: string): AsffPartition | undefined {
  return partition === 'aws' || partition === 'aws-cn' || partition === 'aws-us-gov' ? partition : undefined;
}

/** The state machine and role resources of a report, with the Details Security Hub supports. */
export function asffResources(report: Pick<AuditReport, 'stateMachine' | 'role'>, scope: AsffScope): AsffResource[] {
  const partition = asffPartition(scope.partition);
  const where = { ...(partition === undefined ? {} : { Partition: partition }), Region: scope.region };
  const roleArn = report.role.arn;
  const resources: AsffResource[] = [
    {
      Type: 'AwsStepFunctionStateMachine',
      Id: report.stateMachine.arn ?? 'unknown',
      ...where,
      Details: {
        AwsStepFunctionStateMachine: {
          ...(report.stateMachine.name === null ? {} : { Name: report.stateMachine.name }),
          ...(report.stateMachine.arn === null ? {} : { StateMachineArn: report.stateMachine.arn }),
          ...(roleArn === null ? {} : { RoleArn: roleArn }),
        },
      },
    },
  ];
  if (roleArn !== null) {
    const roleName = roleArn.slice(roleArn.lastIndexOf('/') + 1);
    resources.push({ Type: 'AwsIamRole', Id: roleArn, ...where, Details: { AwsIamRole: { RoleName: roleName } } });
  }
  return resources;
}

function recommendation(finding: Finding): string {
  if (finding.remediation === undefined) return truncate(finding.consequence, MAX_ASFF_RECOMMENDATION);
  const full = `Add this statement to the execution role: ${JSON.stringify(finding.remediation)}`;
  if (full.length <= MAX_ASFF_RECOMMENDATION) return full;
  const short = `Allow ${finding.actions.join(', ')} on ${finding.resources.join(', ')} in the execution role.`;
  return truncate(short, MAX_ASFF_RECOMMENDATION);
}

function description(finding: Finding, report: AuditReport): string {
  const parts = [
    `${finding.consequence}.`,
    finding.state === null ? undefined : `State: ${finding.state.name}.`,
    finding.actions.length === 0 ? undefined : `Actions: ${finding.actions.join(', ')}.`,
    finding.resources.length === 0 ? undefined : `Resources: ${finding.resources.join(', ')}.`,
    finding.decision === null
      ? undefined
      : `Decision: ${finding.decision}${finding.deniedBy ? ` (${finding.deniedBy})` : ''}.`,
    report.role.arn === null ? undefined : `Role: ${report.role.arn}.`,
  ];
  return truncate(parts.filter((p) => p !== undefined).join(' '), MAX_ASFF_DESCRIPTION);
}

function productFields(finding: Finding, scope: AsffScope): Record<string, string> {
  const fields: Record<string, string | undefined> = {
    ProviderName: ASFF_PROVIDER,
    ProviderVersion: scope.providerVersion,
    'sfn-role-audit/FindingId': finding.id,
    'sfn-role-audit/Rule': finding.rule,
    'sfn-role-audit/Purpose': finding.purpose ?? undefined,
    'sfn-role-audit/State': finding.state?.path.join('/'),
    'sfn-role-audit/Integration': finding.integration ?? undefined,
    'sfn-role-audit/Decision': finding.decision ?? undefined,
    'sfn-role-audit/DeniedBy': finding.deniedBy,
    'sfn-role-audit/Actions': finding.actions.length === 0 ? undefined : finding.actions.join(','),
  };
  return Object.fromEntries(
    Object.entries(fields).flatMap(([k, v]) =>
      v === undefined || v === '' ? [] : [[k, truncate(v, MAX_ASFF_PRODUCT_FIELD)]],
    ),
  );
}

/**
 * One finding of a report as an ACTIVE, Compliance FAILED ASFF finding for BatchImportFindings: stable Id (state
 * machine ARN + finding id), GeneratorId `sfn-role-audit/RULE`, Types under "Software and Configuration Checks",
 * Title ≤ 256, Description ≤ 1024, the IAM statement to add as Remediation, and the state machine and role as
 * Resources. `createdAt` is when the finding was first imported (defaults to `updatedAt`).
 */
export function toAsffFinding(input: {
  finding: Finding;
  report: AuditReport;
  scope: AsffScope;
  updatedAt: string;
  createdAt?: string;
}): AsffFinding {
  const { finding, report, scope, updatedAt } = input;
  const createdAt = input.createdAt ?? updatedAt;
  const types = [`${ASFF_TYPE_PREFIX}/${finding.rule}`];
  return {
    SchemaVersion: ASFF_SCHEMA_VERSION,
    Id: asffId(report.stateMachine.arn, finding.id),
    ProductArn: scope.productArn ?? defaultProductArn(scope),
    GeneratorId: `${ASFF_PROVIDER}/${finding.rule}`,
    AwsAccountId: scope.accountId,
    Types: types,
    CreatedAt: createdAt,
    UpdatedAt: updatedAt,
    FirstObservedAt: createdAt,
    LastObservedAt: updatedAt,
    Severity: { Label: finding.severity, Original: finding.severity },
    FindingProviderFields: { Severity: { Label: finding.severity, Original: finding.severity }, Types: types },
    Title: truncate(finding.title, MAX_ASFF_TITLE),
    Description: description(finding, report),
    Remediation: { Recommendation: { Text: recommendation(finding), Url: finding.docs } },
    ProductFields: productFields(finding, scope),
    Compliance: { Status: 'FAILED' },
    RecordState: 'ACTIVE',
    Resources: asffResources(report, scope),
  };
}

/**
 * A resolved finding to re-import: the stored finding (when Security Hub still has it) or a minimal valid one, with
 * a newer UpdatedAt, `RecordState: ARCHIVED` and `Compliance.Status: PASSED` — providers resolve this way, as they
 * cannot set Workflow (https://docs.aws.amazon.com/securityhub/latest/userguide/finding-update-batchimportfindings.html).
 */
export function toArchivedAsffFinding(input: {
  id: string;
  severity: string;
  report: Pick<AuditReport, 'stateMachine' | 'role'>;
  scope: AsffScope;
  updatedAt: string;
  stored?: AsffFinding;
}): AsffFinding {
  const { report, scope, updatedAt, stored } = input;
  const severity = (['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL'] as const).find((s) => s === input.severity);
  const base: AsffFinding = stored ?? {
    SchemaVersion: ASFF_SCHEMA_VERSION,
    Id: asffId(report.stateMachine.arn, input.id),
    ProductArn: scope.productArn ?? defaultProductArn(scope),
    GeneratorId: ASFF_PROVIDER,
    AwsAccountId: scope.accountId,
    Types: [ASFF_TYPE_PREFIX],
    CreatedAt: updatedAt,
    UpdatedAt: updatedAt,
    Severity: { Label: severity ?? 'INFORMATIONAL' },
    Title: truncate(
      `Resolved: sfn-role-audit finding ${input.id} on ${report.stateMachine.name ?? 'a state machine'}`,
      MAX_ASFF_TITLE,
    ),
    Description:
      'sfn-role-audit no longer reports this finding: the permission is granted, the definition changed, or the state machine is gone.',
    ProductFields: { ProviderName: ASFF_PROVIDER, 'sfn-role-audit/FindingId': input.id },
    Resources: asffResources(report, scope),
  };
  return { ...base, UpdatedAt: updatedAt, Compliance: { Status: 'PASSED' }, RecordState: 'ARCHIVED' };
}
