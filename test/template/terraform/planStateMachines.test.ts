import { describe, expect, it } from 'vitest';
import { unresolvedValueKey } from '../../../shared/iam/unresolvedValueKey.js';
import { type PlanStateMachine, planStateMachines } from '../../../shared/template/terraform/planStateMachines.js';
import {
  change,
  configured,
  FN,
  LAMBDA_DEFINITION,
  policyText,
  readFixturePlan,
  readPlan,
  TRUST,
} from './planBuilder.js';

const ROLE_ARN = 'arn:aws:iam::111122223333:role/orders-sfn';
const INVOKE = policyText([{ Action: 'lambda:InvokeFunction', Effect: 'Allow', Resource: FN }]);
const MACHINE_CONFIG = configured('aws_sfn_state_machine.m', {
  role_arn: { references: ['aws_iam_role.sfn.arn', 'aws_iam_role.sfn'] },
});
const ROLE_CONFIG = configured('aws_iam_role.sfn', { name: { constant_value: 'orders-sfn' } });

function only(machines: PlanStateMachine[]): PlanStateMachine {
  expect(machines).toHaveLength(1);
  return machines[0] as PlanStateMachine;
}

/** The state machine of a plan made of a state machine `m`, a role `sfn` and the given extra changes and config. */
function machineOf(extra: {
  changes?: unknown[];
  config?: unknown[];
  machine?: Record<string, unknown>;
  role?: Record<string, unknown>;
  roleUnknown?: Record<string, unknown>;
  roleExpressions?: Record<string, unknown>;
}) {
  const plan = readPlan({
    resource_changes: [
      change(
        'aws_sfn_state_machine.m',
        { definition: LAMBDA_DEFINITION, name: 'm', ...extra.machine },
        { arn: true, role_arn: true },
      ),
      change(
        'aws_iam_role.sfn',
        { name: 'orders-sfn', path: '/', assume_role_policy: TRUST, ...extra.role },
        {
          arn: true,
          id: true,
          ...(extra.role?.inline_policy === undefined ? { inline_policy: true } : {}),
          ...extra.roleUnknown,
        },
      ),
      ...(extra.changes ?? []),
    ],
    configuration: {
      provider_config: { aws: { name: 'aws', expressions: { region: { constant_value: 'us-east-1' } } } },
      root_module: {
        resources: [
          MACHINE_CONFIG,
          extra.roleExpressions === undefined
            ? ROLE_CONFIG
            : configured('aws_iam_role.sfn', { name: { constant_value: 'orders-sfn' }, ...extra.roleExpressions }),
          ...(extra.config ?? []),
        ],
      },
    },
  });
  return only(planStateMachines(plan, { account: '111122223333' }));
}

const names = (machine: PlanStateMachine) => machine.identity.map((policy) => policy.name);
const rules = (machine: PlanStateMachine) =>
  machine.findings.map((finding) => `${finding.rule} ${finding.resources.join(' ')}`);

