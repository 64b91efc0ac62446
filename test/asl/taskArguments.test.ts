import { describe, expect, it } from 'vitest';
import { taskArguments } from '../../shared/asl/taskArguments.js';
import type { QueryLanguage, StateVisit } from '../../shared/asl/types.js';

function visitOf(queryLanguage: QueryLanguage, state: Record<string, unknown>): StateVisit {
  return {
    ref: { name: 'Call', path: ['States', 'Call'] },
    state: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', ...state },
    queryLanguage,
    insideDistributedMap: false,
  };
}

describe('taskArguments', () => {
  it('returns Parameters of a JSONPath state', () => {
    const visit = visitOf('JSONPath', { Parameters: { 'FunctionName.$': '$.fn' }, Arguments: { FunctionName: 'x' } });
    expect(taskArguments(visit)).toEqual({ 'FunctionName.$': '$.fn' });
  });

  it('returns Arguments of a JSONata state', () => {
    const visit = visitOf('JSONata', { Parameters: { FunctionName: 'x' }, Arguments: '{% $states.input %}' });
    expect(taskArguments(visit)).toBe('{% $states.input %}');
  });

  it('returns undefined when the state has no payload', () => {
    expect(taskArguments(visitOf('JSONPath', {}))).toBeUndefined();
  });
});
