// biome-ignore-all lint/suspicious/noTemplateCurlyInString: DefinitionSubstitutions placeholders are ${…} text
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IAMClient, SimulatePrincipalPolicyCommand } from '@aws-sdk/client-iam';
import { DescribeStateMachineCommand, ListTagsForResourceCommand, SFNClient } from '@aws-sdk/client-sfn';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/runCli.js';
import type { AuditReport, Requirement } from '../../shared/types.js';
import { ensureCliBuilt, fixture, ROOT, runBuiltCli } from './builtCli.js';
import { fakeIo } from './fakeIo.js';
import { checkJson } from './reportOf.js';

beforeAll(ensureCliBuilt);

const ARN = 'arn:aws:states:us-east-1:111122223333:stateMachine:orders';
const FUNCTION = 'arn:aws:lambda:us-east-1:111122223333:function:orders-validate';
const OTHER_FUNCTION = 'arn:aws:lambda:us-east-1:111122223333:function:orders-other';
const PLACEHOLDERS = ['--definition', fixture('placeholders.asl.json'), '--state-machine-arn', ARN];
const UNQUOTED = ['--definition', fixture('placeholders-unquoted.asl.json'), '--state-machine-arn', ARN];
const SAM_FILE = fixture('sam-substitutions.json');
const FULL = fixture('role-full.json');

function requirementsJson(args: string[]): Requirement[] {
  const run = runBuiltCli(['requirements', ...args, '--format', 'json']);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as Requirement[];
}

function stateRequirements(requirements: Requirement[], state: string): Requirement[] {
  return requirements.filter((requirement) => requirement.state?.name === state);
}

/** A JSON file in a fresh temporary folder. */
function tempJson(name: string, content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'sfn-role-audit-substitutions-')), name);
  writeFileSync(path, content);
  return path;
}

