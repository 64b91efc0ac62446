import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAuditDeps } from '../../functions/audit/createAuditDeps.js';
import { createAuditHandler } from '../../functions/audit/createAuditHandler.js';
import { createPowertoolsLog } from '../../functions/audit/createPowertoolsLog.js';
import { createPowertoolsMetrics } from '../../functions/audit/createPowertoolsMetrics.js';
import type { AuditConfig } from '../../functions/audit/readAuditConfig.js';
import { ensureCliBuilt, runBuiltCli } from '../cli/builtCli.js';
import { loadEvent, sqsEvent } from '../functions/audit/fakes.js';
import {
  awsError,
  createMockAwsWorld,
  type FaultPlan,
  type MockAwsWorld,
  SLACK_SECRET_ARN,
  TABLE,
  TOPIC_ARN,
} from '../functions/audit/mockAwsWorld.js';

/** Unique text in every secret-bearing input: none of it may reach a log line or the CLI's stderr. */
const MARKERS = {
  definition: 'MARKER-DEFINITION-7f1c9e',
  policy: 'MARKER-POLICY-3b8d2a',
  secret: 'MARKER-SECRET-c4e6f0',
  event: 'MARKER-EVENT-9a2b7d',
} as const;
const ALL_MARKERS = Object.values(MARKERS);

/** A definition carrying the marker in a Comment, a state name's parameters and a literal value. */
const DEFINITION = JSON.stringify({
  Comment: `orders ${MARKERS.definition}`,
  StartAt: 'Charge',
  States: {
    Charge: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: {
        FunctionName: `arn:aws:lambda:eu-west-1:111122223333:function:Charge-${MARKERS.definition}`,
        Payload: { note: MARKERS.definition },
      },
      Next: 'Report',
    },
    Report: {
      Type: 'Task',
      Resource: 'arn:aws:states:::ecs:runTask.sync',
      Parameters: { Cluster: 'main', TaskDefinition: `report-${MARKERS.definition}:3`, LaunchType: 'FARGATE' },
      End: true,
    },
  },
});

const CONFIG: AuditConfig = {
  stateTableName: TABLE,
  simulator: 'local',
  securityHubEnabled: true,
  snsTopicArn: TOPIC_ARN,
  slackSecretArn: SLACK_SECRET_ARN,
  eventBusName: 'default',
  notifyMinSeverity: 'LOW',
  region: 'eu-west-1',
};

const WEBHOOK = `https://hooks.slack.com/services/T000/B000/${MARKERS.secret}`;

/** The CloudTrail UpdateStateMachine sample for `name`, with the marker where CloudTrail could put a definition. */
function eventBody(name: string, eventId: string, overrides: Record<string, unknown> = {}): string {
  const text = JSON.stringify(loadEvent('update-state-machine')).replaceAll(
    ':stateMachine:OrderPipeline',
    `:stateMachine:${name}`,
  );
  const event = JSON.parse(text) as { detail: Record<string, unknown> };
  event.detail.eventID = eventId;
  event.detail.requestParameters = {
    ...(event.detail.requestParameters as Record<string, unknown>),
    definition: DEFINITION.replaceAll(MARKERS.definition, MARKERS.event),
  };
  Object.assign(event.detail, overrides);
  return JSON.stringify(event);
}

/** Everything written to stdout, stderr and the console while `run` runs. */
async function captureOutput(run: () => Promise<unknown>): Promise<string> {
  const written: string[] = [];
  const record = (chunk: unknown) => {
    written.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
    return true;
  };
  const spies = [
    vi.spyOn(process.stdout, 'write').mockImplementation(record),
    vi.spyOn(process.stderr, 'write').mockImplementation(record),
    ...(['log', 'info', 'warn', 'error', 'debug', 'trace'] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void record(args.map(String).join(' '))),
    ),
  ];
  try {
    await run();
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  return written.join('');
}

const worlds: MockAwsWorld[] = [];
afterEach(() => {
  for (const world of worlds.splice(0)) world.restore();
});

const slackPlan =
  (also: FaultPlan = () => undefined): FaultPlan =>
  (call) =>
    call.service === 'secretsmanager' ? { answer: { SecretString: WEBHOOK } } : also(call);

type Scenario = {
  name: string;
  definition?: string;
  statements?: Record<string, unknown>[];
  bodies?: string[];
  plan?: FaultPlan;
};

const ROLE_STATEMENTS = [
  {
    Sid: 'Invoke',
    Effect: 'Allow',
    Action: 'lambda:InvokeFunction',
    Resource: `arn:aws:lambda:eu-west-1:111122223333:function:${MARKERS.policy}`,
  },
  {
    Sid: 'Run',
    Effect: 'Allow',
    Action: 'ecs:RunTask',
    Resource: '*',
    Condition: { StringEquals: { 'aws:PrincipalTag/team': MARKERS.policy } },
  },
];

const SCENARIOS: Scenario[] = [
  { name: 'an audit that succeeds' },
  {
    name: 'a Slack webhook that fails with the URL in its error',
    plan: (call) =>
      call.service === 'slack'
        ? new TypeError(`fetch failed: ${String(call.input.url)}`, { cause: new Error(`ECONNRESET ${WEBHOOK}`) })
        : undefined,
  },
  {
    name: 'SNS, EventBridge and Security Hub outages',
    plan: (call) =>
      ['sns', 'eventbridge', 'securityhub'].includes(call.service) ? awsError('InternalFailure', 500) : undefined,
  },
  { name: 'a definition that is not JSON', definition: `{"Comment": "${MARKERS.definition}", "StartAt": ` },
  {
    name: 'a role policy the evaluator rejects',
    statements: [{ Sid: MARKERS.policy, Effect: `Allow-${MARKERS.policy}`, Action: MARKERS.policy, Resource: '*' }],
  },
  {
    name: 'malformed records carrying the marker',
    bodies: [
      `not json ${MARKERS.event}`,
      JSON.stringify({ source: 'aws.states', detail: { eventName: 'UpdateStateMachine', note: MARKERS.event } }),
      eventBody('Orders', 'e-failed', { errorCode: 'AccessDenied', errorMessage: MARKERS.event }),
    ],
  },
];

