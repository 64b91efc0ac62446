import type { Tri } from './types.js';

/** Logical OR over three-valued outcomes: yes wins, then unknown. */
export function anyOf<T>(items: readonly T[], test: (item: T) => Tri): Tri {
  let result: Tri = 'no';
  for (const item of items) {
    const outcome = test(item);
    if (outcome === 'yes') return 'yes';
    if (outcome === 'unknown') result = 'unknown';
  }
  return result;
}

/** Logical AND over three-valued outcomes: no wins, then unknown. */
export function allOf<T>(items: readonly T[], test: (item: T) => Tri): Tri {
  let result: Tri = 'yes';
  for (const item of items) {
    const outcome = test(item);
    if (outcome === 'no') return 'no';
    if (outcome === 'unknown') result = 'unknown';
  }
  return result;
}

/** Logical NOT: unknown stays unknown. */
export function negate(outcome: Tri): Tri {
  return outcome === 'yes' ? 'no' : outcome === 'no' ? 'yes' : 'unknown';
}
