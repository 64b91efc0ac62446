import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { buildFindings } from '../../shared/findings/buildFindings.js';
import { type JunitTarget, renderJunit } from '../../shared/findings/renderJunit.js';
import { severityRank } from '../../shared/findings/severityOf.js';
import { xmlAttribute, xmlText } from '../../shared/findings/xmlText.js';
import type { Finding } from '../../shared/types.js';
import { decide, requirement, SM_ARN } from './builders.js';
import { reportWith } from './renderFixtures.js';
import { sampleReport } from './reportFixture.js';

type Testcase = {
  name: string;
  classname: string;
  file?: string;
  failure?: { message: string; type: string; '#text': string };
  skipped?: { message: string; '#text'?: string } | '';
  'system-out'?: string;
};
type Testsuite = {
  name: string;
  tests: string;
  failures: string;
  skipped: string;
  errors: string;
  testcase: Testcase[];
};
type Junit = { testsuites: Testsuite & { testsuite: Testsuite[] } };

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  htmlEntities: true,
  parseAttributeValue: false,
  parseTagValue: false,
  isArray: (name) => name === 'testsuite' || name === 'testcase' || name === 'property',
});

/** Characters XML 1.0 forbids (https://www.w3.org/TR/xml/#charsets). */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

function parse(xml: string): Junit {
  expect(XMLValidator.validate(xml)).toBe(true);
  expect(NOT_XML.test(xml)).toBe(false);
  return parser.parse(xml) as Junit;
}

const HIGH_OR_WORSE = { isFailure: (f: Finding) => severityRank(f.severity) <= severityRank('HIGH') };

function suiteOf(targets: JunitTarget[], options = HIGH_OR_WORSE): Testsuite {
  return parse(renderJunit(targets, options)).testsuites.testsuite[0] as Testsuite;
}

