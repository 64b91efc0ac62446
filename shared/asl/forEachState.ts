import type { AslDefinition, AslState, QueryLanguage, StateVisit } from './types.js';
import { valuesInKeyOrder } from './valuesInKeyOrder.js';

/** One States object being walked: its state names and values (read once, in order) and where the walk is in them. */
type Frame = {
  names: string[];
  values: unknown[];
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
  const names = Object.keys(states);
  return {
    names,
    values: valuesInKeyOrder(states, names),
    index: 0,
    statesPath: [...scopePath, 'States'],
    distributed,
  };
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

/**
 * `[...statesPath, name]` at its exact size, copied in a loop: a spread or a push grows a backing store with spare
 * slots, and Array#concat takes V8's generic C++ path.
 */
function pathTo(statesPath: readonly string[], name: string): string[] {
  const length = statesPath.length;
  const path = new Array<string>(length + 1);
  for (let i = 0; i < length; i++) path[i] = statesPath[i] as string;
  path[length] = name;
  return path;
}

function languageOf(value: unknown): QueryLanguage | undefined {
  return value === 'JSONata' || value === 'JSONPath' ? value : undefined;
}

/**
 * Calls `visit` for every state at every depth in document order (a state, then the states nested in it, then its next
 * sibling), with its JSON path, effective query language (its own, else the top level's, else JSONPath — the rule
 * quoted at https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html) and whether it runs inside a
 * Distributed Map; iterative, so any nesting depth is safe, and without a list of every visit, so a caller that keeps
 * only some of them leaves the rest as short-lived garbage. With `types`, only states of those types are visited
 * (nothing is built for the others; the walk still enters every Parallel and Map). `visit` also gets the state's
 * `Type`, read once. The visit object is one object updated in place for each state (its `ref` is new each time):
 * keep the `ref`, or copy the visit.
 */
export function forEachState(
  definition: AslDefinition,
  visit: (state: StateVisit, type: unknown) => void,
  types?: ReadonlySet<unknown>,
): void {
  const topLanguage = languageOf(definition.QueryLanguage) ?? 'JSONPath';
  const root = frameOf(definition, [], false);
  const stack: Frame[] = root === undefined ? [] : [root];
  const current: StateVisit = {
    ref: { name: '', path: [] },
    state: definition as unknown as AslState,
    queryLanguage: topLanguage,
    insideDistributedMap: false,
  };
  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as Frame;
    const at = frame.index++;
    if (at >= frame.names.length) {
      stack.pop();
      continue;
    }
    const name = frame.names[at] as string;
    const state = frame.values[at];
    if (!isObject(state)) continue;
    const type = state.Type;
    const nests = type === 'Parallel' || type === 'Map';
    const wanted = types === undefined || types.has(type);
    if (!nests && !wanted) continue;
    const path = pathTo(frame.statesPath, name);
    if (wanted) {
      current.ref = { name, path };
      current.state = state as AslState;
      current.queryLanguage = languageOf(state.QueryLanguage) ?? topLanguage;
      current.insideDistributedMap = frame.distributed;
      visit(current, type);
    }
    if (nests) {
      const nested = nestedFrames(state, path, frame.distributed);
      for (let i = nested.length - 1; i >= 0; i--) stack.push(nested[i] as Frame);
    }
  }
}
