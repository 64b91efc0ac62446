import type { ReportChange } from '../ports.js';
import { type AuditReport, type Finding, SEVERITIES, type Severity } from '../types.js';

// Custom notifications: https://docs.aws.amazon.com/chatbot/latest/adminguide/custom-notifs.html
// SNS Publish: Message ≤ 256 KB (bytes); Subject ASCII, < 100 characters, no line breks or control characters
// (https://docs.aws.amazon.com/sns/latest/api/API_Publish.html).
export const MAX_SNS_MESSAGE_BYTES = 262_144;
export const MAX_SNS_SUBJECT = 99;
/** Findings listed in the description before "…and N more". */
export const MAX_LISTED_FINDINGS = 20;

/** An Amazon Q Developer in chat applications (AWS Chatbot) custom notification. */
export type ChatbotMessage = {
  version: '1.0';
  source: 'custom';
  id?: string;
  content: {
    textType: 'client-markdown';
    title: string;
    description: string;
    nextSteps?: string[];
    keywords?: string[];
  };
  metadata?: {
    threadId?: string;
    summary?: string;
    eventType?: string;
    relatedResources?: string[];
    additionalContext?: Record<string, string>;
  };
};

/** An SNS Publish payload: the Chatbot JSON as text and an SNS-safe subject. */
export type ChatbotPublication = { subject: string; message: string };

const rankOf = (severity: string) => {
  const rank = (SEVERITIES as readonly string[]).indexOf(severity);
  return rank === -1 ? SEVERITIES.length : rank;
};

/** The findings a notification is about: new or worse ones at or above `minSeverity`, worst first. */
export function notableFindings(report: AuditReport, change: ReportChange, minSeverity: Severity): Finding[] {
  const changed = new Set(change.newOrWorse);
  return report.findings
    .filter((f) => changed.has(f.id) && rankOf(f.severity) <= rankOf(minSeverity))
    .sort((a, b) => rankOf(a.severity) - rankOf(b.severity));
}

/** An SNS subject: printable ASCII only, no line breaks, under 100 characters. */
export function snsSubject(text: string): string {
  const ascii = text.replace(/[\r\n\t]+/g, ' ').replace(/[^\x20-\x7e]/g, '?');
  return ascii.length <= MAX_SNS_SUBJECT ? ascii : `${ascii.slice(0, MAX_SNS_SUBJECT - 3)}...`;
}

function findingLine(finding: Finding): string {
  const where = finding.state === null ? '' : ` (state \`${finding.state.name}\`)`;
  return `• *${finding.severity}* ${finding.title}${where}`;
}

function nextStep(finding: Finding): string | undefined {
  if (finding.remediation === undefined) return undefined;
  return `Allow ${finding.actions.join(', ')} on ${finding.resources.join(', ')}`;
}

function build(report: AuditReport, change: ReportChange, listed: Finding[], total: number): ChatbotMessage {
  const name = report.stateMachine.name ?? report.stateMachine.arn ?? 'state machine';
  const arn = report.stateMachine.arn ?? '';
  const [, , , region = '', account = ''] = arn.split(':');
  const worst = listed[0]?.severity;
  const counts = SEVERITIES.filter((s) => report.summary.bySeverity[s] > 0)
    .map((s) => `${report.summary.bySeverity[s]} ${s}`)
    .join(', ');
  const header = [
    `*State machine:* ${name}${region ? ` (${region})` : ''}`,
    `*Role:* ${report.role.arn ?? 'unknown'}`,
    `*Open findings:* ${counts === '' ? 'none' : counts}`,
  ];
  const lines = change.allClear && total === 0 ? ['All findings are resolved.'] : listed.map(findingLine);
  if (total > listed.length) lines.push(`…and ${total - listed.length} more`);
  const title = change.allClear
    ? `:white_check_mark: ${name}: all clear`
    : `:rotating_light: ${name}: ${total} new or worse finding${total === 1 ? '' : 's'} (worst ${worst ?? 'none'})`;
  const steps = listed.flatMap((f) => nextStep(f) ?? []).slice(0, 5);
  return {
    version: '1.0',
    source: 'custom',
    content: {
      textType: 'client-markdown',
      title,
      description: [...header, '', ...lines].join('\n'),
      nextSteps: change.allClear ? [] : [...steps, `Run: sfn-role-audit check --state-machine-arn ${arn}`],
      keywords: ['sfn-role-audit', ...(region ? [region] : []), change.allClear ? 'all-clear' : (worst ?? 'none')],
    },
    metadata: {
      threadId: arn,
      summary: change.allClear ? `${name}: all clear` : `${name}: ${total} new or worse findings`,
      eventType: change.allClear ? 'SfnRoleAuditAllClear' : 'SfnRoleAuditFindings',
      relatedResources: [arn, ...(report.role.arn === null ? [] : [report.role.arn])].filter((r) => r !== ''),
      additionalContext: { account, region, ...(worst === undefined ? {} : { severity: worst }) },
    },
  };
}

/**
 * The SNS publication for a report's change: a Chatbot custom notification (`version` 1.0, `source` custom,
 * `client-markdown` content listing the new or worse findings at or above `minSeverity`, or "all clear") whose JSON
 * fits in 256 KB — findings beyond what fits (and beyond 20) become "…and N more" — and an ASCII subject < 100.
 */
export function toChatbotMessage(
  report: AuditReport,
  change: ReportChange,
  options: { minSeverity?: Severity; maxBytes?: number } = {},
): ChatbotPublication {
  const notable = notableFindings(report, change, options.minSeverity ?? 'INFORMATIONAL');
  const maxBytes = options.maxBytes ?? MAX_SNS_MESSAGE_BYTES;
  let count = Math.min(notable.length, MAX_LISTED_FINDINGS);
  let message = JSON.stringify(build(report, change, notable.slice(0, count), notable.length));
  while (Buffer.byteLength(message) > maxBytes && count > 0) {
    count = Math.floor(count / 2);
    message = JSON.stringify(build(report, change, notable.slice(0, count), notable.length));
  }
  const name = report.stateMachine.name ?? 'state machine';
  const subject = change.allClear
    ? `sfn-role-audit: ${name} - all clear`
    : `sfn-role-audit: ${name} - ${notable.length} new or worse findings (${notable[0]?.severity ?? 'none'})`;
  return { subject: snsSubject(subject), message };
}
