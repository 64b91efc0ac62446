import {
  type AwsSecurityFinding,
  BatchImportFindingsCommand,
  GetFindingsCommand,
  InternalException,
  SecurityHubClient,
} from '@aws-sdk/client-securityhub';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { batchFindings, createSecurityHubSink } from '../../shared/aws/createSecurityHubSink.js';
import { toAsffFinding } from '../../shared/findings/toAsffFinding.js';
import { allNew, finding, NO_CHANGE, reportWith } from './reports.js';

const SM = 'arn:aws:states:eu-west-1:111122223333:stateMachine:orders';
const PRODUCT = 'arn:aws:securityhub:eu-west-1:111122223333:product/111122223333/default';
const NOW = new Date('2026-05-02T00:00:00.000Z');
const hub = mockClient(SecurityHubClient);

function sink(extra: Parameters<typeof createSecurityHubSink>[1] = {}) {
  const sleeps: number[] = [];
  const created = createSecurityHubSink(new SecurityHubClient({}), {
    now: () => NOW,
    sleep: async (ms) => void sleeps.push(ms),
    ...extra,
  });
  return { sink: created, sleeps };
}

const imported = () => hub.commandCalls(BatchImportFindingsCommand).map((c) => c.args[0].input.Findings ?? []);

beforeEach(() => {
  hub.reset();
  hub.on(GetFindingsCommand).resolves({ Findings: [] });
  hub
    .on(BatchImportFindingsCommand)
    .callsFake(async (input) => ({ FailedCount: 0, SuccessCount: input.Findings?.length ?? 0, FailedFindings: [] }));
});

