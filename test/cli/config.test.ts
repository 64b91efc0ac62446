import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ConfigFile, readConfigFile } from '../../cli/configFile.js';
import { compileTargetGlob } from '../../cli/configGlob.js';
import { hasExpired, matchesFinding, readIgnoreRule } from '../../cli/configIgnoreRule.js';
import { ConfigReader } from '../../cli/configReader.js';
import { findConfigFile } from '../../cli/findConfigFile.js';
import { mergeConfigFlags } from '../../cli/mergeConfigFlags.js';
import { parseConfigText } from '../../cli/parseConfigText.js';
import { targetKey } from '../../cli/targetKey.js';
import type { Finding } from '../../shared/types.js';

/** Parses and checks config text as `check` does. */
function readConfig(text: string, file = '.sfn-role-audit.yml'): ConfigFile {
  const parsed = parseConfigText(text, file);
  return readConfigFile(new ConfigReader(file, parsed), parsed.value);
}

function errorOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  }
  throw new Error('expected an error');
}

describe('readConfigFile', () => {
  it('reads every kind of key: flag defaults, lists, maps, ignore rules and overrides', () => {
    const config = readConfig(`
version: 1
fail-on: medium
format: sarif
region: eu-west-1
account: 012345678901
template: infra/app.yaml
paths: [infra/**/*.yaml, cdk.out]
parameters: {Stage: prod, Retries: 3}
substitutions: {FunctionArn: arn:aws:lambda:eu-west-1:012345678901:function:f}
context:
  aws:SourceVpc: vpc-1
  aws:PrincipalTag/team: [a, b]
output: [sarif=out/report.sarif, text]
ignore:
  - rule: MissingPermission
    purpose: cancel
    action: [batch:TerminateJob]
    state-machine: "**#Legacy*"
    reason: the nightly sweeper stops orphaned jobs
    expires: 2026-12-31
overrides:
  - state-machine: infra/legacy.yaml#*
    fail-on: none
    parameters: {Stage: legacy}
    ignore:
      - state: Notify
        reason: topic owned by another team
`);
    expect(Object.fromEntries(config.scalars)).toEqual({
      'fail-on': 'medium',
      format: 'sarif',
      region: 'eu-west-1',
      account: '012345678901',
    });
    expect(Object.fromEntries(config.lists)).toEqual({
      template: ['infra/app.yaml'],
      output: ['sarif=out/report.sarif', 'text'],
    });
    expect(config.paths).toEqual(['infra/**/*.yaml', 'cdk.out']);
    expect(Object.fromEntries(config.parameters)).toEqual({ Stage: 'prod', Retries: '3' });
    expect(config.substitutions).toEqual(
      new Map([['FunctionArn', 'arn:aws:lambda:eu-west-1:012345678901:function:f']]),
    );
    expect(config.context).toEqual(
      new Map([
        ['aws:SourceVpc', ['vpc-1']],
        ['aws:PrincipalTag/team', ['a', 'b']],
      ]),
    );
    expect(config.ignore).toEqual([
      {
        where: '.sfn-role-audit.yml: ignore[0]',
        rule: 'MissingPermission',
        purpose: 'cancel',
        actions: ['batch:terminatejob'],
        stateMachine: '**#Legacy*',
        reason: 'the nightly sweeper stops orphaned jobs',
        expires: '2026-12-31',
      },
    ]);
    expect(config.overrides).toEqual([
      {
        where: '.sfn-role-audit.yml: overrides[0]',
        stateMachine: 'infra/legacy.yaml#*',
        failOn: 'none',
        parameters: new Map([['Stage', 'legacy']]),
        ignore: [
          {
            where: '.sfn-role-audit.yml: overrides[0].ignore[0]',
            state: 'Notify',
            reason: 'topic owned by another team',
            stateMachine: 'infra/legacy.yaml#*',
          },
        ],
      },
    ]);
  });

  it('reads a JSON config file with JSON types', () => {
    const config = readConfig('{"fail-on": "low", "parameters": {"Count": 3, "On": true}}', '.sfn-role-audit.json');
    expect(config.scalars.get('fail-on')).toBe('low');
    expect(Object.fromEntries(config.parameters)).toEqual({ Count: '3', On: 'true' });
  });

  it('reads an empty file as no settings', () => {
    expect(readConfig('# nothing yet\n')).toMatchObject({ scalars: new Map(), ignore: [], overrides: [] });
  });

  it.each<{ name: string; text: string; file?: string; error: string }>([
    {
      name: 'an unknown top-level key, with the closest one',
      text: 'region: us-east-1\nfail_on: high\n',
      error: 'UsageError: .sfn-role-audit.yml:2: fail_on: unknown key "fail_on" (did you mean "fail-on"?)',
    },
    {
      name: 'an unknown key in an ignore rule',
      text: 'ignore:\n  - rule: MissingPermission\n    reason: ok\n  - purpse: cancel\n    reason: ok\n',
      error: 'UsageError: .sfn-role-audit.yml:4: ignore[1].purpse: unknown key "purpse" (did you mean "purpose"?)',
    },
    {
      name: 'an ignore rule without a reason',
      text: 'ignore:\n  - rule: MissingPermission\n',
      error:
        'UsageError: .sfn-role-audit.yml:2: ignore[0]: an ignore rule needs a "reason" (why the finding is accepted)',
    },
    {
      name: 'an ignore rule that matches nothing in particular',
      text: 'ignore:\n  - reason: everything is fine\n',
      error:
        'UsageError: .sfn-role-audit.yml:2: ignore[0]: an ignore rule needs at least one of rule, purpose, id, state, action',
    },
    {
      name: 'an unknown rule name',
      text: 'ignore:\n  - rule: MissingPermissions\n    reason: x\n',
      error:
        'UsageError: .sfn-role-audit.yml:2: ignore[0].rule: "MissingPermissions" is not one of MissingPermission, UnprovableResource, InferredPermission, UnresolvedPlaceholder, ConditionalPermission, UnknownIntegration, InvalidDefinition, RoleNotFound, UntrustedRole, DefinitionUnavailable, PolicyContentUnknown, UnresolvedTemplateValue (did you mean "MissingPermission"?)',
    },
    {
      name: 'an unknown purpose',
      text: 'ignore:\n  - purpose: cancl\n    reason: x\n',
      error: 'did you mean "cancel"?',
    },
    {
      name: 'an impossible expiry date',
      text: 'ignore:\n  - rule: MissingPermission\n    reason: x\n    expires: 2026-02-30\n',
      error:
        'UsageError: .sfn-role-audit.yml:4: ignore[0].expires: expected a date written YYYY-MM-DD, not "2026-02-30"',
    },
    {
      name: 'a fail-on level that does not exist',
      text: 'fail-on: severe\n',
      error: 'UsageError: .sfn-role-audit.yml:1: fail-on: "severe" is not one of critical, high, medium, low, none',
    },
    {
      name: 'a list where a string is expected',
      text: 'region: [us-east-1, eu-west-1]\n',
      error: 'UsageError: .sfn-role-audit.yml:1: region: expected a string, not a list',
    },
    {
      name: 'an empty value',
      text: 'region:\n',
      error: 'UsageError: .sfn-role-audit.yml:1: region: must not be empty',
    },
    {
      name: 'a JSON number where a string is expected (an account id would lose its leading zero)',
      text: '{"account": 12345678901}',
      file: '.sfn-role-audit.json',
      error: 'UsageError: .sfn-role-audit.json:1: account: expected a string, not a number (quote it)',
    },
    {
      name: 'a mapping as a parameter value',
      text: 'parameters:\n  Stage: {Ref: Env}\n',
      error: 'UsageError: .sfn-role-audit.yml:2: parameters.Stage: expected a string, not a mapping',
    },
    {
      name: 'ignore given as a single rule instead of a list',
      text: 'ignore:\n  rule: MissingPermission\n  reason: x\n',
      error: 'UsageError: .sfn-role-audit.yml:2: ignore: expected a list, not a mapping',
    },
    {
      name: 'write-baseline, which is an action and not a default',
      text: 'write-baseline: baseline.json\n',
      error: 'write-baseline: "write-baseline" is a command-line action, not a default',
    },
    {
      name: 'the camelCase stateMachine in an ignore rule',
      text: 'ignore:\n  - rule: MissingPermission\n    stateMachine: x\n    reason: y\n',
      error: 'ignore[0].stateMachine: unknown key "stateMachine" (did you mean "state-machine"?)',
    },
    {
      name: 'an override without state-machine',
      text: 'overrides:\n  - fail-on: none\n',
      error: 'UsageError: .sfn-role-audit.yml:2: overrides[0]: an override needs "state-machine"',
    },
    {
      name: "a state-machine inside an override's ignore rule",
      text: 'overrides:\n  - state-machine: "*"\n    ignore:\n      - rule: RoleNotFound\n        state-machine: x\n        reason: y\n',
      error: 'overrides[0].ignore[0].state-machine: the override\'s "state-machine" applies to its ignore rules',
    },
    {
      name: 'a config version this tool does not read',
      text: 'version: 2\n',
      error: 'UsageError: .sfn-role-audit.yml:1: version: this sfn-role-audit reads config version 1, not "2"',
    },
    {
      name: 'the top level as a list',
      text: '- fail-on: high\n',
      error: 'UsageError: .sfn-role-audit.yml:1: expected a mapping of keys, not a list',
    },
    {
      name: 'YAML that does not parse',
      text: 'region: us-east-1\nignore: [a, b\n',
      error: 'InputError: .sfn-role-audit.yml:3: not a valid YAML config file: Flow sequence in block collection',
    },
    {
      name: 'a duplicate key',
      text: 'region: us-east-1\nregion: eu-west-1\n',
      error: 'InputError: .sfn-role-audit.yml:2: not a valid YAML config file: Map keys must be unique',
    },
    {
      name: 'a CloudFormation tag, which means nothing in a config file',
      text: 'region: !Ref AWS::Region\n',
      error: 'InputError: .sfn-role-audit.yml:1: not a valid YAML config file: Unresolved tag: !Ref',
    },
  ])('rejects $name with one line naming the file and key', ({ text, file, error }) => {
    const message = errorOf(() => readConfig(text, file));
    expect(message).toContain(error);
    expect(message).not.toContain('\n');
  });
});

