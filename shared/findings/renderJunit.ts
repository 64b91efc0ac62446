import type { AuditReport, Finding } from '../types.js';
import { type JunitCase, junitCasesOf } from './junitCases.js';
import { sarifRuleId } from './sarifRules.js';
import { severityRank } from './severityOf.js';
import { xmlAttribute, xmlText } from './xmlText.js';

/** One audited state machine as a JUnit test suite. */
export type JunitTarget = {
  /** The target's id in the run (`TEMPLATE#LogicalId`, the definition file): the suite's name and test class. */
  id: string;
  report: AuditReport;
  /** The file to name on each test case (repository-relative; GitLab shows it). */
  file?: string;
};

/** Which findings fail their test case: those that fail the run (`--fail-on`, which may differ per target). */
export type JunitOptions = { isFailure: (finding: Finding, target: JunitTarget) => boolean };

function worstFirst(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
}

function justificationOf(finding: Finding): string {
  const reason = finding.details?.suppressedBecause;
  return typeof reason === 'string' && reason.trim() !== '' ? reason : 'on the ignore list';
}

/** A finding in plain text: rule, severity, consequence, actions, resources, the statement to add, docs and id. */
function describe(finding: Finding, suppressed: boolean): string {
  const lines = [`[${finding.severity}] ${sarifRuleId(finding)}: ${finding.title}`, `  ${finding.consequence}`];
  lines.push(`  rule: ${finding.rule}`, `  severity: ${finding.severity}`);
  if (finding.state !== null) lines.push(`  state: ${finding.state.path.join(' › ')}`);
  if (finding.actions.length > 0) lines.push(`  actions: ${finding.actions.join(', ')}`);
  if (finding.resources.length > 0) lines.push(`  resources: ${finding.resources.join(', ')}`);
  if (finding.remediation !== undefined) {
    lines.push(
      '  statement to add:',
      ...JSON.stringify(finding.remediation, null, 2)
        .split('\n')
        .map((l) => `    ${l}`),
    );
  }
  if (typeof finding.details?.fix === 'string') lines.push(`  fix: ${finding.details.fix}`);
  if (suppressed) lines.push(`  suppressed: ${justificationOf(finding)}`);
  lines.push(`  docs: ${finding.docs}`, `  id: ${finding.id}`);
  return lines.join('\n');
}

function bodyOf(c: JunitCase): string {
  return [...c.findings.map((f) => describe(f, false)), ...c.suppressed.map((f) => describe(f, true))].join('\n\n');
}

type Outcome = 'passed' | 'failed' | 'skipped';

/** One `<testcase>`: failed when a finding fails the run, skipped when all its findings are suppressed. */
function testcaseOf(target: JunitTarget, c: JunitCase, options: JunitOptions): { xml: string; outcome: Outcome } {
  const file = target.file === undefined ? '' : ` file="${xmlAttribute(target.file)}"`;
  const open = `    <testcase name="${xmlAttribute(c.name)}" classname="${xmlAttribute(target.id)}"${file} time="0"`;
  const failing = worstFirst(c.findings.filter((finding) => options.isFailure(finding, target)));
  const [worst] = failing;
  if (worst !== undefined) {
    const more = failing.length > 1 ? ` (and ${failing.length - 1} more)` : '';
    const message = `[${worst.severity}] ${worst.title}${more}`;
    const failure = `<failure message="${xmlAttribute(message)}" type="${xmlAttribute(sarifRuleId(worst))}">${xmlText(bodyOf(c))}</failure>`;
    return { xml: `${open}>\n      ${failure}\n    </testcase>`, outcome: 'failed' };
  }
  if (c.notCheckable !== undefined) {
    return {
      xml: `${open}>\n      <skipped message="${xmlAttribute(c.notCheckable)}"/>\n    </testcase>`,
      outcome: 'skipped',
    };
  }
  if (c.findings.length > 0) {
    return {
      xml: `${open}>\n      <system-out>${xmlText(bodyOf(c))}</system-out>\n    </testcase>`,
      outcome: 'passed',
    };
  }
  const [first] = c.suppressed;
  if (first !== undefined) {
    const skipped = `<skipped message="${xmlAttribute(`suppressed: ${justificationOf(first)}`)}">${xmlText(bodyOf(c))}</skipped>`;
    return { xml: `${open}>\n      ${skipped}\n    </testcase>`, outcome: 'skipped' };
  }
  return { xml: `${open}/>`, outcome: 'passed' };
}

type Counts = { tests: number; failures: number; skipped: number };

function countsAttributes(counts: Counts): string {
  return `tests="${counts.tests}" failures="${counts.failures}" errors="0" skipped="${counts.skipped}" time="0"`;
}

function suiteOf(target: JunitTarget, options: JunitOptions): { xml: string; counts: Counts } {
  const cases = junitCasesOf(target.report).map((c) => testcaseOf(target, c, options));
  const counts = {
    tests: cases.length,
    failures: cases.filter((c) => c.outcome === 'failed').length,
    skipped: cases.filter((c) => c.outcome === 'skipped').length,
  };
  const report = target.report;
  const properties = [
    ['stateMachine', report.stateMachine.arn ?? report.stateMachine.name ?? ''],
    ['role', report.role.arn ?? ''],
    ['auditedAt', report.auditedAt],
  ]
    .map(([name, value]) => `      <property name="${name}" value="${xmlAttribute(value ?? '')}"/>`)
    .join('\n');
  // JUnit's timestamp is an ISO 8601 date-time without a zone (the Ant/Jenkins schema): auditedAt is UTC.
  const timestamp = report.auditedAt.slice(0, 19);
  const open = `  <testsuite name="${xmlAttribute(target.id)}" ${countsAttributes(counts)} timestamp="${xmlAttribute(timestamp)}">`;
  const body = [`    <properties>\n${properties}\n    </properties>`, ...cases.map((c) => c.xml)].join('\n');
  return { xml: `${open}\n${body}\n  </testsuite>`, counts };
}

/**
 * Every audited state machine as JUnit XML for GitLab and Jenkins: one `<testsuite>` per state machine, one
 * `<testcase>` per requirement (and per finding no requirement explains). A case fails when one of its findings
 * fails the run (`options.isFailure`, i.e. `--fail-on`), with a `<failure>` naming the worst finding and listing each
 * with rule, severity, actions, resources and the statement to add; a finding below `--fail-on` leaves the case passed
 * with the finding in `<system-out>`; a case whose findings are all suppressed, or a requirement of a role assumed
 * with `Credentials`, is `<skipped>`. Text is escaped and characters XML 1.0 forbids are replaced.
 */
export function renderJunit(targets: readonly JunitTarget[], options: JunitOptions): string {
  const suites = targets.map((target) => suiteOf(target, options));
  const total = suites.reduce<Counts>(
    (sum, { counts }) => ({
      tests: sum.tests + counts.tests,
      failures: sum.failures + counts.failures,
      skipped: sum.skipped + counts.skipped,
    }),
    { tests: 0, failures: 0, skipped: 0 },
  );
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="sfn-role-audit" ${countsAttributes(total)}>`,
    ...suites.map((suite) => suite.xml),
    '</testsuites>',
  ];
  return `${lines.join('\n')}\n`;
}
