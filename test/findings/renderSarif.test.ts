import { describe, expect, it } from 'vitest';
import { invalidDefinitionFindings } from '../../shared/findings/invalidDefinitionFindings.js';
import { renderSarif, SARIF_FINGERPRINT_KEY } from '../../shared/findings/renderSarif.js';
import { DEFINITION_TEXT, sampleReport } from './reportFixture.js';

type SarifResult = {
  ruleId: string;
  level: string;
  message: { text: string };
  locations: {
    physicalLocation: {
      artifactLocation: { uri: string };
      region: { startLine: number; startColumn: number; endLine?: number; endColumn?: number };
    };
  }[];
  partialFingerprints: Record<string, string>;
};

function render(definitionText?: string) {
  const options = {
    definitionUri: 'statemachines/orders.asl.json',
    ...(definitionText === undefined ? {} : { definitionText }),
  };
  return JSON.parse(renderSarif(sampleReport(), options));
}

describe('renderSarif', () => {
  it('writes a SARIF 2.1.0 log with one rule per rule × purpose', () => {
    const sarif = render(DEFINITION_TEXT);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    const rules = sarif.runs[0].tool.driver.rules;
    expect(rules.map((r: { id: string }) => r.id)).toEqual([
      'MissingPermission/cancel',
      'MissingPermission/invoke',
      'UntrustedRole',
    ]);
    expect(rules[1]).toMatchObject({
      defaultConfiguration: { level: 'error' },
      properties: { 'security-severity': '8.0' },
      helpUri: 'https://docs.aws.amazon.com/step-functions/latest/dg/service-integration-iam-templates.html',
    });
    expect(rules[1].shortDescription.text).toContain('to call the service');
    expect(rules[0].properties['security-severity']).toBe('5.5');
    expect(rules[2].properties['security-severity']).toBe('9.5');
  });

  it('maps severities to levels and keeps the finding id as partial fingerprint', () => {
    const report = sampleReport();
    const results: SarifResult[] = render(DEFINITION_TEXT).runs[0].results;
    expect(results.map((r) => [r.ruleId, r.level])).toEqual([
      ['UntrustedRole', 'error'],
      ['MissingPermission/invoke', 'error'],
      ['MissingPermission/cancel', 'warning'],
    ]);
    expect(results.map((r) => r.partialFingerprints[SARIF_FINGERPRINT_KEY])).toEqual(report.findings.map((f) => f.id));
    expect(results[1]?.message.text).toContain('Add: {"Effect":"Allow","Action":["ecs:RunTask"]');
  });

  it("points at the state's key in the definition file", () => {
    const results: SarifResult[] = render(DEFINITION_TEXT).runs[0].results;
    expect(results[1]?.locations[0]?.physicalLocation).toEqual({
      artifactLocation: { uri: 'statemachines/orders.asl.json', uriBaseId: '%SRCROOT%', index: 0 },
      region: { startLine: 4, startColumn: 5, endLine: 4, endColumn: 14 },
    });
    expect(results[0]?.locations[0]?.physicalLocation.region).toMatchObject({ startLine: 1, startColumn: 1 });
  });

  it('falls back to line 1 without the definition text', () => {
    const results: SarifResult[] = render().runs[0].results;
    expect(results[1]?.locations[0]?.physicalLocation.region).toEqual({ startLine: 1, startColumn: 1 });
  });

  it('names a stable analysis category, not one derived from the definition path', () => {
    expect(render(DEFINITION_TEXT).runs[0].automationDetails).toEqual({ id: 'sfn-role-audit/' });
  });

  it('points an invalid definition finding at the offending key', () => {
    const findings = invalidDefinitionFindings(
      [{ message: 'End must be true', path: ['States', 'Run job', 'End'] }],
      null,
    );
    const sarif = JSON.parse(
      renderSarif({ ...sampleReport(), findings }, { definitionUri: 'd.json', definitionText: DEFINITION_TEXT }),
    );
    expect(sarif.runs[0].results[0].ruleId).toBe('InvalidDefinition');
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.region).toEqual({
      startLine: 7,
      startColumn: 7,
      endLine: 7,
      endColumn: 12,
    });
  });
});
