import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureCliBuilt, ROOT, runBuiltCli } from './builtCli.js';

beforeAll(ensureCliBuilt);

describe('sfn-role-audit --help and --version', () => {
  it('prints the tool help with every command and exits 0', () => {
    const run = runBuiltCli(['--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Usage: sfn-role-audit <command> [options]');
    expect(run.stdout).toMatch(/^\s+requirements\s/m);
    expect(run.stdout).toMatch(/^\s+policy\s/m);
    expect(run.stdout).toMatch(/^\s+check\s/m);
    expect(run.stderr).toBe('');
  });

  it('prints the package version', () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const run = runBuiltCli(['--version']);
    expect(run).toEqual({ status: 0, stdout: `${version}\n`, stderr: '' });
  });

  it.each([
    {
      name: 'requirements',
      usage: 'Usage: sfn-role-audit requirements (--definition FILE | --describe FILE)',
      flag: '--format text|json',
    },
    {
      name: 'policy',
      usage: 'Usage: sfn-role-audit policy (--definition FILE | --describe FILE)',
      flag: '--output FILE',
    },
    {
      name: 'check',
      usage: 'sfn-role-audit check --state-machine-arn ARN [--simulator aws|local]',
      flag: '--fail-on LEVEL',
    },
  ])('prints the help of $name with its flags', ({ name, usage, flag }) => {
    const run = runBuiltCli([name, '--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(usage);
    expect(run.stdout).toContain(flag);
  });

  it.each([
    {
      name: 'no command',
      args: [],
      reason: 'sfn-role-audit: missing command (requirements, policy, check; see sfn-role-audit --help)\n',
    },
    {
      name: 'an unknown command',
      args: ['audit'],
      reason: 'sfn-role-audit: unknown command "audit" (requirements, policy, check; see sfn-role-audit --help)\n',
    },
  ])('exits 2 with one line for $name', ({ args, reason }) => {
    expect(runBuiltCli(args)).toEqual({ status: 2, stdout: '', stderr: reason });
  });
});
