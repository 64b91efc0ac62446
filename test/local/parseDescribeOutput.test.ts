import { describe, expect, it } from 'vitest';
import { parseDescribeOutput } from '../../shared/local/parseDescribeOutput.js';

const DEFINITION = '{"StartAt":"A","States":{"A":{"Type":"Succeed"}}}';

describe('parseDescribeOutput', () => {
  it('keeps the fields the audit uses and drops the rest', () => {
    const value = {
      stateMachineArn: 'arn:aws:states:us-east-1:111122223333:stateMachine:orders',
      name: 'orders',
      status: 'ACTIVE',
      definition: DEFINITION,
      roleArn: 'arn:aws:iam::111122223333:role/service-role/OrdersRole',
      type: 'STANDARD',
      creationDate: '2026-05-01T09:12:44.187000+00:00',
      loggingConfiguration: { level: 'OFF', includeExecutionData: false },
      tracingConfiguration: { enabled: true },
      encryptionConfiguration: { type: 'CUSTOMER_MANAGED_KMS_KEY', kmsKeyId: 'alias/orders' },
      revisionId: 'r-1',
    };
    expect(parseDescribeOutput(value, 'sm.json')).toEqual({
      stateMachineArn: 'arn:aws:states:us-east-1:111122223333:stateMachine:orders',
      name: 'orders',
      definition: DEFINITION,
      roleArn: 'arn:aws:iam::111122223333:role/service-role/OrdersRole',
      type: 'STANDARD',
      loggingConfiguration: { level: 'OFF', includeExecutionData: false },
      tracingConfiguration: { enabled: true },
      encryptionConfiguration: { type: 'CUSTOMER_MANAGED_KMS_KEY', kmsKeyId: 'alias/orders' },
      revisionId: 'r-1',
    });
  });

  it.each([
    { name: 'an array', value: [], message: 'sm.json: expected the JSON object describe-state-machine prints' },
    { name: 'no definition', value: { name: 'x' }, message: 'sm.json: no "definition"' },
    {
      name: 'a numeric roleArn',
      value: { definition: DEFINITION, roleArn: 1 },
      message: 'sm.json: "roleArn" must be a string',
    },
    {
      name: 'an unknown type',
      value: { definition: DEFINITION, type: 'BATCH' },
      message: 'sm.json: "type" must be STANDARD',
    },
  ])('rejects $name', ({ value, message }) => {
    expect(() => parseDescribeOutput(value, 'sm.json')).toThrow(message);
  });
});
