import { describe, expect, it } from 'vitest';
import { contextFromDescription } from '../../shared/requirements/contextFromDescription.js';

const ARN = 'arn:aws:states:eu-west-1:111122223333:stateMachine:orders';
const LOG_GROUP = 'arn:aws:logs:eu-west-1:111122223333:log-group:/aws/vendedlogs/states/orders:*';

describe('contextFromDescription', () => {
  it('reads partition, Region, account and name from the ARN', () => {
    expect(contextFromDescription({ stateMachineArn: ARN, definition: '{}' })).toEqual({
      partition: 'aws',
      region: 'eu-west-1',
      account: '111122223333',
      stateMachineName: 'orders',
      stateMachineArn: ARN,
    });
  });

  it.each([
    { name: 'a version ARN', arn: `${ARN}:3` },
    { name: 'an alias ARN', arn: `${ARN}:prod` },
  ])('gives the base state machine for $name', ({ arn }) => {
    const context = contextFromDescription({ stateMachineArn: arn, definition: '{}' });
    expect(context.stateMachineName).toBe('orders');
    expect(context.stateMachineArn).toBe(ARN);
  });

  it('reads other partitions', () => {
    const context = contextFromDescription({
      stateMachineArn: 'arn:aws-us-gov:states:us-gov-west-1:111122223333:stateMachine:orders',
      definition: '{}',
    });
    expect(context.partition).toBe('aws-us-gov');
  });

  it('defaults to aws and * without an ARN, using the name field', () => {
    expect(contextFromDescription({ name: 'orders', definition: '{}' })).toEqual({
      partition: 'aws',
      region: '*',
      account: '*',
      stateMachineName: 'orders',
    });
  });

  it.each([
    { name: 'level ALL with a destination', level: 'ALL', destinations: 1, expected: true },
    { name: 'level ERROR with a destination', level: 'ERROR', destinations: 1, expected: true },
    { name: 'level OFF', level: 'OFF', destinations: 1, expected: false },
    { name: 'no destination', level: 'ALL', destinations: 0, expected: false },
  ])('sets logging for $name', ({ level, destinations, expected }) => {
    const context = contextFromDescription({
      stateMachineArn: ARN,
      definition: '{}',
      loggingConfiguration: {
        level,
        destinations: Array.from({ length: destinations }, () => ({
          cloudWatchLogsLogGroup: { logGroupArn: LOG_GROUP },
        })),
      },
    });
    expect(context.loggingEnabled).toBe(expected);
  });

  it('reads tracing', () => {
    const on = contextFromDescription({
      stateMachineArn: ARN,
      definition: '{}',
      tracingConfiguration: { enabled: true },
    });
    expect(on.tracingEnabled).toBe(true);
  });

  it.each([
    {
      name: 'a key id becomes a key ARN',
      kmsKeyId: '1234abcd-12ab-34cd-56ef-1234567890ab',
      expected: 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
    },
    {
      name: 'an alias name becomes an alias ARN',
      kmsKeyId: 'alias/orders',
      expected: 'arn:aws:kms:eu-west-1:111122223333:alias/orders',
    },
    {
      name: 'a key ARN stays',
      kmsKeyId: 'arn:aws:kms:eu-west-1:444455556666:key/k',
      expected: 'arn:aws:kms:eu-west-1:444455556666:key/k',
    },
  ])('normalises the customer managed key: $name', ({ kmsKeyId, expected }) => {
    const context = contextFromDescription({
      stateMachineArn: ARN,
      definition: '{}',
      encryptionConfiguration: { type: 'CUSTOMER_MANAGED_KMS_KEY', kmsKeyId },
    });
    expect(context.kmsKeyArn).toBe(expected);
  });

  it('ignores the AWS owned key', () => {
    const context = contextFromDescription({
      stateMachineArn: ARN,
      definition: '{}',
      encryptionConfiguration: { type: 'AWS_OWNED_KEY' },
    });
    expect(context.kmsKeyArn).toBeUndefined();
  });

  it('lets overrides win and ignores undefined overrides', () => {
    const context = contextFromDescription(
      { stateMachineArn: ARN, definition: '{}' },
      { account: '444455556666', region: undefined, tracingEnabled: true },
    );
    expect(context).toMatchObject({ account: '444455556666', region: 'eu-west-1', tracingEnabled: true });
  });
});
