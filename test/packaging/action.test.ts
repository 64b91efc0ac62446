import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkArguments, countUnsuppressed, splitArgs } from '../../scripts/githubAction.mjs';
import { ROOT } from '../cli/builtCli.js';

type Step = {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
  'working-directory'?: string;
};
type Action = {
  name: string;
  inputs: Record<string, { description: string; default?: string; required?: boolean }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
};

/** A GitHub Actions expression as action.yml writes it: `${{ text }}`. */
const expr = (text: string) => `$${'{{'} ${text} }}`;

const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as Action;
const steps = action.runs.steps;
const stepUsing = (prefix: string) => steps.find((step) => step.uses?.startsWith(prefix));
const audit = steps.find((step) => step.id === 'audit') as Step;

describe('action.yml', () => {
  it('is a composite action with the documented inputs and outputs', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs)).toEqual([
      'paths',
      'format',
      'fail-on',
      'sarif-file',
      'upload-sarif',
      'category',
      'args',
      'version',
      'working-directory',
      'node-version',
    ]);
    expect(action.inputs['upload-sarif']?.default).toBe('true');
    expect(action.inputs['node-version']?.default).toBe('20');
    expect(action.outputs['findings-count']?.value).toBe(expr('steps.audit.outputs.findings-count'));
    expect(action.outputs['exit-code']?.value).toBe(expr('steps.audit.outputs.exit-code'));
  });

  it('sets up Node.js with actions/setup-node@v4 before anything runs', () => {
    expect(steps[0]).toMatchObject({
      uses: 'actions/setup-node@v4',
      with: { 'node-version': expr('inputs.node-version') },
    });
  });

  it("builds the action's own checkout without install scripts, or installs the given npm version", () => {
    const build = steps.find((step) => step.if === "inputs.version == ''") as Step;
    expect(build['working-directory']).toBe(expr('github.action_path'));
    expect(build.run).toContain('npm ci --no-audit --no-fund --ignore-scripts');
    expect(build.run).toContain('node scripts/build.mjs --cli');
    const install = steps.find((step) => step.if === "inputs.version != ''") as Step;
    expect(install.env).toEqual({ SFN_ROLE_AUDIT_VERSION: expr('inputs.version') });
    expect(install.run).toContain('"sfn-role-audit@$SFN_ROLE_AUDIT_VERSION"');
  });

  it('passes every input of the audit through environment variables', () => {
    expect(audit.env).toEqual({
      INPUT_PATHS: expr('inputs.paths'),
      INPUT_FORMAT: expr('inputs.format'),
      INPUT_FAIL_ON: expr('inputs.fail-on'),
      INPUT_SARIF_FILE: expr('inputs.sarif-file'),
      INPUT_CATEGORY: expr('inputs.category'),
      INPUT_ARGS: expr('inputs.args'),
      SFN_ROLE_AUDIT_VERSION: expr('inputs.version'),
    });
    expect(audit.run).toBe('node "$GITHUB_ACTION_PATH/scripts/githubAction.mjs"');
  });

  it.each(steps.filter((step) => step.run !== undefined).map((step) => ({ name: step.name ?? '', step })))(
    'never interpolates an expression into the shell script of "$name" (script injection)',
    ({ step }) => {
      expect(step.run).not.toContain(`$${'{{'}`);
      expect(step.shell).toBe('bash');
    },
  );

  it('uploads the SARIF with github/codeql-action/upload-sarif@v3 and the category, even after findings', () => {
    const upload = stepUsing('github/codeql-action/upload-sarif') as Step;
    expect(upload.uses).toBe('github/codeql-action/upload-sarif@v3');
    expect(upload.with).toEqual({
      sarif_file: expr('steps.audit.outputs.sarif-file'),
      category: expr('inputs.category'),
    });
    expect(upload.if).toBe(
      expr("!cancelled() && inputs.upload-sarif == 'true' && steps.audit.outputs.sarif-file != ''"),
    );
    expect(steps.indexOf(upload)).toBeGreaterThan(steps.indexOf(audit));
  });

  it('fails the job on the exit code only after the upload', () => {
    const last = steps.at(-1) as Step;
    expect(last.if).toBe(expr("!cancelled() && steps.audit.outputs.exit-code != '0'"));
    expect(last.env).toEqual({ EXIT_CODE: expr('steps.audit.outputs.exit-code') });
    expect(last.run).toContain(`exit "$${'{'}EXIT_CODE:-2}"`);
  });
});

describe('scripts/githubAction.mjs', () => {
  it.each<{ name: string; text: string; words: string[] }>([
    {
      name: 'whitespace and new lines',
      text: ' --region  us-east-1\n--account\t111122223333 ',
      words: ['--region', 'us-east-1', '--account', '111122223333'],
    },
    { name: 'a double-quoted value with spaces', text: '--parameter "Name=a b"', words: ['--parameter', 'Name=a b'] },
    { name: 'single quotes around a dollar sign', text: "--context 'k=$HOME'", words: ['--context', 'k=$HOME'] },
    { name: 'an empty quoted word', text: "--substitution ''", words: ['--substitution', ''] },
    {
      name: 'shell syntax as plain text',
      text: '$(rm -rf /) ; `id` | x',
      words: ['$(rm', '-rf', '/)', ';', '`id`', '|', 'x'],
    },
  ])('splits $name', ({ text, words }) => {
    expect(splitArgs(text)).toEqual(words);
  });

  it('refuses an unterminated quote', () => {
    expect(() => splitArgs('--parameter "A=b')).toThrow('args: unterminated " quote');
  });

  it('builds the check command from the inputs', () => {
    expect(
      checkArguments({
        INPUT_PATHS: 'template.yaml\ninfra/**/*.yaml',
        INPUT_FORMAT: 'text',
        INPUT_FAIL_ON: 'medium',
        INPUT_SARIF_FILE: 'out/audit.sarif',
        INPUT_CATEGORY: 'sfn',
        INPUT_ARGS: '--region eu-west-1',
      }),
    ).toEqual({
      args: [
        'check',
        'template.yaml',
        'infra/**/*.yaml',
        '--output',
        'sarif=out/audit.sarif',
        '--output',
        'text',
        '--sarif-category',
        'sfn',
        '--fail-on',
        'medium',
        '--region',
        'eu-west-1',
      ],
      sarif: 'out/audit.sarif',
    });
  });

  it('leaves --fail-on to the config file when the input is empty', () => {
    expect(checkArguments({ INPUT_FAIL_ON: '' }).args).not.toContain('--fail-on');
  });

  it('counts the results no suppression covers', () => {
    const sarif = {
      runs: [
        { results: [{}, { suppressions: [] }, { suppressions: [{ kind: 'external' }] }] },
        { results: [{ suppressions: [{ kind: 'inSource' }] }, {}] },
        {},
      ],
    };
    expect(countUnsuppressed(sarif)).toBe(3);
  });
});
