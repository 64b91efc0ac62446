import { describe, expect, it } from 'vitest';
import { buildFindings } from '../../shared/findings/buildFindings.js';
import { renderSarif, renderSarifLog, type SarifTarget } from '../../shared/findings/renderSarif.js';
import type { Finding } from '../../shared/types.js';
import { decide, requirement, SM_ARN } from './builders.js';
import { DEFINITION_URI_TEXT, reportWith, TEMPLATE_TEXT } from './renderFixtures.js';
import { DEFINITION_TEXT, sampleReport } from './reportFixture.js';
import { sarifSchemaErrors } from './sarifSchema.js';

const SRC = '%SRCROOT%';

function fileTarget(id: string, uri: string): SarifTarget {
  return {
    id,
    report: sampleReport(),
    definition: { uri, uriBaseId: SRC, text: DEFINITION_TEXT },
    anchor: { uri, uriBaseId: SRC, line: 1, column: 1, text: DEFINITION_TEXT },
  };
}

/** Findings of a state whose name holds quotes, a control character and a lone surrogate. */
function oddlyNamedFindings(): Finding[] {
  const name = 'Say "hi" \u0007 \ud800 ✓';
  const r = requirement({ purpose: 'invoke', state: { name, path: ['States', name] } });
  return buildFindings({ stateMachineArn: SM_ARN, requirements: [r], decisions: [decide(r, 'implicitDeny')] });
}

const [untrusted, invoke, cancel] = sampleReport().findings as [Finding, Finding, Finding];

describe('SARIF against the OASIS SARIF 2.1.0 schema', () => {
  it.each([
    {
      name: 'one definition file',
      text: () => renderSarif(sampleReport(), { definitionUri: 'd.asl.json', definitionText: DEFINITION_TEXT }),
    },
    {
      name: 'one definition without its text',
      text: () => renderSarif(sampleReport(), { definitionUri: 'd.asl.json' }),
    },
    {
      name: 'several targets, a live ARN among them',
      text: () =>
        renderSarifLog(
          [
            fileTarget('a', 'a.asl.json'),
            fileTarget('b', 'nested/dir%20with%20space/b.asl.json'),
            { id: SM_ARN, report: sampleReport(), anchor: { uri: SM_ARN, line: 1, column: 1 } },
          ],
          { sourceRoot: 'file:///home/runner/work/repo/repo/', automationId: 'infra/' },
        ).text,
    },
    {
      name: 'suppressed findings',
      text: () =>
        renderSarifLog([
          {
            ...fileTarget('a', 'a.asl.json'),
            report: reportWith([untrusted], {
              suppressed: [{ ...invoke, details: { suppressedBecause: 'known: ticket 42' } }, cancel],
            }),
          },
        ]).text,
    },
    {
      name: 'a template target with an inline definition and one with a DefinitionUri file',
      text: () =>
        renderSarifLog([
          {
            id: 'template.yaml#Inline',
            report: sampleReport(),
            anchor: { uri: 'template.yaml', uriBaseId: SRC, line: 4, column: 3, text: TEMPLATE_TEXT },
          },
          {
            id: 'template.yaml#Orders',
            report: sampleReport(),
            definition: { uri: 'statemachine/orders.asl.json', uriBaseId: SRC, text: DEFINITION_URI_TEXT },
            anchor: { uri: 'template.yaml', uriBaseId: SRC, line: 4, column: 3, text: TEMPLATE_TEXT },
          },
        ]).text,
    },
    {
      name: 'a state named with quotes, a control character and a lone surrogate',
      text: () => renderSarifLog([{ ...fileTarget('a', 'a.asl.json'), report: reportWith(oddlyNamedFindings()) }]).text,
    },
    { name: 'a run without targets', text: () => renderSarifLog([]).text },
    {
      name: 'a file outside the repository',
      text: () =>
        renderSarifLog([
          { id: 'x', report: sampleReport(), anchor: { uri: 'file:///tmp/x%20y/d.json', line: 1, column: 1 } },
        ]).text,
    },
  ])('validates $name', ({ text }) => {
    expect(sarifSchemaErrors(text())).toEqual([]);
  });

  it('reports what the schema refuses (so the check can fail)', () => {
    const log = JSON.parse(renderSarif(sampleReport(), { definitionUri: 'd.json' }));
    log.runs[0].results[0].level = 'fatal';
    delete log.runs[0].results[1].message;
    log.runs[0].tool.driver.informationUri = 'not a uri';
    expect(sarifSchemaErrors(JSON.stringify(log))).toEqual(
      expect.arrayContaining([
        '/runs/0/tool/driver/informationUri must match format "uri"',
        '/runs/0/results/0/level must be equal to one of the allowed values',
        "/runs/0/results/1 must have required property 'message'",
      ]),
    );
  });
});
