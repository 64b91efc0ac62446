import { describe, expect, it } from 'vitest';
import { buildFindings } from '../../shared/findings/buildFindings.js';
import { locateJsonPath } from '../../shared/findings/locateJsonPath.js';
import { locateJsonPaths } from '../../shared/findings/locateJsonPaths.js';
import { renderSarif } from '../../shared/findings/renderSarif.js';
import type { AuditReport, Finding, Requirement } from '../../shared/types.js';
import { decide, requirement, SM_ARN } from './builders.js';

type Region = { startLine: number; startColumn: number };

function report(findings: Finding[], requirements: Requirement[]): AuditReport {
  return {
    version: '1',
    stateMachine: { arn: SM_ARN, name: 'orders', revisionId: null },
    role: { arn: 'arn:aws:iam::111122223333:role/orders' },
    auditedAt: '2025-01-02T03:04:05.000Z',
    requirements,
    findings,
    suppressed: [],
    notCheckable: [],
    summary: {
      bySeverity: { CRITICAL: 0, HIGH: findings.length, MEDIUM: 0, LOW: 0, INFORMATIONAL: 0 },
      requirements: requirements.length,
      checkedRequests: requirements.length,
    },
  };
}

function regionsOf(sarifText: string): Partial<Region>[] {
  const sarif = JSON.parse(sarifText) as {
    runs: { results: { locations: { physicalLocation: { region: Region } }[] }[] }[];
  };
  return (
    sarif.runs[0]?.results.map((r) => {
      const region = r.locations[0]?.physicalLocation.region;
      return { startLine: region?.startLine, startColumn: region?.startColumn };
    }) ?? []
  );
}

/**
 * A definition written one state per line, so each state's key position is known: `count` top-level Task states
 * named with characters JSON escapes, the last one a Parallel whose branch holds a Map whose processor holds a Task.
 */
function bigDefinition(count: number) {
  const names = Array.from({ length: count }, (_, i) => `Step ${i} "q" \\ / é ${'\u2028'}`);
  const lines = ['{', '  "StartAt": "Step 0",', '  "States": {'];
  const expected: { path: string[]; line: number; column: number }[] = [];
  names.forEach((name, i) => {
    expected.push({ path: ['States', name], line: lines.length + 1, column: 5 });
    const next = i + 1 < count ? JSON.stringify({ Next: names[i + 1] }).slice(1, -1) : '"Next": "Fan out"';
    lines.push(
      `    ${JSON.stringify(name)}: {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage", ${next}},`,
    );
  });
  const inner = ['States', 'Fan out', 'Branches', '1', 'States', 'Each', 'ItemProcessor', 'States', 'Work \\ it'];
  lines.push('    "Fan out": {"Type": "Parallel", "End": true, "Branches": [');
  lines.push('      {"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}},');
  lines.push('      {"StartAt": "Each", "States": {"Each": {"Type": "Map", "End": true, "ItemProcessor": {');
  lines.push('        "StartAt": "Work \\\\ it", "States": {');
  expected.push({ path: inner, line: lines.length + 1, column: 11 });
  lines.push(
    '          "Work \\u005c it": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage", "End": true}',
  );
  lines.push('        }}}}}', '    ]}', '  }', '}');
  return { text: lines.join('\n'), expected };
}

describe('renderSarif locations', () => {
  it('locates a finding per state of a 5,000-state definition, nested and escaped keys included', () => {
    const { text, expected } = bigDefinition(5_000);
    const requirements = expected.map(({ path }) =>
      requirement({ purpose: 'invoke', state: { name: path[path.length - 1] as string, path } }),
    );
    const findings = buildFindings({
      stateMachineArn: SM_ARN,
      requirements,
      decisions: requirements.map((r) => decide(r, 'implicitDeny')),
    });
    expect(findings).toHaveLength(expected.length);
    const sarif = renderSarif(report(findings, requirements), { definitionUri: 'd.asl.json', definitionText: text });
    const regions = regionsOf(sarif);
    expect(regions).toEqual(expected.map(({ line, column }) => ({ startLine: line, startColumn: column })));
  });
});

