import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureCliBuilt, fixture, ROOT, runBuiltCli } from './builtCli.js';
import { checkJson, findingsFor } from './reportOf.js';

beforeAll(ensureCliBuilt);

const ARN = 'arn:aws:states:us-east-1:111122223333:stateMachine:orders';
const DEFINITION = ['--definition', fixture('simple.asl.json'), '--state-machine-arn', ARN];
const ANSI = String.fromCharCode(27);

describe('sfn-role-audit check (offline, --definition and --policy)', () => {
  it('finds nothing and exits 0 when the role allows everything', () => {
    const { run, report } = checkJson([...DEFINITION, '--policy', fixture('role-full.json')]);
    expect(run.status).toBe(0);
    expect(report.findings).toEqual([]);
    expect(report.stateMachine.arn).toBe(ARN);
  });

  it('reports the missing action with severity, state, consequence and statement, and exits 1 at --fail-on high', () => {
    const { run, report } = checkJson([...DEFINITION, '--policy', fixture('role-lambda-only.json')]);
    expect(run.status).toBe(1);
    const [publish, ...others] = findingsFor(report, 'sns:Publish');
    expect(others).toEqual([]);
    expect(publish).toMatchObject({
      rule: 'MissingPermission',
      severity: 'HIGH',
      purpose: 'invoke',
      state: { name: 'Notify' },
      decision: 'implicitDeny',
      resources: ['arn:aws:sns:us-east-1:111122223333:orders'],
      remediation: { Effect: 'Allow' },
    });
    expect(publish?.consequence).not.toBe('');
    expect(findingsFor(report, 'lambda:InvokeFunction')).toEqual([]);
  });

  it('exits 0 when the worst finding is below --fail-on', () => {
    const run = runBuiltCli([
      ...['check', ...DEFINITION],
      '--policy',
      fixture('role-lambda-only.json'),
      '--fail-on',
      'critical',
    ]);
    expect(run.status).toBe(0);
  });

  it('reads get-role-policy output whose document is URL-encoded', () => {
    const { run, report } = checkJson([...DEFINITION, '--policy', fixture('get-role-policy-encoded.json')]);
    expect(run.status).toBe(0);
    expect(report.findings).toEqual([]);
  });

  it('combines repeated --policy files, including get-policy-version output', () => {
    const { run, report } = checkJson([
      ...DEFINITION,
      '--policy',
      fixture('role-lambda-only.json'),
      '--policy',
      fixture('get-policy-version.json'),
    ]);
    expect(run.status).toBe(0);
    expect(report.findings).toEqual([]);
  });

  it('reports an action the --boundary does not allow, which the role alone allows', () => {
    const { run, report } = checkJson([
      ...DEFINITION,
      '--policy',
      fixture('role-full.json'),
      '--boundary',
      fixture('boundary-lambda-only.json'),
    ]);
    expect(run.status).toBe(1);
    expect(findingsFor(report, 'sns:Publish')).toMatchObject([
      { severity: 'HIGH', decision: 'implicitDeny', deniedBy: 'boundary' },
    ]);
    expect(findingsFor(report, 'lambda:InvokeFunction')).toEqual([]);
  });

  it('reports an action an --scp level denies as an explicit deny by the SCP', () => {
    const { run, report } = checkJson([
      ...DEFINITION,
      '--policy',
      fixture('role-full.json'),
      '--scp',
      fixture('scp-deny-sns.json'),
    ]);
    expect(run.status).toBe(1);
    expect(findingsFor(report, 'sns:Publish')).toMatchObject([{ decision: 'explicitDeny', deniedBy: 'scp' }]);
    expect(findingsFor(report, 'lambda:InvokeFunction')).toEqual([]);
  });

  it.each([
    { name: 'allows the action when --context satisfies the condition', team: 'orders', publishFindings: 0 },
    { name: 'denies the action when --context contradicts the condition', team: 'billing', publishFindings: 1 },
  ])('$name', ({ team, publishFindings }) => {
    const { report } = checkJson([
      ...DEFINITION,
      '--policy',
      fixture('role-sns-for-team.json'),
      '--context',
      `aws:PrincipalTag/team=${team}`,
    ]);
    expect(findingsFor(report, 'sns:Publish')).toHaveLength(publishFindings);
  });

  it.each([
    { name: 'a rule', ignore: 'MissingPermission' },
    { name: 'a purpose', ignore: 'invoke' },
  ])('suppresses findings by $name with --ignore and exits 0', ({ ignore }) => {
    const { run, report } = checkJson([
      ...DEFINITION,
      '--policy',
      fixture('role-lambda-only.json'),
      '--ignore',
      ignore,
    ]);
    expect(run.status).toBe(0);
    expect(report.findings).toEqual([]);
    expect(report.suppressed.map((finding) => finding.actions)).toContainEqual(['sns:Publish']);
  });
});

