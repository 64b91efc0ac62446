import { describe, expect, it } from 'vitest';
import type { AslDefinition } from '../../shared/asl/types.js';
import { deriveRequirements } from '../../shared/requirements/deriveRequirements.js';
import { MEMO_PROBE_LOOKUPS } from '../../shared/requirements/taskRequirements.js';
import type { DeriveContext, Requirement } from '../../shared/types.js';

const CONTEXT: DeriveContext = {
  partition: 'aws',
  region: 'eu-west-1',
  account: '111122223333',
  stateMachineName: 'orders',
};

const INVOKE = 'arn:aws:states:::lambda:invoke';
const RUN_TASK = 'arn:aws:states:::ecs:runTask';
const GET_OBJECT = 'arn:aws:states:::aws-sdk:s3:getObject';

function jsonPath(resource: string, parameters: unknown): Record<string, unknown> {
  return { Type: 'Task', Resource: resource, Parameters: parameters };
}

function jsonata(resource: string, args: unknown): Record<string, unknown> {
  return { Type: 'Task', QueryLanguage: 'JSONata', Resource: resource, Arguments: args };
}

function chain(states: Record<string, unknown>[]): AslDefinition {
  const entries = states.map((state, i) => [
    `S${i}`,
    { ...state, ...(i + 1 < states.length ? { Next: `S${i + 1}` } : { End: true }) },
  ]);
  return { StartAt: 'S0', States: Object.fromEntries(entries) } as AslDefinition;
}

const project = (r: Requirement) => [r.purpose, r.actions, r.resources, r.dynamic, r.holes ?? [], r.context ?? {}];

/** Requirements of each state of a chain, without the state reference (which differs by position). */
function perState(states: Record<string, unknown>[]): unknown[][] {
  const requirements = deriveRequirements(chain(states), CONTEXT);
  return states.map((_, i) => requirements.filter((r) => r.state?.name === `S${i}`).map(project));
}

/** States whose fields a memo key read by walking the arguments must tell apart. */
const PAIRS: { name: string; a: Record<string, unknown>; b: Record<string, unknown> }[] = [
  {
    name: 'a JSONata expression and a literal spelling its key',
    a: jsonata(INVOKE, { FunctionName: "{% 'orders-' & $states.input.id %}" }),
    b: jsonata(INVOKE, { FunctionName: "\u0003a{% 'orders-' & $states.input.id %}" }),
  },
  {
    name: 'two JSONata expressions with different known prefixes',
    a: jsonata(INVOKE, { FunctionName: "{% 'orders-' & $states.input.id %}" }),
    b: jsonata(INVOKE, { FunctionName: "{% 'billing-' & $states.input.id %}" }),
  },
  {
    name: 'the same text as a JSONPath expression and as a JSONata one',
    a: jsonPath(INVOKE, { 'FunctionName.$': "{% 'orders-' & $states.input.id %}" }),
    b: jsonata(INVOKE, { FunctionName: "{% 'orders-' & $states.input.id %}" }),
  },
  {
    name: 'a run-time Overrides and a run-time Overrides.TaskRoleArn with the same expression',
    a: jsonPath(RUN_TASK, { TaskDefinition: 'app:1', 'Overrides.$': '$.overrides' }),
    b: jsonPath(RUN_TASK, { TaskDefinition: 'app:1', Overrides: { 'TaskRoleArn.$': '$.overrides' } }),
  },
  {
    name: 'an Overrides that is not an object and a literal task role',
    a: jsonPath(RUN_TASK, { TaskDefinition: 'app:1', Overrides: 'none' }),
    b: jsonPath(RUN_TASK, { TaskDefinition: 'app:1', Overrides: { TaskRoleArn: 'arn:aws:iam::111122223333:role/r' } }),
  },
  {
    name: 'a JSONata Arguments expression and a JSONata FunctionName expression',
    a: jsonata(INVOKE, '{% $states.input %}'),
    b: jsonata(INVOKE, { FunctionName: '{% $states.input %}' }),
  },
  {
    name: 'two SDK calls that differ in one run-time field',
    a: jsonPath(GET_OBJECT, { Bucket: 'b', 'Key.$': '$.a' }),
    b: jsonPath(GET_OBJECT, { Bucket: 'b', 'Key.$': '$.b' }),
  },
  {
    name: 'an SDK field as a run-time value and as a literal',
    a: jsonPath(GET_OBJECT, { 'Bucket.$': '$.bucket' }),
    b: jsonPath(GET_OBJECT, { Bucket: '$.bucket' }),
  },
  {
    name: 'an SDK call with a role in a nested object and one without',
    a: jsonPath('arn:aws:states:::aws-sdk:glue:createJob', { Name: 'j', Command: { Name: 'glueetl' }, Role: 'r' }),
    b: jsonPath('arn:aws:states:::aws-sdk:glue:createJob', { Name: 'j', Command: { Name: 'glueetl' } }),
  },
  {
    name: 'a number Qualifier and a string one',
    a: jsonPath(INVOKE, { FunctionName: 'f', Qualifier: 7 }),
    b: jsonPath(INVOKE, { FunctionName: 'f', Qualifier: '7x' }),
  },
];

