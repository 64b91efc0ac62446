import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import { toChatbotMessage } from '../findings/toChatbotMessage.js';
import { warrantsNotification } from '../findings/warrantsNotification.js';
import type { FindingSink, ReportChange } from '../ports.js';
import type { AuditReport, Severity } from '../types.js';
import { awsCallError } from './awsErrorName.js';

/** Options of the SNS sink. */
export type SnsSinkOptions = {
  topicArn: string;
  /** Only new or worse findings at least this severe (and "all clear") are announced; default INFORMATIONAL. */
  minSeverity?: Severity;
};

/**
 * A FindingSink publishing one AWS Chatbot custom notification per notable change to an SNS topic (Chatbot drops
 * other payloads silently: https://docs.aws.amazon.com/chatbot/latest/adminguide/custom-notifs.html); publishes
 * nothing when the change is not notable.
 */
export function createSnsSink(client: SNSClient, options: SnsSinkOptions): FindingSink {
  const minSeverity = options.minSeverity ?? 'INFORMATIONAL';
  return {
    name: 'sns',
    async publish(report: AuditReport, change: ReportChange): Promise<void> {
      if (!warrantsNotification(report, change, minSeverity)) return;
      const { subject, message } = toChatbotMessage(report, change, { minSeverity });
      try {
        await client.send(new PublishCommand({ TopicArn: options.topicArn, Subject: subject, Message: message }));
      } catch (error) {
        throw awsCallError('Publish', options.topicArn, error);
      }
    },
  };
}
