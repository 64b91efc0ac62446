import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliDeps } from '../../../cli/cliDeps.js';
import { loadTerraformTargets } from '../../../cli/loadTerraformTargets.js';
import { runCli } from '../../../cli/runCli.js';
import { auditStateMachine } from '../../../shared/audit.js';
import type { AuditReport, Finding } from '../../../shared/types.js';
import { fakeIo } from '../../cli/fakeIo.js';
import { planFixture, ROOT } from './planBuilder.js';

const NOW = new Date('2026-12-01T12:00:00Z');
const FN = 'arn:aws:lambda:us-east-1:111122223333:function:orders-validate';
const JOB_QUEUE = 'arn:aws:batch:us-east-1:111122223333:job-queue/orders';
const JOB_DEFINITION = 'arn:aws:batch:us-east-1:111122223333:job-definition/fulfil:3';
const BATCH_RULE = 'arn:aws:events:us-east-1:111122223333:rule/StepFunctionsGetEventsForBatchJobsRule';
const EVENTS = ['events:PutTargets', 'events:PutRule', 'events:DescribeRule'];

const noClients: CliDeps['clients'] = {
  sfn: () => {
    throw new Error('an offline check made an AWS client');
  },
  iam: () => {
    throw new Error('an offline check made an AWS client');
  },
};

/** Runs `sfn-role-audit check … --format json` in-process from the repository root. */
async function check(args: string[]): Promise<{ code: number; report: AuditReport | undefined; err: string }> {
  const io = fakeIo();
  const cwd = process.cwd();
  process.chdir(ROOT);
  try {
    const code = await runCli(['check', ...args, '--format', 'json'], { io, clients: noClients, now: () => NOW });
    return { code, report: io.out === '' ? undefined : (JSON.parse(io.out) as AuditReport), err: io.err };
  } finally {
    process.chdir(cwd);
  }
}

/** What a finding says, for exact comparison. */
function summary(finding: Finding) {
  return {
    rule: finding.rule,
    severity: finding.severity,
    purpose: finding.purpose,
    actions: finding.actions,
    resources: finding.resources,
    decision: finding.decision,
  };
}

/** A copy of a plan fixture changed by `edit`, written to a temporary folder; returns its path. */
function editedPlan(name: string, edit: (plan: Record<string, unknown>) => void): string {
  const plan = JSON.parse(readFileSync(join(ROOT, planFixture(name)), 'utf8')) as Record<string, unknown>;
  edit(plan);
  const path = join(mkdtempSync(join(tmpdir(), 'tf-plan-')), 'plan.json');
  writeFileSync(path, JSON.stringify(plan, null, 2));
  return path;
}

type Change = { address: string; change: { after: Record<string, unknown>; after_unknown: Record<string, unknown> } };
function changeOf(plan: Record<string, unknown>, address: string): Change['change'] {
  const found = (plan.resource_changes as Change[]).find((c) => c.address === address);
  if (found === undefined) throw new Error(`no ${address}`);
  return found.change;
}

const COMPLETE_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: [FN, `${FN}:*`] },
    { Effect: 'Allow', Action: ['batch:SubmitJob'], Resource: [JOB_QUEUE, JOB_DEFINITION] },
    { Effect: 'Allow', Action: ['batch:DescribeJobs', 'batch:TerminateJob'], Resource: '*' },
    { Effect: 'Allow', Action: EVENTS, Resource: BATCH_RULE },
  ],
});

