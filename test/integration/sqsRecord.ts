import type { SQSRecord } from 'aws-lambda';

/** `body` as the SQS record the audit queue in `region` and `account` delivers (its receipt handle is its id). */
export function sqsRecord(body: string, messageId: string, region: string, account: string): SQSRecord {
  const now = String(Date.now());
  return {
    messageId,
    receiptHandle: messageId,
    body,
    attributes: {
      ApproximateReceiveCount: '1',
      SentTimestamp: now,
      SenderId: 'AIDAEXAMPLE',
      ApproximateFirstReceiveTimestamp: now,
    },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: `arn:aws:sqs:${region}:${account}:audit`,
    awsRegion: region,
  };
}
