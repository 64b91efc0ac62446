import { describe, expect, it } from 'vitest';
import type { AslDefinition } from '../../shared/asl/types.js';
import { walkStates } from '../../shared/asl/walkStates.js';

const LAMBDA = 'arn:aws:states:::lambda:invoke';

/** Top level JSONata; a Parallel, a Distributed Map holding an inline Map, a legacy Iterator and an inline Map. */
const NESTED = {
  QueryLanguage: 'JSONata',
  StartAt: 'Fan out',
  States: {
    'Fan out': {
      Type: 'Parallel',
      Branches: [
        {
          StartAt: 'Resize',
          States: { Resize: { Type: 'Task', Resource: LAMBDA, QueryLanguage: 'JSONPath', End: true } },
        },
        { StartAt: 'Tag', States: { Tag: { Type: 'Pass', End: true } } },
      ],
      Next: 'Process',
    },
    Process: {
      Type: 'Map',
      ItemProcessor: {
        ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
        StartAt: 'Call',
        States: {
          Call: { Type: 'Task', Resource: LAMBDA, Next: 'Per line' },
          'Per line': {
            Type: 'Map',
            ItemProcessor: {
              ProcessorConfig: { Mode: 'INLINE' },
              StartAt: 'Deep',
              States: { Deep: { Type: 'Pass', End: true } },
            },
            End: true,
          },
        },
      },
      Next: 'Legacy',
    },
    Legacy: { Type: 'Map', Iterator: { StartAt: 'Old', States: { Old: { Type: 'Pass', End: true } } }, Next: 'Inline' },
    Inline: {
      Type: 'Map',
      QueryLanguage: 'JSONPath',
      ItemProcessor: {
        ProcessorConfig: { Mode: 'INLINE' },
        StartAt: 'In',
        States: { In: { Type: 'Pass', End: true } },
      },
      End: true,
    },
  },
} as unknown as AslDefinition;

const EXPECTED = [
  { name: 'Fan out', path: ['States', 'Fan out'], queryLanguage: 'JSONata', insideDistributedMap: false },
  {
    name: 'Resize',
    path: ['States', 'Fan out', 'Branches', '0', 'States', 'Resize'],
    queryLanguage: 'JSONPath',
    insideDistributedMap: false,
  },
  {
    name: 'Tag',
    path: ['States', 'Fan out', 'Branches', '1', 'States', 'Tag'],
    queryLanguage: 'JSONata',
    insideDistributedMap: false,
  },
  { name: 'Process', path: ['States', 'Process'], queryLanguage: 'JSONata', insideDistributedMap: false },
  {
    name: 'Call',
    path: ['States', 'Process', 'ItemProcessor', 'States', 'Call'],
    queryLanguage: 'JSONata',
    insideDistributedMap: true,
  },
  {
    name: 'Per line',
    path: ['States', 'Process', 'ItemProcessor', 'States', 'Per line'],
    queryLanguage: 'JSONata',
    insideDistributedMap: true,
  },
  {
    name: 'Deep',
    path: ['States', 'Process', 'ItemProcessor', 'States', 'Per line', 'ItemProcessor', 'States', 'Deep'],
    queryLanguage: 'JSONata',
    insideDistributedMap: true,
  },
  { name: 'Legacy', path: ['States', 'Legacy'], queryLanguage: 'JSONata', insideDistributedMap: false },
  {
    name: 'Old',
    path: ['States', 'Legacy', 'Iterator', 'States', 'Old'],
    queryLanguage: 'JSONata',
    insideDistributedMap: false,
  },
  { name: 'Inline', path: ['States', 'Inline'], queryLanguage: 'JSONPath', insideDistributedMap: false },
  {
    name: 'In',
    path: ['States', 'Inline', 'ItemProcessor', 'States', 'In'],
    queryLanguage: 'JSONata',
    insideDistributedMap: false,
  },
];

describe('walkStates', () => {
  it('visits every state at every depth in document order', () => {
    expect(walkStates(NESTED).map((visit) => visit.ref.name)).toEqual(EXPECTED.map((e) => e.name));
  });

  it.each(EXPECTED)('gives $name its path, query language and Distributed Map flag', (expected) => {
    const visit = walkStates(NESTED).find((v) => v.ref.name === expected.name);
    expect(visit?.ref).toEqual({ name: expected.name, path: expected.path });
    expect(visit?.queryLanguage).toBe(expected.queryLanguage);
    expect(visit?.insideDistributedMap).toBe(expected.insideDistributedMap);
  });

  it('hands back the state object itself', () => {
    const tag = { Type: 'Pass', End: true };
    const definition = {
      StartAt: 'P',
      States: { P: { Type: 'Parallel', Branches: [{ StartAt: 'T', States: { T: tag } }], End: true } },
    };
    expect(walkStates(definition as AslDefinition)[1]?.state).toBe(tag);
  });

  it('uses JSONPath when neither the state nor the top level names a query language', () => {
    const definition = { StartAt: 'A', States: { A: { Type: 'Pass', End: true } } } as AslDefinition;
    expect(walkStates(definition)[0]?.queryLanguage).toBe('JSONPath');
  });

  it('walks three thousand levels of nesting without overflowing the stack', () => {
    let scope: Record<string, unknown> = { StartAt: 'Leaf', States: { Leaf: { Type: 'Pass', End: true } } };
    for (let depth = 0; depth < 3_000; depth++) {
      scope = { StartAt: 'P', States: { P: { Type: 'Parallel', Branches: [scope], End: true } } };
    }
    const visits = walkStates(scope as AslDefinition);
    expect(visits).toHaveLength(3_001);
    expect(visits[3_000]?.ref.name).toBe('Leaf');
    expect(visits[3_000]?.ref.path).toHaveLength(3_000 * 4 + 2);
  });
});