describe('mergeConfigFlags', () => {
  const config = readConfig(`
fail-on: medium
region: eu-west-1
format: sarif
output: [sarif=reports/out.sarif]
template: [infra/app.yaml]
policy: [iam/role.json]
parameters: {Stage: prod, Bucket: data}
substitutions: subs.json
`);
  const dir = '/repo';

  it.each<{
    name: string;
    cli: { flags: Record<string, string | string[]>; positionals?: string[] };
    cwd?: string;
    expected: Record<string, unknown>;
    positionals?: string[];
  }>([
    {
      name: 'fills every flag the command line leaves out, paths relative to the config folder',
      cli: { flags: {} },
      expected: {
        'fail-on': 'medium',
        region: 'eu-west-1',
        format: 'sarif',
        output: ['sarif=reports/out.sarif'],
        template: ['infra/app.yaml'],
        policy: ['iam/role.json'],
        parameter: ['Stage=prod', 'Bucket=data'],
        substitutions: 'subs.json',
      },
    },
    {
      name: 'gives paths relative to a working folder below the config file',
      cli: { flags: {} },
      cwd: '/repo/services/orders',
      expected: {
        template: ['../../infra/app.yaml'],
        output: ['sarif=../../reports/out.sarif'],
        substitutions: '../../subs.json',
      },
    },
    {
      name: 'lets the command line win flag by flag',
      cli: { flags: { 'fail-on': 'critical', region: 'us-east-1' } },
      expected: { 'fail-on': 'critical', region: 'us-east-1', template: ['infra/app.yaml'] },
    },
    {
      name: 'drops all of the config inputs when the command line names one (a definition)',
      cli: { flags: { definition: ['sm.asl.json'] } },
      expected: { definition: ['sm.asl.json'], template: undefined },
    },
    {
      name: 'drops the config inputs when the command line has positional paths (pre-commit)',
      cli: { flags: {}, positionals: ['template.yaml'] },
      expected: { template: undefined },
      positionals: ['template.yaml'],
    },
    {
      name: 'drops the config role when the command line gives authorization details',
      cli: { flags: { 'authorization-details': 'auth.json' } },
      expected: { policy: undefined, 'authorization-details': 'auth.json' },
    },
    {
      name: 'drops the config outputs when the command line gives a format',
      cli: { flags: { format: 'json' } },
      expected: { format: 'json', output: undefined },
    },
    {
      name: 'drops the config substitutions file when the command line gives one substitution',
      cli: { flags: { substitution: ['A=b'] } },
      expected: { substitution: ['A=b'], substitutions: undefined },
    },
    {
      name: 'merges template parameters key by key, the command line winning',
      cli: { flags: { parameter: ['Stage=dev', 'Extra=1'] } },
      expected: { parameter: ['Stage=dev', 'Bucket=data', 'Extra=1'] },
    },
  ])('$name', ({ cli, cwd, expected, positionals }) => {
    const merged = mergeConfigFlags({ flags: cli.flags, positionals: cli.positionals ?? [] }, config, dir, cwd ?? dir);
    const present = Object.entries(expected).filter(([, value]) => value !== undefined);
    expect(merged.flags).toMatchObject(Object.fromEntries(present));
    for (const [key, value] of Object.entries(expected)) {
      if (value === undefined) expect((merged.flags as Record<string, unknown>)[key]).toBeUndefined();
    }
    expect(merged.positionals).toEqual(positionals ?? []);
  });

  it('gives config paths as positionals when the command line names no input', () => {
    const merged = mergeConfigFlags(
      { flags: {}, positionals: [] },
      readConfig('paths: [infra/**/*.yaml]\ncontext: {aws:SourceVpc: [vpc-1, vpc-2]}\n'),
      '/repo',
      '/repo/app',
    );
    expect(merged.positionals).toEqual(['../infra/**/*.yaml']);
    expect(merged.flags.context).toEqual(['aws:SourceVpc=vpc-1', 'aws:SourceVpc=vpc-2']);
  });
});

