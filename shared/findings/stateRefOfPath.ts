import type { StateRef } from '../types.js';

/**
 * The innermost state a definition path points into (['States', 'Fan out', 'Branches', '0', 'States', 'Resize',
 * 'Next'] → Resize at ['States', 'Fan out', 'Branches', '0', 'States', 'Resize']), or null outside any state.
 */
export function stateRefOfPath(path: readonly string[]): StateRef | null {
  let ref: StateRef | null = null;
  for (let i = 0; i + 1 < path.length; i++) {
    const name = path[i + 1];
    if (path[i] === 'States' && name !== undefined) {
      ref = { name, path: path.slice(0, i + 2) };
      i++;
    }
  }
  return ref;
}
