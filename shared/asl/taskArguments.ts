import type { StateVisit } from './types.js';

/**
 * The payload a state sends to its integration: `Arguments` in a JSONata state, `Parameters` in a JSONPath state
 * (undefined when absent). https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html
 */
export function taskArguments(visit: StateVisit): unknown {
  return visit.queryLanguage === 'JSONata' ? visit.state.Arguments : visit.state.Parameters;
}