describe('renderJunit', () => {
  it('writes one test case per requirement and per finding no requirement explains, failing at --fail-on', () => {
    const suite = suiteOf([
      { id: 'statemachines/orders.asl.json', report: sampleReport(), file: 'statemachines/orders.asl.json' },
    ]);
    expect(suite).toMatchObject({
      name: 'statemachines/orders.asl.json',
      tests: '4',
      failures: '2',
      skipped: '1',
      errors: '0',
    });
    const [invoke, cancel, assumed, untrusted] = suite.testcase as [Testcase, Testcase, Testcase, Testcase];
    expect(invoke).toMatchObject({
      name: "'Run job' › invoke: ecs:RunTask",
      classname: 'statemachines/orders.asl.json',
      file: 'statemachines/orders.asl.json',
      failure: {
        type: 'MissingPermission/invoke',
        message: "[HIGH] ECS task 'Run job' cannot call the service: missing ecs:RunTask",
      },
    });
    const body = invoke.failure?.['#text'] ?? '';
    expect(body).toContain('rule: MissingPermission');
    expect(body).toContain('severity: HIGH');
    expect(body).toContain('actions: ecs:RunTask');
    expect(body).toContain('resources: arn:aws:ecs:eu-west-1:111122223333:task-definition/job:1');
    expect(body).toContain(
      'statement to add:\n    {\n      "Effect": "Allow",\n      "Action": [\n        "ecs:RunTask"',
    );
    expect(cancel.name).toBe("'Run job' › cancel: ecs:StopTask");
    expect(cancel.failure).toBeUndefined();
    expect(cancel['system-out']).toContain('[MEDIUM] MissingPermission/cancel');
    expect(cancel['system-out']).toContain('fix: remove or narrow the deny in the permissions boundary');
    expect(assumed.skipped).toMatchObject({
      message: 'not checkable: needs the permissions of arn:aws:iam::444455556666:role/other, assumed with Credentials',
    });
    expect(untrusted).toMatchObject({
      name: 'state machine › UntrustedRole: sts:AssumeRole on arn:aws:iam::111122223333:role/orders',
      failure: { type: 'UntrustedRole' },
    });
    expect(untrusted.failure?.message).toMatch(/^\[CRITICAL\] /);
  });

  it('passes every case when nothing fails the run (--fail-on none), keeping the findings in system-out', () => {
    const suite = suiteOf([{ id: 'd', report: sampleReport() }], { isFailure: () => false });
    expect(suite).toMatchObject({ tests: '4', failures: '0', skipped: '1' });
    expect(suite.testcase.filter((c) => c['system-out'] !== undefined)).toHaveLength(3);
  });

  it('leaves a requirement without findings as a passed case with no children', () => {
    const r = requirement({ purpose: 'invoke' });
    const suite = suiteOf([{ id: 'd', report: reportWith([], { requirements: [r] }) }]);
    expect(suite).toMatchObject({ tests: '1', failures: '0', skipped: '0' });
    expect(suite.testcase[0]).toEqual({ name: "'Run job' › invoke: ecs:RunTask", classname: 'd', time: '0' });
  });

  it('skips a case whose findings are all suppressed, with the reason', () => {
    const report = sampleReport();
    const [untrusted, invoke, cancel] = report.findings as [Finding, Finding, Finding];
    const suppressed = reportWith([untrusted], {
      requirements: report.requirements,
      suppressed: [{ ...invoke, details: { suppressedBecause: 'accepted: ticket 42' } }, cancel],
    });
    const [invokeCase, cancelCase] = suiteOf([{ id: 'd', report: suppressed }]).testcase as [Testcase, Testcase];
    expect(invokeCase.skipped).toMatchObject({ message: 'suppressed: accepted: ticket 42' });
    expect((invokeCase.skipped as { '#text': string })['#text']).toContain('suppressed: accepted: ticket 42');
    expect(cancelCase.skipped).toMatchObject({ message: 'suppressed: on the ignore list' });
  });

  it('writes one suite per state machine and totals on testsuites', () => {
    const junit = parse(
      renderJunit(
        [
          { id: 'template.yaml#Orders', report: sampleReport(), file: 'template.yaml' },
          { id: 'template.yaml#Billing', report: reportWith([]) },
        ],
        HIGH_OR_WORSE,
      ),
    );
    expect(junit.testsuites).toMatchObject({
      name: 'sfn-role-audit',
      tests: '4',
      failures: '2',
      skipped: '1',
      errors: '0',
    });
    expect(junit.testsuites.testsuite.map((s) => [s.name, s.tests])).toEqual([
      ['template.yaml#Orders', '4'],
      ['template.yaml#Billing', '0'],
    ]);
  });

  it('writes an empty testsuites element for a run without state machines', () => {
    expect(parse(renderJunit([], HIGH_OR_WORSE)).testsuites).toMatchObject({ tests: '0', failures: '0' });
  });

  it('escapes markup and replaces characters XML 1.0 forbids in names and messages', () => {
    const name = 'Say <"hi"> & \'bye\' ]]> \u0000\u0007\ud800 ✓\nnext';
    const r = requirement({ purpose: 'invoke', state: { name, path: ['States', name] } });
    const findings = buildFindings({
      stateMachineArn: SM_ARN,
      requirements: [r],
      decisions: [decide(r, 'implicitDeny')],
    });
    const suite = suiteOf([{ id: 'a&b <c>.json', report: reportWith(findings, { requirements: [r] }) }]);
    const [testcase] = suite.testcase as [Testcase];
    const safe = 'Say <"hi"> & \'bye\' ]]> \uFFFD\uFFFD\uFFFD ✓\nnext';
    expect(testcase.name).toBe(`'${safe}' › invoke: ecs:RunTask`);
    expect(testcase.classname).toBe('a&b <c>.json');
    expect(testcase.failure?.message).toContain(`'${safe}'`);
    expect(testcase.failure?.['#text']).toContain(`'${safe}'`);
  });

  it('keeps test case names unique within a suite', () => {
    const a = requirement({ purpose: 'invoke', resources: ['arn:aws:ecs:eu-west-1:111122223333:task-definition/a:1'] });
    const b = requirement({ purpose: 'invoke', resources: ['arn:aws:ecs:eu-west-1:111122223333:task-definition/b:1'] });
    const suite = suiteOf([{ id: 'd', report: reportWith([], { requirements: [a, b, a] }) }]);
    expect(suite.testcase.map((c) => c.name)).toEqual([
      "'Run job' › invoke: ecs:RunTask on arn:aws:ecs:eu-west-1:111122223333:task-definition/a:1",
      "'Run job' › invoke: ecs:RunTask on arn:aws:ecs:eu-west-1:111122223333:task-definition/b:1",
      "'Run job' › invoke: ecs:RunTask on arn:aws:ecs:eu-west-1:111122223333:task-definition/a:1 #2",
    ]);
  });
});

describe('xmlText and xmlAttribute', () => {
  it.each([
    {
      name: 'markup',
      input: '<a href="x">&</a>',
      text: '&lt;a href="x"&gt;&amp;&lt;/a&gt;',
      attribute: '&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;',
    },
    { name: 'a CDATA end', input: ']]>', text: ']]&gt;', attribute: ']]&gt;' },
    { name: 'line breaks and tabs', input: 'a\n\tb\r', text: 'a\n\tb\r', attribute: 'a&#10;&#9;b&#13;' },
    { name: 'a NUL and a bell', input: 'a\u0000b\u0007', text: 'a\uFFFDb\uFFFD', attribute: 'a\uFFFDb\uFFFD' },
    { name: 'lone surrogates', input: '\ud800x\udc00', text: '\uFFFDx\uFFFD', attribute: '\uFFFDx\uFFFD' },
    { name: 'a surrogate pair', input: '😀', text: '😀', attribute: '😀' },
    { name: 'U+FFFE', input: '\uFFFE', text: '\uFFFD', attribute: '\uFFFD' },
  ])('handles $name', ({ input, text, attribute }) => {
    expect(xmlText(input)).toBe(text);
    expect(xmlAttribute(input)).toBe(attribute);
  });
});
