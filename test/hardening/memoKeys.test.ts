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

const DELETE_CLUSTER = 'arn:aws:states:::eks:deleteCluster';
const DELETE_BUILDS = 'arn:aws:states:::codebuild:batchDeleteBuilds';

function task(resource: string, parameters: Record<string, unknown>): Record<string, unknown> {
  return { Type: 'Task', Resource: resource, Parameters: parameters };
}

function chain(states: Record<string, unknown>[]): AslDefinition {
  const entries = states.map((state, i) => [
    `S${i}`,
    { ...state, ...(i + 1 < states.length ? { Next: `S${i + 1}` } : { End: true }) },
  ]);
  return { StartAt: 'S0', States: Object.fromEntries(entries) } as AslDefinition;
}

const project = (r: Requirement) => [r.purpose, r.actions, r.resources, r.dynamic];

/** Requirements of each state of a chain, without the state reference (which differs by position). */
function perState(states: Record<string, unknown>[]): unknown[][] {
  const requirements = deriveRequirements(chain(states), CONTEXT);
  return states.map((_, i) => requirements.filter((r) => r.state?.name === `S${i}`).map(project));
}

/** Pairs of field values that the old memo keys could not tell apart. */
const PAIRS: { name: string; a: Record<string, unknown>; b: Record<string, unknown> }[] = [
  {
    name: 'an absent Name and Name "\\u0004"',
    a: task(DELETE_CLUSTER, {}),
    b: task(DELETE_CLUSTER, { Name: '\u0004' }),
  },
  {
    name: 'a run-time Name and the literal of its old key',
    a: task(DELETE_CLUSTER, { 'Name.$': '$.name' }),
    b: task(DELETE_CLUSTER, { Name: '\u0005\u0003D' }),
  },
  {
    name: 'a run-time Name with a known prefix and the literal of its old key',
    a: task(DELETE_CLUSTER, { 'Name.$': "States.Format('prod-{}', $.name)" }),
    b: task(DELETE_CLUSTER, { Name: '\u0005\u0003Dprod-' }),
  },
  {
    name: 'a number Name and the literal of its old key',
    a: task(DELETE_CLUSTER, { Name: 7 }),
    b: task(DELETE_CLUSTER, { Name: '\u0005\u0003N7' }),
  },
  {
    name: 'two ids and one id holding the old separator',
    a: task(DELETE_BUILDS, { Ids: ['alpha:1', 'beta:2', 'gamma:3'] }),
    b: task(DELETE_BUILDS, { Ids: ['alpha:1\u0003Sbeta:2', 'gamma:3'] }),
  },
  {
    name: 'a list of one id and a literal that starts like a list key',
    a: task(DELETE_BUILDS, { Ids: ['alpha:1', 'beta:2'] }),
    b: task(DELETE_BUILDS, { Ids: ['\u0005\u0003Salpha:1\u0003Sbeta:2'] }),
  },
  {
    name: 'an empty Name and an absent Name',
    a: task(DELETE_CLUSTER, { Name: '' }),
    b: task(DELETE_CLUSTER, {}),
  },
];

describe('memoizeRequirements keys', () => {
  it.each(PAIRS)('gives each state its own requirements for $name', ({ a, b }) => {
    const [aloneA] = perState([a]);
    const [aloneB] = perState([b]);
    expect(aloneA).not.toEqual(aloneB);
    expect(perState([a, b])).toEqual([aloneA, aloneB]);
    expect(perState([b, a])).toEqual([aloneB, aloneA]);
  });

  it('still shares requirements between states with the same literal values', () => {
    const call = task(DELETE_CLUSTER, { Name: 'prod' });
    const requirements = deriveRequirements(chain([call, call]), CONTEXT);
    const [first, second] = [0, 1].map((i) => requirements.find((r) => r.state?.name === `S${i}`));
    expect(first?.resources).toEqual(['arn:aws:eks:eu-west-1:111122223333:cluster/prod']);
    expect(second?.resources).toBe(first?.resources);
  });
});
