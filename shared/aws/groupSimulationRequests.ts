import type { ContextValues, SimulationRequest } from '../types.js';

/** One SimulatePrincipalPolicy call's worth of requests: shared context, the union of actions and of resources. */
export type SimulationGroup = {
  context: ContextValues;
  actions: string[];
  /** Concrete (or literal wildcard-containing) ARNs, or exactly `['*']`; never both. */
  resources: string[];
  /** Indexes into the original request list. */
  members: number[];
};

function contextKey(context: ContextValues | undefined): string {
  const entries = Object.entries(context ?? {}).map(([k, v]) => [k, Array.isArray(v) ? [...v].sort() : v] as const);
  return JSON.stringify(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * Groups requests into the fewest SimulatePrincipalPolicy calls: context entries apply to a whole call, so requests
 * group by identical context; `*` cannot be mixed with ARNs in one call (InvalidInput), so `*` requests get their own
 * group with ResourceArns `['*']` (https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulatePrincipalPolicy.html).
 */
export function groupSimulationRequests(requests: readonly SimulationRequest[]): SimulationGroup[] {
  const groups = new Map<string, SimulationGroup & { actionSet: Set<string>; resourceSet: Set<string> }>();
  requests.forEach((request, index) => {
    const star = request.resource === '*';
    const key = `${star ? '*' : 'arns'}\u0000${contextKey(request.context)}`;
    let group = groups.get(key);
    if (group === undefined) {
      group = {
        context: request.context ?? {},
        actions: [],
        resources: [],
        members: [],
        actionSet: new Set(),
        resourceSet: new Set(),
      };
      groups.set(key, group);
    }
    if (!group.actionSet.has(request.action)) {
      group.actionSet.add(request.action);
      group.actions.push(request.action);
    }
    if (!group.resourceSet.has(request.resource)) {
      group.resourceSet.add(request.resource);
      group.resources.push(request.resource);
    }
    group.members.push(index);
  });
  return [...groups.values()].map(({ context, actions, resources, members }) => ({
    context,
    actions,
    resources,
    members,
  }));
}
