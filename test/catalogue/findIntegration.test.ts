import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../shared/catalogue/catalogue.js';
import { findIntegration } from '../../shared/catalogue/findIntegration.js';

// biome-ignore lint/suspicious/noTemplateCurlyInString: the generic SDK entry's key is a template
const SDK = 'arn:aws:states:::aws-sdk:${SdkService}:${ApiAction}';
const PARTITIONS = ['aws', 'aws-cn', 'aws-us-gov'] as const;

/** Every optimized Task resource of the catalogue, written in each partition. */
const OPTIMIZED = CATALOGUE.filter((e) => e.kind === 'task' && e.resource.startsWith('arn:aws:states:::'))
  .filter((e) => !e.resource.includes('aws-sdk'))
  .flatMap((entry) =>
    PARTITIONS.map((partition) => ({
      name: `${entry.resource.slice('arn:aws:states:::'.length)} in ${partition}`,
      resource: entry.resource.replace(/^arn:aws:/, `arn:${partition}:`),
      expected: entry.resource,
    })),
  );

describe('findIntegration', () => {
  it('covers every optimized Task resource and pattern suffix of the catalogue', () => {
    expect(OPTIMIZED).toHaveLength(105 * PARTITIONS.length);
    const suffixes = new Set(OPTIMIZED.map((row) => /\.(sync:2|sync|waitForTaskToken)$/.exec(row.expected)?.[1]));
    expect(suffixes).toEqual(new Set([undefined, 'sync', 'sync:2', 'waitForTaskToken']));
  });

  it.each(OPTIMIZED)('finds $name by exact resource', ({ resource, expected }) => {
    expect(findIntegration(resource)?.resource).toBe(expected);
  });

  it.each([
    { name: 'request-response', resource: 'arn:aws:states:::lambda:invoke', pattern: 'request-response' },
    { name: 'callback', resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken', pattern: 'callback' },
    { name: 'run a job', resource: 'arn:aws:states:::batch:submitJob.sync', pattern: 'sync' },
    { name: 'run a job, JSON output', resource: 'arn:aws:states:::states:startExecution.sync:2', pattern: 'sync2' },
    { name: 'GovCloud run a job', resource: 'arn:aws-us-gov:states:::ecs:runTask.sync', pattern: 'sync' },
  ])('gives the $name pattern of $resource', ({ resource, pattern }) => {
    expect(findIntegration(resource)?.pattern).toBe(pattern);
  });

  it.each([
    { name: 'an unqualified function', resource: 'arn:aws:lambda:us-east-1:123456789012:function:resize' },
    { name: 'an alias', resource: 'arn:aws:lambda:eu-west-1:123456789012:function:resize:live' },
    { name: 'a version', resource: 'arn:aws:lambda:eu-west-1:123456789012:function:resize:7' },
    { name: '$LATEST', resource: 'arn:aws:lambda:eu-west-1:123456789012:function:resize:$LATEST' },
    { name: 'a China function', resource: 'arn:aws-cn:lambda:cn-north-1:123456789012:function:resize' },
    { name: 'a GovCloud function', resource: 'arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:a_b-c' },
  ])('maps $name ARN to the plain Lambda entry', ({ resource }) => {
    expect(findIntegration(resource)?.resource).toBe('lambda-function-arn');
  });

  it.each([
    { name: 'aws', resource: 'arn:aws:states:us-east-1:123456789012:activity:approve' },
    { name: 'aws-cn', resource: 'arn:aws-cn:states:cn-north-1:123456789012:activity:approve-order' },
  ])('maps an activity ARN in $name to the activity entry', ({ resource }) => {
    expect(findIntegration(resource)?.resource).toBe('activity-arn');
  });

  it.each([
    { name: 'request-response', resource: 'arn:aws:states:::aws-sdk:s3:listObjectsV2', expected: SDK },
    { name: 'GovCloud', resource: 'arn:aws-us-gov:states:::aws-sdk:dynamodb:query', expected: SDK },
    {
      name: 'callback',
      resource: 'arn:aws:states:::aws-sdk:sqs:sendMessage.waitForTaskToken',
      expected: `${SDK}.waitForTaskToken`,
    },
  ])('maps an $name AWS SDK resource to the generic SDK entry', ({ resource, expected }) => {
    expect(findIntegration(resource)?.resource).toBe(expected);
  });

  it.each([
    { name: 'an unsupported pattern', resource: 'arn:aws:states:::lambda:invoke.sync' },
    { name: 'an SDK .sync', resource: 'arn:aws:states:::aws-sdk:glue:startJobRun.sync' },
    { name: 'an unknown service', resource: 'arn:aws:states:::redshift-data:executeStatement' },
    { name: 'an ItemReader resource', resource: 'arn:aws:states:::s3:getObject' },
    { name: 'a cross-cutting key', resource: 'logging-configuration' },
    { name: 'the activity key itself', resource: 'activity-arn' },
    { name: 'the SDK template key', resource: SDK },
    { name: 'a Lambda ARN without account', resource: 'arn:aws:lambda:us-east-1::function:resize' },
    { name: 'a Lambda layer', resource: 'arn:aws:lambda:us-east-1:123456789012:layer:deps:3' },
    { name: 'an empty string', resource: '' },
  ])('returns undefined for $name', ({ resource }) => {
    expect(findIntegration(resource)).toBeUndefined();
  });
});
