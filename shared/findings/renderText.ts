import type { AuditReport, Finding, Hole, Severity } from '../types.js';
import { mergeRemediations } from './mergeRemediations.js';
import { severityRank } from './severityOf.js';
import { sortFindings, stateOrderOf } from './sortFindings.js';

/** Options of the text renderer: ANSI colours only when the caller says the terminal takes them. */
export type TextOptions = { color: boolean };

const SEVERITY_COLORS: Record<Severity, string> = {
  CRITICAL: '1;31',
  HIGH: '31',
  MEDIUM: '33',
  LOW: '36',
  INFORMATIONAL: '2',
};

type Paint = (code: string, text: string) => string;

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => `${prefix}${line}`)
    .join('\n');
}

function groupTitle(finding: Finding): string {
  if (finding.state === null) return 'State machine';
  return `State '${finding.state.name}' (${finding.state.path.join(' › ')})`;
}

const HOLE_REASONS: Readonly<Record<Hole['reason'], string>> = {
  'run-time-id': 'an id the service assigns at run time',
  'dynamic-value': 'a value of the state input',
  placeholder: 'an unapplied DefinitionSubstitutions placeholder',
  'unknown-context': 'not given to the audit',
  'latest-revision': 'the revision ECS resolves at run time',
  'secret-suffix': 'the random suffix Secrets Manager appends',
  'absent-parameter': 'a field the state leaves out',
};

function holeText(hole: Hole): string {
  return `${hole.variable} (${HOLE_REASONS[hole.reason] ?? hole.reason}${hole.detail ? `: ${hole.detail}` : ''})`;
}

function findingLines(finding: Finding, paint: Paint): string[] {
  const lines = [`  ${paint(SEVERITY_COLORS[finding.severity], `[${finding.severity}]`)} ${paint('1', finding.title)}`];
  lines.push(`    ${finding.consequence}`);
  if (finding.actions.length > 0) lines.push(`    actions:   ${finding.actions.join(', ')}`);
  if (finding.resources.length > 0) lines.push(`    resources: ${finding.resources.join(', ')}`);
  const details = finding.details ?? {};
  if (Array.isArray(details.missingContext) && details.missingContext.length > 0) {
    lines.push(`    condition keys not known before run time: ${details.missingContext.join(', ')}`);
  }
  if (Array.isArray(details.holes) && details.holes.length > 0) {
    lines.push(`    unknown before run time: ${(details.holes as Hole[]).map(holeText).join('; ')}`);
  }
  if (details.grantedResources !== undefined) {
    lines.push('    granted only on:', indent(JSON.stringify(details.grantedResources, null, 2), '      '));
  }
  if (typeof details.fix === 'string') lines.push(`    fix: ${details.fix}`);
  if (details.trustStatement !== undefined) {
    lines.push('    trust statement to add:', indent(JSON.stringify(details.trustStatement, null, 2), '      '));
  }
  if (finding.remediation !== undefined) {
    lines.push('    statement to add:', indent(JSON.stringify(finding.remediation, null, 2), '      '));
  }
  lines.push(`    docs: ${finding.docs}`, `    id: ${finding.id}`);
  return lines;
}

function summaryLine(report: AuditReport): string {
  const counts = Object.entries(report.summary.bySeverity)
    .filter(([, count]) => count > 0)
    .map(([severity, count]) => `${count} ${severity.toLowerCase()}`);
  const found =
    report.findings.length === 0 ? 'No findings' : `${report.findings.length} findings (${counts.join(', ')})`;
  const extra = [
    `${report.summary.requirements} requirements`,
    `${report.summary.checkedRequests} requests checked`,
    ...(report.suppressed.length > 0 ? [`${report.suppressed.length} suppressed`] : []),
    ...(report.notCheckable.length > 0 ? [`${report.notCheckable.length} not checkable`] : []),
  ];
  return `${found}; ${extra.join(', ')}.`;
}

