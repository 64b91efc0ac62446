import type { ContextValues } from '../shared/types.js';
import { UsageError } from './UsageError.js';

/**
 * Turns repeated `--context key=value` flags into condition context values (`aws:RequestedRegion=us-east-1`); a key
 * given more than once becomes a list, as multivalued keys (`aws:TagKeys`) need.
 */
export function parseContextFlags(pairs: readonly string[]): ContextValues {
  const context = new Map<string, string | string[]>();
  for (const pair of pairs) {
    const equals = pair.indexOf('=');
    if (equals <= 0) throw new UsageError(`--context must be key=value, not "${pair}"`);
    const key = pair.slice(0, equals);
    const value = pair.slice(equals + 1);
    const previous = context.get(key);
    if (previous === undefined) context.set(key, value);
    else context.set(key, [...(Array.isArray(previous) ? previous : [previous]), value]);
  }
  // fromEntries defines own data properties, so `__proto__` or `constructor` stay keys like any other.
  return Object.fromEntries(context);
}
