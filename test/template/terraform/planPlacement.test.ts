import { describe, expect, it } from 'vitest';
import { planPlacement } from '../../../shared/template/terraform/planPlacement.js';
import { change, configured, readFixturePlan, readPlan } from './planBuilder.js';

const MACHINE = 'aws_sfn_state_machine.m';

function placementOf(parts: Record<string, unknown>, flags = {}) {
  const plan = readPlan({
    ...parts,
    resource_changes: [change(MACHINE, { name: 'm' }), ...((parts.resource_changes as unknown[]) ?? [])],
  });
  const machine = plan.byAddress.get(MACHINE);
  if (machine === undefined) throw new Error('no state machine');
  return planPlacement(plan, machine, flags);
}

const dataSource = (type: string, values: Record<string, unknown>) => ({
  address: `data.${type}.current`,
  mode: 'data',
  type,
  name: 'current',
  values,
});

describe('planPlacement', () => {
  const cases: {
    name: string;
    parts: Record<string, unknown>;
    flags?: Record<string, string>;
    want: Record<string, unknown>;
  }[] = [
    {
      name: 'the provider region and a single allowed account',
      parts: {
        configuration: {
          provider_config: {
            aws: {
              name: 'aws',
              expressions: {
                region: { constant_value: 'eu-west-1' },
                allowed_account_ids: { constant_value: ['444455556666'] },
              },
            },
          },
          root_module: { resources: [configured(MACHINE, {})] },
        },
      },
      want: {
        partition: 'aws',
        region: 'eu-west-1',
        account: '444455556666',
        from: { partition: 'unknown', region: 'provider', account: 'provider' },
      },
    },
    {
      name: 'a root variable the provider region references',
      parts: {
        variables: { region: { value: 'ap-southeast-2' } },
        configuration: {
          provider_config: { aws: { name: 'aws', expressions: { region: { references: ['var.region'] } } } },
        },
      },
      want: { region: 'ap-southeast-2', account: '*', from: { region: 'provider', account: 'unknown' } },
    },
    {
      name: 'the aws_region, aws_caller_identity and aws_partition data sources',
      parts: {
        prior_state: {
          values: {
            root_module: {
              resources: [
                dataSource('aws_region', { name: 'eu-central-1' }),
                dataSource('aws_caller_identity', { account_id: '777788889999' }),
                dataSource('aws_partition', { partition: 'aws-us-gov' }),
              ],
            },
          },
        },
      },
      want: {
        partition: 'aws-us-gov',
        region: 'eu-central-1',
        account: '777788889999',
        from: { partition: 'data source', region: 'data source', account: 'data source' },
      },
    },
    {
      name: 'the most frequent Region and account of the ARNs in the plan',
      parts: {
        resource_changes: [
          change('aws_lambda_function.a', { arn: 'arn:aws:lambda:us-west-2:111122223333:function:a' }),
          change('aws_lambda_function.b', { arn: 'arn:aws:lambda:us-west-2:111122223333:function:b' }),
          change('aws_lambda_function.c', { arn: 'arn:aws:lambda:eu-west-1:999988887777:function:c' }),
          change('aws_iam_role.r', { arn: 'arn:aws:iam::111122223333:role/r' }),
        ],
      },
      want: {
        partition: 'aws',
        region: 'us-west-2',
        account: '111122223333',
        from: { partition: 'plan ARNs', region: 'plan ARNs', account: 'plan ARNs' },
      },
    },
    {
      name: '--region, --account and --partition before anything the plan says',
      parts: {
        configuration: {
          provider_config: { aws: { name: 'aws', expressions: { region: { constant_value: 'eu-west-1' } } } },
        },
      },
      flags: { region: 'us-east-2', account: '123456789012', partition: 'aws-cn' },
      want: {
        partition: 'aws-cn',
        region: 'us-east-2',
        account: '123456789012',
        from: { partition: 'flag', region: 'flag', account: 'flag' },
      },
    },
    {
      name: 'nothing: unknown Region and account, the aws partition',
      parts: {},
      want: {
        partition: 'aws',
        region: '*',
        account: '*',
        from: { partition: 'unknown', region: 'unknown', account: 'unknown' },
      },
    },
  ];
  it.each(cases)('takes $name', ({ parts, flags, want }) => {
    expect(placementOf(parts, flags)).toMatchObject(want);
  });

  it('reads a module state machine through the root provider it inherits', () => {
    const plan = readFixturePlan('module.plan.json');
    const machine = plan.byAddress.get('module.orders.aws_sfn_state_machine.main');
    if (machine === undefined) throw new Error('no state machine');
    expect(planPlacement(plan, machine, {})).toMatchObject({
      region: 'us-east-1',
      account: '111122223333',
      from: { region: 'provider' },
    });
  });
});
