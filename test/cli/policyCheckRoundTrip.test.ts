import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PolicyDocument } from '../../shared/types.js';
import { ensureCliBuilt, runBuiltCli } from './builtCli.js';
import { checkJson } from './reportOf.js';

beforeAll(ensureCliBuilt);

const ARN = 'arn:aws:states:us-east-1:111122223333:stateMachine:orders';

/** 120 Lambda tasks with long function names: the least-privilege policy is over IAM's 10,240 inline characters. */
function writeLargeDefinition(dir: string): string {
  const states: Record<string, unknown> = {};
  const count = 120;
  for (let index = 0; index < count; index++) {
    states[`Step ${index}`] = {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { FunctionName: `orders-processing-step-with-a-long-descriptive-name-${index}` },
      ...(index === count - 1 ? { End: true } : { Next: `Step ${index + 1}` }),
    };
  }
  const path = join(dir, 'large.asl.json');
  writeFileSync(path, JSON.stringify({ StartAt: 'Step 0', States: states }));
  return path;
}

describe('sfn-role-audit policy → check', () => {
  let dir: string;
  let definition: string;
  let documents: PolicyDocument[];
  let policyFile: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'sfn-role-audit-roundtrip-'));
    definition = writeLargeDefinition(dir);
    policyFile = join(dir, 'policy.json');
    const run = runBuiltCli(['policy', '--definition', definition, '--state-machine-arn', ARN, '-o', policyFile]);
    expect(run).toEqual({ status: 0, stdout: '', stderr: '' });
    documents = JSON.parse(readFileSync(policyFile, 'utf8')) as PolicyDocument[];
  });

  it('writes an array of several documents for the large definition', () => {
    expect(Array.isArray(documents)).toBe(true);
    expect(documents.length).toBeGreaterThan(1);
  });

  it('checks clean with the array file as one --policy', () => {
    const { run, report } = checkJson(['--definition', definition, '--state-machine-arn', ARN, '--policy', policyFile]);
    expect(report.findings.map((finding) => `${finding.rule} ${finding.actions.join(',')}`)).toEqual([]);
    expect(run.status).toBe(0);
  });

  it('checks clean with one --policy file per document', () => {
    const flags = documents.flatMap((document, index) => {
      const path = join(dir, `policy-${index}.json`);
      writeFileSync(path, JSON.stringify(document));
      return ['--policy', path];
    });
    const { run, report } = checkJson(['--definition', definition, '--state-machine-arn', ARN, ...flags]);
    expect(report.findings).toEqual([]);
    expect(run.status).toBe(0);
  });

  it('reports the functions only the other documents grant when given the first document alone', () => {
    const first = join(dir, 'first.json');
    writeFileSync(first, JSON.stringify(documents[0]));
    const { run, report } = checkJson(['--definition', definition, '--state-machine-arn', ARN, '--policy', first]);
    expect(run.status).toBe(1);
    expect(
      report.findings.some((f) => f.rule === 'MissingPermission' && f.actions.includes('lambda:InvokeFunction')),
    ).toBe(true);
  });

  it('names the file and says the list is empty for an empty array', () => {
    const empty = join(dir, 'empty.json');
    writeFileSync(empty, '[]');
    const run = runBuiltCli(['check', '--definition', definition, '--policy', empty]);
    expect(run).toEqual({ status: 2, stdout: '', stderr: `sfn-role-audit: ${empty}: the policy list is empty\n` });
  });

  it('names the element of the array that is not a policy', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify([documents[0], { Role: {} }]));
    const run = runBuiltCli(['check', '--definition', definition, '--policy', bad]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      `sfn-role-audit: ${bad}[1]: expected a policy document or the output of aws iam get-role-policy or get-policy-version\n`,
    );
  });
});
