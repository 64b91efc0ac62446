import {
  type AwsSecurityFinding,
  BatchImportFindingsCommand,
  GetFindingsCommand,
  type SecurityHubClient,
} from '@aws-sdk/client-securityhub';
import {
  type AsffFinding,
  type AsffScope,
  asffId,
  defaultProductArn,
  toArchivedAsffFinding,
  toAsffFinding,
} from '../findings/toAsffFinding.js';
import type { FindingSink, ReportChange } from '../ports.js';
import type { AuditReport } from '../types.js';
import { awsCallError } from './awsErrorName.js';
import { splitStateMachineArn } from './splitStateMachineArn.js';

// BatchImportFindings: ≤ 100 findings and ≤ 6 MB per call; HTTP 200 on partial failure, so read FailedCount
// (https://docs.aws.amazon.com/securityhub/latest/partnerguide/guidelines-batchimportfindings.html,
// https://docs.aws.amazon.com/securityhub/latest/userguide/finding-update-batchimportfindings.html).
export const MAX_FINDINGS_PER_BATCH = 100;
export const MAX_BATCH_BYTES = 6 * 1024 * 1024 - 64 * 1024;
export const MAX_IMPORT_ATTEMPTS = 3;
/** GetFindings takes up to 20 values per filter attribute (https://docs.aws.amazon.com/securityhub/1.0/APIReference/API_GetFindings.html). */
export const MAX_IDS_PER_GET_FINDINGS = 20;

/** Options of the Security Hub sink; account, Region and partition default to those of each report's state machine ARN. */
export type SecurityHubSinkOptions = Partial<AsffScope> & {
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  /** First retry delay for failed findings, doubled each attempt. */
  retryDelayMs?: number;
};

