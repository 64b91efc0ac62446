import type { PermissionSimulator } from '../ports.js';
import type { Decision, Requirement } from '../types.js';

/**
 * Asks the simulator, once per action, which resources the role grants for the implicitly denied actions of dynamic
 * requirements; undefined when the simulator cannot tell (the AWS simulator) or nothing dynamic was denied.
 */
export async function grantedResourcesOf(
  simulator: PermissionSimulator,
  requirements: readonly Requirement[],
  decisions: readonly (readonly Decision[])[],
): Promise<Record<string, string[]> | undefined> {
  if (simulator.grantedResources === undefined) return undefined;
  const actions = new Set<string>();
  requirements.forEach((requirement, index) => {
    if (!requirement.dynamic) return;
    for (const d of decisions[index] ?? []) if (d.decision === 'implicitDeny') actions.add(d.action);
  });
  if (actions.size === 0) return undefined;
  const sorted = [...actions].sort();
  const answers = await Promise.all(sorted.map((action) => simulator.grantedResources?.(action) ?? []));
  return Object.fromEntries(sorted.map((action, index) => [action, answers[index] ?? []]));
}
