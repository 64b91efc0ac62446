import { forEachState } from './forEachState.js';
import type { AslDefinition, StateVisit } from './types.js';

/**
 * Lists every state at every depth in document order (a state, then the states nested in it, then its next sibling),
 * with its JSON path, effective query language (its own, else the top level's, else JSONPath — the rule quoted at
 * https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html) and whether it runs
 * inside a Distributed Map; iterative, so any nesting depth is safe.
 */
export function walkStates(definition: AslDefinition): StateVisit[] {
  const visits: StateVisit[] = [];
  forEachState(definition, (visit) => {
    visits.push({ ...visit });
  });
  return visits;
}
