import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IAMClient } from '@aws-sdk/client-iam';
import { SFNClient } from '@aws-sdk/client-sfn';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CheckFlags } from '../../cli/checkOptions.js';
import { collectTargets } from '../../cli/collectTargets.js';
import { contextOverridesFrom } from '../../cli/loadDefinitionInput.js';
import { auditInputOf } from '../../cli/preparedAudit.js';
import { readCloudAssembly } from '../../cli/readCloudAssembly.js';
import { runCli } from '../../cli/runCli.js';
import { auditStateMachine } from '../../shared/audit.js';
import type { AuditReport } from '../../shared/types.js';
import { synthesizeCdkOut } from './cdkOutApp.js';
import { fakeIo } from './fakeIo.js';

const CLIENTS = { sfn: () => new SFNClient({}), iam: () => new IAMClient({}) };
const NOW = new Date('2026-05-01T00:00:00Z');
const deps = () => ({ io: fakeIo(), clients: CLIENTS, now: () => NOW });

let out: string;
beforeAll(() => {
  out = join(mkdtempSync(join(tmpdir(), 'sfn-role-audit-cdk-check-')), 'cdk.out');
  synthesizeCdkOut(out, { cli: true });
});

/** `rule severity purpose action` of each finding of a report. */
type Findings = string[];

/**
 * Audits what `check` collects for the flags and names each target by its construct path (from the assembly's
 * metadata), so the expectations read as the app is written: `Prod/Jobs/BatchSubmitJobRUNJOBstatic/StateMachine`.
 */
async function auditByConstructPath(flags: CheckFlags, positionals: string[] = []): Promise<Map<string, Findings>> {
  const paths = new Map<string, string>();
  for (const stack of await readCloudAssembly(out)) {
    for (const [logicalId, path] of stack.constructPaths) paths.set(logicalId, path.replace(/\/Resource$/, ''));
  }
  const results = new Map<string, Findings>();
  for (const target of await collectTargets(flags, positionals, deps())) {
    const logicalId = target.id.slice(target.id.lastIndexOf('#') + 1);
    // As check does: the target's own placement (its stack's environment) over the run's flags.
    const report = await auditStateMachine(auditInputOf(target, contextOverridesFrom(flags), flags.ignore ?? [], NOW));
    const name = paths.get(logicalId) ?? target.id;
    expect(results.has(name), `two targets named ${name}`).toBe(false);
    results.set(
      name,
      report.findings.map((f) => `${f.rule} ${f.severity} ${f.purpose} ${f.actions.join(',')}`),
    );
  }
  return results;
}

const BATCH_UNDER_GRANTS = [
  'MissingPermission MEDIUM poll batch:DescribeJobs',
  'MissingPermission MEDIUM cancel batch:TerminateJob',
];

/** Every state machine of the app and its findings with the role CDK generated for it. */
const EXPECTED: [string, Findings][] = [
  ['Prod/Jobs/BatchSubmitJobRUNJOBstatic/StateMachine', BATCH_UNDER_GRANTS],
  ['Prod/Jobs/EcsRunTaskFargateRUNJOBrevision/StateMachine', []],
  ['Prod/Jobs/Notify/SnsPublishREQUESTRESPONSE/StateMachine', []],
  // Publishes to the parent's topic, whose ARN reaches the nested stack as a parameter resolved in the parent.
  ['Prod/Jobs/Notify/AlertMachine', []],
  ['Orders/LambdaInvokeREQUESTRESPONSEimported/StateMachine', []],
  ['Orders/DynamoPutItem/StateMachine', []],
  ['Orders/StepFunctionsStartExecutionRUNJOB/Child', []],
  ['Orders/StepFunctionsStartExecutionRUNJOB/StateMachine', []],
  ['Anywhere/Idle', []],
];

describe('check --cdk-out on a synthesized CDK app', () => {
  it('audits every state machine of every stack, Stage and nested stack, with only the documented CDK under-grants', async () => {
    const results = await auditByConstructPath({ 'cdk-out': [out] });
    expect([...results]).toEqual(EXPECTED);
  });

  it('audits stacks with an environment in it whatever --region and --account say', async () => {
    const results = await auditByConstructPath({ 'cdk-out': [out], region: 'us-east-2', account: '444455556666' });
    expect([...results]).toEqual(EXPECTED);
  });

  it('audits the same state machines when cdk.out is given as a positional path', async () => {
    const results = await auditByConstructPath({}, [out]);
    expect([...results]).toEqual(EXPECTED);
  });

  it.each([
    { name: 'a stack template', file: 'assembly-Prod/ProdJobsDB64F8DD.template.json', expected: EXPECTED.slice(0, 2) },
    // A nested stack's template named alone still gets the parameters its parent passes (the parent's topic ARN).
    {
      name: 'a nested stack template',
      file: 'assembly-Prod/ProdJobsNotify4815BAA3.nested.template.json',
      expected: EXPECTED.slice(2, 4),
    },
    { name: 'an environment-agnostic stack template', file: 'Anywhere.template.json', expected: EXPECTED.slice(-1) },
  ])(
    'audits $name with --template cdk.out/FILE as --cdk-out does, placed by the manifest',
    async ({ file, expected }) => {
      const results = await auditByConstructPath({ template: [join(out, file)] });
      expect([...results]).toEqual(expected);
    },
  );

  it('places a template named as a positional path inside cdk.out by the manifest too, whatever --region says', async () => {
    const results = await auditByConstructPath({ region: 'us-east-2' }, [join(out, 'Orders.template.json')]);
    expect([...results]).toEqual(EXPECTED.slice(4, 8));
  });

  it.each([
    { name: 'fails at --fail-on medium', failOn: 'medium', code: 1 },
    { name: 'passes at the default --fail-on high', failOn: 'high', code: 0 },
  ])(
    'runs end to end from the command line and $name (the Batch under-grants are MEDIUM)',
    async ({ failOn, code }) => {
      const run = deps();
      const exit = await runCli(['check', '--cdk-out', out, '--fail-on', failOn], run);
      expect(run.io.err).toBe('');
      expect(exit).toBe(code);
      expect(run.io.out).toContain('batch:DescribeJobs');
      expect(run.io.out).toContain('batch:TerminateJob');
    },
  );

  it('reports, in JSON, only the Batch under-grants of the eu-west-1 stacks when --region names another Region', async () => {
    const run = deps();
    const exit = await runCli(['check', '--cdk-out', out, '--region', 'us-east-2', '--format', 'json'], run);
    expect(run.io.err).toBe('');
    expect(exit).toBe(0);
    const reports = (JSON.parse(run.io.out) as { reports: { report: AuditReport }[] }).reports.map((r) => r.report);
    expect(reports).toHaveLength(EXPECTED.length);
    const findings = reports.flatMap((report) => report.findings.map((f) => `${report.stateMachine.arn} ${f.actions}`));
    expect(findings).toEqual([
      expect.stringMatching(
        /^arn:aws:states:eu-west-1:111122223333:stateMachine:BatchSubmitJob\S+ batch:DescribeJobs$/,
      ),
      expect.stringMatching(
        /^arn:aws:states:eu-west-1:111122223333:stateMachine:BatchSubmitJob\S+ batch:TerminateJob$/,
      ),
    ]);
    expect(reports.at(-1)?.stateMachine.arn).toMatch(/^arn:aws:states:us-east-2:123456789012:stateMachine:Idle/);
  });
});
