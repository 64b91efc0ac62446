import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IAMClient } from '@aws-sdk/client-iam';
import { SFNClient } from '@aws-sdk/client-sfn';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/runCli.js';
import type { AuditReport } from '../../shared/types.js';
import { CLI, ensureCliBuilt, ROOT } from './builtCli.js';
import { fakeIo } from './fakeIo.js';

const CLIENTS = { sfn: () => new SFNClient({}), iam: () => new IAMClient({}) };
const NOW = new Date('2026-05-01T12:00:00Z');
const DEFINITION = join(ROOT, 'test', 'fixtures', 'cli', 'simple.asl.json');
const LAMBDA_ONLY = join(ROOT, 'test', 'fixtures', 'cli', 'role-lambda-only.json');
const ARN = 'arn:aws:states:us-east-1:111122223333:stateMachine:orders';

/** A temporary folder with a config file (and anything else) in it. */
function folderWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'sfn-config-check-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

/** Runs `check` in-process with a config file and returns exit code, report and standard error. */
async function checkWithConfig(config: string, args: string[] = []) {
  const dir = folderWith({ '.sfn-role-audit.yml': config });
  const io = fakeIo();
  const code = await runCli(['check', '--config', join(dir, '.sfn-role-audit.yml'), '--format', 'json', ...args], {
    io,
    clients: CLIENTS,
    now: () => NOW,
  });
  return { code, err: io.err, report: code === 2 ? undefined : (JSON.parse(io.out) as AuditReport) };
}

const INPUTS = `definition: ${DEFINITION}\nstate-machine-arn: ${ARN}\npolicy: ${LAMBDA_ONLY}\n`;

