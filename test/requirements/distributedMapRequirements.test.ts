import { describe, expect, it } from 'vitest';
import type { AslDefinition } from '../../shared/asl/types.js';
import { deriveRequirements } from '../../shared/requirements/deriveRequirements.js';
import type { DeriveContext, Requirement } from '../../shared/types.js';

const CONTEXT: DeriveContext = {
  partition: 'aws',
  region: 'eu-west-1',
  account: '111122223333',
  stateMachineName: 'orders',
};

/** A Distributed Map reading `orders-input/<prefix>` and writing `orders-results/run`. */
function distributedMap(prefix: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    Type: 'Map',
    ItemReader: {
      Resource: 'arn:aws:states:::s3:listObjectsV2',
      Parameters: { Bucket: 'orders-input', Prefix: prefix },
    },
    ItemProcessor: {
      ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
      StartAt: 'Work',
      States: { Work: { Type: 'Pass', End: true } },
    },
    ResultWriter: {
      Resource: 'arn:aws:states:::s3:putObject',
      Parameters: { Bucket: 'orders-results', Prefix: 'run' },
    },
    ...extra,
  };
}

function chain(states: Record<string, unknown>[]): AslDefinition {
  const entries = states.map((state, i) => [
    `M${i}`,
    { ...state, ...(i + 1 < states.length ? { Next: `M${i + 1}` } : { End: true }) },
  ]);
  return { StartAt: 'M0', States: Object.fromEntries(entries) } as AslDefinition;
}

const project = (r: Requirement) => [r.purpose, r.actions, r.resources, r.dynamic, r.holes ?? [], r.context ?? {}];

function ofMap(requirements: readonly Requirement[], i: number): Requirement[] {
  return requirements.filter((r) => r.state?.name === `M${i}`);
}

describe('appendDistributedMapRequirements', () => {
  it('gives each map its reader and shares the parts that are the same', () => {
    const a = distributedMap('batch-1/');
    const b = distributedMap('batch-2//');
    const requirements = deriveRequirements(chain([a, b]), CONTEXT);
    const [first, second] = [ofMap(requirements, 0), ofMap(requirements, 1)];
    expect(first.map(project)).toEqual(ofMap(deriveRequirements(chain([a]), CONTEXT), 0).map(project));
    expect(second.map((r) => r.purpose)).toEqual(first.map((r) => r.purpose));
    const reader = (list: Requirement[]) => list.find((r) => r.purpose === 'item-reader');
    expect(reader(first)?.context).toEqual({ 's3:prefix': 'batch-1/' });
    expect(reader(second)?.context).toEqual({ 's3:prefix': 'batch-2//' });
    const writer = (list: Requirement[]) => list.find((r) => r.purpose === 'result-writer');
    expect(writer(first)?.resources).toEqual(['arn:aws:s3:::orders-results/run/*']);
    expect(writer(second)?.resources).toBe(writer(first)?.resources);
    const child = (list: Requirement[]) => list.find((r) => r.actions.includes('states:StartExecution'));
    expect(child(second)?.resources).toBe(child(first)?.resources);
  });

  it('keys the redrive by the label', () => {
    const requirements = deriveRequirements(
      chain([distributedMap('x/', { Label: 'one' }), distributedMap('x/', { Label: 'two' })]),
      CONTEXT,
    );
    const redrive = (i: number) =>
      ofMap(requirements, i).find((r) => r.actions.includes('states:RedriveExecution'))?.resources;
    expect(redrive(0)).toEqual(['arn:aws:states:eu-west-1:111122223333:execution:orders/one:*']);
    expect(redrive(1)).toEqual(['arn:aws:states:eu-west-1:111122223333:execution:orders/two:*']);
  });
});