describe('findConfigFile', () => {
  function tree(files: string[]): string {
    const root = mkdtempSync(join(tmpdir(), 'sfn-config-'));
    for (const file of files) {
      mkdirSync(join(root, file, '..'), { recursive: true });
      if (file.endsWith('/')) mkdirSync(join(root, file), { recursive: true });
      else writeFileSync(join(root, file), 'fail-on: high\n');
    }
    return root;
  }

  it.each<{ name: string; files: string[]; cwd: string; found: string | null }>([
    {
      name: 'finds the file in the working folder',
      files: ['.sfn-role-audit.yml'],
      cwd: '',
      found: '.sfn-role-audit.yml',
    },
    { name: 'finds a .json file', files: ['.sfn-role-audit.json'], cwd: '', found: '.sfn-role-audit.json' },
    {
      name: 'finds the file at the git root from a subfolder',
      files: ['.git/', '.sfn-role-audit.yaml', 'services/orders/'],
      cwd: 'services/orders',
      found: '../../.sfn-role-audit.yaml',
    },
    {
      name: 'prefers the working folder over the git root',
      files: ['.git/', '.sfn-role-audit.yml', 'app/.sfn-role-audit.yml'],
      cwd: 'app',
      found: '.sfn-role-audit.yml',
    },
    {
      name: 'does not look in folders between the working folder and the git root',
      files: ['.git/', 'a/.sfn-role-audit.yml', 'a/b/'],
      cwd: 'a/b',
      found: null,
    },
    { name: 'finds nothing outside a git repository', files: ['app/'], cwd: 'app', found: null },
  ])('$name', ({ files, cwd, found }) => {
    const root = tree(files);
    expect(findConfigFile(join(root, cwd))).toBe(found);
  });

  it('refuses two config files in one folder', () => {
    const root = tree(['.sfn-role-audit.yml', '.sfn-role-audit.json']);
    expect(errorOf(() => findConfigFile(root))).toBe(
      'UsageError: two config files: .sfn-role-audit.yml and .sfn-role-audit.json; keep one',
    );
  });
});

