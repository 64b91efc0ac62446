import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { PreparedAudit, TargetReport } from '../../cli/preparedAudit.js';
import { type RenderContext, renderReports } from '../../cli/renderReport.js';
import type { AuditReport } from '../../shared/types.js';
import { DEFINITION_URI_TEXT, TEMPLATE_TEXT } from '../findings/renderFixtures.js';
import { sampleReport } from '../findings/reportFixture.js';
import { sarifSchemaErrors } from '../findings/sarifSchema.js';

const REPO = '/work/repo';
const CONTEXT: RenderContext = {
  color: false,
  failOn: 'high',
  automationId: 'sfn-role-audit/',
  base: { cwd: REPO, root: REPO },
};
const DESCRIBE_TEXT = '{\n  "name": "orders",\n  "definition": "{}",\n  "roleArn": "r"\n}\n';
const LIVE_ARN = 'arn:aws:states:eu-west-1:111122223333:stateMachine:orders';

function target(overrides: Partial<PreparedAudit>): PreparedAudit {
  return {
    id: 'x',
    description: { definition: '{}' },
    simulator: { name: 'none', simulate: async () => [] },
    sarifUri: 'x',
    embedded: false,
    ...overrides,
  };
}

/** How a target's results are located: [ruleId, uri, startLine, startColumn] per result. */
function placesOf(result: TargetReport): (string | number | undefined)[][] {
  const log = JSON.parse(renderReports([result], 'sarif', CONTEXT).text);
  expect(sarifSchemaErrors(JSON.stringify(log))).toEqual([]);
  return log.runs[0].results.map(
    (r: {
      ruleId: string;
      locations: {
        physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } };
      }[];
    }) => {
      const location = r.locations[0]?.physicalLocation;
      return [r.ruleId, location?.artifactLocation.uri, location?.region.startLine, location?.region.startColumn];
    },
  );
}

const report: AuditReport = sampleReport();

