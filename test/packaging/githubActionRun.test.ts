import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureCliBuilt, fixture, ROOT } from '../cli/builtCli.js';

beforeAll(ensureCliBuilt);

const ARN = 'arn:aws:states:us-east-1:111122223333:stateMachine:orders';

/** Runs the action's audit step as the runner would: in a workspace, inputs in INPUT_* variables. */
function runAuditStep(inputs: Record<string, string>, config?: string) {
  const workspace = mkdtempSync(join(tmpdir(), 'sfn-action-'));
  for (const name of ['simple.asl.json', 'role-lambda-only.json'])
    copyFileSync(join(ROOT, fixture(name)), join(workspace, name));
  if (config !== undefined) writeFileSync(join(workspace, '.sfn-role-audit.yml'), config);
  const output = join(workspace, 'github-output');
  writeFileSync(output, '');
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('AWS_')));
  const run = spawnSync(process.execPath, [join(ROOT, 'scripts', 'githubAction.mjs')], {
    cwd: workspace,
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...env, GITHUB_ACTION_PATH: ROOT, GITHUB_OUTPUT: output, INPUT_FORMAT: 'text', ...inputs },
  });
  const outputs = Object.fromEntries(
    readFileSync(output, 'utf8')
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
  return { run, outputs, workspace };
}

const ROLE_ARGS = `--definition simple.asl.json --state-machine-arn ${ARN} --policy role-lambda-only.json`;

describe('the action audit step (scripts/githubAction.mjs with the built CLI)', () => {
  it('reports the missing sns:Publish: exit-code 1, one finding, a SARIF file, the text report in the log', () => {
    const { run, outputs, workspace } = runAuditStep({ INPUT_ARGS: `--config none ${ROLE_ARGS}` });
    expect(run.status).toBe(0);
    expect(outputs).toEqual({ 'exit-code': '1', 'findings-count': '1', 'sarif-file': 'sfn-role-audit.sarif' });
    expect(run.stdout).toContain('sns:Publish');
    const sarif = JSON.parse(readFileSync(join(workspace, 'sfn-role-audit.sarif'), 'utf8'));
    expect(sarif.runs[0].results).toHaveLength(1);
  });

  it('counts no finding that the config file ignores, and exits 0', () => {
    const { outputs } = runAuditStep(
      { INPUT_ARGS: ROLE_ARGS, INPUT_SARIF_FILE: 'audit.sarif' },
      'ignore:\n  - action: sns:Publish\n    reason: the topic policy grants it\n',
    );
    expect(outputs).toEqual({ 'exit-code': '0', 'findings-count': '0', 'sarif-file': 'audit.sarif' });
  });

  it('passes fail-on through', () => {
    const { outputs } = runAuditStep({ INPUT_ARGS: `--config none ${ROLE_ARGS}`, INPUT_FAIL_ON: 'critical' });
    expect(outputs['exit-code']).toBe('0');
    expect(outputs['findings-count']).toBe('1');
  });

  it('treats shell syntax in the inputs as arguments, never as commands', () => {
    const { outputs, workspace } = runAuditStep({
      INPUT_PATHS: '$(touch pwned-paths)',
      INPUT_ARGS: `--config none ${ROLE_ARGS} --region "$(touch pwned-args)" ; touch pwned-semicolon`,
    });
    expect(outputs['exit-code']).toBe('2');
    expect(outputs['sarif-file']).toBe('');
    for (const marker of ['pwned-paths', 'pwned-args', 'pwned-semicolon']) {
      expect(existsSync(join(workspace, marker))).toBe(false);
    }
  });
});
