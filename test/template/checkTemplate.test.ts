// biome-ignore-all lint/suspicious/noTemplateCurlyInString: CloudFormation Fn::Sub texts and DefinitionSubstitutions placeholders
import { IAMClient } from '@aws-sdk/client-iam';
import { SFNClient } from '@aws-sdk/client-sfn';
import { describe, expect, it } from 'vitest';
import type { CheckFlags } from '../../cli/checkOptions.js';
import { loadTemplateFileTargets, loadTemplateTargets, stackNameOf } from '../../cli/loadTemplateTargets.js';
import { runCli } from '../../cli/runCli.js';
import { auditStateMachine } from '../../shared/audit.js';
import type { AuditReport, Finding } from '../../shared/types.js';
import { fakeIo } from '../cli/fakeIo.js';

const CLIENTS = { sfn: () => new SFNClient({}), iam: () => new IAMClient({}) };
const DIR = 'test/fixtures/templates';
const R = 'us-east-1:123456789012';
const SUFFIX = '[A-Z0-9]{12}';

async function check(args: string[]): Promise<{ code: number; report: AuditReport; err: string }> {
  const io = fakeIo();
  const code = await runCli(['check', ...args, '--format', 'json'], {
    io,
    clients: CLIENTS,
    now: () => new Date('2026-05-01T00:00:00Z'),
  });
  return { code, report: (io.out === '' ? undefined : JSON.parse(io.out)) as AuditReport, err: io.err };
}

/** The full report (requirements included) of the template's only state machine, audited as check audits it. */
async function auditOf(path: string, flags: CheckFlags = {}): Promise<AuditReport> {
  const [target, ...others] = await loadTemplateFileTargets(path, flags);
  expect(others).toEqual([]);
  if (target === undefined) throw new Error(`no state machine in ${path}`);
  return auditStateMachine({
    description: target.description,
    simulator: target.simulator,
    ...(target.inputFindings === undefined ? {} : { inputFindings: target.inputFindings }),
    now: new Date('2026-05-01T00:00:00Z'),
  });
}

/** What a test asserts of a finding: the rule, severity, purpose, actions, resources, and the title for some. */
function summary(finding: Finding) {
  return {
    rule: finding.rule,
    severity: finding.severity,
    purpose: finding.purpose,
    state: finding.state?.name ?? null,
    actions: finding.actions,
    resources: finding.resources,
  };
}

