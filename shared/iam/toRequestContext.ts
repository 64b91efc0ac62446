import type { ContextValues } from '../types.js';
import type { RequestContext } from './types.js';

const EMPTY: RequestContext = new Map();

/**
 * Keys context values by lower-cased name (condition keys are case-insensitive) on top of `base`, key by key.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html
 */
export function toRequestContext(values: ContextValues | undefined, base: RequestContext = EMPTY): RequestContext {
  if (values === undefined) return base;
  const merged = new Map(base);
  for (const [key, value] of Object.entries(values)) {
    merged.set(key.toLowerCase(), Array.isArray(value) ? value.map(String) : [String(value)]);
  }
  return merged;
}