describe('audit function logs', () => {
  it.each(SCENARIOS)('never contain a definition, a policy or the webhook secret: $name', async (scenario) => {
    const world = createMockAwsWorld({
      stateMachines: [{ name: 'Orders', definition: scenario.definition ?? DEFINITION, role: 'OrdersRole' }],
      roles: [{ name: 'OrdersRole', statements: scenario.statements ?? ROLE_STATEMENTS }],
    });
    worlds.push(world);
    world.world.plan = slackPlan(scenario.plan);
    let handled: unknown;
    const output = await captureOutput(async () => {
      const logger = new Logger({ serviceName: 'sfn-role-audit', logLevel: 'DEBUG' });
      const metrics = new Metrics({ namespace: 'SfnRoleAudit', serviceName: 'sfn-role-audit' });
      const deps = await createAuditDeps(
        CONFIG,
        world.clients,
        { log: createPowertoolsLog(logger), metrics: createPowertoolsMetrics(metrics) },
        world.fetchFn,
      );
      const handler = createAuditHandler(deps);
      handled = await handler(sqsEvent(scenario.bodies ?? [eventBody('Orders', 'e1'), eventBody('Orders', 'e2')]));
    });
    expect(handled).toBeDefined();
    // The capture works: the handler logged (JSON lines from Powertools) and so could have leaked.
    expect(output).toContain('"service":"sfn-role-audit"');
    for (const marker of ALL_MARKERS) expect(output, marker).not.toContain(marker);
  });

  it('withholds an error whose cause quotes a document, keeping the names', async () => {
    let cause: unknown;
    try {
      JSON.parse(`{"Statement": "${MARKERS.policy}" x}`);
    } catch (error) {
      cause = error;
    }
    const output = await captureOutput(async () => {
      createPowertoolsLog(new Logger({ serviceName: 'sfn-role-audit' })).error('Processing failed', {
        error: new Error(`GetRolePolicy failed: ${String(cause)}`, { cause }),
      });
    });
    expect(output).not.toContain(MARKERS.policy);
    expect(JSON.parse(output).error).toEqual({
      name: 'Error',
      causeName: 'SyntaxError',
      message: 'SyntaxError (details withheld: they quote the policy or document)',
    });
  });

  it('catches a leak (so the test can fail)', async () => {
    const output = await captureOutput(async () => {
      createPowertoolsLog(new Logger({ serviceName: 'sfn-role-audit' })).error('oops', { definition: DEFINITION });
    });
    expect(output).toContain(MARKERS.definition);
  });
});

describe('sfn-role-audit stderr', () => {
  let dir: string;
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  beforeAll(() => {
    ensureCliBuilt();
    dir = mkdtempSync(join(tmpdir(), 'sfn-role-audit-leak-'));
  });

  it.each<{ name: string; args: () => string[] }>([
    {
      name: 'a definition that is not JSON',
      args: () => [
        'requirements',
        '--definition',
        file('bad.asl.json', `{"Comment": "${MARKERS.definition}" "StartAt": "A"}`),
      ],
    },
    {
      name: 'a definition that is not JSON after its substitutions',
      args: () => [
        'requirements',
        '--definition',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a DefinitionSubstitutions placeholder
        file('sub.asl.json', '{"Comment": "x", "StartAt": ${Start}}'),
        '--substitution',
        `Start=${MARKERS.secret}`,
      ],
    },
    {
      name: 'a policy file of the wrong shape',
      args: () => [
        'check',
        '--definition',
        file('ok.asl.json', DEFINITION),
        '--policy',
        file('shape.json', JSON.stringify({ Role: { Policy: MARKERS.policy } })),
      ],
    },
    {
      name: 'a policy the evaluator rejects',
      args: () => [
        'check',
        '--definition',
        file('ok2.asl.json', DEFINITION),
        '--policy',
        file(
          'effect.json',
          JSON.stringify({
            Version: '2012-10-17',
            Statement: ROLE_STATEMENTS.map((s) => ({ ...s, Effect: 'Permit' })),
          }),
        ),
      ],
    },
    {
      name: 'a policy that is not JSON',
      args: () => [
        'check',
        '--definition',
        file('ok3.asl.json', DEFINITION),
        '--policy',
        file('json.json', `{"Sid": "${MARKERS.policy}",}`),
      ],
    },
    {
      name: 'a describe output of the wrong type',
      args: () => [
        'requirements',
        '--describe',
        file('describe.json', JSON.stringify({ definition: DEFINITION, type: MARKERS.definition })),
      ],
    },
    {
      name: 'a substitutions file with a bad value',
      args: () => [
        'requirements',
        '--definition',
        file('ok4.asl.json', DEFINITION),
        '--substitutions',
        file('subs.json', JSON.stringify({ Key: { nested: MARKERS.secret } })),
      ],
    },
  ])('never echoes the input for $name', ({ args }) => {
    const run = runBuiltCli(args());
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^sfn-role-audit: [^\n]+\n$/);
    for (const marker of ALL_MARKERS) expect(run.stderr, marker).not.toContain(marker);
  });
});
