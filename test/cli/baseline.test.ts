import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IAMClient } from '@aws-sdk/client-iam';
import { SFNClient } from '@aws-sdk/client-sfn';
import { describe, expect, it } from 'vitest';
import { type BaselineEntry, formatBaseline, parseBaseline, toBaselineEntry } from '../../cli/baselineFile.js';
import { matchBaseline } from '../../cli/matchBaseline.js';
import { runCli } from '../../cli/runCli.js';
import packageJson from '../../package.json' with { type: 'json' };
import type { AuditReport, Finding } from '../../shared/types.js';
import { fakeIo } from './fakeIo.js';

function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    id: 'id-publish',
    rule: 'MissingPermission',
    severity: 'HIGH',
    purpose: 'invoke',
    state: { name: 'Notify', path: ['Notify'] },
    integration: 'arn:aws:states:::sns:publish',
    actions: ['sns:Publish'],
    resources: ['arn:aws:sns:us-east-1:111122223333:orders'],
    decision: 'implicitDeny',
    title: 'Notify cannot publish',
    consequence: 'the task fails',
    docs: 'https://docs.aws.amazon.com/',
    ...overrides,
  };
}

const ENTRY = toBaselineEntry('sm.asl.json', finding());

describe('matchBaseline', () => {
  it.each<{ name: string; entries: BaselineEntry[]; current: Finding; target?: string; accepted: boolean }>([
    { name: 'the same finding', entries: [ENTRY], current: finding(), accepted: true },
    {
      name: 'the same id on another target (the file moved)',
      entries: [ENTRY],
      current: finding(),
      target: 'moved/sm.asl.json',
      accepted: true,
    },
    {
      name: 'a new id with the same rule, target, state and actions (the state machine was renamed)',
      entries: [ENTRY],
      current: finding({ id: 'id-after-rename', resources: ['arn:aws:sns:us-east-1:111122223333:orders-v2'] }),
      accepted: true,
    },
    {
      name: 'the same actions in another order under a new id',
      entries: [toBaselineEntry('sm.asl.json', finding({ actions: ['b:B', 'a:A'] }))],
      current: finding({ id: 'other', actions: ['a:A', 'b:B'] }),
      accepted: true,
    },
    {
      name: 'a new id in another state',
      entries: [ENTRY],
      current: finding({ id: 'id-2', state: { name: 'Archive', path: ['Archive'] } }),
      accepted: false,
    },
    {
      name: 'a new id with another rule',
      entries: [ENTRY],
      current: finding({ id: 'id-2', rule: 'ConditionalPermission' }),
      accepted: false,
    },
    {
      name: 'a new id with another action',
      entries: [ENTRY],
      current: finding({ id: 'id-2', actions: ['sns:Subscribe'] }),
      accepted: false,
    },
    {
      name: 'a new id on another target',
      entries: [ENTRY],
      current: finding({ id: 'id-2' }),
      target: 'other.asl.json',
      accepted: false,
    },
    { name: 'an empty baseline', entries: [], current: finding(), accepted: false },
  ])('$name: accepted $accepted', ({ entries, current, target, accepted }) => {
    const match = matchBaseline(entries, [{ target: target ?? 'sm.asl.json', finding: current }], new Set());
    expect(match.accepted.has(0)).toBe(accepted);
  });

  it('lets one entry accept one finding only', () => {
    const twins = [finding({ id: 'x1' }), finding({ id: 'x2' })];
    const match = matchBaseline(
      [ENTRY],
      twins.map((f) => ({ target: 'sm.asl.json', finding: f })),
      new Set(['sm.asl.json']),
    );
    expect([...match.accepted]).toEqual([0]);
  });

  it('prefers an exact id over a fallback match taken first', () => {
    const renamed = finding({ id: 'renamed' });
    const exact = finding();
    const match = matchBaseline(
      [ENTRY],
      [renamed, exact].map((f) => ({ target: 'sm.asl.json', finding: f })),
      new Set(['sm.asl.json']),
    );
    expect([...match.accepted]).toEqual([1]);
  });

  it('calls fixed only the unmatched entries of targets audited in this run', () => {
    const gone = toBaselineEntry('sm.asl.json', finding({ id: 'gone', state: { name: 'Old', path: ['Old'] } }));
    const elsewhere = toBaselineEntry('other.asl.json', finding({ id: 'elsewhere' }));
    const match = matchBaseline(
      [ENTRY, gone, elsewhere],
      [{ target: 'sm.asl.json', finding: finding() }],
      new Set(['sm.asl.json']),
    );
    expect(match.fixed.map((entry) => entry.id)).toEqual(['gone']);
  });
});

