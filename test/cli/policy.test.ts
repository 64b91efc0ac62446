import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PolicyDocument, PolicyStatement } from '../../shared/types.js';
import { ensureCliBuilt, fixture, runBuiltCli } from './builtCli.js';

beforeAll(ensureCliBuilt);

const ARN = 'arn:aws:states:us-east-1:111122223333:stateMachine:orders';

function statements(document: PolicyDocument): PolicyStatement[] {
  return Array.isArray(document.Statement) ? document.Statement : [document.Statement];
}

function listOf(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

describe('sfn-role-audit policy', () => {
  it('prints one least-privilege policy document granting each action on its resources', () => {
    const run = runBuiltCli(['policy', '--definition', fixture('simple.asl.json'), '--state-machine-arn', ARN]);
    expect(run.status).toBe(0);
    const document = JSON.parse(run.stdout) as PolicyDocument;
    expect(document.Version).toBe('2012-10-17');
    const publish = statements(document).find((statement) => listOf(statement.Action).includes('sns:Publish'));
    expect(publish?.Effect).toBe('Allow');
    expect(listOf(publish?.Resource)).toEqual(['arn:aws:sns:us-east-1:111122223333:orders']);
    const invoke = statements(document).find((statement) => listOf(statement.Action).includes('lambda:InvokeFunction'));
    expect(listOf(invoke?.Resource)).toContain('arn:aws:lambda:us-east-1:111122223333:function:orders-validate');
  });

  it('writes the policy to --output', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'sfn-role-audit-policy-')), 'policy.json');
    const run = runBuiltCli(['policy', '--describe', fixture('describe.json'), '--output', out]);
    expect(run).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(
      listOf(statements(JSON.parse(readFileSync(out, 'utf8')) as PolicyDocument)[0]?.Action).length,
    ).toBeGreaterThan(0);
  });

  it('exits 2 for a format it does not have', () => {
    const run = runBuiltCli(['policy', '--definition', fixture('simple.asl.json'), '--format', 'text']);
    expect(run).toEqual({
      status: 2,
      stdout: '',
      stderr: 'sfn-role-audit: --format must be one of json, not "text"\n',
    });
  });
});

describe('sfn-role-audit policy for a large definition', () => {
  it('prints an array of managed-policy-sized documents when one inline policy cannot hold it', () => {
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
    const path = join(mkdtempSync(join(tmpdir(), 'sfn-role-audit-large-')), 'large.asl.json');
    writeFileSync(path, JSON.stringify({ StartAt: 'Step 0', States: states }));
    const run = runBuiltCli(['policy', '--definition', path, '--state-machine-arn', ARN]);
    expect(run.status).toBe(0);
    const documents = JSON.parse(run.stdout) as PolicyDocument[];
    expect(Array.isArray(documents)).toBe(true);
    expect(documents.length).toBeGreaterThan(1);
    for (const document of documents)
      expect(JSON.stringify(document).replace(/\s/g, '').length).toBeLessThanOrEqual(6144);
    const resources = documents.flatMap(statements).flatMap((statement) => listOf(statement.Resource));
    expect(resources).toContain(
      'arn:aws:lambda:us-east-1:111122223333:function:orders-processing-step-with-a-long-descriptive-name-119',
    );
  });
});
