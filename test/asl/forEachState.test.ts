import { describe, expect, it } from 'vitest';
import { forEachState } from '../../shared/asl/forEachState.js';
import type { AslDefinition, StateVisit } from '../../shared/asl/types.js';
import { walkStates } from '../../shared/asl/walkStates.js';

const LAMBDA = 'arn:aws:states:::lambda:invoke';

const DEFINITION = {
  StartAt: 'Fan out',
  States: {
    'Fan out': {
      Type: 'Parallel',
      Branches: [
        {
          StartAt: 'Check',
          States: {
            Check: { Type: 'Choice', Choices: [{ Variable: '$.x', BooleanEquals: true, Next: 'Call' }] },
            Call: { Type: 'Task', Resource: LAMBDA, End: true },
          },
        },
      ],
      Next: 'Each',
    },
    Each: {
      Type: 'Map',
      ItemProcessor: {
        ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
        StartAt: 'Inner',
        States: { Inner: { Type: 'Task', Resource: LAMBDA, Next: 'Done' }, Done: { Type: 'Succeed' } },
      },
      End: true,
    },
  },
} as unknown as AslDefinition;

function visited(types?: ReadonlySet<unknown>): StateVisit[] {
  const visits: StateVisit[] = [];
  forEachState(DEFINITION, (visit) => visits.push({ ...visit }), types);
  return visits;
}

describe('forEachState', () => {
  it('visits what walkStates lists, in the same order', () => {
    expect(visited()).toEqual(walkStates(DEFINITION));
    expect(visited().map((v) => v.ref.name)).toEqual(['Fan out', 'Check', 'Call', 'Each', 'Inner', 'Done']);
  });

  it('hands over one visit object, updated for each state, with a new ref each time', () => {
    const objects = new Set<StateVisit>();
    const refs = new Set<unknown>();
    forEachState(DEFINITION, (visit) => {
      objects.add(visit);
      refs.add(visit.ref);
    });
    expect(objects.size).toBe(1);
    expect(refs.size).toBe(6);
  });

  it('visits only the given types, still entering every Parallel and Map', () => {
    const visits = visited(new Set(['Task']));
    expect(visits.map((v) => v.ref.path)).toEqual([
      ['States', 'Fan out', 'Branches', '0', 'States', 'Call'],
      ['States', 'Each', 'ItemProcessor', 'States', 'Inner'],
    ]);
    expect(visits.map((v) => v.insideDistributedMap)).toEqual([false, true]);
    expect(visited(new Set(['Map'])).map((v) => v.ref.name)).toEqual(['Each']);
  });
});
