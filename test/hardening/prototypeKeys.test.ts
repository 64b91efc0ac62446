import { IAMClient, SimulatePrincipalPolicyCommand } from '@aws-sdk/client-iam';
import { SFNClient } from '@aws-sdk/client-sfn';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { parseContextFlags } from '../../cli/parseContextFlags.js';
import { runCli } from '../../cli/runCli.js';
import { parseDefinition } from '../../shared/asl/parseDefinition.js';
import { auditStateMachine } from '../../shared/audit.js';
import { createIamPrincipalSimulator } from '../../shared/aws/createIamPrincipalSimulator.js';
import { apiGatewayIamActions } from '../../shared/catalogue/apiGatewayIamActions.js';
import { serviceLabelOf } from '../../shared/findings/subjectOf.js';
import { createEmbeddedSimulator } from '../../shared/local/createEmbeddedSimulator.js';
import { deriveRequirements } from '../../shared/requirements/deriveRequirements.js';
import { policyFromRequirements } from '../../shared/requirements/policyFromRequirements.js';
import type { DeriveContext, PolicyStatement, Requirement } from '../../shared/types.js';
import { fakeIo } from '../cli/fakeIo.js';

/** Names that a plain object finds on Object.prototype. */
const NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'] as const;
const ROLE = 'arn:aws:iam::111122223333:role/worker';
const SM_ARN = 'arn:aws:states:eu-west-1:111122223333:stateMachine:orders';
const CONTEXT: DeriveContext = {
  partition: 'aws',
  region: 'eu-west-1',
  account: '111122223333',
  stateMachineName: 'orders',
};

/** A one-state definition as JSON text, so `__proto__` is an own key as in a file. */
function definitionText(stateName: string, state: Record<string, unknown>): string {
  return `{"StartAt":${JSON.stringify(stateName)},"States":{${JSON.stringify(stateName)}:${JSON.stringify({
    ...state,
    End: true,
  })}}}`;
}

function requirementsOf(text: string): Requirement[] {
  const parsed = parseDefinition(text);
  if (!parsed.ok) throw new Error(`invalid: ${JSON.stringify(parsed.issues)}`);
  return deriveRequirements(parsed.definition, CONTEXT);
}

/** The first non-data value (a function, or an object that is not a plain object or array) under `value`. */
function nonData(value: unknown, path = '$'): string | undefined {
  if (typeof value === 'function') return `${path} is a function`;
  if (typeof value !== 'object' || value === null) return undefined;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== Array.prototype && proto !== null) return `${path} has an odd prototype`;
  for (const key of Object.keys(value)) {
    const found = nonData((value as Record<string, unknown>)[key], `${path}.${key}`);
    if (found !== undefined) return found;
  }
  return undefined;
}

function statementsOf(requirements: Requirement[]): PolicyStatement[] {
  return policyFromRequirements(requirements).flatMap((d) =>
    Array.isArray(d.Statement) ? d.Statement : [d.Statement],
  );
}

type Place = { name: string; state: (n: string) => Record<string, unknown>; stateName: (n: string) => string };

const PLACES: Place[] = [
  {
    name: 'an SDK service name',
    stateName: () => 'Call',
    state: (n) => ({
      Type: 'Task',
      Resource: `arn:aws:states:::aws-sdk:${n}:createThing`,
      Parameters: { RoleArn: ROLE },
    }),
  },
  {
    name: 'an SDK API name',
    stateName: () => 'Call',
    state: (n) => ({ Type: 'Task', Resource: `arn:aws:states:::aws-sdk:s3:${n}`, Parameters: { Bucket: 'b' } }),
  },
  {
    name: 'an API Gateway SDK API name',
    stateName: () => 'Call',
    state: (n) => ({ Type: 'Task', Resource: `arn:aws:states:::aws-sdk:apigateway:${n}`, Parameters: {} }),
  },
  {
    name: 'an optimized integration service name',
    stateName: () => 'Call',
    state: (n) => ({ Type: 'Task', Resource: `arn:aws:states:::${n}:${n}`, Parameters: {} }),
  },
  {
    name: 'a state name',
    stateName: (n) => n,
    state: () => ({ Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'f' } }),
  },
  {
    name: 'a field name',
    stateName: () => 'Call',
    state: (n) => ({
      Type: 'Task',
      Resource: 'arn:aws:states:::aws-sdk:ecs:runTask',
      Parameters: { [n]: 'x', [`${n}.$`]: '$.x', Tags: [{ Key: n, Value: n }], TaskRoleArn: ROLE },
    }),
  },
];

