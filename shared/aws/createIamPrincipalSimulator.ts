import {
  type ContextEntry,
  type EvaluationResult,
  type IAMClient,
  type ResourceSpecificResult,
  type SimulatePolicyResponse,
  SimulatePrincipalPolicyCommand,
} from '@aws-sdk/client-iam';
import type { PermissionSimulator } from '../ports.js';
import type { ContextValues, Decision, SimulationRequest } from '../types.js';
import { awsCallError } from './awsErrorName.js';
import { groupSimulationRequests, type SimulationGroup } from './groupSimulationRequests.js';
import { toSimulatorDecision } from './toSimulatorDecision.js';

/** Largest page SimulatePrincipalPolicy returns (https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulatePrincipalPolicy.html). */
export const MAX_SIMULATION_ITEMS = 1000;

/** Options of the SimulatePrincipalPolicy simulator. */
export type IamPrincipalSimulatorOptions = {
  /** The execution role, exactly as DescribeStateMachine returns it (with its path). */
  roleArn: string;
  /** Sent as `aws:RequestedRegion` (the simulator otherwise assumes us-east-1); `*` or '' sends none. */
  region: string;
  /** Kept for symmetry with the other adapters; the role ARN already names the partition. */
  partition?: string;
};

function contextEntries(context: ContextValues, region: string): ContextEntry[] {
  const values: ContextValues = { ...context };
  if (region !== '' && region !== '*' && values['aws:RequestedRegion'] === undefined) {
    values['aws:RequestedRegion'] = region;
  }
  return Object.entries(values).map(([name, value]) => ({
    ContextKeyName: name,
    ContextKeyValues: Array.isArray(value) ? [...value] : [value],
    ContextKeyType: Array.isArray(value) ? 'stringList' : 'string',
  }));
}

const pairKey = (action: string, resource: string) => `${action}\u0000${resource}`;

/**
 * A PermissionSimulator over iam:SimulatePrincipalPolicy on the deployed role: requests with the same context share
 * one call (ActionNames = union, ResourceArns = union), `*` requests get their own call with ResourceArns `['*']`
 * (never mixed with ARNs, never left to the default), wildcard-containing ARNs such as `arn:aws:lambda:*:*:function:*`
 * are sent as they are and so match only a policy that grants that literal text or a wider pattern, every call
 * carries `aws:RequestedRegion`, pages are followed with Marker (MaxItems 1000), and `callCount()` counts the calls.
 */
export function createIamPrincipalSimulator(
  client: IAMClient,
  options: IamPrincipalSimulatorOptions,
): PermissionSimulator & { callCount(): number } {
  let calls = 0;

  async function simulateGroup(group: SimulationGroup): Promise<Map<string, Decision>> {
    const answers = new Map<string, Decision>();
    const topLevel = new Map<string, EvaluationResult>();
    let marker: string | undefined;
    do {
      calls += 1;
      const input = {
        PolicySourceArn: options.roleArn,
        ActionNames: group.actions,
        ResourceArns: group.resources,
        ContextEntries: contextEntries(group.context, options.region),
        MaxItems: MAX_SIMULATION_ITEMS,
        ...(marker === undefined ? {} : { Marker: marker }),
      };
      let output: SimulatePolicyResponse;
      try {
        output = await client.send(new SimulatePrincipalPolicyCommand(input));
      } catch (error) {
        throw awsCallError('SimulatePrincipalPolicy', options.roleArn, error);
      }
      for (const result of output.EvaluationResults ?? []) {
        const action = result.EvalActionName ?? '';
        topLevel.set(action, result);
        for (const specific of result.ResourceSpecificResults ?? ([] as ResourceSpecificResult[])) {
          const resource = specific.EvalResourceName ?? '';
          answers.set(pairKey(action, resource), toSimulatorDecision(action, resource, result, specific));
        }
      }
      marker = output.IsTruncated === true ? output.Marker : undefined;
    } while (marker !== undefined);
    // Without per-resource entries (e.g. `*`), the action's top-level result answers for every resource of the call.
    for (const action of group.actions) {
      const result = topLevel.get(action);
      if (result === undefined) continue;
      for (const resource of group.resources) {
        const key = pairKey(action, resource);
        if (!answers.has(key)) answers.set(key, toSimulatorDecision(action, resource, result, undefined));
      }
    }
    return answers;
  }

  return {
    name: 'iam:SimulatePrincipalPolicy',
    callCount: () => calls,
    async simulate(requests: SimulationRequest[]): Promise<Decision[]> {
      const decisions: Decision[] = new Array(requests.length);
      for (const group of groupSimulationRequests(requests)) {
        const answers = await simulateGroup(group);
        for (const index of group.members) {
          const request = requests[index] as SimulationRequest;
          const answer = answers.get(pairKey(request.action, request.resource));
          if (answer === undefined) {
            throw new Error(
              `SimulatePrincipalPolicy ${options.roleArn} returned no result for ${request.action} on ${request.resource}`,
            );
          }
          decisions[index] = answer;
        }
      }
      return decisions;
    },
  };
}