describe('planStateMachines on the fixtures', () => {
  it('reads the Lambda + Batch plan: definition, ARNs built from the placement, the role policy, the trust policy', () => {
    const machine = only(planStateMachines(readFixturePlan('lambda-batch.plan.json')));
    expect(machine.address).toBe('aws_sfn_state_machine.orders');
    expect(machine.description).toMatchObject({
      name: 'orders',
      type: 'STANDARD',
      stateMachineArn: 'arn:aws:states:us-east-1:111122223333:stateMachine:orders',
      roleArn: ROLE_ARN,
    });
    expect(JSON.parse(machine.description.definition as string).States.Fulfil.Resource).toBe(
      'arn:aws:states:::batch:submitJob.sync',
    );
    expect(names(machine)).toEqual(['aws_iam_role_policy.sfn']);
    expect(machine.trust).toEqual(
      JSON.parse(
        readFixturePlan('lambda-batch.plan.json').byAddress.get('aws_iam_role.sfn')?.values
          .assume_role_policy as string,
      ),
    );
    expect(machine.findings).toEqual([]);
    expect(machine.tags).toEqual({ team: 'orders' });
    expect(machine.position).toEqual({ line: 301, column: 7 });
  });

  it('reads managed_policy_arns (shipped AWS managed, unknown customer managed) and an attachment of a plan policy', () => {
    const machine = only(planStateMachines(readFixturePlan('managed-policies.plan.json')));
    expect(names(machine)).toEqual([
      'arn:aws:iam::111122223333:policy/ops-extra',
      'arn:aws:iam::aws:policy/service-role/AWSLambdaRole',
      'aws_iam_policy.batch',
    ]);
    const condition = { Null: { [unresolvedValueKey('Policy arn:aws:iam::111122223333:policy/ops-extra')]: 'false' } };
    expect(machine.identity[0]?.document).toEqual({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: '*', Resource: '*', Condition: condition },
        { Effect: 'Deny', Action: '*', Resource: '*', Condition: condition },
      ],
    });
    expect(rules(machine)).toEqual(['PolicyContentUnknown arn:aws:iam::111122223333:policy/ops-extra']);
    expect(machine.findings[0]?.details?.reason).toBe('a customer managed policy that the plan does not define');
  });

  it('follows role_arn from one module through the root into the role of another module', () => {
    const machine = only(planStateMachines(readFixturePlan('module.plan.json')));
    expect(machine.address).toBe('module.orders.aws_sfn_state_machine.main');
    expect(machine.description.roleArn).toBe(ROLE_ARN);
    expect(names(machine)).toEqual(['module.iam.aws_iam_role_policy.this']);
    expect(machine.position).toEqual({ line: 1, column: 4926 });
  });

  it('makes the values known only after apply holes and says which', () => {
    const machine = only(planStateMachines(readFixturePlan('unknown-values.plan.json')));
    expect(machine.description.encryptionConfiguration).toEqual({
      type: 'CUSTOMER_MANAGED_KMS_KEY',
      kmsKeyId: 'arn:aws:kms:us-east-1:111122223333:key/*',
      kmsDataKeyReusePeriodSeconds: 300,
    });
    expect(machine.description.loggingConfiguration).toEqual({
      level: 'ERROR',
      includeExecutionData: false,
      destinations: [{ cloudWatchLogsLogGroup: {} }],
    });
    expect(machine.description.tracingConfiguration).toEqual({ enabled: true });
    expect(names(machine)).toEqual(['aws_iam_role_policy.dlq', 'aws_iam_role_policy.sfn']);
    const key = unresolvedValueKey('aws_kms_key.sfn.arn (known after apply)');
    const statements = machine.identity[1]?.document.Statement as Record<string, unknown>[];
    expect(statements[1]).toEqual({
      Sid: 'UseStateKey',
      Effect: 'Allow',
      Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
      Resource: '*',
      Condition: { Null: { [key]: 'false' } },
    });
    expect(rules(machine)).toEqual([
      'UnresolvedTemplateValue aws_cloudwatch_log_group.sfn.arn',
      'UnresolvedTemplateValue aws_kms_key.sfn.arn',
      'PolicyContentUnknown aws_iam_role_policy.dlq',
      'UnresolvedTemplateValue aws_kms_key.sfn.arn',
    ]);
    expect(machine.findings[2]?.details?.reason).toBe('known only after apply: it depends on aws_sqs_queue.dlq.arn');
  });

  it('audits every for_each and count instance with the role of the same key, and skips a deleted one', () => {
    const machines = planStateMachines(readFixturePlan('for-each.plan.json'));
    expect(machines.map((m) => [m.address, m.description.roleArn, names(m)])).toEqual([
      [
        'aws_sfn_state_machine.pipeline["daily"]',
        'arn:aws:iam::111122223333:role/reports-daily',
        ['aws_iam_role_policy.pipeline["daily"]'],
      ],
      [
        'aws_sfn_state_machine.pipeline["hourly"]',
        'arn:aws:iam::111122223333:role/reports-hourly',
        ['aws_iam_role_policy.pipeline["hourly"]'],
      ],
      ['aws_sfn_state_machine.legacy[0]', 'arn:aws:iam::111122223333:role/legacy-reports-sfn', []],
    ]);
    expect(machines.map((m) => m.roleOutsidePlan)).toEqual([undefined, undefined, 'the plan does not define it']);
  });
});