describe('sfn-role-audit check --terraform-plan', () => {
  it('reports what a Lambda + Batch .sync state machine misses when its role comes from aws_iam_policy_document', async () => {
    const { code, report } = await check(['--terraform-plan', planFixture('lambda-batch.plan.json')]);
    expect(code).toBe(1);
    expect(report?.stateMachine.arn).toBe('arn:aws:states:us-east-1:111122223333:stateMachine:orders');
    expect(report?.role.arn).toBe('arn:aws:iam::111122223333:role/orders-sfn');
    expect(report?.findings.map(summary)).toEqual([
      {
        rule: 'MissingPermission',
        severity: 'CRITICAL',
        purpose: 'poll',
        actions: ['batch:DescribeJobs'],
        resources: ['*'],
        decision: 'implicitDeny',
      },
      {
        rule: 'MissingPermission',
        severity: 'CRITICAL',
        purpose: 'events',
        actions: EVENTS,
        resources: [BATCH_RULE],
        decision: 'implicitDeny',
      },
      {
        rule: 'MissingPermission',
        severity: 'MEDIUM',
        purpose: 'cancel',
        actions: ['batch:TerminateJob'],
        resources: ['arn:aws:batch:us-east-1:111122223333:job/*'],
        decision: 'implicitDeny',
      },
    ]);
  });

  it('passes the same plan once the role policy grants polling, cancelling and the managed rule', async () => {
    const path = editedPlan('lambda-batch.plan.json', (plan) => {
      changeOf(plan, 'aws_iam_role_policy.sfn').after.policy = COMPLETE_POLICY;
    });
    const { code, report } = await check(['--terraform-plan', path]);
    expect(report?.findings).toEqual([]);
    expect(code).toBe(0);
  });

  it('applies --boundary to the plan role: a boundary allowing only Lambda denies the Batch submit', async () => {
    const path = editedPlan('lambda-batch.plan.json', (plan) => {
      changeOf(plan, 'aws_iam_role_policy.sfn').after.policy = COMPLETE_POLICY;
    });
    const { report } = await check([
      '--terraform-plan',
      path,
      '--boundary',
      'test/fixtures/cli/boundary-lambda-only.json',
    ]);
    const submit = report?.findings.find((f) => f.actions.includes('batch:SubmitJob'));
    expect(submit).toMatchObject({
      rule: 'MissingPermission',
      severity: 'HIGH',
      decision: 'implicitDeny',
      deniedBy: 'boundary',
    });
  });

  it('suppresses what the state machine tag sfn-role-audit:ignore names', async () => {
    const path = editedPlan('lambda-batch.plan.json', (plan) => {
      changeOf(plan, 'aws_sfn_state_machine.orders').after.tags = { 'sfn-role-audit:ignore': 'cancel' };
    });
    const { report } = await check(['--terraform-plan', path]);
    expect(report?.findings.map((f) => f.purpose)).toEqual(['poll', 'events']);
    expect(report?.suppressed.map((f) => f.actions)).toEqual([['batch:TerminateJob']]);
  });

  it('reads managed_policy_arns: an unknown customer managed policy makes every request conditional on it', async () => {
    const { code, report } = await check(['--terraform-plan', planFixture('managed-policies.plan.json')]);
    expect(code).toBe(0);
    // The known policies grant the invoke, poll and cancel calls; only a Deny in the unknown one could stop them: LOW.
    // Only the unknown one could grant the managed rule: one step milder than events' LOW.
    const onUnknown = (purpose: string, severity: string, actions: string[], resources: string[]) => ({
      rule: 'ConditionalPermission',
      severity,
      purpose,
      actions,
      resources,
      decision: 'conditional',
    });
    expect(report?.findings.map(summary)).toEqual([
      {
        rule: 'PolicyContentUnknown',
        severity: 'LOW',
        purpose: null,
        actions: [],
        resources: ['arn:aws:iam::111122223333:policy/ops-extra'],
        decision: null,
      },
      onUnknown(
        'invoke',
        'LOW',
        ['batch:SubmitJob'],
        [
          'arn:aws:batch:us-east-1:111122223333:job-queue/orders',
          'arn:aws:batch:us-east-1:111122223333:job-definition/fulfil:3',
        ],
      ),
      onUnknown('poll', 'LOW', ['batch:DescribeJobs'], ['*']),
      onUnknown('cancel', 'LOW', ['batch:TerminateJob'], ['arn:aws:batch:us-east-1:111122223333:job/*']),
      onUnknown('invoke', 'LOW', ['lambda:InvokeFunction'], [FN]),
      onUnknown('events', 'INFORMATIONAL', EVENTS, [BATCH_RULE]),
    ]);
    const invoke = report?.findings.find((f) => f.actions.includes('lambda:InvokeFunction'));
    expect(invoke?.title).toContain(
      'lambda:InvokeFunction allowed by the known policies, unless Policy arn:aws:iam::111122223333:policy/ops-extra denies it',
    );
  });

  it('audits a state machine of a module whose role comes from another module', async () => {
    const { code, report } = await check(['--terraform-plan', planFixture('module.plan.json')]);
    expect(code).toBe(1);
    expect(report?.role.arn).toBe('arn:aws:iam::111122223333:role/orders-sfn');
    expect(report?.findings.map(summary)).toEqual([
      {
        rule: 'MissingPermission',
        severity: 'HIGH',
        purpose: 'invoke',
        actions: ['lambda:InvokeFunction'],
        resources: [FN],
        decision: 'implicitDeny',
      },
    ]);
  });

  it('reports values known only after apply as holes: conditional, never missing or allowed', async () => {
    const { code, report } = await check(['--terraform-plan', planFixture('unknown-values.plan.json')]);
    expect(code).toBe(0);
    const key = 'arn:aws:kms:us-east-1:111122223333:key/*';
    expect(report?.findings.map(summary)).toEqual([
      {
        rule: 'ConditionalPermission',
        severity: 'MEDIUM',
        purpose: 'kms',
        actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
        resources: [key],
        decision: 'conditional',
      },
      {
        rule: 'ConditionalPermission',
        severity: 'MEDIUM',
        purpose: 'kms',
        actions: ['kms:GenerateDataKey'],
        resources: [key],
        decision: 'conditional',
      },
      {
        rule: 'PolicyContentUnknown',
        severity: 'LOW',
        purpose: null,
        actions: [],
        resources: ['aws_iam_role_policy.dlq'],
        decision: null,
      },
      {
        rule: 'ConditionalPermission',
        severity: 'LOW',
        purpose: 'logging',
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: ['arn:aws:logs:us-east-1:111122223333:log-group:*:log-stream:*'],
        decision: 'conditional',
      },
      {
        rule: 'ConditionalPermission',
        severity: 'LOW',
        purpose: 'logging',
        actions: [
          'logs:CreateLogDelivery',
          'logs:GetLogDelivery',
          'logs:UpdateLogDelivery',
          'logs:DeleteLogDelivery',
          'logs:ListLogDeliveries',
          'logs:PutResourcePolicy',
          'logs:DescribeResourcePolicies',
          'logs:DescribeLogGroups',
        ],
        resources: ['*'],
        decision: 'conditional',
      },
      // Granted by the role's known policy; only aws_iam_role_policy.dlq, known only after apply, could deny it.
      {
        rule: 'ConditionalPermission',
        severity: 'LOW',
        purpose: 'invoke',
        actions: ['lambda:InvokeFunction'],
        resources: [FN],
        decision: 'conditional',
      },
      {
        rule: 'UnresolvedTemplateValue',
        severity: 'INFORMATIONAL',
        purpose: null,
        actions: [],
        resources: ['aws_kms_key.sfn.arn'],
        decision: null,
      },
      {
        rule: 'UnresolvedTemplateValue',
        severity: 'INFORMATIONAL',
        purpose: null,
        actions: [],
        resources: ['aws_cloudwatch_log_group.sfn.arn'],
        decision: null,
      },
      {
        rule: 'UnresolvedTemplateValue',
        severity: 'INFORMATIONAL',
        purpose: null,
        actions: [],
        resources: ['aws_kms_key.sfn.arn'],
        decision: null,
      },
      {
        rule: 'ConditionalPermission',
        severity: 'INFORMATIONAL',
        purpose: 'tracing',
        actions: [
          'xray:PutTraceSegments',
          'xray:PutTelemetryRecords',
          'xray:GetSamplingRules',
          'xray:GetSamplingTargets',
        ],
        resources: ['*'],
        decision: 'conditional',
      },
    ]);
    const kms = report?.findings[0];
    expect(JSON.stringify(kms?.details)).toContain('sfn-role-audit:unresolved/aws_kms_key.sfn.arn (known after apply)');
  });

  it('says a definition known only after apply was not checked, at LOW', async () => {
    const path = editedPlan('lambda-batch.plan.json', (plan) => {
      const machine = changeOf(plan, 'aws_sfn_state_machine.orders');
      delete machine.after.definition;
      machine.after_unknown.definition = true;
    });
    const { code, report } = await check(['--terraform-plan', path, '--fail-on', 'low']);
    expect(code).toBe(1);
    expect(report?.findings.map((f) => [f.rule, f.severity, f.title])).toEqual([
      [
        'DefinitionUnavailable',
        'LOW',
        'aws_sfn_state_machine.orders: the definition is known only after apply (it depends on aws_lambda_function.validate.arn, aws_batch_job_queue.orders.arn, aws_batch_job_definition.fulfil.arn); nothing was checked',
      ],
    ]);
    expect(report?.summary.requirements).toBe(0);
  });

  /** The Lambda + Batch plan with its role created elsewhere: role_arn is a literal ARN and the role is not in it. */
  const outsidePlan = (roleArn: string) =>
    editedPlan('lambda-batch.plan.json', (plan) => {
      const machine = changeOf(plan, 'aws_sfn_state_machine.orders');
      machine.after.role_arn = roleArn;
      delete machine.after_unknown.role_arn;
      plan.resource_changes = (plan.resource_changes as Change[]).filter((c) => !c.address.startsWith('aws_iam_role'));
      const root = (
        plan.configuration as {
          root_module: { resources: { address: string; expressions: Record<string, unknown> }[] };
        }
      ).root_module;
      const config = root.resources.find((r) => r.address === 'aws_sfn_state_machine.orders');
      if (config !== undefined) config.expressions.role_arn = { constant_value: roleArn };
    });

  it('reports the requirements and one PolicyContentUnknown when the plan does not define the role', async () => {
    const { code, report } = await check([
      '--terraform-plan',
      outsidePlan('arn:aws:iam::111122223333:role/platform/orders'),
    ]);
    expect(code).toBe(0);
    expect(report?.findings.map((f) => [f.rule, f.severity, f.title])).toEqual([
      [
        'PolicyContentUnknown',
        'LOW',
        'Execution role arn:aws:iam::111122223333:role/platform/orders is unknown offline (the plan does not define it); its policies were not checked',
      ],
    ]);
    expect(report?.summary.requirements).toBe(5);
    expect(report?.summary.checkedRequests).toBe(0);
  });

  it('audits a role the plan does not define against --policy files', async () => {
    const path = outsidePlan('arn:aws:iam::111122223333:role/platform/orders');
    const { code, report } = await check([
      '--terraform-plan',
      path,
      '--policy',
      'test/fixtures/cli/role-lambda-only.json',
    ]);
    expect(code).toBe(1);
    expect(report?.findings.map((f) => `${f.rule} ${f.severity} ${f.actions.join(',')}`)).toEqual([
      'MissingPermission CRITICAL batch:DescribeJobs',
      `MissingPermission CRITICAL ${EVENTS.join(',')}`,
      'MissingPermission HIGH batch:SubmitJob',
      'MissingPermission MEDIUM batch:TerminateJob',
    ]);
  });

  it('finds a role the plan does not define in --authorization-details, and says when it is not there', async () => {
    const found = await check([
      '--terraform-plan',
      outsidePlan('arn:aws:iam::111122223333:role/app/OrdersRole'),
      '--authorization-details',
      'test/fixtures/cli/authorization-details.json',
    ]);
    expect(found.report?.role.arn).toBe('arn:aws:iam::111122223333:role/app/OrdersRole');
    expect(found.report?.findings.some((f) => f.rule === 'PolicyContentUnknown' || f.rule === 'RoleNotFound')).toBe(
      false,
    );
    const missing = await check([
      '--terraform-plan',
      outsidePlan('arn:aws:iam::111122223333:role/gone'),
      '--authorization-details',
      'test/fixtures/cli/authorization-details.json',
    ]);
    expect(missing.code).toBe(1);
    expect(missing.report?.findings.map((f) => [f.rule, f.severity])).toEqual([['RoleNotFound', 'CRITICAL']]);
  });

  it('points SARIF results at the address of the state machine in the plan file', async () => {
    const io = fakeIo();
    const cwd = process.cwd();
    process.chdir(ROOT);
    try {
      await runCli(['check', '--terraform-plan', planFixture('module.plan.json'), '--format', 'sarif'], {
        io,
        clients: noClients,
        now: () => NOW,
      });
    } finally {
      process.chdir(cwd);
    }
    const sarif = JSON.parse(io.out) as {
      runs: { results: { locations: { physicalLocation: Record<string, { [k: string]: unknown }> }[] }[] }[];
    };
    const [location] = sarif.runs[0]?.results[0]?.locations ?? [];
    expect(location?.physicalLocation.artifactLocation?.uri).toBe('test/fixtures/terraform/module.plan.json');
    expect(location?.physicalLocation.region).toMatchObject({ startLine: 1, startColumn: 4926 });
  });

  const failures: { name: string; args: () => string[]; message: string }[] = [
    {
      name: 'a plan without a state machine',
      args: () => [
        '--terraform-plan',
        editedPlan('lambda-batch.plan.json', (plan) => {
          plan.resource_changes = (plan.resource_changes as Change[]).filter((c) => !c.address.startsWith('aws_sfn'));
        }),
      ],
      message: 'no aws_sfn_state_machine resource in the plan (nothing to audit)',
    },
    {
      name: 'a missing plan file',
      args: () => ['--terraform-plan', 'test/fixtures/terraform/nope.json'],
      message: 'test/fixtures/terraform/nope.json',
    },
    {
      name: 'a role policy that is not JSON',
      args: () => [
        '--terraform-plan',
        editedPlan('lambda-batch.plan.json', (plan) => {
          changeOf(plan, 'aws_iam_role_policy.sfn').after.policy = '{"Statement": [';
        }),
      ],
      message: 'aws_iam_role_policy.sfn.policy: the policy is not valid JSON',
    },
  ];
  it.each(failures)('exits 2 with one line for $name', async ({ args, message }) => {
    const { code, err } = await check(args());
    expect(code).toBe(2);
    expect(err).toContain(message);
    expect(err.trim().split('\n')).toHaveLength(1);
  });
});

