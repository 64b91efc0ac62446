import { describe, expect, it } from 'vitest';
import type { AslDefinition } from '../../shared/asl/types.js';
import { deriveRequirements } from '../../shared/requirements/deriveRequirements.js';
import type { DeriveContext } from '../../shared/types.js';

const CONTEXT: DeriveContext = {
  partition: 'aws',
  region: 'us-east-1',
  account: '111122223333',
  stateMachineName: 'orders',
};

function chain(states: Record<string, unknown>[]): AslDefinition {
  const names = states.map((_, i) => `S${i}`);
  const entries = states.map((s, i) => [
    names[i],
    { ...s, ...(i + 1 < states.length ? { Next: names[i + 1] } : { End: true }) },
  ]);
  return { StartAt: 'S0', States: Object.fromEntries(entries) } as AslDefinition;
}

const putEvents = (entries: unknown[]) => ({
  Type: 'Task',
  Resource: 'arn:aws:states:::events:putEvents',
  Parameters: { Entries: entries },
});

describe('deriveRequirements', () => {
  it('gives each state its own requirement objects when states repeat the same call', () => {
    const call = {
      Type: 'Task',
      Resource: 'arn:aws:states:::sqs:sendMessage',
      Parameters: { QueueUrl: 'https://sqs.us-east-1.amazonaws.com/111122223333/q', MessageBody: 'x' },
    };
    const [a, b] = deriveRequirements(chain([call, call]), CONTEXT);
    expect(a?.state?.name).toBe('S0');
    expect(b?.state?.name).toBe('S1');
    expect(a).not.toBe(b);
    expect(b?.resources).toEqual(['arn:aws:sqs:us-east-1:111122223333:q']);
  });

  it('shares frozen arrays between repeated states, so a consumer cannot corrupt another state', () => {
    const call = { Type: 'Task', Resource: 'arn:aws:states:::glue:startJobRun', Parameters: { JobName: 'etl' } };
    const [a] = deriveRequirements(chain([call, call]), CONTEXT);
    expect(Object.isFrozen(a?.resources)).toBe(true);
  });

  it('does not confuse calls that differ only in a defaulted array element', () => {
    const requirements = deriveRequirements(
      chain([putEvents([{ EventBusName: 'a' }, { Source: 's' }]), putEvents([{ EventBusName: 'a' }])]),
      CONTEXT,
    );
    expect(requirements.map((r) => r.resources)).toEqual([
      ['arn:aws:events:us-east-1:111122223333:event-bus/a', 'arn:aws:events:us-east-1:111122223333:event-bus/default'],
      ['arn:aws:events:us-east-1:111122223333:event-bus/a'],
    ]);
  });

  it('does not confuse a JSONPath literal with the same text made dynamic', () => {
    const literal = {
      Type: 'Task',
      Resource: 'arn:aws:states:::dynamodb:getItem',
      Parameters: { TableName: 'orders', Key: {} },
    };
    const dynamic = {
      Type: 'Task',
      Resource: 'arn:aws:states:::dynamodb:getItem',
      Parameters: { 'TableName.$': 'orders', Key: {} },
    };
    const requirements = deriveRequirements(chain([literal, dynamic, literal]), CONTEXT);
    expect(requirements.map((r) => [r.resources, r.dynamic])).toEqual([
      [['arn:aws:dynamodb:us-east-1:111122223333:table/orders'], false],
      // A table named at run time may be a table ARN in any Region or account: a hole the size of the whole ARN.
      [['arn:aws:dynamodb:*:*:table/*'], true],
      [['arn:aws:dynamodb:us-east-1:111122223333:table/orders'], false],
    ]);
  });

  it('does not mutate the definition', () => {
    const definition = chain([
      {
        Type: 'Task',
        Resource: 'arn:aws:states:::ecs:runTask.sync',
        Parameters: { TaskDefinition: 'report', Overrides: { TaskRoleArn: 'arn:aws:iam::111122223333:role/r' } },
      },
    ]);
    const before = structuredClone(definition);
    deriveRequirements(definition, CONTEXT);
    expect(definition).toEqual(before);
  });

  it('returns the same requirements on every run', () => {
    const definition = chain([
      { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'a' } },
      { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'b' } },
    ]);
    expect(deriveRequirements(definition, { ...CONTEXT, loggingEnabled: true })).toEqual(
      deriveRequirements(definition, { ...CONTEXT, loggingEnabled: true }),
    );
  });

  it('derives 5,000 states without pathological slowness', () => {
    const states = Array.from({ length: 5_000 }, (_, i) => ({
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { FunctionName: `fn-${i % 50}`, 'Payload.$': '$' },
    }));
    const definition = chain(states);
    const t0 = performance.now();
    const requirements = deriveRequirements(definition, CONTEXT);
    expect(requirements).toHaveLength(5_000);
    expect(performance.now() - t0).toBeLessThan(1_000);
  });
});
