import { describe, expect, it } from 'vitest';
import { parseDefinition } from '../../shared/asl/parseDefinition.js';
import type { DefinitionIssue } from '../../shared/asl/types.js';

const LAMBDA = 'arn:aws:states:::lambda:invoke';

function issuesOf(input: unknown): DefinitionIssue[] {
  const result = parseDefinition(input);
  return result.ok ? [] : result.issues;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

function validDefinition() {
  return {
    Comment: 'orders',
    StartAt: 'Charge',
    States: {
      Charge: { Type: 'Task', Resource: LAMBDA, Parameters: { 'FunctionName.$': '$.fn' }, Next: 'Done' },
      Done: { Type: 'Succeed' },
    },
  };
}

/** A definition whose only problem is the given state. */
function withState(state: unknown) {
  return { StartAt: 'S', States: { S: state } };
}

const MALFORMED = [
  {
    name: 'a Task with both Next and End',
    input: { StartAt: 'S', States: { S: { Type: 'Pass', Next: 'T', End: true }, T: { Type: 'Succeed' } } },
    message: "state 'S' has both Next and End",
    path: ['States', 'S', 'End'],
  },
  {
    name: 'a Pass state with neither Next nor End',
    input: withState({ Type: 'Pass' }),
    message: `state 'S' has neither Next nor "End": true`,
    path: ['States', 'S'],
  },
  {
    name: 'a Succeed state with Next',
    input: { StartAt: 'S', States: { S: { Type: 'Succeed', Next: 'T' }, T: { Type: 'Succeed' } } },
    message: "Succeed state 'S' cannot have Next",
    path: ['States', 'S', 'Next'],
  },
  {
    name: 'JSON with a missing value',
    input: '{\n  "StartAt": "A",\n  "States": }',
    message: 'definition is not valid JSON at line 3, column 13 (offset 32): ValueExpected',
    path: [],
  },
  {
    name: 'JSON with a trailing comma',
    input: '{"StartAt": "A",}',
    message: 'at line 1, column 17 (offset 16)',
    path: [],
  },
  { name: 'empty text', input: '', message: 'definition is not valid JSON', path: [] },
  { name: 'a JSON array', input: '[]', message: 'definition must be a JSON object, got an array', path: [] },
  { name: 'null', input: null, message: 'definition must be a JSON object, got null', path: [] },
  { name: 'a number', input: 42, message: 'definition must be a JSON object, got a number', path: [] },
  {
    name: 'missing StartAt',
    input: { States: { A: { Type: 'Succeed' } } },
    message: 'the definition has no StartAt',
    path: ['StartAt'],
  },
  {
    name: 'non-string StartAt',
    input: { StartAt: 7, States: { A: { Type: 'Succeed' } } },
    message: 'StartAt of the definition must be a non-empty string, got a number',
    path: ['StartAt'],
  },
  { name: 'missing States', input: { StartAt: 'A' }, message: 'the definition has no States', path: ['States'] },
  {
    name: 'States as an array',
    input: { StartAt: 'A', States: [] },
    message: 'States of the definition must be an object, got an array',
    path: ['States'],
  },
  {
    name: 'empty States',
    input: { StartAt: 'A', States: {} },
    message: 'States of the definition is empty',
    path: ['States'],
  },
  {
    name: 'StartAt naming a missing state',
    input: { StartAt: 'Nope', States: { A: { Type: 'Succeed' } } },
    message: "StartAt of the definition names 'Nope', which is not a state of the definition",
    path: ['StartAt'],
  },
  {
    name: 'a state that is not an object',
    input: withState('Task'),
    message: "state 'S' must be an object, got a string",
    path: ['States', 'S'],
  },
  {
    name: 'a state without Type',
    input: withState({ End: true }),
    message: "state 'S' has no Type",
    path: ['States', 'S', 'Type'],
  },
  {
    name: 'an unknown Type',
    input: withState({ Type: 'Tsk', End: true }),
    message: `state 'S' has unknown Type "Tsk" (expected one of Task, Pass, Choice, Wait, Succeed, Fail, Parallel, Map)`,
    path: ['States', 'S', 'Type'],
  },
  {
    name: 'Next to a missing state',
    input: withState({ Type: 'Pass', Next: 'Gone' }),
    message: "Next of state 'S' names 'Gone', which is not a state of the definition",
    path: ['States', 'S', 'Next'],
  },
  {
    name: 'a non-string Next',
    input: withState({ Type: 'Pass', Next: ['S'] }),
    message: "Next of state 'S' must be a string, got an array",
    path: ['States', 'S', 'Next'],
  },
  {
    name: 'a Choice rule Next to a missing state',
    input: withState({
      Type: 'Choice',
      Choices: [{ Variable: '$.ok', BooleanEquals: true, Next: 'Gone' }],
      Default: 'S',
    }),
    message: "Next of Choice rule 0 of Choice state 'S' names 'Gone'",
    path: ['States', 'S', 'Choices', '0', 'Next'],
  },
  {
    name: 'a Choice rule without Next',
    input: withState({ Type: 'Choice', Choices: [{ Variable: '$.ok', BooleanEquals: true }] }),
    message: "Choice rule 0 of Choice state 'S' has no Next",
    path: ['States', 'S', 'Choices', '0', 'Next'],
  },
  {
    name: 'a Choice without Choices',
    input: withState({ Type: 'Choice', Default: 'S' }),
    message: "Choice state 'S' must have a non-empty Choices array",
    path: ['States', 'S', 'Choices'],
  },
  {
    name: 'Default to a missing state',
    input: withState({
      Type: 'Choice',
      Choices: [{ Variable: '$.ok', BooleanEquals: true, Next: 'S' }],
      Default: 'Gone',
    }),
    message: "Default of Choice state 'S' names 'Gone'",
    path: ['States', 'S', 'Default'],
  },
  {
    name: 'a Catcher Next to a missing state',
    input: withState({
      Type: 'Task',
      Resource: LAMBDA,
      End: true,
      Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Gone' }],
    }),
    message: "Next of Catcher 0 of state 'S' names 'Gone'",
    path: ['States', 'S', 'Catch', '0', 'Next'],
  },
  {
    name: 'a Task without Resource',
    input: withState({ Type: 'Task', End: true }),
    message: "Task state 'S' has no Resource",
    path: ['States', 'S', 'Resource'],
  },
  {
    name: 'a Task with a non-string Resource',
    input: withState({ Type: 'Task', Resource: { 'Fn::GetAtt': ['Fn', 'Arn'] }, End: true }),
    message: "Resource of Task state 'S' must be a string, got an object",
    path: ['States', 'S', 'Resource'],
  },
  {
    name: 'a Parallel without Branches',
    input: withState({ Type: 'Parallel', End: true }),
    message: "Parallel state 'S' has no Branches",
    path: ['States', 'S', 'Branches'],
  },
  {
    name: 'a Parallel with empty Branches',
    input: withState({ Type: 'Parallel', Branches: [], End: true }),
    message: "Branches of Parallel state 'S' must be a non-empty array",
    path: ['States', 'S', 'Branches'],
  },
  {
    name: 'a Parallel branch that is not an object',
    input: withState({ Type: 'Parallel', Branches: ['x'], End: true }),
    message: "branch 0 of Parallel state 'S' must be an object with StartAt and States, got a string",
    path: ['States', 'S', 'Branches', '0'],
  },
  {
    name: 'a Map without ItemProcessor or Iterator',
    input: withState({ Type: 'Map', End: true }),
    message: "Map state 'S' has neither ItemProcessor nor Iterator",
    path: ['States', 'S'],
  },
  {
    name: 'a Map with both ItemProcessor and Iterator',
    input: withState({
      Type: 'Map',
      ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Succeed' } } },
      Iterator: { StartAt: 'P', States: { P: { Type: 'Succeed' } } },
      End: true,
    }),
    message: "Map state 'S' has both ItemProcessor and Iterator",
    path: ['States', 'S'],
  },
  {
    name: 'an invalid top-level QueryLanguage',
    input: { ...validDefinition(), QueryLanguage: 'jsonata' },
    message: `QueryLanguage of the definition must be 'JSONPath' or 'JSONata', got "jsonata"`,
    path: ['QueryLanguage'],
  },
  {
    name: "an invalid state's QueryLanguage",
    input: withState({ Type: 'Pass', QueryLanguage: 'JMESPath', End: true }),
    message: `QueryLanguage of state 'S' must be 'JSONPath' or 'JSONata', got "JMESPath"`,
    path: ['States', 'S', 'QueryLanguage'],
  },
  {
    name: 'Next out of a Parallel branch',
    input: {
      StartAt: 'Fan out',
      States: {
        'Fan out': {
          Type: 'Parallel',
          Branches: [{ StartAt: 'Resize', States: { Resize: { Type: 'Pass', Next: 'Done' } } }],
          Next: 'Done',
        },
        Done: { Type: 'Succeed' },
      },
    },
    message: "Next of state 'Resize' names 'Done', which is not a state of branch 0 of Parallel state 'Fan out'",
    path: ['States', 'Fan out', 'Branches', '0', 'States', 'Resize', 'Next'],
  },
  {
    name: 'Next out of a Map ItemProcessor',
    input: {
      StartAt: 'Process',
      States: {
        Process: {
          Type: 'Map',
          ItemProcessor: { StartAt: 'Call', States: { Call: { Type: 'Pass', Next: 'Process' } } },
          End: true,
        },
      },
    },
    message: "Next of state 'Call' names 'Process', which is not a state of ItemProcessor of Map state 'Process'",
    path: ['States', 'Process', 'ItemProcessor', 'States', 'Call', 'Next'],
  },
  {
    name: 'StartAt of a legacy Iterator naming a missing state',
    input: withState({ Type: 'Map', Iterator: { StartAt: 'Nope', States: { P: { Type: 'Succeed' } } }, End: true }),
    message: "StartAt of Iterator of Map state 'S' names 'Nope', which is not a state of Iterator of Map state 'S'",
    path: ['States', 'S', 'Iterator', 'StartAt'],
  },
  {
    name: 'an empty States in a Map ItemProcessor',
    input: withState({ Type: 'Map', ItemProcessor: { StartAt: 'P', States: {} }, End: true }),
    message: "States of ItemProcessor of Map state 'S' is empty",
    path: ['States', 'S', 'ItemProcessor', 'States'],
  },
];

describe('parseDefinition', () => {
  it('parses JSON text into the definition', () => {
    const result = parseDefinition(JSON.stringify(validDefinition()));
    expect(result).toEqual({ ok: true, definition: validDefinition() });
  });

  it('accepts an already-parsed object and returns a private copy', () => {
    const input = validDefinition();
    const result = parseDefinition(input);
    expect(result.ok && result.definition).toEqual(input);
    expect(result.ok && result.definition).not.toBe(input);
    expect(result.ok && result.definition.States.Charge).not.toBe(input.States.Charge);
  });

  it('accepts text that starts with a byte order mark', () => {
    expect(parseDefinition(`\uFEFF${JSON.stringify(validDefinition())}`).ok).toBe(true);
  });

  it.each(MALFORMED)('reports $name', ({ input, message, path }) => {
    const issues = issuesOf(input);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.message).toContain(message);
    expect(issues[0]?.path).toEqual(path);
  });

  it('collects every issue instead of stopping at the first', () => {
    const issues = issuesOf({
      StartAt: 'Missing',
      QueryLanguage: 'XPath',
      States: {
        A: { Type: 'Task', Next: 'Gone' },
        B: { Type: 'Parallel', Branches: [{ StartAt: 'X', States: { X: { Type: 'Wat' } } }], End: true },
        C: { Type: 'Map', End: true },
      },
    });
    expect(issues.map((issue) => issue.path)).toEqual([
      ['QueryLanguage'],
      ['StartAt'],
      ['States', 'A', 'Next'],
      ['States', 'A', 'Resource'],
      ['States', 'C'],
      ['States', 'B', 'Branches', '0', 'States', 'X', 'Type'],
    ]);
  });

  it('reports a value that cannot be turned into JSON instead of throwing', () => {
    const cyclic: Record<string, unknown> = { StartAt: 'A', States: { A: { Type: 'Succeed' } } };
    cyclic.self = cyclic;
    const issues = issuesOf(cyclic);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.message).toContain('definition cannot be read as JSON');
  });

  it('does not change the object it is given', () => {
    const input = validDefinition();
    const before = structuredClone(input);
    parseDefinition(input);
    expect(input).toEqual(before);
  });

  it('does not change an invalid object it is given', () => {
    const input = { StartAt: 'A', States: { A: { Type: 'Map', Next: 'B' } } };
    const before = structuredClone(input);
    expect(parseDefinition(input).ok).toBe(false);
    expect(input).toEqual(before);
  });

  it('reads a deeply frozen object', () => {
    const input = deepFreeze(validDefinition());
    const result = parseDefinition(input);
    expect(result.ok).toBe(true);
    expect(result.ok && Object.isFrozen(result.definition)).toBe(false);
  });

  it('checks states nested in Parallels up to the nesting limit', () => {
    // Each Parallel adds 4 levels; the leaf state sits at 4 × 249 + 3 = 999 ≤ MAX_NESTING_DEPTH.
    let scope: Record<string, unknown> = { StartAt: 'Leaf', States: { Leaf: { Type: 'Pass', Next: 'Nowhere' } } };
    for (let depth = 0; depth < 249; depth++) {
      scope = { StartAt: 'P', States: { P: { Type: 'Parallel', Branches: [scope], End: true } } };
    }
    const issues = issuesOf(JSON.stringify(scope));
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toHaveLength(249 * 4 + 3);
    expect(issues[0]?.path.slice(-3)).toEqual(['States', 'Leaf', 'Next']);
  });
});