describe('sfn-role-audit --substitution and --substitutions', () => {
  it('requirements: a --substitution makes the placeholder Resource the function ARN it stands for', () => {
    const requirements = requirementsJson([...PLACEHOLDERS, '--substitution', `OrdersFunctionArn=${FUNCTION}`]);
    const [invoke, ...others] = stateRequirements(requirements, 'Validate');
    expect(others).toEqual([]);
    expect(invoke).toMatchObject({ integration: FUNCTION, purpose: 'invoke', actions: ['lambda:InvokeFunction'] });
    expect(invoke?.unresolvedPlaceholder).toBeUndefined();
  });

  it('requirements: a substituted FunctionName gives the function ARN as the resource', () => {
    const requirements = requirementsJson([
      ...UNQUOTED,
      ...[
        '--substitution',
        `OrdersFunctionArn=${FUNCTION}`,
        '--substitution',
        'Suffix=',
        '--substitution',
        'Timeout=30',
      ],
    ]);
    const [invoke] = stateRequirements(requirements, 'Validate');
    expect(invoke).toMatchObject({ integration: 'arn:aws:states:::lambda:invoke', actions: ['lambda:InvokeFunction'] });
    expect(invoke?.resources).toContain(FUNCTION);
  });

  it('requirements: an unsubstituted placeholder Resource is an unresolvedPlaceholder requirement, not an unknown integration', () => {
    const [validate, ...others] = stateRequirements(requirementsJson(PLACEHOLDERS), 'Validate');
    expect(others).toEqual([]);
    expect(validate).toMatchObject({
      integration: '${OrdersFunctionArn}',
      purpose: 'other',
      actions: [],
      resources: [],
      unresolvedPlaceholder: '${OrdersFunctionArn}',
    });
    expect(validate?.unknownIntegration).toBeUndefined();
    expect(validate?.consequence).toMatch(/^not checked: /);
  });

  it('requirements (text): notes the unresolved placeholder', () => {
    const run = runBuiltCli(['requirements', ...PLACEHOLDERS]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('unresolved placeholder ${OrdersFunctionArn}: not checked');
  });

  it('check: reports the placeholder Resource as a LOW UnresolvedPlaceholder finding with the flag that fixes it', () => {
    const { run, report } = checkJson([...PLACEHOLDERS, '--policy', FULL]);
    expect(run.status).toBe(0);
    expect(report.findings.map((finding) => finding.rule)).toEqual(['UnresolvedPlaceholder']);
    const [finding] = report.findings;
    expect(finding).toMatchObject({
      rule: 'UnresolvedPlaceholder',
      severity: 'LOW',
      decision: null,
      state: { name: 'Validate' },
      integration: '${OrdersFunctionArn}',
      actions: [],
      resources: [],
    });
    expect(finding?.title).toContain("'Validate'");
    expect(finding?.title).toContain('${OrdersFunctionArn}');
    expect(finding?.details?.fix).toContain('--substitution OrdersFunctionArn=ARN');
    expect(finding?.details?.fix).toContain('--substitutions FILE');
    expect(finding?.details?.fix).toContain('--describe FILE');
    expect(finding?.remediation).toBeUndefined();
  });

  it('check: the placeholder is not a checked request; substituted, its invoke is', () => {
    const before = checkJson([...PLACEHOLDERS, '--policy', FULL]).report;
    const requirements = requirementsJson(PLACEHOLDERS);
    expect(stateRequirements(requirements, 'Validate').map((r) => r.actions)).toEqual([[]]);
    const requests = requirements.reduce((sum, r) => sum + r.actions.length * r.resources.length, 0);
    expect(requests).toBeGreaterThan(0);
    expect(before.summary.checkedRequests).toBe(requests);
    const after = checkJson([...PLACEHOLDERS, '--policy', FULL, '--substitution', `OrdersFunctionArn=${FUNCTION}`]);
    expect(after.report.findings.map((finding) => finding.rule)).not.toContain('UnresolvedPlaceholder');
    expect(after.report.summary.checkedRequests).toBeGreaterThan(before.summary.checkedRequests);
    const clean = checkJson([...UNQUOTED, '--policy', FULL, '--substitutions', SAM_FILE]);
    expect(clean.report.findings).toEqual([]);
    expect(clean.run.status).toBe(0);
  });

  it('check: --fail-on low fails on the placeholder finding, and --ignore UnresolvedPlaceholder mutes it', () => {
    expect(runBuiltCli(['check', ...PLACEHOLDERS, '--policy', FULL, '--fail-on', 'low']).status).toBe(1);
    const { report } = checkJson([...PLACEHOLDERS, '--policy', FULL, '--ignore', 'UnresolvedPlaceholder']);
    expect(report.findings).toEqual([]);
    expect(report.suppressed.map((finding) => finding.rule)).toEqual(['UnresolvedPlaceholder']);
  });

  it('reads a SAM template’s DefinitionSubstitutions from --substitutions FILE (integers and booleans too)', () => {
    const requirements = requirementsJson([...UNQUOTED, '--substitutions', SAM_FILE]);
    expect(stateRequirements(requirements, 'Validate')[0]?.resources).toContain(FUNCTION);
    const run = runBuiltCli(['requirements', ...PLACEHOLDERS, '--substitutions', SAM_FILE, '--format', 'json']);
    expect(run.status).toBe(0);
    expect(stateRequirements(JSON.parse(run.stdout), 'Validate')[0]?.integration).toBe(FUNCTION);
  });

  it('lets a --substitution win over --substitutions FILE, key by key', () => {
    const requirements = requirementsJson([
      ...PLACEHOLDERS,
      '--substitutions',
      SAM_FILE,
      '--substitution',
      `OrdersFunctionArn=${OTHER_FUNCTION}`,
    ]);
    const [invoke] = stateRequirements(requirements, 'Validate');
    expect(invoke?.integration).toBe(OTHER_FUNCTION);
    expect(invoke?.resources).not.toContain(FUNCTION);
    const unquoted = requirementsJson([...UNQUOTED, '--substitutions', SAM_FILE, '--substitution', 'Suffix=-v2']);
    expect(stateRequirements(unquoted, 'Validate')[0]?.resources).toContain(`${FUNCTION}-v2`);
  });

  it('accepts KEY= with an empty value, and substitutes the empty text', () => {
    const [validate] = stateRequirements(
      requirementsJson([...PLACEHOLDERS, '--substitution', 'OrdersFunctionArn=']),
      'Validate',
    );
    expect(validate).toMatchObject({ integration: '', unknownIntegration: true });
    expect(validate?.unresolvedPlaceholder).toBeUndefined();
  });

  it('policy: writes the statement for the substituted function', () => {
    const run = runBuiltCli(['policy', ...UNQUOTED, '--substitutions', SAM_FILE]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(FUNCTION);
    expect(run.stdout).not.toContain('${');
  });

  it('applies to the definition inside a --describe file', () => {
    const describe = ['--describe', fixture('describe-placeholders.json')];
    expect(stateRequirements(requirementsJson(describe), 'Validate')[0]?.unresolvedPlaceholder).toBe(
      '${OrdersFunctionArn}',
    );
    const substituted = requirementsJson([...describe, '--substitution', `OrdersFunctionArn=${FUNCTION}`]);
    expect(stateRequirements(substituted, 'Validate')[0]?.integration).toBe(FUNCTION);
  });

  it('applies to the deployed definition of a live check', async () => {
    const sfn = mockClient(SFNClient);
    const iam = mockClient(IAMClient);
    try {
      const deployed = readFileSync(join(ROOT, fixture('placeholders-unquoted.asl.json')), 'utf8');
      const definition = deployed.replace('${Timeout}', '30');
      sfn.on(DescribeStateMachineCommand).resolves({
        stateMachineArn: ARN,
        name: 'orders',
        definition,
        roleArn: 'arn:aws:iam::111122223333:role/orders-role',
        type: 'STANDARD',
        creationDate: new Date('2026-05-01T00:00:00Z'),
      });
      sfn.on(ListTagsForResourceCommand).resolves({ tags: [] });
      iam.on(SimulatePrincipalPolicyCommand).callsFake((input) => ({
        IsTruncated: false,
        EvaluationResults: (input.ActionNames ?? []).map((action: string) => ({
          EvalActionName: action,
          EvalResourceName: input.ResourceArns?.[0] ?? '*',
          EvalDecision: 'allowed',
          MatchedStatements: [],
          MissingContextValues: [],
        })),
      }));
      const io = fakeIo();
      const clients = {
        sfn: () => new SFNClient({ region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'y' } }),
        iam: () => new IAMClient({ region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'y' } }),
      };
      const args = ['--substitution', `OrdersFunctionArn=${FUNCTION}`, '--substitution', 'Suffix=', '--format', 'json'];
      const code = await runCli(['check', '--state-machine-arn', ARN, ...args], { io, clients });
      expect(io.err).toBe('');
      expect(code).toBe(0);
      const report = JSON.parse(io.out) as AuditReport;
      expect(report.findings).toEqual([]);
      const inputs = iam.commandCalls(SimulatePrincipalPolicyCommand).map((call) => call.args[0].input);
      const invoke = inputs.find((input) => input.ActionNames?.includes('lambda:InvokeFunction'));
      expect(invoke?.ResourceArns).toContain(FUNCTION);
    } finally {
      sfn.restore();
      iam.restore();
    }
  });

  it('explains a definition that is JSON only once substituted', () => {
    const run = runBuiltCli(['requirements', ...UNQUOTED]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(
      /^sfn-role-audit: test\/fixtures\/cli\/placeholders-unquoted\.asl\.json: not valid JSON at line 12, column 25: .+ \(it holds \$\{OrdersFunctionArn\}, \$\{Suffix\}, \$\{Timeout\}: give them with --substitution KEY=VALUE or --substitutions FILE\)\n$/,
    );
  });

  it.each([
    {
      name: 'a --substitution without =',
      args: ['requirements', ...PLACEHOLDERS, '--substitution', 'OrdersFunctionArn'],
      reason: '--substitution must be KEY=VALUE (VALUE may be empty), not "OrdersFunctionArn"',
    },
    {
      name: 'a --substitution without a key',
      args: ['check', ...PLACEHOLDERS, '--policy', FULL, '--substitution', '=arn:aws:lambda:x'],
      reason: '--substitution must be KEY=VALUE (VALUE may be empty), not "=arn:aws:lambda:x"',
    },
    {
      name: 'a --substitution without its value',
      args: ['policy', ...PLACEHOLDERS, '--substitution'],
      reason: "Option '--substitution <value>' argument missing (see sfn-role-audit policy --help)",
    },
    {
      name: 'a missing --substitutions file',
      args: ['requirements', ...PLACEHOLDERS, '--substitutions', fixture('nope.json')],
      reason: 'cannot read test/fixtures/cli/nope.json: no such file',
    },
  ])('exits 2 with one line for $name', ({ args, reason }) => {
    const run = runBuiltCli(args);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`sfn-role-audit: ${reason}\n`);
  });

  it.each([
    { name: 'an array', content: '["OrdersFunctionArn"]', reason: 'expected a JSON object of DefinitionSubstitutions' },
    {
      name: 'a decimal number',
      content: '{"Timeout": 0.5}',
      reason: 'the value of "Timeout" must be a string, an integer or a boolean',
    },
    {
      name: 'null',
      content: '{"Timeout": null}',
      reason: 'the value of "Timeout" must be a string, an integer or a boolean',
    },
    {
      name: 'an object',
      content: '{"Fn": {"Fn::GetAtt": ["F", "Arn"]}}',
      reason: 'the value of "Fn" must be a string, an integer or a boolean',
    },
    { name: 'bad JSON', content: '{"A": }', reason: 'not valid JSON at line 1, column 7' },
  ])('exits 2 with one line for a --substitutions file holding $name', ({ content, reason }) => {
    const path = tempJson('substitutions.json', content);
    const run = runBuiltCli(['check', ...PLACEHOLDERS, '--policy', FULL, '--substitutions', path]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`sfn-role-audit: ${path}: ${reason}`);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('exits 2 when the substitutions never stop expanding', () => {
    const run = runBuiltCli([
      'requirements',
      ...PLACEHOLDERS,
      '--substitution',
      'OrdersFunctionArn=${Other}',
      '--substitution',
      'Other=${OrdersFunctionArn}',
    ]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      'sfn-role-audit: test/fixtures/cli/placeholders.asl.json: cannot apply the DefinitionSubstitutions: the substitutions never stop expanding (a value brings back a placeholder it replaced)\n',
    );
  });

  it.each(['requirements', 'policy', 'check'])('documents the flags in %s --help', (command) => {
    const run = runBuiltCli([command, '--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('--substitution KEY=VALUE');
    expect(run.stdout).toContain('--substitutions FILE');
  });
});
