import { describe, expect, it } from 'vitest';
import { resolvePlanReferences } from '../../../shared/template/terraform/resolvePlanReferences.js';
import { change, readFixturePlan, readPlan } from './planBuilder.js';

const PLAN = readPlan({
  resource_changes: [
    change('aws_iam_role.single', { name: 'single' }),
    change('aws_iam_role.each["a"]', { name: 'a' }, {}, { index: 'a' }),
    change('aws_iam_role.each["b"]', { name: 'b' }, {}, { index: 'b' }),
    change('aws_iam_role.counted[0]', { name: 'c0' }, {}, { index: 0 }),
    change('aws_iam_role.counted[1]', { name: 'c1' }, {}, { index: 1 }),
    change('module.m.aws_iam_role.inner', { name: 'inner' }),
  ],
  prior_state: {
    values: {
      root_module: {
        resources: [
          {
            address: 'data.aws_iam_policy_document.p',
            mode: 'data',
            type: 'aws_iam_policy_document',
            name: 'p',
            values: {},
          },
        ],
      },
    },
  },
});

describe('resolvePlanReferences', () => {
  const cases: {
    name: string;
    scope: { moduleAddress: string; index?: string | number };
    references: string[];
    want: string[];
  }[] = [
    {
      name: 'a resource of the same module',
      scope: { moduleAddress: '' },
      references: ['aws_iam_role.single.arn', 'aws_iam_role.single'],
      want: ['aws_iam_role.single'],
    },
    {
      name: 'a data source',
      scope: { moduleAddress: '' },
      references: ['data.aws_iam_policy_document.p.json'],
      want: ['data.aws_iam_policy_document.p'],
    },
    {
      name: 'a literal for_each key',
      scope: { moduleAddress: '' },
      references: ['aws_iam_role.each["b"].arn', 'aws_iam_role.each["b"]', 'aws_iam_role.each'],
      want: ['aws_iam_role.each["b"]'],
    },
    {
      name: 'a literal count index',
      scope: { moduleAddress: '' },
      references: ['aws_iam_role.counted[1].arn', 'aws_iam_role.counted'],
      want: ['aws_iam_role.counted[1]'],
    },
    {
      name: 'each.key: the instance with the scope key',
      scope: { moduleAddress: '', index: 'a' },
      references: ['aws_iam_role.each', 'each.key'],
      want: ['aws_iam_role.each["a"]'],
    },
    {
      name: 'count.index: the instance with the scope index',
      scope: { moduleAddress: '', index: 0 },
      references: ['aws_iam_role.counted', 'count.index'],
      want: ['aws_iam_role.counted[0]'],
    },
    {
      name: 'no key and no scope key: every instance (the caller sees it is ambiguous)',
      scope: { moduleAddress: '' },
      references: ['aws_iam_role.each'],
      want: ['aws_iam_role.each["a"]', 'aws_iam_role.each["b"]'],
    },
    {
      name: 'a resource of another module is not in scope',
      scope: { moduleAddress: '' },
      references: ['aws_iam_role.inner.arn'],
      want: [],
    },
    {
      name: 'local values are not in the plan: nothing',
      scope: { moduleAddress: '' },
      references: ['local.role_arn'],
      want: [],
    },
    {
      name: 'a root variable holds a value, not a resource',
      scope: { moduleAddress: '' },
      references: ['var.role_arn'],
      want: [],
    },
  ];
  it.each(cases)('$name', ({ scope, references, want }) => {
    expect(resolvePlanReferences(PLAN, scope, references).map((r) => r.address)).toEqual(want);
  });

  it('follows a module argument up to the caller and a module output down into the other module', () => {
    const plan = readFixturePlan('module.plan.json');
    const found = resolvePlanReferences(plan, { moduleAddress: 'module.orders' }, ['var.role_arn']);
    expect(found.map((r) => r.address)).toEqual(['module.iam.aws_iam_role.this']);
  });

  it('stops on arguments that lead back to themselves', () => {
    const plan = readPlan({
      resource_changes: [change('module.a.aws_iam_role.r', { name: 'r' })],
      configuration: {
        root_module: {
          module_calls: {
            a: {
              expressions: { x: { references: ['module.a.y', 'module.a'] } },
              module: { outputs: { y: { expression: { references: ['var.x'] } } }, resources: [] },
            },
          },
        },
      },
    });
    expect(resolvePlanReferences(plan, { moduleAddress: 'module.a' }, ['var.x'])).toEqual([]);
  });
});
