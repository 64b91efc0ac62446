import { describe, expect, it } from 'vitest';
import { locateJsonError } from '../../shared/asl/locateJsonError.js';
import { MAX_DEFINITION_LENGTH, MAX_NESTING_DEPTH, parseDefinition } from '../../shared/asl/parseDefinition.js';
import type { AslDefinition } from '../../shared/asl/types.js';
import { walkStates } from '../../shared/asl/walkStates.js';
import { auditStateMachine } from '../../shared/audit.js';
import type { PermissionSimulator } from '../../shared/ports.js';
import { deriveRequirements } from '../../shared/requirements/deriveRequirements.js';
import type { DeriveContext } from '../../shared/types.js';

const CONTEXT: DeriveContext = {
  partition: 'aws',
  region: 'eu-west-1',
  account: '111122223333',
  stateMachineName: 'x',
};
const ALLOW_ALL: PermissionSimulator = {
  name: 'allow all',
  simulate: async (requests) => requests.map((r) => ({ action: r.action, resource: r.resource, decision: 'allowed' })),
};

/** A Task whose Parameters.X nests `levels` objects; the deepest `{` is at depth 4 + levels. */
function deepParameters(levels: number): string {
  const nest = `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
  return `{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","End":true,"Parameters":{"FunctionName":"f","X":${nest}}}}}`;
}

/** `levels` nested Parallel states (4 JSON levels each) around a Pass state. */
function nestedParallels(levels: number): string {
  let scope = '{"StartAt":"L","States":{"L":{"Type":"Pass","End":true}}}';
  for (let i = 0; i < levels; i++) {
    scope = `{"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[${scope}]}}}`;
  }
  return scope;
}

/** `levels` nested Distributed Maps (5 JSON levels each) around a Lambda Task. */
function nestedDistributedMaps(levels: number): string {
  let scope =
    '{"StartAt":"L","States":{"L":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"f"},"End":true}}}';
  for (let i = 0; i < levels; i++) {
    const processor = scope.replace(/^\{/, '{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},');
    scope = `{"StartAt":"M","States":{"M":{"Type":"Map","End":true,"ItemProcessor":${processor}}}}`;
  }
  return scope;
}

function messagesOf(input: unknown): string[] {
  const result = parseDefinition(input);
  return result.ok ? [] : result.issues.map((i) => i.message);
}

const TOO_DEEP = `definition nests objects and arrays more than ${MAX_NESTING_DEPTH.toLocaleString('en-US')} levels deep`;

describe('parseDefinition limits', () => {
  it.each([
    { name: 'one level under the limit', levels: MAX_NESTING_DEPTH - 5, ok: true },
    { name: 'exactly at the limit', levels: MAX_NESTING_DEPTH - 4, ok: true },
    { name: 'one level over the limit', levels: MAX_NESTING_DEPTH - 3, ok: false },
  ])('reads Parameters nested $name as text and as a value', ({ levels, ok }) => {
    for (const input of [deepParameters(levels), JSON.parse(deepParameters(levels))]) {
      const messages = messagesOf(input);
      if (ok) expect(messages).toEqual([]);
      else expect(messages).toEqual([expect.stringContaining(TOO_DEEP)]);
    }
  });

  it('names where the text first goes too deep', () => {
    const text = deepParameters(MAX_NESTING_DEPTH);
    const offset = text.indexOf('{"a":') + (MAX_NESTING_DEPTH - 4) * 5;
    expect(text[offset]).toBe('{');
    expect(messagesOf(text)).toEqual([`${TOO_DEEP} (at line 1, column ${offset + 1}, offset ${offset})`]);
  });

  it.each([
    { name: '50,000-deep Parameters', text: deepParameters(50_000) },
    { name: '5,000 nested Parallel states', text: nestedParallels(5_000) },
    { name: '2,000 nested Distributed Maps', text: nestedDistributedMaps(2_000) },
    {
      name: '200,000-deep arrays',
      text: `{"StartAt":"A","States":{"A":${'['.repeat(200_000)}${']'.repeat(200_000)}}}`,
    },
    { name: 'a truncated 50,000-deep text', text: deepParameters(50_000).slice(0, -10) },
  ])('rejects $name with a clear issue and no RangeError', ({ text }) => {
    expect(messagesOf(text)).toEqual([expect.stringContaining(TOO_DEEP)]);
  });

  it('rejects a value nested too deep to copy as one issue', () => {
    let value: unknown = 1;
    for (let i = 0; i < 200_000; i++) value = { a: value };
    expect(messagesOf({ StartAt: 'A', States: { A: value } })).toEqual([expect.stringContaining(TOO_DEEP)]);
  });

  it('locates a syntax error of deeply nested text from the message alone', () => {
    const text = `${'['.repeat(100_000)}x`;
    expect(() => locateJsonError(text, 'Unexpected token x in JSON at position 100000')).not.toThrow();
    expect(locateJsonError(text, 'Unexpected token x in JSON at position 100000')).toMatchObject({ offset: 100_000 });
  });

  it('audits Parallel and Distributed Map nesting just under the limit', async () => {
    const maps = nestedDistributedMaps(Math.floor((MAX_NESTING_DEPTH - 4) / 6));
    const parsed = parseDefinition(maps);
    expect(parsed.ok).toBe(true);
    const report = await auditStateMachine({
      description: {
        stateMachineArn: 'arn:aws:states:eu-west-1:111122223333:stateMachine:x',
        name: 'x',
        roleArn: 'arn:aws:iam::111122223333:role/r',
        definition: maps,
      },
      simulator: ALLOW_ALL,
      now: new Date('2026-01-01T00:00:00Z'),
    });
    expect(report.findings.filter((f) => f.rule === 'InvalidDefinition')).toEqual([]);
    expect(report.requirements.some((r) => r.actions.includes('lambda:InvokeFunction'))).toBe(true);
    expect(report.requirements.some((r) => r.actions.includes('states:StartExecution'))).toBe(true);
    expect(parseDefinition(nestedParallels(249)).ok).toBe(true);
  });

  it.each([
    { name: 'exactly the limit', extra: 0, ok: true },
    { name: 'one character over', extra: 1, ok: false },
  ])('accepts a definition of $name in length', ({ extra, ok }) => {
    const body = '{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}';
    const text = body + ' '.repeat(MAX_DEFINITION_LENGTH - body.length + extra);
    expect(messagesOf(text)).toEqual(
      ok ? [] : ['definition is 1,048,577 characters long; Step Functions accepts at most 1,048,576'],
    );
    expect(messagesOf(`\uFEFF${text}`)).toEqual(messagesOf(text));
  });

  it('walks and derives 150,000 flat states, and reports their text as too long', async () => {
    const names = Array.from({ length: 150_000 }, (_, i) => `S${i}`);
    const states = Object.fromEntries(
      names.map((name, i) => [
        name,
        i + 1 < names.length ? { Type: 'Pass', Next: names[i + 1] } : { Type: 'Pass', End: true },
      ]),
    );
    const definition = { StartAt: 'S0', States: states } as AslDefinition;
    expect(walkStates(definition)).toHaveLength(150_000);
    expect(deriveRequirements(definition, CONTEXT)).toEqual([]);
    const text = JSON.stringify(definition);
    expect(messagesOf(text)).toEqual([
      `definition is ${text.length.toLocaleString('en-US')} characters long; Step Functions accepts at most 1,048,576`,
    ]);
    const report = await auditStateMachine({
      description: {
        stateMachineArn: 'arn:aws:states:eu-west-1:111122223333:stateMachine:x',
        name: 'x',
        roleArn: 'arn:aws:iam::111122223333:role/r',
        definition: text,
      },
      simulator: ALLOW_ALL,
      now: new Date('2026-01-01T00:00:00Z'),
    });
    expect(report.findings.map((f) => f.rule)).toEqual(['InvalidDefinition']);
  });
});