/**
 * The report for a terminal: findings grouped by state (state-machine-wide first, then document order), worst first
 * within a state, each with its consequence, actions, resources and the statement to add; then the merged policy
 * to add and a one-line summary. ANSI colours only when `options.color` is true.
 */
export function renderText(report: AuditReport, options: TextOptions): string {
  const paint: Paint = (code, text) => (options.color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const lines = [
    paint('1', `sfn-role-audit: ${report.stateMachine.arn ?? report.stateMachine.name ?? 'state machine'}`),
    `role: ${report.role.arn ?? 'unknown'}   audited at: ${report.auditedAt}`,
  ];
  const order = stateOrderOf(report.requirements);
  const sorted = sortFindings(report.findings, order);
  const groups = new Map<string, Finding[]>();
  const rank = (f: Finding) => (f.state === null ? -1 : (order.get(JSON.stringify(f.state.path)) ?? order.size));
  for (const finding of [...sorted].sort((a, b) => rank(a) - rank(b))) {
    const key = JSON.stringify(finding.state?.path ?? null);
    groups.set(key, [...(groups.get(key) ?? []), finding]);
  }
  for (const findings of groups.values()) {
    const first = findings[0];
    if (first === undefined) continue;
    lines.push('', paint('4', groupTitle(first)));
    for (const finding of findings) lines.push(...findingLines(finding, paint));
  }
  if (report.notCheckable.length > 0) {
    lines.push('', 'Not checkable (permissions of roles assumed with Credentials):');
    for (const r of report.notCheckable) {
      lines.push(`  ${r.state?.name ?? 'state machine'}: ${r.actions.join(', ')} as ${r.assumedRoleArn ?? '?'}`);
    }
  }
  const policy = mergeRemediations(report.findings);
  if (Array.isArray(policy.Statement) && policy.Statement.length > 0) {
    lines.push('', paint('1', 'Add these statements to the execution role:'), JSON.stringify(policy, null, 2));
  }
  lines.push('', summaryLine(report));
  return `${lines.join('\n')}\n`;
}

/** The last line of a multi-target text report: how many state machines, findings by severity, suppressed. */
function totalLine(reports: readonly AuditReport[]): string {
  const findings = reports.flatMap((report) => report.findings);
  const bySeverity = new Map<Severity, number>();
  for (const finding of findings) bySeverity.set(finding.severity, (bySeverity.get(finding.severity) ?? 0) + 1);
  const counts = [...bySeverity.entries()]
    .sort(([a], [b]) => severityRank(a) - severityRank(b))
    .map(([severity, count]) => `${count} ${severity.toLowerCase()}`);
  const suppressed = reports.reduce((total, report) => total + report.suppressed.length, 0);
  const machines = `${reports.length} state machine${reports.length === 1 ? '' : 's'}`;
  const found = findings.length === 0 ? 'no findings' : `${findings.length} findings (${counts.join(', ')})`;
  return `Total: ${machines}, ${found}${suppressed > 0 ? `, ${suppressed} suppressed` : ''}.`;
}

/**
 * The text of a `check` run: one target exactly as renderText; none or several as one section per state machine,
 * headed by the target's id, then a total line.
 */
export function renderTextReports(
  entries: readonly { id: string; report: AuditReport }[],
  options: TextOptions,
): string {
  const [only] = entries;
  if (entries.length === 1 && only !== undefined) return renderText(only.report, options);
  const paint: Paint = (code, text) => (options.color ? `\u001b[${code}m${text}\u001b[0m` : text);
  if (entries.length === 0) return 'sfn-role-audit: no state machine to audit.\n';
  const sections = entries.map(({ id, report }) => `${paint('1;7', `=== ${id} ===`)}\n${renderText(report, options)}`);
  return `${sections.join('\n')}\n${paint('1', totalLine(entries.map((entry) => entry.report)))}\n`;
}