describe('loadTerraformTargets', () => {
  it('makes one target per for_each key and count index, named PLAN#address, with its own role', async () => {
    const path = planFixture('for-each.plan.json');
    const cwd = process.cwd();
    process.chdir(ROOT);
    try {
      const targets = await loadTerraformTargets({ 'terraform-plan': [path] });
      expect(targets.map((t) => [t.id, t.sarifUri, t.embedded, t.resource?.line])).toEqual([
        [`${path}#aws_sfn_state_machine.pipeline["daily"]`, path, true, 190],
        [`${path}#aws_sfn_state_machine.pipeline["hourly"]`, path, true, 290],
        [`${path}#aws_sfn_state_machine.legacy[0]`, path, true, 329],
      ]);
      const reports: [string, ReturnType<typeof summary>[]][] = [];
      for (const target of targets) {
        const report = await auditStateMachine({
          description: target.description,
          simulator: target.simulator,
          ...(target.inputFindings === undefined ? {} : { inputFindings: target.inputFindings }),
          ...(target.rolePoliciesUnknown === true ? { rolePoliciesUnknown: true } : {}),
          now: NOW,
        });
        reports.push([target.id.split('#')[1] ?? '', report.findings.map(summary)]);
      }
      const fn = (name: string) => `arn:aws:lambda:us-east-1:111122223333:function:${name}`;
      expect(reports).toEqual([
        ['aws_sfn_state_machine.pipeline["daily"]', []],
        [
          'aws_sfn_state_machine.pipeline["hourly"]',
          [
            {
              rule: 'MissingPermission',
              severity: 'HIGH',
              purpose: 'invoke',
              actions: ['lambda:InvokeFunction'],
              resources: [fn('report-hourly')],
              decision: 'implicitDeny',
            },
          ],
        ],
        [
          'aws_sfn_state_machine.legacy[0]',
          [
            {
              rule: 'PolicyContentUnknown',
              severity: 'LOW',
              purpose: null,
              actions: [],
              resources: ['arn:aws:iam::111122223333:role/legacy-reports-sfn'],
              decision: null,
            },
          ],
        ],
      ]);
    } finally {
      process.chdir(cwd);
    }
  });

  it('loads nothing without --terraform-plan', async () => {
    expect(await loadTerraformTargets({})).toEqual([]);
  });
});