describe('formatBaseline and parseBaseline', () => {
  it('writes sorted entries with the tool version and day, and reads them back', () => {
    const b = toBaselineEntry('b.asl.json', finding({ id: 'b' }));
    const a2 = toBaselineEntry('a.asl.json', finding({ id: 'a2', state: { name: 'Z', path: ['Z'] } }));
    const a1 = toBaselineEntry('a.asl.json', finding({ id: 'a1', state: { name: 'A', path: ['A'] } }));
    const text = formatBaseline([b, a2, a1], '9.9.9', new Date('2026-05-01T23:00:00Z'));
    const parsed = JSON.parse(text);
    expect(parsed).toMatchObject({
      version: 1,
      tool: { name: 'sfn-role-audit', version: '9.9.9' },
      created: '2026-05-01',
    });
    expect(parsed.findings.map((entry: BaselineEntry) => entry.id)).toEqual(['a1', 'a2', 'b']);
    expect(parsed.findings[0]).toEqual({
      target: 'a.asl.json',
      id: 'a1',
      rule: 'MissingPermission',
      purpose: 'invoke',
      state: 'A',
      statePath: ['A'],
      actions: ['sns:Publish'],
      resources: ['arn:aws:sns:us-east-1:111122223333:orders'],
      severity: 'HIGH',
      title: 'Notify cannot publish',
    });
    expect(parseBaseline(text, 'b.json')).toEqual([a1, a2, b]);
    expect(formatBaseline([a1, b, a2], '9.9.9', new Date('2026-05-01T01:00:00Z'))).toBe(text);
  });

  it.each<{ name: string; text: string; error: string }>([
    { name: 'not JSON', text: '{', error: 'b.json: not valid JSON' },
    { name: 'another JSON document', text: '{"Version": "2012-10-17"}', error: 'b.json: not a baseline file' },
    { name: 'a later version', text: '{"version": 2, "findings": []}', error: 'b.json: baseline version 2' },
    {
      name: 'an entry without an id',
      text: '{"version": 1, "findings": [{"target": "t", "rule": "r", "statePath": [], "actions": []}]}',
      error: 'b.json: findings[0] needs target, id, rule (strings), statePath and actions (lists)',
    },
  ])('rejects $name', ({ text, error }) => {
    expect(() => parseBaseline(text, 'b.json')).toThrow(error);
  });
});

const CLIENTS = { sfn: () => new SFNClient({}), iam: () => new IAMClient({}) };
const NOW = new Date('2026-05-01T12:00:00Z');
const DEFINITION = 'test/fixtures/cli/simple.asl.json';
const ARN = 'arn:aws:states:us-east-1:111122223333:stateMachine:orders';

