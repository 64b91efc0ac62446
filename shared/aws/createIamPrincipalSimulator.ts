import {
  type ContextEntry,
  type EvaluationResult,
  type IAMClient,
  type ResourceSpecificResult,
  type SimulatePolicyResponse,
  SimulatePrincipalPolicyCommand,
} from '@aws-sdk/client-iam';
import { compilePolicies } from '../iam/compilePolicies.js';
import { PolicyError } from '../iam/PolicyError.js';
import type { NamedPolicy, PermissionSimulator } from '../ports.js';
import type { ContextValues, Decision, SimulationRequest } from '../types.js';
import { awsCallError, awsErrorName } from './awsErrorName.js';
import { groupSimulationRequests, type SimulationGroup } from './groupSimulationRequests.js';
import { hasHoles, refineHoleDecision } from './refineHoleDecision.js';
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
  /**
   * Reads the role's identity policies (inline and attached managed), to decide requests whose resource has holes,
   * which SimulatePrincipalPolicy evaluates as literal text; undefined (or AccessDenied) when they cannot be read.
   * Called at most once, and only when a request has holes.
   */
  identityPolicies?: () => Promise<NamedPolicy[] | undefined>;
};

type ContextKeyType = NonNullable<ContextEntry['ContextKeyType']>;

/**
 * Global condition keys whose data type is not String, by lower-cased name
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html; ContextKeyType values:
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_ContextEntry.html).
 */
const KEY_TYPES: Readonly<Record<string, 'boolean' | 'numeric' | 'date' | 'ip'>> = {
  'aws:securetransport': 'boolean',
  'aws:principalisawsservice': 'boolean',
  'aws:viaawsservice': 'boolean',
  'aws:multifactorauthpresent': 'boolean',
  'aws:epochtime': 'numeric',
  'aws:multifactorauthage': 'numeric',
  'aws:currenttime': 'date',
  'aws:tokenissuetime': 'date',
  'aws:sourceip': 'ip',
};

function keyTypeOf(name: string, list: boolean): ContextKeyType {
  const lower = name.toLowerCase();
  const type = (Object.hasOwn(KEY_TYPES, lower) ? KEY_TYPES[lower] : undefined) ?? 'string';
  return list ? `${type}List` : type;
}

/** The context as ContextEntries, typed per key, with `aws:RequestedRegion` = `region` when the context has none. */
function contextEntries(context: ContextValues, region: string): ContextEntry[] {
  const values: ContextValues = { ...context };
  const named = Object.keys(values).some((key) => key.toLowerCase() === 'aws:requestedregion');
  if (region !== '' && region !== '*' && !named) values['aws:RequestedRegion'] = region;
  return Object.entries(values).map(([name, value]) => ({
    ContextKeyName: name,
    ContextKeyValues: Array.isArray(value) ? [...value] : [value],
    ContextKeyType: keyTypeOf(name, Array.isArray(value)),
  }));
}

const isAccessDenied = (error: unknown): boolean =>
  [awsErrorName(error), awsErrorName((error as { cause?: unknown } | null)?.cause)].some((name) =>
    /^AccessDenied(Exception)?$/.test(name),
  );

const pairKey = (action: string, resource: string) => `${action}\u0000${resource}`;

/**
 * A PermissionSimulator over iam:SimulatePrincipalPolicy on the deployed role: requests with the same context share
 * one call (ActionNames = union, ResourceArns = union), `*` requests get their own call with ResourceArns `['*']`
 * (never mixed with ARNs, never left to the default), wildcard-containing ARNs such as `arn:aws:lambda:*:*:function:*`
 * are sent as they are and so match only a policy that grants that literal text or a wider pattern, every call
 * carries `aws:RequestedRegion`, context keys go typed (boolean, numeric, date, ip where the key's data type is), pages
 * are followed with Marker (MaxItems 1000), and `callCount()` counts the calls. SimulatePrincipalPolicy cannot prove a
 * resource with holes: with `identityPolicies` readable, the literal answer for such a request is refined with the
 * role's identity statements (refineHoleDecision: granted, missing or notProvable); without them it stands.
 */
export function createIamPrincipalSimulator(
  client: IAMClient,
  options: IamPrincipalSimulatorOptions,
): PermissionSimulator & { callCount(): number } {
  let calls = 0;
  let identity: Promise<NamedPolicy[] | undefined> | undefined;

  /** The role's identity policies, read and validated once; undefined when unreadable or rejected by the validator. */
  async function readIdentity(): Promise<NamedPolicy[] | undefined> {
    let policies: NamedPolicy[] | undefined;
    try {
      policies = await options.identityPolicies?.();
    } catch (error) {
      if (isAccessDenied(error)) return undefined;
      throw error;
    }
    if (policies === undefined) return undefined;
    try {
      compilePolicies({ identity: policies });
      return policies;
    } catch (error) {
      // IAM accepted these documents; a stricter embedded validator must not cost the literal answers.
      if (error instanceof PolicyError) return undefined;
      throw error;
    }
  }

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
      if (options.identityPolicies !== undefined && requests.some((r) => hasHoles(r.resource))) {
        identity ??= readIdentity();
        const policies = await identity;
        if (policies !== undefined) {
          requests.forEach((request, index) => {
            decisions[index] = refineHoleDecision(decisions[index] as Decision, request, policies);
          });
        }
      }
      return decisions;
    },
  };
}
