import type { ReportChange } from '../ports.js';
import { type AuditReport, type Finding, SEVERITIES, type Severity } from '../types.js';
import { notableFindings } from './toChatbotMessage.js';

// Block Kit limits: ≤ 50 blocks, section text ≤ 3000, header text ≤ 150
// (https://docs.slack.dev/reference/block-kit/blocks/section-block, https://docs.slack.dev/reference/block-kit/blocks/header-block).
export const MAX_SLACK_BLOCKS = 50;
export const MAX_SLACK_SECTION_TEXT = 3000;
export const MAX_SLACK_HEADER_TEXT = 150;

/** A Block Kit block as this renderer builds them. */
export type SlackBlock =
  | { type: 'header'; text: { type: 'plain_text'; text: string; emoji?: boolean } }
  | { type: 'section'; text: { type: 'mrkdwn'; text: string } }
  | { type: 'context'; elements: { type: 'mrkdwn'; text: string }[] }
  | { type: 'divider' };

/** An incoming-webhook payload: `text` is the notification and accessibility fallback. */
export type SlackMessage = { text: string; blocks: SlackBlock[] };

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function section(text: string): SlackBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: cut(text, MAX_SLACK_SECTION_TEXT) } };
}

function findingSection(finding: Finding): SlackBlock {
  const lines = [
    `*${finding.severity}* ${finding.title}`,
    finding.state === null ? undefined : `State: \`${finding.state.name}\``,
    finding.consequence,
    finding.remediation === undefined ? undefined : `\`\`\`${JSON.stringify(finding.remediation, null, 2)}\`\`\``,
  ];
  return section(lines.filter((l) => l !== undefined).join('\n'));
}

/**
 * A Slack incoming-webhook message for a report's change: a header (≤ 150), a summary section, one section per new or
 * worse finding at or above `minSeverity` (each ≤ 3000, with the statement to add), and a context line — at most 50
 * blocks, the findings that do not fit summarised as "…and N more".
 */
export function toSlackBlocks(
  report: AuditReport,
  change: ReportChange,
  options: { minSeverity?: Severity } = {},
): SlackMessage {
  const name = report.stateMachine.name ?? report.stateMachine.arn ?? 'state machine';
  const notable = notableFindings(report, change, options.minSeverity ?? 'INFORMATIONAL');
  const title = change.allClear
    ? `${name}: all clear`
    : `${name}: ${notable.length} new or worse finding${notable.length === 1 ? '' : 's'}`;
  const counts = SEVERITIES.filter((s) => report.summary.bySeverity[s] > 0)
    .map((s) => `${report.summary.bySeverity[s]} ${s}`)
    .join(', ');
  const head: SlackBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: cut(`sfn-role-audit: ${title}`, MAX_SLACK_HEADER_TEXT) } },
    section(
      [
        `*State machine:* ${report.stateMachine.arn ?? name}`,
        `*Role:* ${report.role.arn ?? 'unknown'}`,
        `*Open findings:* ${counts === '' ? 'none' : counts}`,
      ].join('\n'),
    ),
  ];
  const tail: SlackBlock[] = [
    { type: 'context', elements: [{ type: 'mrkdwn', text: `Audited ${report.auditedAt} by sfn-role-audit` }] },
  ];
  const room = MAX_SLACK_BLOCKS - head.length - tail.length - 1;
  const shown = notable.length <= room + 1 ? notable : notable.slice(0, room);
  const body = shown.map(findingSection);
  if (shown.length < notable.length) body.push(section(`…and ${notable.length - shown.length} more`));
  return { text: cut(`sfn-role-audit: ${title}`, 3000), blocks: [...head, ...body, ...tail] };
}