describe('check --write-baseline and --baseline (runCli)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sfn-baseline-'));
  const nothing = join(dir, 'nothing.json');
  const lambdaOnly = 'test/fixtures/cli/role-lambda-only.json';
  const full = 'test/fixtures/cli/role-full.json';
  writeFileSync(
    nothing,
    JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] }),
  );

  async function check(args: string[]) {
    const io = fakeIo();
    const code = await runCli(['check', '--config', 'none', '--definition', DEFINITION, '--format', 'json', ...args], {
      io,
      clients: CLIENTS,
      now: () => NOW,
    });
    return { code, err: io.err, report: code === 2 ? undefined : (JSON.parse(io.out) as AuditReport) };
  }

  it('writes every finding, accepts them for this run, and fails only on new ones afterwards', async () => {
    const baseline = join(dir, 'adopt.json');
    const written = await check(['--state-machine-arn', ARN, '--policy', lambdaOnly, '--write-baseline', baseline]);
    expect(written.code).toBe(0);
    expect(written.err).toBe(`sfn-role-audit: wrote 1 finding to the baseline ${baseline}\n`);
    expect(written.report?.suppressed.map((f) => f.details?.suppressedBecause)).toEqual([
      `accepted in the baseline ${baseline}`,
    ]);
    const file = JSON.parse(readFileSync(baseline, 'utf8'));
    expect(file).toMatchObject({ version: 1, tool: { version: packageJson.version }, created: '2026-05-01' });
    expect(file.findings).toMatchObject([
      { rule: 'MissingPermission', state: 'Notify', actions: ['sns:Publish'], severity: 'HIGH' },
    ]);
    expect(file.findings[0].target).toMatch(/test\/fixtures\/cli\/simple\.asl\.json$/);

    const again = await check(['--state-machine-arn', ARN, '--policy', lambdaOnly, '--baseline', baseline]);
    expect(again.code).toBe(0);
    expect(again.report?.findings).toEqual([]);
    expect(again.err).toBe(`sfn-role-audit: baseline ${baseline}: 1 finding accepted, 0 new\n`);

    const worse = await check(['--state-machine-arn', ARN, '--policy', nothing, '--baseline', baseline]);
    expect(worse.code).toBe(1);
    expect(worse.report?.findings.map((f) => f.actions)).toEqual([['lambda:InvokeFunction']]);
    expect(worse.report?.suppressed.map((f) => f.actions)).toEqual([['sns:Publish']]);
    expect(worse.err).toBe(`sfn-role-audit: baseline ${baseline}: 1 finding accepted, 1 new\n`);
  });

  it('keeps accepting a finding after the state machine is renamed (new id, same rule, target, state, actions)', async () => {
    const baseline = join(dir, 'rename.json');
    await check(['--state-machine-arn', ARN, '--policy', lambdaOnly, '--write-baseline', baseline]);
    const renamed = await check(['--state-machine-arn', `${ARN}-v2`, '--policy', lambdaOnly, '--baseline', baseline]);
    expect(renamed.code).toBe(0);
    expect(renamed.report?.suppressed.map((f) => f.actions)).toEqual([['sns:Publish']]);
  });

  it('reports baseline entries that no longer occur', async () => {
    const baseline = join(dir, 'fixed.json');
    await check(['--state-machine-arn', ARN, '--policy', nothing, '--write-baseline', baseline]);
    const fixed = await check(['--state-machine-arn', ARN, '--policy', full, '--baseline', baseline]);
    expect(fixed.code).toBe(0);
    expect(fixed.err).toBe(
      `sfn-role-audit: baseline ${baseline}: 0 findings accepted, 0 new; 2 baseline entries fixed — rewrite the baseline (--write-baseline ${baseline})\n`,
    );
  });

  it('writes the same file for the same findings', async () => {
    const first = join(dir, 'first.json');
    const second = join(dir, 'second.json');
    await check(['--state-machine-arn', ARN, '--policy', nothing, '--write-baseline', first]);
    await check(['--state-machine-arn', ARN, '--policy', nothing, '--write-baseline', second]);
    expect(readFileSync(second, 'utf8')).toBe(readFileSync(first, 'utf8'));
  });

  it.each<{ name: string; file: () => string; error: RegExp }>([
    {
      name: 'a missing baseline',
      file: () => join(dir, 'absent.json'),
      error: /cannot read \S+absent\.json: no such file/,
    },
    {
      name: 'a file that is not a baseline',
      file: () => {
        writeFileSync(join(dir, 'policy.json'), '{"Version": "2012-10-17", "Statement": []}');
        return join(dir, 'policy.json');
      },
      error: /policy\.json: not a baseline file/,
    },
  ])('exits 2 with one line for $name', async ({ file, error }) => {
    const run = await check(['--policy', full, '--baseline', file()]);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(error);
    expect(run.err.trim().split('\n')).toHaveLength(1);
  });
});