describe('sfn-role-audit check --template', () => {
  it('finds what a LambdaInvokePolicy-only role misses for batch:submitJob.sync (the issue’s acceptance test)', async () => {
    const { code, report, err } = await check(['--template', `${DIR}/sam-batch/template.yaml`]);
    expect(err).toBe('');
    expect(code).toBe(1);
    expect(report.stateMachine.arn).toMatch(
      new RegExp(`^arn:aws:states:${R}:stateMachine:ProcessStateMachine-[A-Za-z0-9]{12}$`),
    );
    expect(report.role.arn).toMatch(
      new RegExp(`^arn:aws:iam::123456789012:role/template-ProcessStateMachineRole-${SUFFIX}$`),
    );
    expect(report.findings.map(summary)).toEqual([
      {
        rule: 'MissingPermission',
        severity: 'CRITICAL',
        purpose: 'poll',
        state: 'Process',
        actions: ['batch:DescribeJobs'],
        resources: ['*'],
      },
      {
        rule: 'MissingPermission',
        severity: 'CRITICAL',
        purpose: 'events',
        state: 'Process',
        actions: ['events:PutTargets', 'events:PutRule', 'events:DescribeRule'],
        resources: [`arn:aws:events:${R}:rule/StepFunctionsGetEventsForBatchJobsRule`],
      },
      {
        rule: 'MissingPermission',
        severity: 'HIGH',
        purpose: 'invoke',
        state: 'Process',
        actions: ['batch:SubmitJob'],
        resources: [
          expect.stringMatching(new RegExp(`^arn:aws:batch:${R}:job-queue/template-ProcessJobQueue-${SUFFIX}$`)),
          expect.stringMatching(
            new RegExp(`^arn:aws:batch:${R}:job-definition/template-ProcessJobDefinition-${SUFFIX}:1$`),
          ),
        ],
      },
      {
        rule: 'MissingPermission',
        severity: 'MEDIUM',
        purpose: 'cancel',
        state: 'Process',
        actions: ['batch:TerminateJob'],
        resources: [`arn:aws:batch:${R}:job/*`],
      },
    ]);
  });

  it('passes the same app with a correct role (policy template plus inline statements)', async () => {
    const { code, report } = await check(['--template', `${DIR}/sam-batch/template-fixed.yaml`, '--fail-on', 'low']);
    expect(code).toBe(0);
    expect(report.findings).toEqual([]);
    expect(report.summary.checkedRequests).toBe(8);
  });

  it('lines up DefinitionSubstitutions (GetAtt, Ref, Sub) of a YAML DefinitionUri with SAM policy templates', async () => {
    const { code, report } = await check(['--template', `${DIR}/sam-orders/template.yaml`]);
    expect(code).toBe(1);
    expect(report.stateMachine).toMatchObject({
      arn: `arn:aws:states:${R}:stateMachine:orders-dev`,
      name: 'orders-dev',
    });
    const { requirements } = await auditOf(`${DIR}/sam-orders/template.yaml`);
    expect(requirements.map((r) => [r.state?.name, r.actions])).toEqual([
      ['Price order', ['lambda:InvokeFunction']],
      ['Store order', ['dynamodb:PutItem']],
      ['Announce order', ['events:PutEvents']],
      ['Tell customer', ['sns:Publish']],
    ]);
    expect(report.findings.map(summary)).toEqual([
      {
        rule: 'MissingPermission',
        severity: 'HIGH',
        purpose: 'invoke',
        state: 'Tell customer',
        actions: ['sns:Publish'],
        resources: [expect.stringMatching(new RegExp(`^arn:aws:sns:${R}:template-CustomerTopic-${SUFFIX}$`))],
      },
    ]);
  });

  it('substitutes a YAML DefinitionUri file before parsing it, as CloudFormation does (an unquoted number stays one)', async () => {
    const [target] = await loadTemplateFileTargets(`${DIR}/sam-orders/template.yaml`, {});
    const definition = JSON.parse(String(target?.description.definition));
    expect(definition.States['Price order'].Retry).toEqual([
      { ErrorEquals: ['Lambda.TooManyRequestsException'], MaxAttempts: 2 },
    ]);
    expect(definition.States['Store order'].Parameters.TableName).toMatch(
      new RegExp(`^template-OrdersTable-${SUFFIX}$`),
    );
  });

  it('uses --parameter and --stack-name in every name the template derives', async () => {
    const { report } = await check([
      ...['--template', `${DIR}/sam-orders/template.yaml`, '--parameter', 'Stage=prod', '--stack-name', 'shop'],
      ...['--region', 'eu-west-1', '--account', '111122223333'],
    ]);
    expect(report.stateMachine.arn).toBe('arn:aws:states:eu-west-1:111122223333:stateMachine:orders-prod');
    const flags = { parameter: ['Stage=prod'], 'stack-name': 'shop', region: 'eu-west-1', account: '111122223333' };
    const { requirements } = await auditOf(`${DIR}/sam-orders/template.yaml`, flags);
    expect(requirements.find((r) => r.state?.name === 'Announce order')?.resources).toEqual([
      'arn:aws:events:eu-west-1:111122223333:event-bus/shop-prod-orders',
    ]);
    expect(report.findings[0]?.resources).toEqual([
      expect.stringMatching(new RegExp(`^arn:aws:sns:eu-west-1:111122223333:shop-CustomerTopic-${SUFFIX}$`)),
    ]);
  });

  describe('a CloudFormation template with every short-form tag and a DefinitionString Fn::Sub', () => {
    const TEMPLATE = `${DIR}/cfn-every-tag.yaml`;
    const NOTES = [
      'the Availability Zones of us-east-1 are not known offline',
      "Fn::ImportValue shared-alerts-topic-arn is another stack's export (give it with --parameter Fn::ImportValue:shared-alerts-topic-arn=VALUE)",
    ];

    it('reports the missing publish on the imported topic, notes what it cannot resolve, and honours Metadata ignore', async () => {
      const { code, report } = await check(['--template', TEMPLATE]);
      expect(code).toBe(1);
      expect(report.stateMachine.name).toBe('cfn-every-tag-nightly-report');
      expect(report.findings.map(summary)).toEqual([
        {
          rule: 'MissingPermission',
          severity: 'HIGH',
          purpose: 'invoke',
          state: 'Alert',
          actions: ['sns:Publish'],
          resources: ['arn:aws:sns:*:*:*'],
        },
        ...NOTES.map(() => ({
          rule: 'UnresolvedTemplateValue',
          severity: 'INFORMATIONAL',
          purpose: null,
          state: null,
          actions: [],
          resources: [],
        })),
      ]);
      expect(report.findings.slice(1).map((f) => f.details?.note)).toEqual(NOTES);
      expect(report.suppressed.map((f) => [f.rule, f.purpose, f.severity])).toEqual([
        ['MissingPermission', 'tracing', 'LOW'],
      ]);
    });

    it('resolves the Fn::Sub variable map: the function, the table, the retries of FindInMap behind Fn::If', async () => {
      const report = await auditOf(TEMPLATE, { parameter: ['Env=prod'] });
      const byState = new Map(report.requirements.map((r) => [r.state?.name, r.resources]));
      expect(byState.get('Build report')).toEqual([`arn:aws:lambda:${R}:function:cfn-every-tag-report-prod`]);
      expect(byState.get('Save report')).toEqual([`arn:aws:dynamodb:${R}:table/cfn-every-tag-reports`]);
      const [target] = await loadTemplateFileTargets(TEMPLATE, { parameter: ['Env=prod'] });
      const definition = JSON.parse(String(target?.description.definition));
      expect(definition.Comment).toBe('bmlnaHRseQ==');
      expect(definition.States['Build report'].Retry[0].MaxAttempts).toBe(3);
      expect(definition.States['Build report'].Parameters.Payload).toEqual({
        zone: '${Fn::GetAZs us-east-1}',
        area: 'us',
      });
    });

    it('cannot prove a publish on an imported topic the prod role grants on its own topic only', async () => {
      const { report } = await check(['--template', TEMPLATE, '--parameter', 'Env=prod']);
      expect(report.findings.filter((f) => f.rule !== 'UnresolvedTemplateValue').map(summary)).toEqual([
        {
          rule: 'UnprovableResource',
          severity: 'LOW',
          purpose: 'invoke',
          state: 'Alert',
          actions: ['sns:Publish'],
          resources: ['arn:aws:sns:*:*:*'],
        },
      ]);
    });

    it('takes an import value from --parameter Fn::ImportValue:NAME=VALUE', async () => {
      const { report } = await check([
        ...['--template', TEMPLATE, '--parameter', 'Env=prod'],
        ...['--parameter', `Fn::ImportValue:shared-alerts-topic-arn=arn:aws:sns:${R}:alerts`],
      ]);
      expect(report.findings.filter((f) => f.rule !== 'UnresolvedTemplateValue').map(summary)).toEqual([
        {
          rule: 'MissingPermission',
          severity: 'HIGH',
          purpose: 'invoke',
          state: 'Alert',
          actions: ['sns:Publish'],
          resources: [`arn:aws:sns:${R}:alerts`],
        },
      ]);
      expect(report.findings.map((f) => f.details?.note).filter(Boolean)).toEqual([NOTES[0]]);
    });
  });

  it('reports a DefinitionS3Location as DefinitionUnavailable (LOW) and checks nothing', async () => {
    const { code, report } = await check(['--template', `${DIR}/cfn-s3-definition.yaml`]);
    expect(code).toBe(0);
    expect(report.findings.map(summary)).toEqual([
      {
        rule: 'DefinitionUnavailable',
        severity: 'LOW',
        purpose: null,
        state: null,
        actions: [],
        resources: ['s3://build-artifacts/statemachines/import.asl.json'],
      },
    ]);
    expect(report.findings[0]?.docs).toBe(
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-stepfunctions-statemachine.html#cfn-stepfunctions-statemachine-definitions3location',
    );
    expect(report.summary).toMatchObject({ requirements: 0, checkedRequests: 0 });
  });

  it('reports a missing DefinitionUri file as DefinitionUnavailable', async () => {
    const { report } = await check(['--template', `${DIR}/sam-missing-file/template.yaml`]);
    expect(report.findings.map((f) => [f.rule, f.severity, f.resources])).toEqual([
      ['DefinitionUnavailable', 'LOW', [`${DIR}/sam-missing-file/statemachine/not-there.asl.json`]],
    ]);
  });

  it('does not report every permission missing when the role is outside the template: one PolicyContentUnknown', async () => {
    const { code, report } = await check(['--template', `${DIR}/cfn-outside-role.json`]);
    expect(code).toBe(0);
    expect(report.role.arn).toBe('arn:aws:iam::123456789012:role/platform-sfn-runner');
    expect(report.findings.map(summary)).toEqual([
      {
        rule: 'PolicyContentUnknown',
        severity: 'LOW',
        purpose: null,
        state: null,
        actions: [],
        resources: ['arn:aws:iam::123456789012:role/platform-sfn-runner'],
      },
    ]);
    expect(report.summary).toMatchObject({ requirements: 2, checkedRequests: 0 });
  });

  it('checks a role outside the template against --policy', async () => {
    const { code, report } = await check([
      ...['--template', `${DIR}/cfn-outside-role.json`, '--policy', `${DIR}/outside-role-policy.json`],
    ]);
    expect(code).toBe(1);
    expect(report.findings.map(summary)).toEqual([
      {
        rule: 'MissingPermission',
        severity: 'HIGH',
        purpose: 'invoke',
        state: 'Notify',
        actions: ['sns:Publish'],
        resources: [`arn:aws:sns:${R}:orders`],
      },
    ]);
  });

  it.each<{ name: string; args: string[]; message: string }>([
    {
      name: 'a run whose templates hold no state machine',
      args: ['--template', `${DIR}/no-state-machine.yaml`],
      message: 'sfn-role-audit: no state machine found in the templates given\n',
    },
    {
      name: 'a --parameter without =',
      args: ['--template', `${DIR}/sam-orders/template.yaml`, '--parameter', 'Stage'],
      message: 'sfn-role-audit: --parameter must be KEY=VALUE (VALUE may be empty), not "Stage"\n',
    },
    {
      name: 'a template that does not exist',
      args: ['--template', `${DIR}/nope.yaml`],
      message: `sfn-role-audit: cannot read ${DIR}/nope.yaml: no such file\n`,
    },
  ])('exits 2 with one line for $name', async ({ args, message }) => {
    const { code, err } = await check(args);
    expect(code).toBe(2);
    expect(err).toBe(message);
  });
});