describe('sfn-role-audit check (offline, --describe and --authorization-details)', () => {
  it('resolves the describe output role with inline, attached default-version and boundary policies', () => {
    const { run, report } = checkJson([
      '--describe',
      fixture('describe.json'),
      '--authorization-details',
      fixture('authorization-details.json'),
    ]);
    expect(run.status).toBe(0);
    expect(report.findings).toEqual([]);
    expect(report.role.arn).toBe('arn:aws:iam::111122223333:role/app/OrdersRole');
    expect(report.stateMachine).toMatchObject({ arn: ARN, name: 'orders' });
  });

  it('checks the role named by --role-name instead of the describe output role', () => {
    const { report } = checkJson([
      '--describe',
      fixture('describe.json'),
      '--authorization-details',
      fixture('authorization-details.json'),
      '--role-name',
      'Ec2Role',
    ]);
    expect(report.role.arn).toBe('arn:aws:iam::111122223333:role/Ec2Role');
    expect(report.findings.map((finding) => finding.rule)).toContain('UntrustedRole');
  });

  it('reports a role whose trust policy does not name Step Functions', () => {
    const { run, report } = checkJson([
      '--describe',
      fixture('describe-untrusted.json'),
      '--authorization-details',
      fixture('authorization-details.json'),
      '--fail-on',
      'low',
    ]);
    expect(report.findings.map((finding) => finding.rule)).toEqual(['UntrustedRole']);
    expect(run.status).toBe(1);
  });

  it('reports a role missing from the file as RoleNotFound', () => {
    const { run, report } = checkJson([
      '--describe',
      fixture('describe-missing-role.json'),
      '--authorization-details',
      fixture('authorization-details.json'),
    ]);
    expect(report.findings.map((finding) => finding.rule)).toContain('RoleNotFound');
    expect(run.status).toBe(1);
  });
});

describe('sfn-role-audit check output', () => {
  it('prints text without ANSI colour when stdout is not a terminal', () => {
    const run = runBuiltCli(['check', ...DEFINITION, '--policy', fixture('role-lambda-only.json')]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('sns:Publish');
    expect(run.stdout).toContain('Notify');
    expect(run.stdout).not.toContain(ANSI);
  });

  it('prints no ANSI colour when NO_COLOR is set, even with FORCE_COLOR', () => {
    const run = runBuiltCli(['check', ...DEFINITION, '--policy', fixture('role-lambda-only.json')], {
      NO_COLOR: '1',
      FORCE_COLOR: '1',
    });
    expect(run.stdout).toContain('sns:Publish');
    expect(run.stdout).not.toContain(ANSI);
  });

  it('prints SARIF 2.1.0 whose results point into the definition file', () => {
    const run = runBuiltCli([
      'check',
      ...DEFINITION,
      '--policy',
      fixture('role-lambda-only.json'),
      '--format',
      'sarif',
    ]);
    expect(run.status).toBe(1);
    const log = JSON.parse(run.stdout);
    expect(log.version).toBe('2.1.0');
    const [result] = log.runs[0].results;
    expect(result.message.text).toContain('sns:Publish');
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe('test/fixtures/cli/simple.asl.json');
    const lines = readFileSync(join(ROOT, fixture('simple.asl.json')), 'utf8').split('\n');
    const notifyLine = lines.findIndex((line) => line.includes('"Notify": {')) + 1;
    expect(result.locations[0].physicalLocation.region.startLine).toBe(notifyLine);
  });

  it('points SARIF results at the "definition" key of a describe file', () => {
    const run = runBuiltCli([
      'check',
      '--describe',
      fixture('describe.json'),
      '--policy',
      fixture('role-lambda-only.json'),
      '--format',
      'sarif',
    ]);
    const log = JSON.parse(run.stdout);
    const lines = readFileSync(join(ROOT, fixture('describe.json')), 'utf8').split('\n');
    const definitionLine = lines.findIndex((line) => line.includes('"definition":')) + 1;
    const [result] = log.runs[0].results;
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe('test/fixtures/cli/describe.json');
    expect(result.locations[0].physicalLocation.region.startLine).toBe(definitionLine);
  });

  it('writes the report to --output and nothing to stdout', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'sfn-role-audit-check-')), 'report.json');
    const run = runBuiltCli([
      'check',
      ...DEFINITION,
      '--policy',
      fixture('role-lambda-only.json'),
      '--format',
      'json',
      '--output',
      out,
    ]);
    expect(run).toEqual({ status: 1, stdout: '', stderr: '' });
    expect(JSON.parse(readFileSync(out, 'utf8')).findings[0].actions).toEqual(['sns:Publish']);
  });
});