describe('planStateMachines: the role and its policies', () => {
  const policyChange = (address: string, after: Record<string, unknown>, unknown: unknown = {}) =>
    change(address, after, unknown);
  const cases: {
    name: string;
    extra: Parameters<typeof machineOf>[0];
    identity: string[];
    findings?: string[];
    boundary?: string;
  }[] = [
    {
      name: 'an aws_iam_role_policy whose role is the role name (known)',
      extra: { changes: [policyChange('aws_iam_role_policy.p', { role: 'orders-sfn', policy: INVOKE })] },
      identity: ['aws_iam_role_policy.p'],
    },
    {
      name: 'an aws_iam_role_policy of another role is not this role',
      extra: { changes: [policyChange('aws_iam_role_policy.p', { role: 'other', policy: INVOKE })] },
      identity: [],
    },
    {
      name: 'inline_policy blocks, an empty block meaning none',
      extra: {
        role: {
          inline_policy: [
            { name: 'invoke', policy: INVOKE },
            { name: '', policy: '' },
          ],
        },
      },
      identity: ['aws_iam_role.sfn inline_policy invoke'],
    },
    {
      name: 'an aws_iam_policy_attachment whose roles list the role',
      extra: {
        changes: [
          policyChange('aws_iam_policy.p', {
            arn: 'arn:aws:iam::111122223333:policy/p',
            name: 'p',
            path: '/',
            policy: INVOKE,
          }),
          policyChange('aws_iam_policy_attachment.p', {
            roles: ['someone', 'orders-sfn'],
            policy_arn: 'arn:aws:iam::111122223333:policy/p',
          }),
        ],
      },
      identity: ['aws_iam_policy.p'],
    },
    {
      name: 'an attachment of a policy created in the same plan, by reference',
      extra: {
        changes: [
          policyChange('aws_iam_policy.p', { name: 'p', path: '/', policy: INVOKE }, { arn: true }),
          policyChange('aws_iam_role_policy_attachment.p', { role: 'orders-sfn' }, { policy_arn: true }),
        ],
        config: [
          configured('aws_iam_role_policy_attachment.p', {
            policy_arn: { references: ['aws_iam_policy.p.arn', 'aws_iam_policy.p'] },
          }),
        ],
      },
      identity: ['aws_iam_policy.p'],
    },
    {
      name: 'an attachment of an existing policy read by the aws_iam_policy data source',
      extra: {
        changes: [
          policyChange('aws_iam_role_policy_attachment.p', {
            role: 'orders-sfn',
            policy_arn: 'arn:aws:iam::111122223333:policy/shared',
          }),
        ],
      },
      identity: ['arn:aws:iam::111122223333:policy/shared'],
      findings: ['PolicyContentUnknown arn:aws:iam::111122223333:policy/shared'],
    },
    {
      name: 'an attachment whose ARN is known only after apply and leads nowhere',
      extra: {
        changes: [policyChange('aws_iam_role_policy_attachment.p', { role: 'orders-sfn' }, { policy_arn: true })],
        config: [configured('aws_iam_role_policy_attachment.p', { policy_arn: { references: ['local.policy_arn'] } })],
      },
      identity: ['aws_iam_role_policy_attachment.p.policy_arn'],
      findings: ['PolicyContentUnknown aws_iam_role_policy_attachment.p.policy_arn'],
    },
    {
      name: 'an aws_iam_role_policies_exclusive keeps only the inline policies it lists, and names one the plan lacks',
      extra: {
        changes: [
          policyChange('aws_iam_role_policy.keep', { role: 'orders-sfn', name: 'keep', policy: INVOKE }),
          policyChange('aws_iam_role_policy.drop', { role: 'orders-sfn', name: 'drop', policy: INVOKE }),
          policyChange('aws_iam_role_policies_exclusive.sfn', {
            role_name: 'orders-sfn',
            policy_names: ['keep', 'console-made'],
          }),
        ],
      },
      identity: ['aws_iam_role_policy.keep', 'aws_iam_role.sfn inline policy console-made'],
      findings: ['PolicyContentUnknown aws_iam_role.sfn inline policy console-made'],
    },
    {
      name: 'an aws_iam_role_policy_attachments_exclusive attaches its ARNs',
      extra: {
        changes: [
          policyChange('aws_iam_role_policy_attachments_exclusive.sfn', {
            role_name: 'orders-sfn',
            policy_arns: ['arn:aws:iam::aws:policy/AWSStepFunctionsReadOnlyAccess'],
          }),
        ],
      },
      identity: ['arn:aws:iam::aws:policy/AWSStepFunctionsReadOnlyAccess'],
    },
    {
      name: 'managed_policy_arns known only after apply: the policies its expression references, the rest unknown',
      extra: {
        changes: [change('aws_iam_policy.p', { name: 'p', path: '/', policy: INVOKE }, { arn: true })],
        roleUnknown: { managed_policy_arns: true },
        roleExpressions: {
          managed_policy_arns: {
            references: ['aws_iam_policy.p.arn', 'aws_iam_policy.p', 'local.extra_arns', 'count.index'],
          },
        },
      },
      identity: ['aws_iam_policy.p', 'aws_iam_role.sfn.managed_policy_arns (local.extra_arns)'],
      findings: ['PolicyContentUnknown aws_iam_role.sfn.managed_policy_arns (local.extra_arns)'],
    },
    {
      name: 'managed_policy_arns the provider computes (not configured) are none for a new role',
      extra: { roleUnknown: { managed_policy_arns: true } },
      identity: [],
    },
    {
      name: 'a permissions boundary that is an AWS managed policy shipped as data',
      extra: { role: { permissions_boundary: 'arn:aws:iam::aws:policy/service-role/AWSLambdaRole' } },
      identity: [],
      boundary: 'arn:aws:iam::aws:policy/service-role/AWSLambdaRole',
    },
    {
      name: 'a permissions boundary not in the plan',
      extra: { role: { permissions_boundary: 'arn:aws:iam::111122223333:policy/boundary' } },
      identity: [],
      boundary: 'arn:aws:iam::111122223333:policy/boundary',
      findings: ['PolicyContentUnknown arn:aws:iam::111122223333:policy/boundary'],
    },
  ];
  it.each(cases)('reads $name', ({ extra, identity, findings, boundary }) => {
    const machine = machineOf(extra);
    expect(names(machine)).toEqual(identity);
    expect(rules(machine)).toEqual(findings ?? []);
    expect(machine.boundary?.name).toBe(boundary);
  });

  it('links by the known role_arn when the configuration has no reference', () => {
    const plan = readPlan({
      resource_changes: [
        change('aws_sfn_state_machine.m', { definition: LAMBDA_DEFINITION, role_arn: ROLE_ARN }),
        change('aws_iam_role.other', { name: 'other', path: '/', arn: 'arn:aws:iam::111122223333:role/other' }),
        change(
          'aws_iam_role.sfn',
          { name: 'orders-sfn', path: '/', inline_policy: [{ name: 'i', policy: INVOKE }] },
          { arn: true },
        ),
      ],
    });
    const machine = only(planStateMachines(plan));
    expect(machine.description.roleArn).toBe(ROLE_ARN);
    expect(names(machine)).toEqual(['aws_iam_role.sfn inline_policy i']);
  });

  const outside: {
    name: string;
    machine: Record<string, unknown>;
    unknown: unknown;
    config: Record<string, unknown>;
    reason: string;
  }[] = [
    {
      name: 'a role ARN of another stack',
      machine: { role_arn: 'arn:aws:iam::111122223333:role/elsewhere' },
      unknown: {},
      config: {},
      reason: 'the plan does not define it',
    },
    {
      name: 'a role_arn known only after apply through a local value',
      machine: {},
      unknown: { role_arn: true },
      config: { role_arn: { references: ['local.role_arn'] } },
      reason:
        'role_arn is known only after apply and depends on local.role_arn, and leads to no aws_iam_role of the plan',
    },
    {
      name: 'a role_arn that references a role data source (a role of another configuration)',
      machine: {},
      unknown: { role_arn: true },
      config: { role_arn: { references: ['data.aws_iam_role.shared.arn', 'data.aws_iam_role.shared'] } },
      reason:
        'role_arn is known only after apply and depends on data.aws_iam_role.shared.arn, and leads to no aws_iam_role of the plan',
    },
  ];
  it.each(outside)(
    'says the plan does not define $name, with no policy of its own',
    ({ machine, unknown, config, reason }) => {
      const plan = readPlan({
        resource_changes: [change('aws_sfn_state_machine.m', { definition: LAMBDA_DEFINITION, ...machine }, unknown)],
        configuration: { root_module: { resources: [configured('aws_sfn_state_machine.m', config)] } },
      });
      const found = only(planStateMachines(plan));
      expect(found.roleOutsidePlan).toBe(reason);
      expect(found.identity).toEqual([]);
      expect(found.findings).toEqual([]);
    },
  );

  it('says a definition known only after apply cannot be read, and what it depends on', () => {
    const plan = readPlan({
      resource_changes: [change('aws_sfn_state_machine.m', { name: 'm' }, { definition: true })],
      configuration: {
        root_module: {
          resources: [
            configured('aws_sfn_state_machine.m', {
              definition: { references: ['aws_lambda_function.new.arn', 'aws_lambda_function.new', 'path.module'] },
            }),
          ],
        },
      },
    });
    const machine = only(planStateMachines(plan));
    expect(machine.definitionUnavailable).toBe(true);
    expect(machine.findings[0]).toMatchObject({
      rule: 'DefinitionUnavailable',
      severity: 'LOW',
      title:
        'aws_sfn_state_machine.m: the definition is known only after apply (it depends on aws_lambda_function.new.arn, path.module); nothing was checked',
      details: { dependsOn: ['aws_lambda_function.new.arn', 'path.module'] },
    });
  });

  it('leaves out unset logging, tracing and encryption blocks the provider computes', () => {
    const machine = machineOf({});
    expect(machine.description.loggingConfiguration).toBeUndefined();
    expect(machine.description.tracingConfiguration).toBeUndefined();
    expect(machine.description.encryptionConfiguration).toBeUndefined();
  });

  it('refuses a policy that is not JSON, naming the plan and the attribute', () => {
    expect(() =>
      machineOf({ changes: [change('aws_iam_role_policy.p', { role: 'orders-sfn', policy: '{"Statement": [' })] }),
    ).toThrowError('plan.json: aws_iam_role_policy.p.policy: the policy is not valid JSON');
  });
});
