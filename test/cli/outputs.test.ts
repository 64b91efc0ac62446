import { existsSync, mkdtempSync, readFileSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { sarifSchemaErrors } from '../findings/sarifSchema.js';
import { ensureCliBuilt, fixture, ROOT, runBuiltCli } from './builtCli.js';

beforeAll(ensureCliBuilt);

const SIMPLE = fixture('simple.asl.json');
const EXAMPLE = join('examples', 'order-pipeline', 'definition.asl.json');
const ROLE = ['--policy', fixture('role-lambda-only.json')];
const XML = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  htmlEntities: true,
  isArray: (name) => name === 'testsuite' || name === 'testcase',
});

function outDir(): string {
  return mkdtempSync(join(tmpdir(), 'sfn-role-audit-outputs-'));
}

type SarifRun = {
  automationDetails: { id: string };
  originalUriBaseIds: Record<string, { uri: string }>;
  artifacts: { location: { uri: string; uriBaseId?: string } }[];
  results: { ruleId: string; suppressions?: { kind: string }[]; properties: { target: string } }[];
};

function sarifRunOf(text: string): SarifRun {
  expect(sarifSchemaErrors(text)).toEqual([]);
  return JSON.parse(text).runs[0] as SarifRun;
}

describe('check with several outputs', () => {
  it('writes SARIF, JUnit and JSON files and text on standard output in one run', () => {
    const dir = outDir();
    const run = runBuiltCli([
      ...['check', '--definition', SIMPLE, ...ROLE],
      ...['--output', `sarif=${join(dir, 'a.sarif')}`, '--output', `junit=${join(dir, 'a.xml')}`],
      ...['--output', `json=${join(dir, 'a.json')}`, '--output', 'text'],
    ]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain("[HIGH] SNS task 'Notify' cannot call the service: missing sns:Publish");
    const sarif = sarifRunOf(readFileSync(join(dir, 'a.sarif'), 'utf8'));
    expect(sarif.results.map((r) => r.ruleId)).toEqual(['MissingPermission/invoke', 'UnprovableResource/invoke']);
    const xml = readFileSync(join(dir, 'a.xml'), 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(XML.parse(xml).testsuites).toMatchObject({ tests: '2', failures: '1' });
    const json = JSON.parse(readFileSync(join(dir, 'a.json'), 'utf8'));
    expect(json.findings.map((f: { actions: string[] }) => f.actions)).toEqual([
      ['sns:Publish'],
      ['lambda:InvokeFunction'],
    ]);
  });

  it('writes --output FILE in --format, here JUnit', () => {
    const file = join(outDir(), 'report.xml');
    const run = runBuiltCli(['check', '--definition', SIMPLE, ...ROLE, '--format', 'junit', '--output', file]);
    expect(run).toEqual({ status: 1, stdout: '', stderr: '' });
    const suite = XML.parse(readFileSync(file, 'utf8')).testsuites.testsuite[0];
    expect(suite.testcase.map((c: { name: string }) => c.name)).toEqual([
      "'Validate' › invoke: lambda:InvokeFunction",
      "'Notify' › invoke: sns:Publish",
    ]);
    expect(suite.testcase[1].failure.type).toBe('MissingPermission/invoke');
  });

  it.each([
    { name: 'relative', path: SIMPLE },
    { name: './ relative', path: `./${SIMPLE}` },
    { name: '../ back into the repository', path: join('..', basename(ROOT), SIMPLE) },
    { name: 'absolute', path: join(ROOT, SIMPLE) },
  ])('gives the same repository-relative URI and category for a $name path', ({ path }) => {
    const run = runBuiltCli(['check', '--definition', path, ...ROLE, '--format', 'sarif']);
    const sarif = sarifRunOf(run.stdout);
    expect(sarif.artifacts).toEqual([
      { location: { uri: 'test/fixtures/cli/simple.asl.json', uriBaseId: '%SRCROOT%' } },
    ]);
    expect(sarif.originalUriBaseIds['%SRCROOT%']?.uri).toBe(`${pathToFileURL(realpathSync(ROOT)).href}/`);
    expect(sarif.automationDetails.id).toBe('sfn-role-audit/');
  });

  it('takes the SARIF category from --sarif-category', () => {
    const run = runBuiltCli([
      'check',
      '--definition',
      SIMPLE,
      ...ROLE,
      '--format',
      'sarif',
      '--sarif-category',
      'infra',
    ]);
    expect(sarifRunOf(run.stdout).automationDetails.id).toBe('infra/');
  });

  it('writes suppressed findings into SARIF with a suppression and into JUnit as skipped', () => {
    const dir = outDir();
    const run = runBuiltCli([
      ...['check', '--definition', SIMPLE, ...ROLE, '--ignore', 'MissingPermission'],
      ...['--output', `sarif=${join(dir, 's.sarif')}`, '--output', `junit=${join(dir, 's.xml')}`],
    ]);
    expect(run.status).toBe(0);
    const sarif = sarifRunOf(readFileSync(join(dir, 's.sarif'), 'utf8'));
    expect(sarif.results.map((r) => [r.ruleId, r.suppressions?.[0]?.kind])).toEqual([
      ['UnprovableResource/invoke', undefined],
      ['MissingPermission/invoke', 'external'],
    ]);
    expect(XML.parse(readFileSync(join(dir, 's.xml'), 'utf8')).testsuites).toMatchObject({
      failures: '0',
      skipped: '1',
    });
  });
});

describe('check --template with SARIF', () => {
  it.each([
    {
      name: 'a JSON DefinitionUri file',
      template: 'test/fixtures/templates/sam-batch/template.yaml',
      file: 'test/fixtures/templates/sam-batch/statemachine/process.asl.json',
      key: '    "Process": {',
    },
    {
      name: 'a YAML DefinitionUri file',
      template: 'test/fixtures/templates/sam-orders/template.yaml',
      file: 'test/fixtures/templates/sam-orders/statemachine/orders.asl.yaml',
      key: '  Tell customer:',
    },
  ])('points the states of $name at their keys, and validates', ({ template, file, key }) => {
    const run = runBuiltCli(['check', '--template', template, '--format', 'sarif', '--fail-on', 'none']);
    expect(run.status).toBe(0);
    const sarif = JSON.parse(run.stdout) as {
      runs: {
        results: {
          locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
        }[];
      }[];
    };
    expect(sarifSchemaErrors(run.stdout)).toEqual([]);
    const line = readFileSync(join(ROOT, file), 'utf8').split('\n').indexOf(key) + 1;
    expect(line).toBeGreaterThan(0);
    const located = sarif.runs[0]?.results.map((r) => r.locations[0]?.physicalLocation) ?? [];
    expect(located.length).toBeGreaterThan(0);
    expect(located.map((l) => [l?.artifactLocation.uri, l?.region.startLine])).toEqual(located.map(() => [file, line]));
  });
});

describe('check --definition with SARIF', () => {
  it('points the results of a YAML definition file at the keys of their states, and validates', () => {
    const file = 'test/fixtures/templates/sam-orders/statemachine/orders.asl.yaml';
    const run = runBuiltCli(['check', '--definition', file, ...ROLE, '--format', 'sarif', '--fail-on', 'none']);
    expect(run.status).toBe(0);
    expect(sarifSchemaErrors(run.stdout)).toEqual([]);
    const lines = readFileSync(join(ROOT, file), 'utf8').split('\n');
    const results = (
      JSON.parse(run.stdout) as {
        runs: {
          results: {
            properties: { state: string | null };
            locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
          }[];
        }[];
      }
    ).runs[0]?.results;
    const states = (results ?? []).map((r) => r.properties.state);
    expect(new Set(states)).toEqual(new Set(['Price order', 'Store order', 'Announce order', 'Tell customer']));
    expect(
      (results ?? []).map((r) => [
        r.locations[0]?.physicalLocation.artifactLocation.uri,
        r.locations[0]?.physicalLocation.region.startLine,
      ]),
    ).toEqual(states.map((state) => [file, lines.indexOf(`  ${state}:`) + 1]));
  });
});

describe('check with several state machines', () => {
  const TWO = ['check', '--definition', SIMPLE, '--definition', EXAMPLE, ...ROLE];

  it('prints the JSON envelope with one report per definition', () => {
    const run = runBuiltCli([...TWO, '--format', 'json']);
    expect(run.status).toBe(1);
    const json = JSON.parse(run.stdout);
    expect(json.reports.map((r: { id: string }) => r.id)).toEqual([SIMPLE, EXAMPLE]);
    expect(json.summary.stateMachines).toBe(2);
    expect(json.summary.findings).toBe(
      json.reports.reduce((sum: number, r: { report: { findings: unknown[] } }) => sum + r.report.findings.length, 0),
    );
  });

  it('writes one SARIF run with an artifact per file and one JUnit suite per state machine', () => {
    const dir = outDir();
    runBuiltCli([...TWO, '--output', `sarif=${join(dir, 'two.sarif')}`, '--output', `junit=${join(dir, 'two.xml')}`]);
    const sarif = sarifRunOf(readFileSync(join(dir, 'two.sarif'), 'utf8'));
    expect(sarif.artifacts.map((a) => a.location.uri)).toEqual([
      'test/fixtures/cli/simple.asl.json',
      'examples/order-pipeline/definition.asl.json',
    ]);
    expect(new Set(sarif.results.map((r) => r.properties.target))).toEqual(new Set([SIMPLE, EXAMPLE]));
    const suites = XML.parse(readFileSync(join(dir, 'two.xml'), 'utf8')).testsuites.testsuite;
    expect(suites.map((s: { name: string }) => s.name)).toEqual([SIMPLE, EXAMPLE]);
  });

  it('prints one text section per state machine and a total', () => {
    const run = runBuiltCli(TWO);
    expect(run.stdout.startsWith(`=== ${SIMPLE} ===\n`)).toBe(true);
    expect(run.stdout).toContain(`\n=== ${EXAMPLE} ===\n`);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toMatch(/^Total: 2 state machines, \d+ findings \(/);
  });
});

describe('check output usage errors', () => {
  it.each([
    {
      name: 'an unknown format',
      output: ['--output', 'xml=OUT'],
      reason:
        '--output "xml=OUT": unknown format "xml" (text, json, sarif, junit; write ./xml=OUT for a file of that name)',
    },
    {
      name: 'two reports on standard output',
      output: ['--output', 'text', '--output', 'json'],
      reason: '--output: only one report can go to standard output (text and json given)',
    },
    {
      name: 'the same file twice',
      output: ['--output', 'sarif=OUT', '--output', 'junit=DIR/./out'],
      reason: '--output: DIR/./out is named twice (as OUT)',
    },
    { name: 'a format without its file', output: ['--output', 'sarif='], reason: '--output "sarif=" names no file' },
    {
      name: 'an unknown --format',
      output: ['--format', 'xml', '--output', 'OUT'],
      reason: '--format must be one of text, json, sarif, junit, not "xml"',
    },
    {
      name: 'an empty --sarif-category',
      output: ['--sarif-category', ' ', '--output', 'sarif=OUT'],
      reason: '--sarif-category must be a name on one line, e.g. sfn-role-audit/infra',
    },
  ])('exits 2 with one line and writes nothing for $name', ({ output, reason }) => {
    const dir = outDir();
    const out = join(dir, 'out');
    const args = output.map((arg) => arg.replace('OUT', out).replace('DIR', dir));
    const run = runBuiltCli(['check', '--definition', SIMPLE, ...ROLE, ...args]);
    expect(run).toEqual({
      status: 2,
      stdout: '',
      stderr: `sfn-role-audit: ${reason.replaceAll('OUT', out).replace('DIR', dir)}\n`,
    });
    expect(existsSync(out)).toBe(false);
  });
});
