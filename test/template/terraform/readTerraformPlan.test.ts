import { describe, expect, it } from 'vitest';
import { readTerraformPlan } from '../../../shared/template/terraform/readTerraformPlan.js';
import { change, configured, planJson, readFixturePlan, readPlan } from './planBuilder.js';

describe('readTerraformPlan', () => {
  it('reads each resource change with its values after the plan and what is known only after apply', () => {
    const plan = readPlan({
      resource_changes: [
        change('aws_iam_role.sfn', { name: 'orders-sfn' }, { arn: true, id: true }),
        change('module.jobs["eu"].aws_sfn_state_machine.main[0]', { name: 'eu' }, {}, { index: 0 }),
      ],
    });
    expect(plan.resources.map((r) => [r.address, r.moduleAddress, r.mode, r.type, r.name, r.index])).toEqual([
      ['aws_iam_role.sfn', '', 'managed', 'aws_iam_role', 'sfn', undefined],
      [
        'module.jobs["eu"].aws_sfn_state_machine.main[0]',
        'module.jobs["eu"]',
        'managed',
        'aws_sfn_state_machine',
        'main',
        0,
      ],
    ]);
    expect(plan.byAddress.get('aws_iam_role.sfn')).toMatchObject({
      values: { name: 'orders-sfn' },
      unknown: { arn: true, id: true },
      actions: ['create'],
    });
  });

  const sources: { name: string; parts: Record<string, unknown>; addresses: string[] }[] = [
    {
      name: 'a resource the plan deletes leaves nothing (no after)',
      parts: {
        resource_changes: [
          { ...change('aws_sfn_state_machine.old', null), change: { actions: ['delete'], before: {}, after: null } },
        ],
      },
      addresses: [],
    },
    {
      name: 'a deposed object is not the resource after apply',
      parts: { resource_changes: [{ ...change('aws_iam_role.sfn', { name: 'a' }), deposed: 'deadbeef' }] },
      addresses: [],
    },
    {
      name: 'a data source read at plan time comes from the prior state',
      parts: {
        resource_changes: [change('aws_iam_role.sfn', { name: 'a' })],
        prior_state: {
          values: {
            root_module: {
              resources: [
                {
                  address: 'data.aws_iam_policy_document.p',
                  mode: 'data',
                  type: 'aws_iam_policy_document',
                  name: 'p',
                  values: { json: '{}' },
                },
                { address: 'aws_iam_role.gone', mode: 'managed', type: 'aws_iam_role', name: 'gone', values: {} },
              ],
            },
          },
        },
      },
      addresses: ['aws_iam_role.sfn', 'data.aws_iam_policy_document.p'],
    },
    {
      name: 'a data source in a child module of the prior state',
      parts: {
        resource_changes: [],
        prior_state: {
          values: {
            root_module: {
              child_modules: [
                {
                  address: 'module.iam',
                  resources: [
                    {
                      address: 'module.iam.data.aws_iam_policy_document.p',
                      mode: 'data',
                      type: 'aws_iam_policy_document',
                      name: 'p',
                      values: {},
                    },
                  ],
                },
              ],
            },
          },
        },
      },
      addresses: ['module.iam.data.aws_iam_policy_document.p'],
    },
    {
      name: 'planned values stand in when the plan has no resource_changes',
      parts: {
        planned_values: {
          root_module: {
            resources: [
              {
                address: 'aws_iam_role.sfn',
                mode: 'managed',
                type: 'aws_iam_role',
                name: 'sfn',
                values: { name: 'a' },
              },
            ],
          },
        },
      },
      addresses: ['aws_iam_role.sfn'],
    },
    {
      name: 'the JSON of a state (terraform show -json without a plan) is its values',
      parts: {
        values: {
          root_module: {
            resources: [
              {
                address: 'aws_iam_role.sfn',
                mode: 'managed',
                type: 'aws_iam_role',
                name: 'sfn',
                values: { name: 'a' },
              },
            ],
          },
        },
      },
      addresses: ['aws_iam_role.sfn'],
    },
    {
      name: 'a policy document only in the configuration is rebuilt from it',
      parts: {
        resource_changes: [],
        configuration: {
          root_module: {
            resources: [
              configured('data.aws_iam_policy_document.p', {
                statement: [
                  {
                    actions: { constant_value: ['sqs:SendMessage'] },
                    resources: { references: ['aws_sqs_queue.q.arn'] },
                  },
                ],
              }),
            ],
          },
        },
      },
      addresses: ['data.aws_iam_policy_document.p'],
    },
  ];
  it.each(sources)('$name', ({ parts, addresses }) => {
    expect(readPlan(parts).resources.map((r) => r.address)).toEqual(addresses);
  });

  it('rebuilds a configuration-only policy document with constants known and references unknown', () => {
    const plan = readPlan({
      configuration: {
        root_module: {
          resources: [
            configured('data.aws_iam_policy_document.p', {
              statement: [
                {
                  actions: { constant_value: ['sqs:SendMessage'] },
                  resources: { references: ['aws_sqs_queue.q.arn'] },
                },
              ],
            }),
          ],
        },
      },
    });
    expect(plan.byAddress.get('data.aws_iam_policy_document.p')).toMatchObject({
      values: { statement: [{ actions: ['sqs:SendMessage'] }] },
      unknown: { statement: [{ resources: true }] },
      actions: ['read'],
    });
  });

  it('attaches each resource its configuration block, in modules too, by type and name', () => {
    const plan = readFixturePlan('module.plan.json');
    const machine = plan.byAddress.get('module.orders.aws_sfn_state_machine.main');
    expect(machine?.config?.expressions.role_arn).toEqual({ references: ['var.role_arn'] });
    expect(plan.configuration.calls.get('iam')?.module.outputs.get('role_arn')).toEqual({
      references: ['aws_iam_role.this.arn', 'aws_iam_role.this'],
    });
    expect(plan.providers.get('aws')?.expressions).toEqual({ region: { constant_value: 'us-east-1' } });
  });

  it('reads the root variables', () => {
    expect(readFixturePlan('managed-policies.plan.json').variables.get('region')).toBe('us-east-1');
  });

  const refusals: { name: string; text: string; message: string }[] = [
    {
      name: 'a binary plan file',
      text: 'PK\u0003\u0004binary',
      message: 'plan.json: this is a binary plan file: convert it with terraform show -json plan.json > plan.json',
    },
    {
      name: 'a raw state file',
      text: JSON.stringify({ version: 4, terraform_version: '1.9.8', resources: [] }),
      message:
        'plan.json: this is a raw Terraform state file, not a plan: run terraform show -json PLANFILE > plan.json',
    },
    {
      name: 'JSON without format_version',
      text: JSON.stringify({ resource_changes: [] }),
      message: 'plan.json: no format_version: expected the output of terraform show -json PLANFILE',
    },
    {
      name: 'an unsupported major format version',
      text: JSON.stringify(planJson({ format_version: '2.0' })),
      message: 'plan.json: format_version 2.0 is not supported (this tool reads 1.x)',
    },
    {
      name: 'a JSON list',
      text: '[]',
      message: 'plan.json: expected the JSON object of terraform show -json PLANFILE',
    },
    {
      name: 'resource_changes that is not a list',
      text: JSON.stringify(planJson({ resource_changes: {} })),
      message: 'plan.json: resource_changes is not a list',
    },
    {
      name: 'a resource change that is not an object',
      text: JSON.stringify(planJson({ resource_changes: [7] })),
      message: 'plan.json: resource_changes[0] is not an object',
    },
    {
      name: 'a resource change without a change',
      text: JSON.stringify(planJson({ resource_changes: [{ address: 'a.b', type: 'a', name: 'b' }] })),
      message: 'plan.json: resource_changes[0].change is not an object',
    },
    {
      name: 'a child module that is not an object',
      text: JSON.stringify(planJson({ planned_values: { root_module: { child_modules: [3] } } })),
      message: 'plan.json: planned_values.root_module.child_modules[0] is not an object',
    },
  ];
  it.each(refusals)('refuses $name with one line naming the file', ({ text, message }) => {
    expect(() => readTerraformPlan(text, 'plan.json')).toThrowError(message);
    try {
      readTerraformPlan(text, 'plan.json');
    } catch (error) {
      expect((error as Error).name).toBe('InputError');
    }
  });

  it('refuses text that is not JSON with the line and column', () => {
    expect(() => readTerraformPlan('{"format_version": "1.2",\n  oops}', 'plan.json')).toThrowError(
      /^plan\.json: not valid JSON at line 2, column 3/,
    );
  });

  it('treats __proto__ and constructor as ordinary names', () => {
    const text = JSON.stringify(
      planJson({ resource_changes: [change('aws_iam_role.constructor', { name: '__proto__' })] }),
    ).replace(
      '"resource_changes"',
      '"variables":{"__proto__":{"value":"x"},"constructor":{"value":"y"}},"resource_changes"',
    );
    const plan = readTerraformPlan(text, 'plan.json');
    expect(plan.byAddress.get('aws_iam_role.constructor')?.values).toEqual({ name: '__proto__' });
    expect(plan.variables.get('__proto__')).toBe('x');
    expect(plan.variables.get('constructor')).toBe('y');
    expect(({} as Record<string, unknown>).value).toBeUndefined();
  });
});
