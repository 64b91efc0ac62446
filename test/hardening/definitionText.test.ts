import { describe, expect, it } from 'vitest';
import { parseDefinition } from '../../shared/asl/parseDefinition.js';
import { auditStateMachine } from '../../shared/audit.js';
import { renderJson } from '../../shared/findings/renderJson.js';
import { renderSarif } from '../../shared/findings/renderSarif.js';
import { renderText } from '../../shared/findings/renderText.js';
import type { PermissionSimulator } from '../../shared/ports.js';

const DENY_ALL: PermissionSimulator = {
  name: 'deny all',
  simulate: async (requests) =>
    requests.map((r) => ({ action: r.action, resource: r.resource, decision: 'implicitDeny' })),
};
const PASS = '{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}';

async function auditText(definition: string) {
  const report = await auditStateMachine({
    description: {
      stateMachineArn: 'arn:aws:states:eu-west-1:111122223333:stateMachine:x',
      name: 'x',
      roleArn: 'arn:aws:iam::111122223333:role/r',
      definition,
    },
    simulator: DENY_ALL,
    now: new Date('2026-01-01T00:00:00Z'),
  });
  renderJson(report);
  renderText(report, { color: false });
  renderSarif(report, { definitionText: definition, definitionUri: 'd.asl.json' });
  return report;
}

describe('parseDefinition text encoding', () => {
  it('accepts a leading byte order mark, as a UTF-8 editor writes it', () => {
    expect(parseDefinition(`\uFEFF${PASS}`).ok).toBe(true);
  });

  it.each([
    { name: 'a second byte order mark', text: `\uFEFF\uFEFF${PASS}` },
    {
      name: 'a byte order mark inside the text',
      text: `{"StartAt":"A",\uFEFF"States":{"A":{"Type":"Pass","End":true}}}`,
    },
  ])('reports $name as invalid JSON with where it is', ({ text }) => {
    const result = parseDefinition(text);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.issues.map((i) => i.message)).toEqual([
      expect.stringMatching(/^definition is not valid JSON at line 1, column \d+ \(offset \d+\)/),
    ]);
  });

  it.each([
    { name: 'escaped in a state name and a field', lone: '\\ud800', raw: '\ud800' },
    { name: 'raw in a state name and a field', lone: '\udc00', raw: '\udc00' },
  ])('audits a lone surrogate $name like any other character', async ({ lone, raw }) => {
    const text = `{"StartAt":"Call ${lone}","States":{"Call ${lone}":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"fn-${lone}"},"End":true}}}`;
    const report = await auditText(text);
    expect(report.findings.map((f) => [f.rule, f.state?.name, f.resources])).toEqual([
      ['MissingPermission', `Call ${raw}`, [`arn:aws:lambda:eu-west-1:111122223333:function:fn-${raw}`]],
    ]);
  });
});
