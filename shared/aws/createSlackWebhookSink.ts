import { toSlackBlocks } from '../findings/toSlackBlocks.js';
import { warrantsNotification } from '../findings/warrantsNotification.js';
import type { FindingSink, ReportChange } from '../ports.js';
import type { AuditReport, Severity } from '../types.js';

/** The subset of `fetch` the Slack sink uses (the global `fetch` fits; tests pass a fake). */
export type FetchFn = (
  url: string,
  init: { method: 'POST'; headers: Record<string, string>; body: string },
) => Promise<{ ok: boolean; status: number; text(): Promise<string>; headers: { get(name: string): string | null } }>;

/** Options of the Slack webhook sink. */
export type SlackWebhookSinkOptions = {
  /** An incoming-webhook URL: a bearer credential, keep it in Secrets Manager (see readSlackWebhookUrl). */
  webhookUrl: string;
  /** Only new or worse findings at least this severe (and "all clear") are posted; default INFORMATIONAL. */
  minSeverity?: Severity;
};

/**
 * A FindingSink posting a Block Kit message to a Slack incoming webhook when a change is notable
 * (https://docs.slack.dev/messaging/sending-messages-using-incoming-webhooks); a non-2xx answer throws with the
 * status and body, and `Retry-After` for HTTP 429 (https://docs.slack.dev/apis/web-api/rate-limits). The URL never
 * appears in errors.
 */
export function createSlackWebhookSink(fetchFn: FetchFn, options: SlackWebhookSinkOptions): FindingSink {
  const minSeverity = options.minSeverity ?? 'INFORMATIONAL';
  return {
    name: 'slack',
    async publish(report: AuditReport, change: ReportChange): Promise<void> {
      if (!warrantsNotification(report, change, minSeverity)) return;
      const body = JSON.stringify(toSlackBlocks(report, change, { minSeverity }));
      const response = await fetchFn(options.webhookUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      if (!response.ok) {
        const retryAfter = response.headers.get('retry-after');
        const detail = (await response.text().catch(() => '')).slice(0, 200);
        throw new Error(
          `Slack webhook answered HTTP ${response.status}${retryAfter ? ` (Retry-After ${retryAfter} s)` : ''}: ${detail}`,
        );
      }
    },
  };
}