describe('check with a config file', () => {
  it('takes its inputs from the config file and fails on the missing sns:Publish', async () => {
    const { code, report, err } = await checkWithConfig(INPUTS);
    expect(err).toBe('');
    expect(code).toBe(1);
    expect(report?.findings.map((f) => [f.rule, f.actions, f.state?.name])).toEqual([
      ['MissingPermission', ['sns:Publish'], 'Notify'],
    ]);
  });

  it('moves a finding an ignore rule matches to suppressed with its reason, and passes', async () => {
    const { code, report } = await checkWithConfig(
      `${INPUTS}ignore:\n  - action: sns:Publish\n    state: Notify\n    reason: the topic policy grants it (TEAM-12)\n`,
    );
    expect(code).toBe(0);
    expect(report?.findings).toEqual([]);
    expect(report?.suppressed).toMatchObject([
      { actions: ['sns:Publish'], details: { suppressedBecause: 'the topic policy grants it (TEAM-12)' } },
    ]);
    expect(report?.summary.bySeverity.HIGH).toBe(0);
  });

  it('applies an ignore rule only to the state machines its glob matches', async () => {
    const { code, report } = await checkWithConfig(
      `${INPUTS}ignore:\n  - rule: MissingPermission\n    state-machine: "**/other.asl.json"\n    reason: other\n`,
    );
    expect(code).toBe(1);
    expect(report?.suppressed).toEqual([]);
  });

  it('stops applying an expired rule and says so on one line', async () => {
    const { code, report, err } = await checkWithConfig(
      `${INPUTS}ignore:\n  - rule: MissingPermission\n    reason: until the migration\n    expires: 2026-04-30\n`,
    );
    expect(code).toBe(1);
    expect(report?.findings.map((f) => f.actions)).toEqual([['sns:Publish']]);
    expect(err).toMatch(
      /^sfn-role-audit: \S+\.sfn-role-audit\.yml: ignore\[0\] expired on 2026-04-30: the findings it ignored count again\n$/,
    );
  });

  it('keeps applying a rule on its expiry day', async () => {
    const { code } = await checkWithConfig(
      `${INPUTS}ignore:\n  - rule: MissingPermission\n    reason: until the migration\n    expires: 2026-05-01\n`,
    );
    expect(code).toBe(0);
  });

  it.each<{ name: string; config: string; args: string[]; code: number }>([
    { name: 'the config fail-on', config: 'fail-on: critical\n', args: [], code: 0 },
    {
      name: "an override's fail-on for the matching target",
      config: `fail-on: low\noverrides:\n  - state-machine: "**/simple.asl.json"\n    fail-on: none\n`,
      args: [],
      code: 0,
    },
    {
      name: "an override's fail-on that does not match",
      config: `overrides:\n  - state-machine: "**/legacy.asl.json"\n    fail-on: none\n`,
      args: [],
      code: 1,
    },
    {
      name: 'the command line --fail-on over an override',
      config: `overrides:\n  - state-machine: "**/simple.asl.json"\n    fail-on: none\n`,
      args: ['--fail-on', 'high'],
      code: 1,
    },
    {
      name: 'the command line --fail-on over the config',
      config: 'fail-on: none\n',
      args: ['--fail-on', 'high'],
      code: 1,
    },
  ])('exits by $name', async ({ config, args, code }) => {
    expect((await checkWithConfig(`${INPUTS}${config}`, args)).code).toBe(code);
  });

  it('suppresses by an ignore rule of an override', async () => {
    const { code, report } = await checkWithConfig(
      `${INPUTS}overrides:\n  - state-machine: "**/simple.asl.json"\n    ignore:\n      - purpose: invoke\n        reason: legacy\n`,
    );
    expect(code).toBe(0);
    expect(report?.suppressed.map((f) => f.details?.suppressedBecause)).toEqual(['legacy']);
  });

  it('lets a command-line definition replace the config inputs', async () => {
    const full = join(ROOT, 'test', 'fixtures', 'cli', 'role-full.json');
    const args = ['--definition', DEFINITION, '--state-machine-arn', ARN, '--policy', full];
    const { code, report } = await checkWithConfig(INPUTS, args);
    expect(code).toBe(0);
    expect(report?.findings).toEqual([]);
  });

  it.each<{ name: string; config: string; error: RegExp }>([
    {
      name: 'an unknown key',
      config: `${INPUTS}fail_on: high\n`,
      error:
        /^sfn-role-audit: \S+\.sfn-role-audit\.yml:4: fail_on: unknown key "fail_on" \(did you mean "fail-on"\?\)\n$/,
    },
    {
      name: 'an ignore rule without a reason',
      config: `${INPUTS}ignore:\n  - rule: MissingPermission\n`,
      error: /^sfn-role-audit: \S+:5: ignore\[0\]: an ignore rule needs a "reason" \(why the finding is accepted\)\n$/,
    },
  ])('exits 2 with one line for $name', async ({ config, error }) => {
    const { code, err } = await checkWithConfig(config);
    expect(code).toBe(2);
    expect(err).toMatch(error);
  });

  it('exits 2 naming a --config file that does not exist', async () => {
    const io = fakeIo();
    const code = await runCli(['check', '--config', 'no-such.yml'], { io, clients: CLIENTS, now: () => NOW });
    expect(code).toBe(2);
    expect(io.err).toMatch(/^sfn-role-audit: cannot read \S*no-such\.yml: no such file\n$/);
  });
});

describe('check finds its config file (built CLI)', () => {
  beforeAll(ensureCliBuilt);

  function run(cwd: string, args: string[]) {
    const result = spawnSync(process.execPath, [CLI, 'check', ...args], { cwd, encoding: 'utf8', timeout: 30_000 });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  it('reads .sfn-role-audit.yml at the git root from a subfolder, its paths relative to the root', () => {
    const dir = folderWith({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.sfn-role-audit.yml': 'definition: sm.asl.json\npolicy: iam/role.json\nfail-on: high\nformat: json\n',
      'sm.asl.json': JSON.stringify({
        StartAt: 'Notify',
        States: {
          Notify: {
            Type: 'Task',
            Resource: 'arn:aws:states:::sns:publish',
            Parameters: { TopicArn: 'arn:aws:sns:us-east-1:111122223333:orders', 'Message.$': '$' },
            End: true,
          },
        },
      }),
      'iam/role.json': JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: '*' }],
      }),
      'services/orders/README': 'a subfolder\n',
    });
    const found = run(join(dir, 'services', 'orders'), []);
    expect(found.stderr).toBe('');
    expect(found.status).toBe(1);
    expect((JSON.parse(found.stdout) as AuditReport).findings.map((f) => f.actions)).toEqual([['sns:Publish']]);
    const none = run(join(dir, 'services', 'orders'), ['--config', 'none']);
    expect(none.status).toBe(2);
    expect(none.stderr).not.toContain('sns:Publish');
  });
});
