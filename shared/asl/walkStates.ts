import type { AslDefinition, AslState, QueryLanguage, StateVisit } from './types.js';

/** One States object being walked: its state names and where the walk is in them. */
type Frame = {
  states: Record<string, unknown>;
  names: string[];
  index: number;
  statesPath: string[];
  distributed: boolean;
};

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function frameOf(scope: unknown, scopePath: string[], distributed: boolean): Frame | undefined {
  if (!isObject(scope) || !isObject(scope.States)) return undefined;
  const states = scope.States;
  return { states, names: Object.keys(states), index: 0, statesPath: [...scopePath, 'States'], distributed };
}

/**
 * Frames for the States nested in a Parallel (each branch) or a Map (ItemProcessor, else the legacy Iterator), in
 * document order. Child executions of a DISTRIBUTED ItemProcessor run as a Distributed Map at any depth below it:
 * https://docs.aws.amazon.com/step-functions/latest/dg/state-map-distributed.html
 */
function nestedFrames(state: Record<string, unknown>, path: string[], distributed: boolean): Frame[] {
  const frames: Frame[] = [];
  if (state.Type === 'Parallel' && Array.isArray(state.Branches)) {
    state.Branches.forEach((branch, i) => {
      const frame = frameOf(branch, [...path, 'Branches', String(i)], distributed);
      if (frame !== undefined) frames.push(frame);
    });
  } else if (state.Type === 'Map') {
    const key = isObject(state.ItemProcessor) ? 'ItemProcessor' : 'Iterator';
    const processor = state[key];
    const config = isObject(processor) ? processor.ProcessorConfig : undefined;
    const isDistributed = key === 'ItemProcessor' && isObject(config) && config.Mode === 'DISTRIBUTED';
    const frame = frameOf(processor, [...path, key], distributed || isDistributed);
    if (frame !== undefined) frames.push(frame);
  }
  return frames;
}

function languageOf(value: unknown): QueryLanguage | undefined {
  return value === 'JSONata' || value === 'JSONPath' ? value : undefined;
}

/**
 * Lists every state at every depth in document order (a state, then the states nested in it, then its next sibling),
 * with its JSON path, effective query language (its own, else the top level's, else JSONPath — the rule quoted at
 * https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html) and whether it runs
 * inside a Distributed Map; iterative, so any nesting depth is safe.
 */
export function walkStates(definition: AslDefinition): StateVisit[] {
  const topLanguage = languageOf(definition.QueryLanguage) ?? 'JSONPath';
  const visits: StateVisit[] = [];
  const root = frameOf(definition, [], false);
  const stack: Frame[] = root === undefined ? [] : [root];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as Frame;
    const name = frame.names[frame.index++];
    if (name === undefined) {
      stack.pop();
      continue;
    }
    const state = frame.states[name];
    if (!isObject(state)) continue;
    const path = [...frame.statesPath, name];
    visits.push({
      ref: { name, path },
      state: state as AslState,
      queryLanguage: languageOf(state.QueryLanguage) ?? topLanguage,
      insideDistributedMap: frame.distributed,
    });
    if (state.Type === 'Parallel' || state.Type === 'Map') {
      const nested = nestedFrames(state, path, frame.distributed);
      for (let i = nested.length - 1; i >= 0; i--) stack.push(nested[i] as Frame);
    }
  }
  return visits;
}
