import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFindings } from '../../shared/findings/buildFindings.js';
import {
  MAX_SARIF_RESULTS,
  renderSarifLog,
  SARIF_FINGERPRINT_KEY,
  type SarifTarget,
} from '../../shared/findings/renderSarif.js';
import { roleNotFoundFinding } from '../../shared/findings/roleNotFoundFinding.js';
import type { Finding, Requirement } from '../../shared/types.js';
import { ROOT } from '../cli/builtCli.js';
import { decide, requirement, SM_ARN } from './builders.js';
import { DEFINITION_URI_TEXT, reportWith, TEMPLATE_TEXT } from './renderFixtures.js';
import { DEFINITION_TEXT, sampleReport } from './reportFixture.js';

type Region = { startLine: number; startColumn: number; endLine?: number; endColumn?: number };
type Result = {
  ruleId: string;
  ruleIndex: number;
  level: string;
  locations: {
    physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string; index: number }; region: Region };
  }[];
  partialFingerprints: Record<string, string>;
  suppressions?: { kind: string; justification: string }[];
  properties: Record<string, unknown>;
};
type Rule = { id: string; defaultConfiguration: { level: string }; properties: Record<string, unknown> };

function runOf(targets: SarifTarget[], options = {}) {
  return JSON.parse(renderSarifLog(targets, options).text).runs[0] as {
    tool: { driver: Record<string, unknown> & { rules: Rule[] } };
    automationDetails: { id: string };
    originalUriBaseIds?: Record<string, { uri?: string }>;
    artifacts: { location: { uri: string; uriBaseId?: string } }[];
    columnKind: string;
    results: Result[];
    invocations?: { toolExecutionNotifications: { message: { text: string } }[] }[];
  };
}

const SRC = '%SRCROOT%';

function definitionTarget(id: string, uri: string, report = sampleReport()): SarifTarget {
  return {
    id,
    report,
    definition: { uri, uriBaseId: SRC, text: DEFINITION_TEXT },
    anchor: { uri, uriBaseId: SRC, line: 1, column: 1, text: DEFINITION_TEXT },
  };
}

/** The findings of a `.sync` task whose role misses both poll and events: both CRITICAL. */
function neverObservedFindings(): Finding[] {
  const poll = requirement({ purpose: 'poll', actions: ['ecs:DescribeTasks'], resources: ['*'] });
  const events = requirement({
    purpose: 'events',
    actions: ['events:PutRule'],
    resources: ['arn:aws:events:eu-west-1:111122223333:rule/StepFunctionsGetEventsForECSTaskRule'],
    managedRule: 'StepFunctionsGetEventsForECSTaskRule',
  });
  return buildFindings({
    stateMachineArn: SM_ARN,
    requirements: [poll, events],
    decisions: [decide(poll, 'implicitDeny'), decide(events, 'implicitDeny')],
  });
}