describe('compileTargetGlob', () => {
  it.each<{ glob: string; id: string; matches: boolean }>([
    { glob: 'infra/*.yaml#Orders*', id: 'infra/app.yaml#OrdersStateMachine', matches: true },
    { glob: 'infra/*.yaml#Orders*', id: 'infra/legacy/app.yaml#Orders', matches: false },
    { glob: 'infra/**#Orders', id: 'infra/legacy/app.yaml#Orders', matches: true },
    { glob: '**#Orders', id: 'template.yaml#Orders', matches: true },
    { glob: '**#Orders', id: 'template.yaml#OrdersV2', matches: false },
    { glob: 'sm?.asl.json', id: 'sm1.asl.json', matches: true },
    { glob: 'sm?.asl.json', id: 'sm12.asl.json', matches: false },
    { glob: 'a.b', id: 'axb', matches: false },
    { glob: 'x[1]', id: 'x[1]', matches: true },
    {
      glob: 'arn:aws:states:*:*:stateMachine:orders',
      id: 'arn:aws:states:us-east-1:1:stateMachine:orders',
      matches: true,
    },
  ])('$glob on $id: $matches', ({ glob, id, matches }) => {
    expect(compileTargetGlob(glob)(id)).toBe(matches);
  });
});

describe('targetKey', () => {
  it.each<{ name: string; id: string; cwd: string; base: string; key: string }>([
    {
      name: 'a path typed with ./',
      id: './infra/app.yaml#Orders',
      cwd: '/repo',
      base: '/repo',
      key: 'infra/app.yaml#Orders',
    },
    {
      name: 'a path typed in a subfolder',
      id: '../infra/app.yaml#Orders',
      cwd: '/repo/app',
      base: '/repo',
      key: 'infra/app.yaml#Orders',
    },
    { name: 'a definition file', id: 'sm.asl.json', cwd: '/repo/app', base: '/repo', key: 'app/sm.asl.json' },
    { name: 'an absolute path', id: '/repo/sm.asl.json', cwd: '/elsewhere', base: '/repo', key: 'sm.asl.json' },
    {
      name: 'an ARN',
      id: 'arn:aws:states:us-east-1:1:stateMachine:a',
      cwd: '/x',
      base: '/y',
      key: 'arn:aws:states:us-east-1:1:stateMachine:a',
    },
  ])('$name', ({ id, cwd, base, key }) => {
    expect(targetKey(id, cwd, base)).toBe(key);
  });
});