describe('renderReports: where SARIF results point', () => {
  it.each([
    {
      name: 'a definition file: each state at its key, state-machine-wide findings at line 1',
      target: target({ id: 'sm.asl.json', sarifUri: 'statemachine/orders.asl.json', sarifText: DEFINITION_URI_TEXT }),
      places: [
        ['UntrustedRole', 'statemachine/orders.asl.json', 1, 1],
        ['MissingPermission/invoke', 'statemachine/orders.asl.json', 4, 5],
        ['MissingPermission/cancel', 'statemachine/orders.asl.json', 4, 5],
      ],
    },
    {
      name: 'a template with an inline definition: every result at the state machine resource',
      target: target({
        id: 'template.yaml#Orders',
        sarifUri: 'template.yaml',
        sarifText: TEMPLATE_TEXT,
        embedded: true,
        resource: { uri: `${REPO}/template.yaml`, text: TEMPLATE_TEXT, line: 4, column: 3 },
      }),
      places: [
        ['UntrustedRole', 'template.yaml', 4, 3],
        ['MissingPermission/invoke', 'template.yaml', 4, 3],
        ['MissingPermission/cancel', 'template.yaml', 4, 3],
      ],
    },
    {
      name: 'a template with a DefinitionUri file: states in that file, the role at the resource',
      target: target({
        id: 'template.yaml#Orders',
        sarifUri: 'statemachine/orders.asl.json',
        sarifText: DEFINITION_URI_TEXT,
        resource: { uri: 'template.yaml', text: TEMPLATE_TEXT, line: 4, column: 3 },
      }),
      places: [
        ['UntrustedRole', 'template.yaml', 4, 3],
        ['MissingPermission/invoke', 'statemachine/orders.asl.json', 4, 5],
        ['MissingPermission/cancel', 'statemachine/orders.asl.json', 4, 5],
      ],
    },
    {
      name: 'a template with a YAML DefinitionUri file: states at their keys in that file',
      target: target({
        id: 'template.yaml#Orders',
        sarifUri: 'statemachine/orders.asl.yaml',
        sarifText: 'StartAt: Run job\nStates:\n  Run job:\n    Type: Task\n    End: true\n',
        sarifYaml: true,
        resource: { uri: 'template.yaml', text: TEMPLATE_TEXT, line: 4, column: 3 },
      }),
      places: [
        ['UntrustedRole', 'template.yaml', 4, 3],
        ['MissingPermission/invoke', 'statemachine/orders.asl.yaml', 3, 3],
        ['MissingPermission/cancel', 'statemachine/orders.asl.yaml', 3, 3],
      ],
    },
    {
      name: 'a template with a YAML DefinitionUri file that does not parse: the resource',
      target: target({
        id: 'template.yaml#Orders',
        sarifUri: 'statemachine/orders.asl.yaml',
        sarifText: 'States: [unclosed\n',
        sarifYaml: true,
        resource: { uri: 'template.yaml', text: TEMPLATE_TEXT, line: 4, column: 3 },
      }),
      places: [
        ['UntrustedRole', 'template.yaml', 4, 3],
        ['MissingPermission/invoke', 'template.yaml', 4, 3],
        ['MissingPermission/cancel', 'template.yaml', 4, 3],
      ],
    },
    {
      name: 'a YAML definition file (--definition): states at their keys, the rest at line 1',
      target: target({
        id: 'orders.asl.yaml',
        sarifUri: 'orders.asl.yaml',
        sarifText: 'StartAt: Run job\nStates:\n  Run job:\n    Type: Task\n    End: true\n',
        sarifYaml: true,
      }),
      places: [
        ['UntrustedRole', 'orders.asl.yaml', 1, 1],
        ['MissingPermission/invoke', 'orders.asl.yaml', 3, 3],
        ['MissingPermission/cancel', 'orders.asl.yaml', 3, 3],
      ],
    },
    {
      name: 'a describe file: every result at its "definition" key',
      target: target({ id: 'describe.json', sarifUri: 'describe.json', sarifText: DESCRIBE_TEXT, embedded: true }),
      places: [
        ['UntrustedRole', 'describe.json', 3, 3],
        ['MissingPermission/invoke', 'describe.json', 3, 3],
        ['MissingPermission/cancel', 'describe.json', 3, 3],
      ],
    },
    {
      name: 'a live check: the ARN',
      target: target({ id: LIVE_ARN, sarifUri: LIVE_ARN, embedded: true }),
      places: [
        ['UntrustedRole', LIVE_ARN, 1, 1],
        ['MissingPermission/invoke', LIVE_ARN, 1, 1],
        ['MissingPermission/cancel', LIVE_ARN, 1, 1],
      ],
    },
  ])('points $name', ({ target: prepared, places }) => {
    expect(placesOf({ target: prepared, report })).toEqual(places);
  });
});

describe('renderReports: JUnit', () => {
  it('names the definition file (or the template) on each test case and fails at --fail-on', () => {
    const parser = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      isArray: (n) => n === 'testcase',
    });
    const results: TargetReport[] = [
      { target: target({ id: 'a', sarifUri: 'infra/my dir/a.asl.json', sarifText: DEFINITION_URI_TEXT }), report },
      {
        target: target({
          id: 'template.yaml#Orders',
          sarifUri: 'template.yaml',
          sarifText: TEMPLATE_TEXT,
          embedded: true,
          resource: { uri: 'template.yaml', text: TEMPLATE_TEXT, line: 4, column: 3 },
        }),
        report,
      },
    ];
    const strict = parser.parse(renderReports(results, 'junit', CONTEXT).text);
    const [first, second] = strict.testsuites.testsuite;
    expect(first.testcase.map((c: { file: string }) => c.file)).toEqual(Array(4).fill('infra/my dir/a.asl.json'));
    expect(second.testcase.map((c: { file: string }) => c.file)).toEqual(Array(4).fill('template.yaml'));
    expect(strict.testsuites.failures).toBe('4');
    const lenient = parser.parse(renderReports(results, 'junit', { ...CONTEXT, failOn: 'critical' }).text);
    expect(lenient.testsuites.failures).toBe('2');
    const perTarget = parser.parse(
      renderReports(results, 'junit', { ...CONTEXT, failOnOf: (id) => (id === 'a' ? 'none' : 'medium') }).text,
    );
    expect(perTarget.testsuites.testsuite.map((s: { failures: string }) => s.failures)).toEqual(['0', '3']);
  });
});
