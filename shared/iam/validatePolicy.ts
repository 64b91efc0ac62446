import type { NamedPolicy } from '../ports.js';
import { compilePolicy } from './compilePolicy.js';

/**
 * Throws a PolicyError when a policy is malformed (not an object, no Statement, bad Version or Effect, both or neither
 * of Action/NotAction or Resource/NotResource, an unknown condition operator or unusable condition value).
 */
export function validatePolicy(policy: NamedPolicy): void {
  compilePolicy(policy, 'identity');
}
