import { describe, expect, it } from 'vitest';
import { queueArnFromUrl } from '../../shared/requirements/queueArnFromUrl.js';

const HERE = { partition: 'aws', region: 'us-east-1', account: '111122223333' };

describe('queueArnFromUrl', () => {
  it.each([
    {
      name: 'takes Region and account from the URL',
      url: 'https://sqs.eu-west-1.amazonaws.com/444455556666/orders',
      expected: 'arn:aws:sqs:eu-west-1:444455556666:orders',
    },
    {
      name: 'keeps a FIFO queue name',
      url: 'https://sqs.us-east-1.amazonaws.com/111122223333/orders.fifo',
      expected: 'arn:aws:sqs:us-east-1:111122223333:orders.fifo',
    },
    {
      name: 'uses the aws-cn partition for China Regions',
      url: 'https://sqs.cn-north-1.amazonaws.com.cn/444455556666/orders',
      expected: 'arn:aws-cn:sqs:cn-north-1:444455556666:orders',
    },
    {
      name: 'uses the aws-us-gov partition for GovCloud Regions',
      url: 'https://sqs.us-gov-west-1.amazonaws.com/444455556666/orders',
      expected: 'arn:aws-us-gov:sqs:us-gov-west-1:444455556666:orders',
    },
    {
      name: 'reads legacy REGION.queue.amazonaws.com hosts',
      url: 'https://eu-central-1.queue.amazonaws.com/444455556666/orders',
      expected: 'arn:aws:sqs:eu-central-1:444455556666:orders',
    },
    {
      name: 'reads the legacy queue.amazonaws.com host as us-east-1',
      url: 'https://queue.amazonaws.com/444455556666/orders',
      expected: 'arn:aws:sqs:us-east-1:444455556666:orders',
    },
    { name: 'returns undefined for a queue name', url: 'orders', expected: undefined },
  ])('$name', ({ url, expected }) => {
    expect(queueArnFromUrl(url, HERE)).toBe(expected);
  });
});