describe('memoNode', () => {
  it.each(PAIRS)('gives each state its own requirements for $name', ({ a, b }) => {
    const [aloneA] = perState([a]);
    const [aloneB] = perState([b]);
    expect(aloneA).not.toEqual(aloneB);
    expect(perState([a, b])).toEqual([aloneA, aloneB]);
    expect(perState([b, a])).toEqual([aloneB, aloneA]);
  });

  it('shares the requirements of JSONata states with the same expression', () => {
    const call = jsonata(INVOKE, { FunctionName: "{% 'orders-' & $states.input.id %}" });
    const requirements = deriveRequirements(chain([call, call]), CONTEXT);
    const [first, second] = [0, 1].map((i) => requirements.find((r) => r.state?.name === `S${i}`));
    expect(first?.resources).toEqual(['arn:aws:lambda:eu-west-1:111122223333:function:orders-*']);
    expect(second?.resources).toBe(first?.resources);
  });

  it('shares the requirements of SDK calls with the same fields, in either order', () => {
    const requirements = deriveRequirements(
      chain([
        jsonPath(GET_OBJECT, { Bucket: 'b', 'Key.$': '$.k' }),
        jsonPath(GET_OBJECT, { Bucket: 'b', 'Key.$': '$.k' }),
        jsonPath(GET_OBJECT, { 'Key.$': '$.k', Bucket: 'b' }),
      ]),
      CONTEXT,
    );
    const [first, second, third] = [0, 1, 2].map((i) => requirements.find((r) => r.state?.name === `S${i}`));
    expect(first?.resources).toEqual(['arn:aws:s3:::b/*']);
    expect(second?.resources).toBe(first?.resources);
    expect(project(third as Requirement)).toEqual(project(first as Requirement));
  });

  it('copies for each state exactly the fields a requirement has, in one order', () => {
    const states = [
      jsonPath(INVOKE, { FunctionName: 'f' }),
      jsonPath(INVOKE, { 'FunctionName.$': '$.f' }),
      jsonPath('arn:aws:states:::ecs:runTask.sync', { TaskDefinition: 'app:1' }),
      jsonPath('arn:aws:states:::sqs:sendMessage', { QueueUrl: 'https://sqs.eu-west-1.amazonaws.com/111122223333/q' }),
    ];
    const requirements = deriveRequirements(chain([...states, ...states]), CONTEXT);
    const ofState = (i: number) => requirements.filter((r) => r.state?.name === `S${i}`);
    const order = ['state', 'integration', 'purpose', 'actions', 'resources', 'dynamic', 'consequence', 'source'];
    const optional = ['context', 'managedRule', 'inferred', 'unknownIntegration', 'holes', 'unresolvedPlaceholder'];
    for (let i = 0; i < states.length; i++) {
      const [first, second] = [ofState(i), ofState(i + states.length)];
      expect(second.map((r) => Object.keys(r))).toEqual(first.map((r) => Object.keys(r)));
      for (const r of [...first, ...second]) {
        const keys = Object.keys(r);
        expect(keys.slice(0, order.length)).toEqual(order);
        expect(keys.slice(order.length)).toEqual(optional.filter((key) => keys.includes(key)));
        expect(Object.values(r)).not.toContain(undefined);
      }
    }
    expect(requirements.some((r) => r.managedRule !== undefined)).toBe(true);
    expect(requirements.some((r) => r.holes !== undefined)).toBe(true);
  });

  it('shares the requirements of states with the same nested literal', () => {
    const call = jsonPath(RUN_TASK, {
      TaskDefinition: 'app:1',
      Overrides: { TaskRoleArn: 'arn:aws:iam::111122223333:role/r' },
    });
    const requirements = deriveRequirements(chain([call, call]), CONTEXT);
    const pass = (i: number) => requirements.find((r) => r.state?.name === `S${i}` && r.purpose === 'passrole');
    expect(pass(0)?.resources).toContain('arn:aws:iam::111122223333:role/r');
    expect(pass(1)?.resources).toBe(pass(0)?.resources);
  });
});

describe('the memo of a Resource whose states rarely share inputs', () => {
  // MEMO_PROBE_LOOKUPS states that each name another function: no hit, so the memo of lambda:invoke is dropped; the
  // states after them name functions already seen, and are derived again rather than shared.
  const distinct = Array.from({ length: MEMO_PROBE_LOOKUPS }, (_, i) => jsonPath(INVOKE, { FunctionName: `fn-${i}` }));
  const repeats = [0, 1, 2].map((i) => jsonPath(INVOKE, { FunctionName: `fn-${i}` }));
  const states = [...distinct, ...repeats];

  it('is dropped after the probe: later states with the same inputs get equal, not shared, requirements', () => {
    const requirements = deriveRequirements(chain(states), CONTEXT);
    const of = (i: number) => requirements.find((r) => r.state?.name === `S${i}`);
    for (const [repeat, first] of [0, 1, 2].map((i) => [MEMO_PROBE_LOOKUPS + i, i] as const)) {
      expect(of(repeat)?.resources).toEqual([`arn:aws:lambda:eu-west-1:111122223333:function:fn-${first}`]);
      expect(of(repeat)?.resources).toEqual(of(first)?.resources);
      expect(of(repeat)?.resources).not.toBe(of(first)?.resources);
    }
  });

  it('is kept when inputs repeat within the probe, even in a long cycle', () => {
    const cycle = Array.from({ length: MEMO_PROBE_LOOKUPS + 10 }, (_, i) =>
      jsonPath(INVOKE, { FunctionName: `fn-${i % 97}` }),
    );
    const requirements = deriveRequirements(chain(cycle), CONTEXT);
    const of = (i: number) => requirements.find((r) => r.state?.name === `S${i}`);
    expect(of(MEMO_PROBE_LOOKUPS + 5)?.resources).toBe(of((MEMO_PROBE_LOOKUPS + 5) % 97)?.resources);
  });

  it('gives every state the requirements it has alone, before and after the memo is dropped', () => {
    const alone = states.map((state) => perState([state])[0]);
    expect(perState(states)).toEqual(alone);
  });
});
