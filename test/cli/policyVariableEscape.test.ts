import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureCliBuilt, runBuiltCli } from './builtCli.js';
import { checkJson } from './reportOf.js';

beforeAll(ensureCliBuilt);

// biome-ignore-start lint/suspicious/noTemplateCurlyInString: IAM policy-variable text, not JavaScript templates
/**
 * A closed `${…}` inside a definition is an unapplied placeholder (a hole), so the literal one here spans two
 * inputs: a Region given as `us-east-1${x` and a table named `orders}` make `…us-east-1${x:111122223333:table/orders}`,
 * which IAM would read as the policy variable `${x:111122223333:table/orders}` if it were not escaped.
 */
const PLACEMENT = ['--region', 'us-east-1${x', '--account', '111122223333'];
const ESCAPED = 'arn:aws:dynamodb:us-east-1${$}{x:111122223333:table/orders}';

describe('sfn-role-audit policy with literal ${ text', () => {
  let dir: string;
  let definition: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'sfn-role-audit-escape-'));
    definition = join(dir, 'sm.asl.json');
    writeFileSync(
      definition,
      JSON.stringify({
        StartAt: 'Get',
        States: {
          Get: {
            Type: 'Task',
            Resource: 'arn:aws:states:::dynamodb:getItem',
            Parameters: { TableName: 'orders}', Key: { id: { S: '1' } } },
            End: true,
          },
        },
      }),
    );
  });

  it('writes ${ as ${$}{ and the policy passes check', () => {
    const policy = join(dir, 'policy.json');
    const run = runBuiltCli(['policy', '--definition', definition, ...PLACEMENT, '-o', policy]);
    expect(run).toEqual({ status: 0, stdout: '', stderr: '' });
    const { run: check, report } = checkJson(['--definition', definition, ...PLACEMENT, '--policy', policy]);
    expect(report.findings).toEqual([]);
    expect(check.status).toBe(0);
    const written = runBuiltCli(['policy', '--definition', definition, ...PLACEMENT]);
    expect(JSON.parse(written.stdout).Statement[0].Resource).toEqual([ESCAPED]);
  });

  it('escapes the statement to add in a MissingPermission finding', () => {
    const empty = join(dir, 'empty.json');
    writeFileSync(empty, JSON.stringify({ Version: '2012-10-17', Statement: [] }));
    const { report } = checkJson(['--definition', definition, ...PLACEMENT, '--policy', empty, '--fail-on', 'none']);
    const finding = report.findings.find((f) => f.rule === 'MissingPermission');
    expect(finding?.remediation?.Resource).toEqual([ESCAPED]);
  });
});
// biome-ignore-end lint/suspicious/noTemplateCurlyInString: IAM policy-variable text, not JavaScript templates
