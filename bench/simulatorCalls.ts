/**
 * SimulatePrincipalPolicy calls per audit (issue 8): the SimulatePrincipalPolicy adapter over a counting fake IAM
 * client, for the ~1 MB definition and the bundled example, against naive one-call-per-action and
 * one-call-per-(action, resource) baselines. The fake pages as IAM does, one EvaluationResult per action
 * (https://docs.aws.amazon.com/IAM/latest/APIReference/API_EvaluationResult.html), up to MaxItems per page.
 */
import { readFileSync } from 'node:fs';
import type { IAMClient, SimulatePolicyResponse, SimulatePrincipalPolicyCommandInput } from '@aws-sdk/client-iam';
import { auditStateMachine } from '../shared/audit.js';
import { createIamPrincipalSimulator } from '../shared/aws/createIamPrincipalSimulator.js';
import { groupSimulationRequests } from '../shared/aws/groupSimulationRequests.js';
import { parseDescribeOutput } from '../shared/local/parseDescribeOutput.js';
import type { PermissionSimulator } from '../shared/ports.js';
import type { SimulationRequest } from '../shared/types.js';
import { auditDefinitionText } from './auditDefinitionText.js';

type Recorded = { inputs: SimulatePrincipalPolicyCommandInput[]; requests: SimulationRequest[] };

/** An IAM client whose SimulatePrincipalPolicy denies everything implicitly, recording every call's input. */
function createCountingIamClient(recorded: Recorded): IAMClient {
  const send = async (command: { input: SimulatePrincipalPolicyCommandInput }): Promise<SimulatePolicyResponse> => {
    const input = command.input;
    recorded.inputs.push(input);
    const actions = input.ActionNames ?? [];
    const start = Number(input.Marker ?? 0);
    const end = Math.min(actions.length, start + (input.MaxItems ?? 100));
    const resources = input.ResourceArns ?? ['*'];
    return {
      EvaluationResults: actions.slice(start, end).map((action) => ({
        EvalActionName: action,
        EvalDecision: 'implicitDeny',
        ResourceSpecificResults: resources.map((resource) => ({
          EvalResourceName: resource,
          EvalResourceDecision: 'implicitDeny',
        })),
      })),
      IsTruncated: end < actions.length,
      ...(end < actions.length ? { Marker: String(end) } : {}),
    };
  };
  return { send } as unknown as IAMClient;
}

/** The SimulatePrincipalPolicy simulator over the counting client, recording the requests the audit asks. */
function countingSimulator(recorded: Recorded, roleArn: string): PermissionSimulator & { callCount(): number } {
  const inner = createIamPrincipalSimulator(createCountingIamClient(recorded), { roleArn, region: 'us-east-1' });
  return {
    name: inner.name,
    callCount: inner.callCount,
    simulate(requests) {
      recorded.requests.push(...requests);
      return inner.simulate(requests);
    },
  };
}

function contextKeyOf(request: SimulationRequest): string {
  return JSON.stringify(Object.entries(request.context ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function row(name: string, recorded: Recorded, calls: number): string {
  const { requests, inputs } = recorded;
  const groups = groupSimulationRequests(requests);
  const actions = new Set(requests.map((r) => r.action)).size;
  const actionContexts = new Set(requests.map((r) => `${r.action}\u0000${contextKeyOf(r)}`)).size;
  if (calls !== inputs.length) throw new Error(`callCount() ${calls} differs from the ${inputs.length} calls received`);
  const pages = groups.length === 0 ? 0 : calls / groups.length;
  const evaluations = inputs.reduce((n, i) => n + (i.ActionNames?.length ?? 0) * (i.ResourceArns?.length ?? 1), 0);
  const naive = [actions, actionContexts, requests.length];
  return `| ${name} | ${groups.length} × ${Number.isInteger(pages) ? pages : pages.toFixed(2)} = **${calls}** | ${naive.join(' / ')} | ${naive.map((n) => `${(n / calls).toFixed(1)}×`).join(' / ')} | ${evaluations.toLocaleString('en-US')} |`;
}

/** The table rows: requests, groups × pages = calls, the naive counts, and what one call evaluates. */
export async function benchSimulatorCalls(largeText: string): Promise<string[]> {
  const large: Recorded = { inputs: [], requests: [] };
  const largeSimulator = countingSimulator(large, 'arn:aws:iam::111122223333:role/bench');
  await auditDefinitionText(largeText, largeSimulator);

  const dir = 'examples/order-pipeline';
  const description = parseDescribeOutput(JSON.parse(readFileSync(`${dir}/describe-state-machine.json`, 'utf8')), dir);
  const example: Recorded = { inputs: [], requests: [] };
  const exampleSimulator = countingSimulator(example, description.roleArn ?? '');
  await auditStateMachine({ description, simulator: exampleSimulator, roleFound: true, now: new Date(0) });
  return [
    '| audit | (resource kind, context) groups × pages = calls | naive calls: one per action / per (action, context) / per distinct request | naive ÷ ours | action × resource evaluations in our calls |',
    '|---|---|---|---|---|',
    row('~1 MB definition (5,000 states)', large, largeSimulator.callCount()),
    row('examples/order-pipeline', example, exampleSimulator.callCount()),
  ];
}