/** The Security Hub sink, plus archiving every finding of a deleted state machine. */
export type SecurityHubSink = FindingSink & {
  archiveAll(stateMachineArn: string, findingIds: string[]): Promise<void>;
};

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The provider-owned fields of a stored finding, ready to re-import (Security Hub's own `aws/…` product fields dropped). */
function fromStored(finding: AwsSecurityFinding): AsffFinding {
  const productFields = Object.entries(finding.ProductFields ?? {}).filter(([key]) => !key.startsWith('aws/'));
  return {
    SchemaVersion: finding.SchemaVersion ?? '2018-10-08',
    Id: finding.Id ?? '',
    ProductArn: finding.ProductArn ?? '',
    GeneratorId: finding.GeneratorId ?? '',
    AwsAccountId: finding.AwsAccountId ?? '',
    Types: finding.Types ?? [],
    CreatedAt: finding.CreatedAt ?? '',
    UpdatedAt: finding.UpdatedAt ?? '',
    ...(finding.FirstObservedAt === undefined ? {} : { FirstObservedAt: finding.FirstObservedAt }),
    ...(finding.LastObservedAt === undefined ? {} : { LastObservedAt: finding.LastObservedAt }),
    Severity: { Label: finding.Severity?.Label ?? 'INFORMATIONAL' },
    Title: finding.Title ?? '',
    Description: finding.Description ?? '',
    ...(finding.Remediation === undefined ? {} : { Remediation: finding.Remediation }),
    ...(productFields.length === 0 ? {} : { ProductFields: Object.fromEntries(productFields) }),
    ...(finding.RecordState === undefined ? {} : { RecordState: finding.RecordState }),
    Resources: (finding.Resources ?? []).map((r) => ({
      Type: r.Type ?? 'Other',
      Id: r.Id ?? '',
      ...(r.Partition === undefined ? {} : { Partition: r.Partition }),
      ...(r.Region === undefined ? {} : { Region: r.Region }),
      ...(r.Details === undefined ? {} : { Details: r.Details }),
    })),
  };
}

/** One finding Security Hub said it could not import. */
type FailedFinding = { Id?: string | undefined; ErrorCode?: string | undefined; ErrorMessage?: string | undefined };

/**
 * The failed findings of a BatchImportFindings answer, each one of those sent; throws when the answer does not add
 * up (FailedCount > 0 with no or unknown FailedFindings, FailedFindings with FailedCount 0, or fewer successes than
 * findings sent), since a finding that silently failed — an archive above all — would otherwise be forgotten.
 */
function explainedFailures(
  output: {
    FailedCount?: number | undefined;
    SuccessCount?: number | undefined;
    FailedFindings?: FailedFinding[] | undefined;
  },
  sent: AsffFinding[],
): FailedFinding[] {
  const failed = output.FailedFindings ?? [];
  const failedCount = output.FailedCount ?? 0;
  const sentIds = new Set(sent.map((f) => f.Id));
  const unknown = failed.filter((f) => f.Id === undefined || !sentIds.has(f.Id));
  const problems = [
    ...(failedCount !== failed.length ? [`FailedCount ${failedCount} but ${failed.length} FailedFindings`] : []),
    ...(unknown.length > 0 ? [`failed ids not sent: ${unknown.map((f) => f.Id ?? '(none)').join(', ')}`] : []),
    ...(typeof output.SuccessCount === 'number' && output.SuccessCount + failed.length < sent.length
      ? [`SuccessCount ${output.SuccessCount} + ${failed.length} failed < ${sent.length} sent`]
      : []),
  ];
  if (problems.length > 0) {
    throw new Error(
      `BatchImportFindings answered an unexplained failure for ${sent.length} findings: ${problems.join('; ')}`,
    );
  }
  return failed;
}

/** Splits findings into BatchImportFindings calls of ≤ 100 findings and ≤ 6 MB. */
export function batchFindings(findings: AsffFinding[]): AsffFinding[][] {
  const batches: AsffFinding[][] = [];
  let current: AsffFinding[] = [];
  let bytes = 0;
  for (const finding of findings) {
    const size = Buffer.byteLength(JSON.stringify(finding));
    if (current.length > 0 && (current.length >= MAX_FINDINGS_PER_BATCH || bytes + size > MAX_BATCH_BYTES)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(finding);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/**
 * A FindingSink importing ASFF findings into Security Hub CSPM with BatchImportFindings: current findings as ACTIVE /
 * FAILED, and `change.resolved` re-imported as ARCHIVED / PASSED with a newer UpdatedAt. It first reads the findings
 * it is about to write with GetFindings (by Id), to keep CreatedAt/FirstObservedAt and to archive the stored finding
 * whole (a minimal valid finding when Security Hub does not have it). Failed findings (FailedCount) are retried with
 * backoff, up to 3 attempts, then it throws naming them.
 */
export function createSecurityHubSink(
  client: SecurityHubClient,
  options: SecurityHubSinkOptions = {},
): SecurityHubSink {
  const now = options.now ?? (() => new Date());
  const sleep = options.sleep ?? delay;
  const retryDelayMs = options.retryDelayMs ?? 500;

  function scopeFor(stateMachineArn: string | null): AsffScope {
    const [, partition = '', , region = '', accountId = ''] = (stateMachineArn ?? '').split(':');
    const scope: AsffScope = {
      accountId: options.accountId ?? accountId,
      region: options.region ?? region,
      partition: options.partition ?? partition,
      ...(options.providerVersion === undefined ? {} : { providerVersion: options.providerVersion }),
    };
    if (!/^\d{12}$/.test(scope.accountId) || scope.region === '' || scope.partition === '') {
      throw new Error(`Security Hub sink: no account, Region and partition for state machine ${stateMachineArn}`);
    }
    return { ...scope, productArn: options.productArn ?? defaultProductArn(scope) };
  }

  async function readStored(ids: string[], productArn: string): Promise<Map<string, AsffFinding>> {
    const stored = new Map<string, AsffFinding>();
    for (let start = 0; start < ids.length; start += MAX_IDS_PER_GET_FINDINGS) {
      const chunk = ids.slice(start, start + MAX_IDS_PER_GET_FINDINGS);
      const wanted = new Set(chunk);
      let token: string | undefined;
      do {
        const input = {
          Filters: { Id: chunk.map((Value) => ({ Value, Comparison: 'EQUALS' as const })) },
          MaxResults: 100,
          ...(token === undefined ? {} : { NextToken: token }),
        };
        const page = await client.send(new GetFindingsCommand(input)).catch((error: unknown) => {
          throw awsCallError('GetFindings', productArn, error);
        });
        // Checked again here: some emulators ignore the filter.
        for (const finding of page.Findings ?? []) {
          if (wanted.has(finding.Id ?? '') && finding.ProductArn === productArn)
            stored.set(finding.Id ?? '', fromStored(finding));
        }
        token = page.NextToken === '' ? undefined : page.NextToken;
      } while (token !== undefined);
    }
    return stored;
  }

  async function importBatch(batch: AsffFinding[]): Promise<void> {
    let pending = batch;
    for (let attempt = 1; ; attempt += 1) {
      const output = await client
        .send(new BatchImportFindingsCommand({ Findings: pending as AwsSecurityFinding[] }))
        .catch((error: unknown) => {
          throw awsCallError('BatchImportFindings', `${pending.length} findings`, error);
        });
      const failed = explainedFailures(output, pending);
      if (failed.length === 0) return;
      if (attempt >= MAX_IMPORT_ATTEMPTS) {
        const names = failed.map((f) => `${f.Id} (${f.ErrorCode}: ${f.ErrorMessage})`).join('; ');
        throw new Error(`BatchImportFindings failed for ${failed.length} findings after ${attempt} attempts: ${names}`);
      }
      const failedIds = new Set(failed.map((f) => f.Id));
      pending = pending.filter((f) => failedIds.has(f.Id));
      await sleep(retryDelayMs * 2 ** (attempt - 1));
    }
  }

  async function importAll(findings: AsffFinding[]): Promise<void> {
    for (const batch of batchFindings(findings)) await importBatch(batch);
  }

  async function archived(report: Pick<AuditReport, 'stateMachine' | 'role'>, resolved: ReportChange['resolved']) {
    const scope = scopeFor(report.stateMachine.arn);
    const ids = resolved.map((r) => asffId(report.stateMachine.arn, r.id));
    const stored = await readStored(ids, scope.productArn ?? '');
    const updatedAt = now().toISOString();
    return resolved.flatMap((r, index) => {
      const previous = stored.get(ids[index] ?? '');
      if (previous?.RecordState === 'ARCHIVED') return [];
      return [
        toArchivedAsffFinding({
          id: r.id,
          severity: r.severity,
          report,
          scope,
          updatedAt,
          ...(previous === undefined ? {} : { stored: previous }),
        }),
      ];
    });
  }

  return {
    name: 'securityhub',
    async publish(report: AuditReport, change: ReportChange): Promise<void> {
      const scope = scopeFor(report.stateMachine.arn);
      const ids = report.findings.map((f) => asffId(report.stateMachine.arn, f.id));
      const stored = await readStored(ids, scope.productArn ?? '');
      const updatedAt = now().toISOString();
      const current = report.findings.map((finding, index) => {
        const createdAt = stored.get(ids[index] ?? '')?.CreatedAt;
        return toAsffFinding({ finding, report, scope, updatedAt, ...(createdAt ? { createdAt } : {}) });
      });
      await importAll([...current, ...(await archived(report, change.resolved))]);
    },
    async archiveAll(stateMachineArn: string, findingIds: string[]): Promise<void> {
      const { name } = splitStateMachineArn(stateMachineArn);
      const report = { stateMachine: { arn: stateMachineArn, name }, role: { arn: null } };
      await importAll(
        await archived(
          report,
          findingIds.map((id) => ({ id, severity: 'INFORMATIONAL' })),
        ),
      );
    },
  };
}
