import { spawnSync } from 'node:child_process';
import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { INPUT_LIMITS, type InputLimit } from '../../shared/local/inputLimits.js';
import { readTextFile } from '../../shared/local/readTextFile.js';
import { CLI, ensureCliBuilt, ROOT, runBuiltCli } from '../cli/builtCli.js';

beforeAll(ensureCliBuilt);

const dir = mkdtempSync(join(tmpdir(), 'sfn-role-audit-limits-'));
const DEFINITION = join(dir, 'sm.asl.json');
const POLICY = join(dir, 'policy.json');
writeFileSync(DEFINITION, JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Pass', End: true } } }));
writeFileSync(POLICY, JSON.stringify({ Version: '2012-10-17', Statement: [] }));

/** A file one byte over `limit`, sparse, so making it costs nothing and reading it would cost everything. */
function oversized(name: string, limit: InputLimit): string {
  const path = join(dir, `oversized-${name}`);
  writeFileSync(path, '');
  truncateSync(path, limit.bytes + 1);
  return path;
}

const tooLarge = (path: string, limit: InputLimit) =>
  `sfn-role-audit: ${path}: larger than ${limit.bytes / 1024 / 1024} MiB (${limit.bytes.toLocaleString('en-US')} bytes), the limit for a ${limit.what} (${limit.why})\n`;

describe('readTextFile', () => {
  const limit: InputLimit = { bytes: 10, what: 'test file', why: 'a test' };

  it('reads a file of exactly the limit', async () => {
    const path = join(dir, 'ten.txt');
    writeFileSync(path, '0123456789');
    expect(await readTextFile(path, limit)).toBe('0123456789');
  });

  it('rejects a file one byte over the limit, naming the file, the limit and why', async () => {
    const path = join(dir, 'eleven.txt');
    writeFileSync(path, '0123456789a');
    await expect(readTextFile(path, limit)).rejects.toThrow(
      `${path}: larger than 10 bytes, the limit for a test file (a test)`,
    );
  });

  it('stops reading an endless device at the limit', async () => {
    await expect(readTextFile('/dev/zero', limit)).rejects.toThrow('/dev/zero: larger than 10 bytes');
  });

  it('keeps multi-byte characters split across chunks whole', async () => {
    const path = join(dir, 'utf8.txt');
    const text = 'é'.repeat(70_000);
    writeFileSync(path, text);
    expect(await readTextFile(path, { bytes: 1_000_000, what: 'test file', why: 'a test' })).toBe(text);
  });
});

describe('sfn-role-audit input size limits', () => {
  it.each([
    { name: 'definition', limit: INPUT_LIMITS.definition, args: (p: string) => ['requirements', '--definition', p] },
    { name: 'describe output', limit: INPUT_LIMITS.describe, args: (p: string) => ['requirements', '--describe', p] },
    {
      name: 'policy',
      limit: INPUT_LIMITS.policy,
      args: (p: string) => ['check', '--definition', DEFINITION, '--policy', p],
    },
    {
      name: 'boundary',
      limit: INPUT_LIMITS.policy,
      args: (p: string) => ['check', '--definition', DEFINITION, '--policy', POLICY, '--boundary', p],
    },
    {
      name: 'SCP',
      limit: INPUT_LIMITS.policy,
      args: (p: string) => ['check', '--definition', DEFINITION, '--policy', POLICY, '--scp', p],
    },
    {
      name: 'authorization details',
      limit: INPUT_LIMITS.authorizationDetails,
      args: (p: string) => ['check', '--definition', DEFINITION, '--authorization-details', p, '--role-name', 'r'],
    },
    {
      name: 'substitutions',
      limit: INPUT_LIMITS.substitutions,
      args: (p: string) => ['requirements', '--definition', DEFINITION, '--substitutions', p],
    },
  ])('rejects a $name file over its limit with one line and exit 2', ({ name, limit, args }) => {
    const path = oversized(`${name.replaceAll(' ', '-')}.json`, limit);
    const started = Date.now();
    const run = runBuiltCli(args(path));
    expect(run).toEqual({ status: 2, stdout: '', stderr: tooLarge(path, limit) });
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('rejects /dev/zero as a definition instead of reading it forever', () => {
    const run = runBuiltCli(['requirements', '--definition', '/dev/zero']);
    expect(run).toEqual({ status: 2, stdout: '', stderr: tooLarge('/dev/zero', INPUT_LIMITS.definition) });
  });

  it('still reads a policy from a pipe, as <(aws iam get-role-policy …) gives it', () => {
    const script = `"${process.execPath}" "${CLI}" check --definition "${DEFINITION}" --policy <(cat "${POLICY}") --format json`;
    const run = spawnSync('bash', ['-c', script], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('refuses substitutions that would grow the definition exponentially, before building it', () => {
    const substitutions: Record<string, string> = { K40: 'x' };
    for (let index = 0; index < 40; index++) substitutions[`K${index}`] = `\${K${index + 1}}\${K${index + 1}}`;
    const path = join(dir, 'doubling.json');
    writeFileSync(path, JSON.stringify(substitutions));
    const definition = join(dir, 'doubling.asl.json');
    writeFileSync(
      definition,
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a DefinitionSubstitutions placeholder
      JSON.stringify({ Comment: '${K0}', StartAt: 'A', States: { A: { Type: 'Pass', End: true } } }),
    );
    const started = Date.now();
    const run = runBuiltCli(['requirements', '--definition', definition, '--substitutions', path]);
    expect(run).toEqual({
      status: 2,
      stdout: '',
      stderr: `sfn-role-audit: ${definition}: the DefinitionSubstitutions make the definition longer than 4,194,304 characters (Step Functions accepts at most 1,048,576)\n`,
    });
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('refuses substitutions that lead back to themselves through many keys', () => {
    const substitutions: Record<string, string> = {};
    for (let index = 0; index < 40; index++)
      substitutions[`K${index}`] = `\${K${(index + 1) % 40}}\${K${(index + 1) % 40}}`;
    const path = join(dir, 'ring.json');
    writeFileSync(path, JSON.stringify(substitutions));
    const definition = join(dir, 'ring.asl.json');
    writeFileSync(
      definition,
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a DefinitionSubstitutions placeholder
      JSON.stringify({ Comment: '${K0}', StartAt: 'A', States: { A: { Type: 'Pass', End: true } } }),
    );
    const run = runBuiltCli(['requirements', '--definition', definition, '--substitutions', path]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      `sfn-role-audit: ${definition}: cannot apply the DefinitionSubstitutions: the substitutions never stop expanding (a value brings back a placeholder it replaced)\n`,
    );
  });
});