describe('matchesFinding', () => {
  const finding: Finding = {
    id: 'ABC123',
    rule: 'MissingPermission',
    severity: 'MEDIUM',
    purpose: 'cancel',
    state: { name: 'Run job', path: ['Run job'] },
    integration: 'arn:aws:states:::batch:submitJob.sync',
    actions: ['batch:TerminateJob', 'batch:CancelJob'],
    resources: ['*'],
    decision: 'implicitDeny',
    title: 't',
    consequence: 'c',
    docs: 'd',
  };
  const rule = (text: string) => {
    const parsed = parseConfigText(text, 'c.yml');
    return readIgnoreRule(new ConfigReader('c.yml', parsed), [], parsed.value, false);
  };

  it.each<{ name: string; text: string; matches: boolean }>([
    { name: 'its rule', text: 'rule: MissingPermission\nreason: r', matches: true },
    { name: 'another rule', text: 'rule: ConditionalPermission\nreason: r', matches: false },
    { name: 'its purpose', text: 'purpose: cancel\nreason: r', matches: true },
    { name: 'its id, without case', text: 'id: abc123\nreason: r', matches: true },
    { name: 'its state name', text: 'state: Run job\nreason: r', matches: true },
    { name: 'another state', text: 'state: Run\nreason: r', matches: false },
    {
      name: 'all its actions, without case',
      text: 'action: [BATCH:terminatejob, batch:CancelJob]\nreason: r',
      matches: true,
    },
    {
      name: 'only one of its actions (never hides the other)',
      text: 'action: batch:TerminateJob\nreason: r',
      matches: false,
    },
    { name: 'rule and purpose together', text: 'rule: MissingPermission\npurpose: cancel\nreason: r', matches: true },
    {
      name: 'rule matching but purpose not',
      text: 'rule: MissingPermission\npurpose: poll\nreason: r',
      matches: false,
    },
  ])('matches $name: $matches', ({ text, matches }) => {
    expect(matchesFinding(rule(text), finding)).toBe(matches);
  });

  it.each<{ now: string; expired: boolean }>([
    { now: '2026-06-30T23:59:59Z', expired: false },
    { now: '2026-07-01T00:00:00Z', expired: true },
  ])('a rule that expires on 2026-06-30 has expired at $now: $expired', ({ now, expired }) => {
    expect(hasExpired(rule('rule: MissingPermission\nreason: r\nexpires: 2026-06-30'), new Date(now))).toBe(expired);
  });
});
