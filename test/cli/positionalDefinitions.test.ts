import { IAMClient } from '@aws-sdk/client-iam';
import { SFNClient } from '@aws-sdk/client-sfn';
import { describe, expect, it } from 'vitest';
import { collectTargets } from '../../cli/collectTargets.js';
import { runCli } from '../../cli/runCli.js';
import type { AuditReport } from '../../shared/types.js';
import { fakeIo } from './fakeIo.js';

const INPUTS = 'test/fixtures/inputs';
const YAML_DEFINITION = `${INPUTS}/definitions/orders.asl.yaml`;
const JSON_DEFINITION = 'test/fixtures/cli/simple.asl.json';
const LAMBDA_ONLY = ['--policy', 'test/fixtures/cli/role-lambda-only.json'];
const PLACED = ['--region', 'us-east-1', '--account', '111122223333'];
const CLIENTS = { sfn: () => new SFNClient({}), iam: () => new IAMClient({}) };
const deps = () => ({ io: fakeIo(), clients: CLIENTS, now: () => new Date('2026-05-01T00:00:00Z') });

async function check(args: string[]): Promise<{ code: number; report?: AuditReport; err: string }> {
  const run = deps();
  const code = await runCli(['check', ...args, '--format', 'json'], run);
  return { code, err: run.io.err, ...(run.io.out === '' ? {} : { report: JSON.parse(run.io.out) as AuditReport }) };
}

/** rule, action, state and severity of each finding, for exact comparison. */
function summary(report: AuditReport | undefined) {
  return (report?.findings ?? []).map((f) => `${f.rule} ${f.severity} ${f.state?.name ?? '-'} ${f.actions.join(',')}`);
}

const SNS_MISSING = ['MissingPermission HIGH Notify sns:Publish'];

describe('check with YAML definitions', () => {
  it.each<{ name: string; args: string[]; findings: string[] }>([
    { name: 'a YAML definition as a positional path', args: [YAML_DEFINITION, ...LAMBDA_ONLY], findings: SNS_MISSING },
    {
      name: 'a YAML definition with --definition',
      args: ['--definition', YAML_DEFINITION, ...LAMBDA_ONLY],
      findings: SNS_MISSING,
    },
    {
      name: 'the same definition in JSON',
      args: ['--definition', JSON_DEFINITION, ...LAMBDA_ONLY],
      findings: SNS_MISSING,
    },
    {
      name: 'a .yml definition with a substitution in a number field',
      args: [
        '--definition',
        `${INPUTS}/definitions/refunds.asl.yml`,
        '--substitution',
        'RefundTimeout=30',
        ...LAMBDA_ONLY,
      ],
      findings: ['MissingPermission HIGH Refund dynamodb:PutItem'],
    },
  ])('audits $name', async ({ args, findings }) => {
    const { code, report, err } = await check([...args, ...PLACED]);
    expect(err).toBe('');
    expect(code).toBe(1);
    expect(summary(report)).toEqual(findings);
  });

  it('reads the YAML number a substitution produced as a number', async () => {
    const run = deps();
    const args = ['--definition', `${INPUTS}/definitions/refunds.asl.yml`, '--substitution', 'RefundTimeout=30'];
    const [target] = await collectTargets({ ...parse(args), policy: [LAMBDA_ONLY[1] as string] }, [], run);
    expect(JSON.parse(String(target?.description.definition)).States.Refund.TimeoutSeconds).toBe(30);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the placeholder as written in the file
    expect(target?.sarifText).toContain('TimeoutSeconds: ${RefundTimeout}');
  });

  it.each<{ name: string; file: string; error: string }>([
    {
      name: 'a duplicate key',
      file: `${INPUTS}/definitions/duplicate-key.asl.yaml`,
      error: `sfn-role-audit: ${INPUTS}/definitions/duplicate-key.asl.yaml: not valid YAML at line 6, column 3: Map keys must be unique\n`,
    },
    {
      name: 'a bad indentation',
      file: `${INPUTS}/definitions/bad-indent.asl.yaml`,
      error: `sfn-role-audit: ${INPUTS}/definitions/bad-indent.asl.yaml: not valid YAML at line 5, column 1: All mapping items must start at the same column\n`,
    },
  ])('exits 2 with one line naming the line and column of $name', async ({ file, error }) => {
    for (const args of [[file], ['--definition', file]]) {
      const { code, err } = await check([...args, ...LAMBDA_ONLY]);
      expect(code).toBe(2);
      expect(err).toBe(error);
    }
  });

  it('needs the role for a definition named as a positional path', async () => {
    const { code, err } = await check([YAML_DEFINITION]);
    expect(code).toBe(2);
    expect(err).toBe(
      'sfn-role-audit: check needs the role: --policy FILE or --authorization-details FILE (see --help)\n',
    );
  });
});

/** The flags of `check` for a few of its options, as parseArgs would give them. */
function parse(args: string[]) {
  const flags: { definition?: string[]; substitution?: string[]; 'state-machine-arn'?: string } = {};
  for (let i = 0; i < args.length; i += 2) {
    const [flag, value = ''] = [args[i], args[i + 1]];
    if (flag === '--definition') flags.definition = [...(flags.definition ?? []), value];
    if (flag === '--substitution') flags.substitution = [...(flags.substitution ?? []), value];
    if (flag === '--state-machine-arn') flags['state-machine-arn'] = value;
  }
  return flags;
}

describe('check --definition, repeated', () => {
  it('prepares one audit per file, in order, each against the same role, a file named twice once', async () => {
    const flags = {
      ...parse(['--definition', JSON_DEFINITION, '--definition', YAML_DEFINITION]),
      policy: [LAMBDA_ONLY[1] as string],
    };
    const targets = await collectTargets(
      { ...flags, definition: [...(flags.definition ?? []), JSON_DEFINITION] },
      [],
      deps(),
    );
    expect(targets.map((target) => target.id)).toEqual([JSON_DEFINITION, YAML_DEFINITION]);
    const sameDefinition = targets.map((target) => JSON.parse(String(target.description.definition)).States.Notify);
    expect(sameDefinition[0]).toEqual(sameDefinition[1]);
  });

  it('refuses --state-machine-arn with several definitions, which it cannot name at once', async () => {
    const flags = parse([
      ...['--definition', JSON_DEFINITION, '--definition', YAML_DEFINITION],
      ...['--state-machine-arn', 'arn:aws:states:us-east-1:111122223333:stateMachine:orders'],
    ]);
    await expect(collectTargets({ ...flags, policy: [LAMBDA_ONLY[1] as string] }, [], deps())).rejects.toThrow(
      '--state-machine-arn names one state machine: give it with a single --definition',
    );
  });
});
