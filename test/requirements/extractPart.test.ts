import { describe, expect, it } from 'vitest';
import { extractPart, extractPartPrefix } from '../../shared/requirements/extractPart.js';

describe('extractPart', () => {
  it.each([
    {
      name: 'queueName with the URL’s Region and account',
      part: 'queueName' as const,
      value: 'https://sqs.eu-west-1.amazonaws.com/444455556666/jobs',
      expected: { value: 'jobs', location: { region: 'eu-west-1', account: '444455556666', partition: 'aws' } },
    },
    {
      name: 'apiId with the host’s Region',
      part: 'apiId' as const,
      value: 'a1b2c3.execute-api.eu-west-1.amazonaws.com',
      expected: { value: 'a1b2c3', location: { region: 'eu-west-1' } },
    },
    {
      name: 'name of a state machine alias ARN',
      part: 'name' as const,
      value: 'arn:aws:states:eu-west-1:444455556666:stateMachine:child:prod',
      expected: {
        value: 'child',
        location: { partition: 'aws', region: 'eu-west-1', account: '444455556666' },
      },
    },
    {
      name: 'projectName of a build id',
      part: 'projectName' as const,
      value: 'site:0e7b6c1a-1111-2222-3333-444455556666',
      expected: { value: 'site' },
    },
    {
      name: 'reportGroupName of a report ARN',
      part: 'reportGroupName' as const,
      value: 'arn:aws:codebuild:us-east-1:111122223333:report/unit:abc',
      expected: {
        value: 'unit',
        location: { partition: 'aws', region: 'us-east-1', account: '111122223333' },
      },
    },
    {
      name: 'objectArn of an S3 URI',
      part: 'objectArn' as const,
      value: 's3://bucket/in/prompt.json',
      expected: { value: 'arn:aws:s3:::bucket/in/prompt.json' },
    },
  ])('$name', ({ part, value, expected }) => {
    expect(extractPart(part, value, 'aws')).toEqual(expected);
  });
});

describe('extractPartPrefix', () => {
  it('reads the queue name prefix once the URL reaches the account', () => {
    expect(extractPartPrefix('queueName', 'https://sqs.us-east-1.amazonaws.com/111122223333/jobs-')).toEqual({
      value: 'jobs-',
      location: { region: 'us-east-1', account: '111122223333', partition: 'aws' },
    });
  });

  it('refuses a URL prefix that stops before the account', () => {
    expect(extractPartPrefix('queueName', 'https://sqs.us-east-1.amazon')).toBeUndefined();
  });
});