const TABLE_TEXT = `{
  "StartAt": "a",
  "States": {
    "a": {"Type": "Parallel", "Branches": [
      {"StartAt": "b", "States": {"b": {"Type": "Pass", "End": true}}},
      {"StartAt": "c", "States": {"c": {"Type": "Map", "ItemProcessor": {"StartAt": "d", "States": {
        "d": {"Type": "Task", "Resource": "x", "Parameters": {"k.$": "$.k", "list": [1, [2, {"deep": true}]], "": 0}, "End": true}
      }}, "End": true}}}
    ], "End": true},
    "say \\"hi\\"": {"Type": "Pass", "End": true},
    "\\u0041scii": {"Type": "Pass", "End": true},
    "a": {"Type": "Pass", "End": true}
  }
}`;

describe('locateJsonPaths', () => {
  it.each([
    { name: 'the root', path: [], at: { line: 1, column: 1 } },
    { name: 'a top-level key', path: ['States'], at: { line: 3, column: 3 } },
    { name: 'the first of two repeated keys', path: ['States', 'a'], at: { line: 4, column: 5 } },
    { name: 'an array element', path: ['States', 'a', 'Branches', '1'], at: { line: 6, column: 7 } },
    { name: 'a state in a branch', path: ['States', 'a', 'Branches', '0', 'States', 'b'], at: { line: 5, column: 35 } },
    {
      name: 'a state in a Map inside a branch',
      path: ['States', 'a', 'Branches', '1', 'States', 'c', 'ItemProcessor', 'States', 'd'],
      at: { line: 7, column: 9 },
    },
    {
      name: 'a dynamic key',
      path: ['States', 'a', 'Branches', '1', 'States', 'c', 'ItemProcessor', 'States', 'd', 'Parameters', 'k.$'],
      at: { line: 7, column: 63 },
    },
    {
      name: 'an element of a nested array',
      path: [
        'States',
        'a',
        'Branches',
        '1',
        'States',
        'c',
        'ItemProcessor',
        'States',
        'd',
        'Parameters',
        'list',
        '1',
        '1',
      ],
      at: { line: 7, column: 93 },
    },
    {
      name: 'an empty key',
      path: ['States', 'a', 'Branches', '1', 'States', 'c', 'ItemProcessor', 'States', 'd', 'Parameters', ''],
      at: { line: 7, column: 111 },
    },
    { name: 'a key with escaped quotes', path: ['States', 'say "hi"'], at: { line: 10, column: 5 } },
    { name: 'a key written with a \\u escape', path: ['States', 'Ascii'], at: { line: 11, column: 5 } },
    { name: 'a missing key', path: ['States', 'nope'], at: undefined },
    { name: 'an index past the end', path: ['States', 'a', 'Branches', '2'], at: undefined },
    { name: 'an index into an object', path: ['States', '0'], at: undefined },
  ])('finds $name where jsonc-parser would', ({ path, at }) => {
    expect(locateJsonPaths(TABLE_TEXT, [path])).toEqual([at]);
    expect(locateJsonPath(TABLE_TEXT, path)).toEqual(at);
  });

  it('answers many paths in their order, repeated ones included', () => {
    const paths = [['States', 'say "hi"'], [], ['States', 'say "hi"'], ['nope']];
    expect(locateJsonPaths(TABLE_TEXT, paths)).toEqual([
      { line: 10, column: 5 },
      { line: 1, column: 1 },
      { line: 10, column: 5 },
      undefined,
    ]);
  });

  it('walks text nested 100,000 levels deep without overflowing the stack', () => {
    const depth = 100_000;
    const text = `${'{"a":['.repeat(depth)}1${']}'.repeat(depth)}`;
    const path = Array.from({ length: 6 }, (_, i) => (i % 2 === 0 ? 'a' : '0'));
    expect(locateJsonPaths(text, [path])).toEqual([{ line: 1, column: 19 }]);
  });
});