describe('loadTemplateFileTargets', () => {
  it('points a DefinitionUri state machine at its definition file, and at the resource in the template', async () => {
    const [target, ...others] = await loadTemplateFileTargets(`${DIR}/sam-batch/template.yaml`, {});
    expect(others).toEqual([]);
    expect(target).toMatchObject({
      id: `${DIR}/sam-batch/template.yaml#ProcessStateMachine`,
      sarifUri: `${DIR}/sam-batch/statemachine/process.asl.json`,
      embedded: false,
      resource: { uri: `${DIR}/sam-batch/template.yaml`, line: 34, column: 3 },
    });
    expect(target?.sarifText).toContain('"StartAt": "Validate"');
  });

  it('points an inline definition at the template (embedded), with Metadata ignore entries', async () => {
    const [target] = await loadTemplateFileTargets(`${DIR}/cfn-every-tag.yaml`, {});
    expect(target).toMatchObject({
      id: `${DIR}/cfn-every-tag.yaml#ReportStateMachine`,
      sarifUri: `${DIR}/cfn-every-tag.yaml`,
      embedded: true,
      ignore: ['tracing'],
      resource: { line: 100, column: 3 },
    });
  });

  it('marks a role outside the template so nothing is simulated', async () => {
    const [target] = await loadTemplateFileTargets(`${DIR}/cfn-outside-role.json`, {});
    expect(target?.rolePoliciesUnknown).toBe(true);
    expect(target?.resource).toMatchObject({ uri: `${DIR}/cfn-outside-role.json`, line: 10, column: 5 });
    expect(target?.inputFindings?.map((f) => f.rule)).toEqual(['PolicyContentUnknown']);
  });

  it('takes the stack name from the caller (a CDK stack) over --stack-name and the file name', async () => {
    const [target] = await loadTemplateFileTargets(
      `${DIR}/sam-batch/template.yaml`,
      { 'stack-name': 'flag' },
      { stackName: 'Cdk' },
    );
    expect(target?.description.roleArn).toMatch(new RegExp(`role/Cdk-ProcessStateMachineRole-${SUFFIX}$`));
  });

  it('leaves --cdk-out and positional paths to their own loaders', async () => {
    expect(await loadTemplateTargets({ 'cdk-out': ['cdk.out'] }, ['infra/template.yaml'])).toEqual([]);
  });

  it.each<{ path: string; stackName: string }>([
    { path: 'infra/template.yaml', stackName: 'template' },
    { path: 'infra/orders_service.v2.json', stackName: 'orders-service-v2' },
    { path: '2024-stack.yml', stackName: 'stack-2024-stack' },
  ])('names the stack after the file: $path → $stackName', ({ path, stackName }) => {
    expect(stackNameOf(path)).toBe(stackName);
  });
});