describe('createSecurityHubSink', () => {
  it('imports current findings as ACTIVE / FAILED with the default product ARN of the state machine account', async () => {
    const report = reportWith([finding('f1')]);
    await sink().sink.publish(report, allNew(report));
    const [batch] = imported();
    expect(batch).toHaveLength(1);
    expect(batch?.[0]).toMatchObject({
      Id: `${SM}/f1`,
      ProductArn: PRODUCT,
      AwsAccountId: '111122223333',
      GeneratorId: 'sfn-role-audit/MissingPermission',
      CreatedAt: NOW.toISOString(),
      UpdatedAt: NOW.toISOString(),
      RecordState: 'ACTIVE',
      Compliance: { Status: 'FAILED' },
      Severity: { Label: 'HIGH' },
    });
  });

  it('sends 250 findings in batches of 100, 100 and 50', async () => {
    const report = reportWith(Array.from({ length: 250 }, (_, i) => finding(`f${i}`)));
    await sink().sink.publish(report, allNew(report));
    expect(imported().map((b) => b.length)).toEqual([100, 100, 50]);
    expect(hub.commandCalls(GetFindingsCommand)).toHaveLength(13);
  });

  it('keeps CreatedAt of a finding Security Hub already has', async () => {
    const report = reportWith([finding('f1')]);
    hub.on(GetFindingsCommand).resolves({
      Findings: [
        {
          ...toAsffFinding({
            finding: finding('f1'),
            report,
            scope: { accountId: '111122223333', region: 'eu-west-1', partition: 'aws' },
            updatedAt: '2026-04-01T00:00:00.000Z',
          }),
          ProductArn: PRODUCT,
        } as AwsSecurityFinding,
      ],
    });
    await sink().sink.publish(report, NO_CHANGE);
    expect(imported()[0]?.[0]).toMatchObject({ CreatedAt: '2026-04-01T00:00:00.000Z', UpdatedAt: NOW.toISOString() });
    expect(hub.commandCalls(GetFindingsCommand)[0]?.args[0].input.Filters).toEqual({
      Id: [{ Value: `${SM}/f1`, Comparison: 'EQUALS' }],
    });
  });

  it('re-imports resolved findings as ARCHIVED / PASSED, from the stored copy when there is one', async () => {
    const report = reportWith([]);
    const stored = toAsffFinding({
      finding: finding('old'),
      report: reportWith([finding('old')]),
      scope: { accountId: '111122223333', region: 'eu-west-1', partition: 'aws' },
      updatedAt: '2026-04-01T00:00:00.000Z',
    });
    hub.on(GetFindingsCommand).resolves({
      Findings: [
        {
          ...stored,
          ProductFields: { ...stored.ProductFields, 'aws/securityhub/FindingId': 'x' },
        } as AwsSecurityFinding,
      ],
    });
    await sink().sink.publish(report, {
      newOrWorse: [],
      resolved: [
        { id: 'old', severity: 'HIGH' },
        { id: 'unknown', severity: 'MEDIUM' },
      ],
      allClear: true,
      first: false,
    });
    const [batch = []] = imported();
    expect(batch.map((f) => [f.Id, f.RecordState, f.Compliance?.Status, f.UpdatedAt])).toEqual([
      [`${SM}/old`, 'ARCHIVED', 'PASSED', NOW.toISOString()],
      [`${SM}/unknown`, 'ARCHIVED', 'PASSED', NOW.toISOString()],
    ]);
    expect(batch[0]?.Title).toBe(stored.Title);
    expect(batch[0]?.CreatedAt).toBe('2026-04-01T00:00:00.000Z');
    expect(batch[0]?.ProductFields?.['aws/securityhub/FindingId']).toBeUndefined();
    expect(batch[1]?.Severity?.Label).toBe('MEDIUM');
  });

  it('retries only the failed findings with backoff, then succeeds', async () => {
    const report = reportWith([finding('f1'), finding('f2'), finding('f3')]);
    hub
      .on(BatchImportFindingsCommand)
      .resolvesOnce({
        FailedCount: 1,
        SuccessCount: 2,
        FailedFindings: [{ Id: `${SM}/f2`, ErrorCode: 'Throttled', ErrorMessage: 'slow down' }],
      })
      .resolves({ FailedCount: 0, SuccessCount: 1, FailedFindings: [] });
    const { sink: hubSink, sleeps } = sink({ retryDelayMs: 100 });
    await hubSink.publish(report, allNew(report));
    expect(imported().map((b) => b.map((f) => f.Id))).toEqual([[`${SM}/f1`, `${SM}/f2`, `${SM}/f3`], [`${SM}/f2`]]);
    expect(sleeps).toEqual([100]);
  });

  it('throws naming the findings that still fail after 3 attempts', async () => {
    const report = reportWith([finding('f1')]);
    hub.on(BatchImportFindingsCommand).resolves({
      FailedCount: 1,
      SuccessCount: 0,
      FailedFindings: [{ Id: `${SM}/f1`, ErrorCode: 'InvalidInput', ErrorMessage: 'bad' }],
    });
    const { sink: hubSink, sleeps } = sink({ retryDelayMs: 100 });
    await expect(hubSink.publish(report, allNew(report))).rejects.toThrow(
      `BatchImportFindings failed for 1 findings after 3 attempts: ${SM}/f1 (InvalidInput: bad)`,
    );
    expect(imported()).toHaveLength(3);
    expect(sleeps).toEqual([100, 200]);
  });

  it.each([
    { name: 'FailedCount without FailedFindings', answer: { FailedCount: 1, SuccessCount: 0, FailedFindings: [] } },
    { name: 'FailedCount without a FailedFindings list', answer: { FailedCount: 2, SuccessCount: 0 } },
    {
      name: 'a failed Id that was not sent',
      answer: {
        FailedCount: 1,
        SuccessCount: 1,
        FailedFindings: [{ Id: `${SM}/other`, ErrorCode: 'InvalidInput', ErrorMessage: 'x' }],
      },
    },
    {
      name: 'FailedFindings while FailedCount is 0',
      answer: {
        FailedCount: 0,
        SuccessCount: 1,
        FailedFindings: [{ Id: `${SM}/f1`, ErrorCode: 'InvalidInput', ErrorMessage: 'x' }],
      },
    },
    { name: 'fewer successes than findings sent', answer: { FailedCount: 0, SuccessCount: 0, FailedFindings: [] } },
  ])('throws at once on an unexplained failure: $name', async ({ answer }) => {
    hub.on(BatchImportFindingsCommand).resolves(answer);
    const report = reportWith([finding('f1'), finding('f2')]);
    const { sink: hubSink, sleeps } = sink();
    await expect(hubSink.publish(report, allNew(report))).rejects.toThrow(/BatchImportFindings .*unexplained/);
    expect(imported()).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('fails the archive of a deleted state machine when Security Hub answers FailedCount with no failed finding', async () => {
    hub.on(BatchImportFindingsCommand).resolves({ FailedCount: 1, SuccessCount: 0, FailedFindings: [] });
    await expect(sink().sink.archiveAll(SM, ['a'])).rejects.toThrow(/unexplained/);
  });

  it('throws a failed call with the SDK error as cause', async () => {
    const sdkError = new InternalException({ message: 'down', $metadata: {} });
    hub.on(BatchImportFindingsCommand).rejects(sdkError);
    const report = reportWith([finding('f1')]);
    const failure = await sink()
      .sink.publish(report, allNew(report))
      .catch((error: unknown) => error as Error);
    expect((failure as Error).cause).toBe(sdkError);
  });

  it('archives every finding of a deleted state machine', async () => {
    await sink().sink.archiveAll(SM, ['a', 'b']);
    expect(imported()[0]?.map((f) => [f.Id, f.RecordState, f.ProductArn])).toEqual([
      [`${SM}/a`, 'ARCHIVED', PRODUCT],
      [`${SM}/b`, 'ARCHIVED', PRODUCT],
    ]);
  });

  it('skips findings Security Hub already holds as ARCHIVED', async () => {
    hub.on(GetFindingsCommand).resolves({
      Findings: [{ Id: `${SM}/a`, ProductArn: PRODUCT, RecordState: 'ARCHIVED' } as never],
    });
    await sink().sink.archiveAll(SM, ['a']);
    expect(imported()).toEqual([]);
  });
});

describe('batchFindings', () => {
  it('starts a new batch before 6 MB', () => {
    const big = toAsffFinding({
      finding: finding('big'),
      report: reportWith([]),
      scope: { accountId: '111122223333', region: 'eu-west-1', partition: 'aws' },
      updatedAt: NOW.toISOString(),
    });
    const heavy = { ...big, Description: 'x'.repeat(1024), ProductFields: { pad: 'y'.repeat(230_000) } };
    const batches = batchFindings(Array.from({ length: 30 }, () => heavy));
    expect(batches.map((b) => b.length)).toEqual([26, 4]);
  });
});