const CASES = PLACES.flatMap((place) => NAMES.map((n) => ({ ...place, name: `${place.name} ${n}`, n })));

describe('Object.prototype names in a definition', () => {
  it.each(CASES)('derives plain-data requirements and a plain policy for $name', ({ n, state, stateName }) => {
    const requirements = requirementsOf(definitionText(stateName(n), state(n)));
    expect(nonData(requirements)).toBeUndefined();
    const statements = statementsOf(requirements);
    expect(nonData(statements)).toBeUndefined();
    for (const action of statements.flatMap((s) => s.Action ?? [])) expect(action).not.toMatch(/function|\[object/);
  });

  it.each(CASES)('audits $name with the embedded simulator into plain findings', async ({ n, state, stateName }) => {
    const text = definitionText(stateName(n), state(n));
    const statement = {
      Effect: 'Allow' as const,
      Action: 's3:*',
      Resource: '*',
      Condition: { StringEquals: { [n]: n, [`aws:${n}`]: n } },
    };
    const report = await auditStateMachine({
      description: { stateMachineArn: SM_ARN, name: 'orders', roleArn: ROLE, definition: text },
      simulator: createEmbeddedSimulator({
        identity: [{ name: 'inline', document: { Version: '2012-10-17', Statement: [statement] } }],
        context: { [n]: n },
      }),
      now: new Date('2026-01-01T00:00:00Z'),
    });
    expect(nonData(report)).toBeUndefined();
    for (const finding of report.findings) expect(finding.title).not.toMatch(/function|\[object/);
    expect(report.findings.every((f) => f.rule !== 'InvalidDefinition')).toBe(true);
  });

  it('gives an SDK service named constructor its call and a PassRole without a made-up PassedToService', () => {
    const text = definitionText('Call', PLACES[0]?.state('constructor') ?? {});
    const requirements = requirementsOf(text);
    expect(requirements.map((r) => [r.purpose, r.actions, r.resources, r.context])).toEqual([
      ['invoke', ['constructor:CreateThing'], ['*'], undefined],
      ['passrole', ['iam:PassRole'], [ROLE], undefined],
    ]);
    expect(statementsOf(requirements).find((s) => s.Action?.includes('iam:PassRole'))?.Condition).toBeUndefined();
  });

  it('names the service of an unknown optimized integration by its own text', () => {
    expect(NAMES.map((n) => serviceLabelOf(`arn:aws:states:::${n}:x`))).toEqual([...NAMES]);
  });

  it.each(NAMES)('finds no API Gateway verb in the SDK API name %s', (n) => {
    expect(apiGatewayIamActions('apigateway', n)).toEqual([]);
    expect(apiGatewayIamActions('apigateway', `${n}Thing`)).toEqual([]);
  });
});

describe('Object.prototype names as condition keys on the command line', () => {
  it('keeps --context keys named like Object properties as own data keys', () => {
    const context = parseContextFlags(NAMES.flatMap((n) => [`${n}=a`, `${n}=b`]));
    expect(Object.getPrototypeOf(context)).toBe(Object.prototype);
    expect(Object.keys(context)).toEqual([...NAMES]);
    for (const n of NAMES) expect(Object.getOwnPropertyDescriptor(context, n)?.value).toEqual(['a', 'b']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each(NAMES)('rejects %s as a command with a usage error', async (n) => {
    const io = fakeIo();
    const clients = { sfn: () => new SFNClient({}), iam: () => new IAMClient({}) };
    const code = await runCli([n], { io, clients });
    expect(code).toBe(2);
    expect(io.err).toContain(`unknown command "${n}"`);
  });
});

describe('Object.prototype names as context keys sent to SimulatePrincipalPolicy', () => {
  const iam = mockClient(IAMClient);
  afterEach(() => iam.reset());

  it.each(NAMES)('sends %s as a string key', async (n) => {
    iam.on(SimulatePrincipalPolicyCommand).resolves({ EvaluationResults: [] });
    const simulator = createIamPrincipalSimulator(new IAMClient({ region: 'eu-west-1' }), {
      roleArn: ROLE,
      region: 'eu-west-1',
    });
    await simulator.simulate([{ action: 's3:GetObject', resource: '*', context: { [n]: 'x' } }]).catch(() => []);
    const entries = iam.commandCalls(SimulatePrincipalPolicyCommand)[0]?.args[0].input.ContextEntries ?? [];
    expect(entries.find((e) => e.ContextKeyName === n)).toEqual({
      ContextKeyName: n,
      ContextKeyValues: ['x'],
      ContextKeyType: 'string',
    });
  });
});