describe('renderSarifLog', () => {
  it('names the tool with its version from package.json and an information URI', () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const driver = runOf([definitionTarget('d', 'd.asl.json')]).tool.driver;
    expect(driver).toMatchObject({ name: 'sfn-role-audit', version, semanticVersion: version });
    expect(driver.informationUri).toMatch(/^https:\/\//);
  });

  it('puts every target in one run, with one artifact per file and each result pointing at its own', () => {
    const run = runOf([
      definitionTarget('a.asl.json', 'a.asl.json'),
      definitionTarget('b.asl.json', 'sub%20dir/b.asl.json'),
      definitionTarget('a.asl.json again', 'a.asl.json'),
    ]);
    expect(run.artifacts).toEqual([
      { location: { uri: 'a.asl.json', uriBaseId: SRC } },
      { location: { uri: 'sub%20dir/b.asl.json', uriBaseId: SRC } },
    ]);
    expect(run.results).toHaveLength(9);
    expect(run.results.map((r) => r.locations[0]?.physicalLocation.artifactLocation.index)).toEqual([
      0, 0, 0, 1, 1, 1, 0, 0, 0,
    ]);
    expect(run.results.map((r) => r.properties.target)).toEqual([
      ...Array(3).fill('a.asl.json'),
      ...Array(3).fill('b.asl.json'),
      ...Array(3).fill('a.asl.json again'),
    ]);
    expect(run.results.every((r) => run.tool.driver.rules[r.ruleIndex]?.id === r.ruleId)).toBe(true);
    expect(run.columnKind).toBe('utf16CodeUnits');
  });

  it('keeps the finding id as partial fingerprint', () => {
    const report = sampleReport();
    const results = runOf([definitionTarget('d', 'd.asl.json', report)]).results;
    expect(results.map((r) => r.partialFingerprints[SARIF_FINGERPRINT_KEY])).toEqual(report.findings.map((f) => f.id));
  });

  it('states %SRCROOT% as the repository root when a URI uses it, and not for a live ARN', () => {
    const withRoot = runOf([definitionTarget('d', 'd.asl.json')], { sourceRoot: 'file:///repo/' });
    expect(withRoot.originalUriBaseIds).toEqual({
      [SRC]: { uri: 'file:///repo/', description: { text: 'The root of the repository.' } },
    });
    const live = runOf([{ id: SM_ARN, report: sampleReport(), anchor: { uri: SM_ARN, line: 1, column: 1 } }]);
    expect(live.originalUriBaseIds).toBeUndefined();
    expect(live.results[0]?.locations[0]?.physicalLocation).toEqual({
      artifactLocation: { uri: SM_ARN, index: 0 },
      region: { startLine: 1, startColumn: 1 },
    });
  });

  it('uses the automation id it is given, else sfn-role-audit/', () => {
    expect(runOf([]).automationDetails.id).toBe('sfn-role-audit/');
    expect(runOf([], { automationId: 'infra/prod/' }).automationDetails.id).toBe('infra/prod/');
  });

  it('points an inline template definition at the state machine resource, its key as the region', () => {
    const run = runOf([
      {
        id: 'template.yaml#Orders',
        report: sampleReport(),
        anchor: { uri: 'template.yaml', uriBaseId: SRC, line: 4, column: 3, text: TEMPLATE_TEXT },
      },
    ]);
    expect(new Set(run.results.map((r) => JSON.stringify(r.locations[0]?.physicalLocation)))).toEqual(
      new Set([
        JSON.stringify({
          artifactLocation: { uri: 'template.yaml', uriBaseId: SRC, index: 0 },
          region: { startLine: 4, startColumn: 3, endLine: 4, endColumn: 9 },
        }),
      ]),
    );
  });

  it('points the states of a DefinitionUri file into that file and state-machine-wide findings at the resource', () => {
    const run = runOf([
      {
        id: 'template.yaml#Orders',
        report: sampleReport(),
        definition: { uri: 'statemachine/orders.asl.json', uriBaseId: SRC, text: DEFINITION_URI_TEXT },
        anchor: { uri: 'template.yaml', uriBaseId: SRC, line: 4, column: 3, text: TEMPLATE_TEXT },
      },
    ]);
    const where = run.results.map((r) => {
      const { artifactLocation, region } = r.locations[0]?.physicalLocation ?? {};
      return [r.ruleId, artifactLocation?.uri, region?.startLine, region?.startColumn];
    });
    expect(where).toEqual([
      ['UntrustedRole', 'template.yaml', 4, 3],
      ['MissingPermission/invoke', 'statemachine/orders.asl.json', 4, 5],
      ['MissingPermission/cancel', 'statemachine/orders.asl.json', 4, 5],
    ]);
  });

  it('includes suppressed findings with an external suppression and its justification', () => {
    const [untrusted, invoke, cancel] = sampleReport().findings as [Finding, Finding, Finding];
    const report = reportWith([untrusted], {
      suppressed: [
        { ...invoke, details: { ...invoke.details, suppressedBecause: 'accepted until the migration' } },
        cancel,
      ],
    });
    const results = runOf([definitionTarget('d', 'd.asl.json', report)]).results;
    expect(results.map((r) => [r.ruleId, r.suppressions])).toEqual([
      ['UntrustedRole', undefined],
      ['MissingPermission/invoke', [{ kind: 'external', justification: 'accepted until the migration' }]],
      [
        'MissingPermission/cancel',
        [
          {
            kind: 'external',
            justification:
              'ignored: its rule, purpose or id is on the ignore list (--ignore, the sfn-role-audit:ignore tag)',
          },
        ],
      ],
    ]);
  });

  it("keeps a rule's level and security-severity fixed while each result carries its finding's level", () => {
    const findings = neverObservedFindings();
    expect(findings.map((f) => f.severity)).toEqual(['CRITICAL', 'CRITICAL']);
    const run = runOf([definitionTarget('d', 'd.asl.json', reportWith(findings))]);
    const rules = Object.fromEntries(run.tool.driver.rules.map((r) => [r.id, r]));
    expect(rules['MissingPermission/poll']).toMatchObject({
      defaultConfiguration: { level: 'error' },
      properties: { 'security-severity': '8.0' },
    });
    expect(rules['MissingPermission/events']).toMatchObject({
      defaultConfiguration: { level: 'note' },
      properties: { 'security-severity': '3.0' },
    });
    expect(run.results.map((r) => [r.ruleId, r.level])).toEqual([
      ['MissingPermission/poll', 'error'],
      ['MissingPermission/events', 'error'],
    ]);
  });

  it(`writes at most ${MAX_SARIF_RESULTS} results, leaving out the mildest and saying so`, () => {
    const [base] = buildFindings({
      stateMachineArn: SM_ARN,
      requirements: [requirement({ purpose: 'tracing' })],
      decisions: [decide(requirement({ purpose: 'tracing' }), 'implicitDeny')],
    }) as [Finding];
    const low: Finding[] = Array.from({ length: MAX_SARIF_RESULTS }, (_, i) => ({ ...base, id: `low-${i}` }));
    const high: Finding = { ...base, id: 'the-high-one', severity: 'HIGH' };
    const role = roleNotFoundFinding({ stateMachineArn: SM_ARN, roleArn: 'arn:aws:iam::111122223333:role/gone' });
    const rendered = renderSarifLog([
      {
        id: 'd',
        report: reportWith([...low, high], { suppressed: [role] }),
        anchor: { uri: 'd.json', line: 1, column: 1 },
      },
    ]);
    expect(rendered).toMatchObject({ results: MAX_SARIF_RESULTS, omitted: 2 });
    const run = JSON.parse(rendered.text).runs[0] as { results: Result[]; invocations: unknown };
    const ids = run.results.map((r) => r.partialFingerprints[SARIF_FINGERPRINT_KEY]);
    expect(ids).toContain('the-high-one');
    expect(ids).not.toContain(role.id);
    expect(ids).not.toContain(`low-${MAX_SARIF_RESULTS - 1}`);
    expect(run.invocations).toEqual([
      {
        executionSuccessful: true,
        toolExecutionNotifications: [
          {
            level: 'warning',
            message: {
              text: `2 of ${MAX_SARIF_RESULTS + 2} results left out, the mildest first: GitHub code scanning accepts at most ${MAX_SARIF_RESULTS} results per run.`,
            },
          },
        ],
      },
    ]);
  });

  it('lists only the rules its results use, each once', () => {
    const requirements: Requirement[] = [requirement({ purpose: 'invoke' })];
    const report = reportWith(
      buildFindings({
        stateMachineArn: SM_ARN,
        requirements,
        decisions: [decide(requirements[0] as Requirement, 'implicitDeny')],
      }),
    );
    const run = runOf([definitionTarget('a', 'a.json', report), definitionTarget('b', 'b.json', report)]);
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(['MissingPermission/invoke']);
  });
});
