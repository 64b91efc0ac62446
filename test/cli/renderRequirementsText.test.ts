import { describe, expect, it } from 'vitest';
import { renderRequirementsText } from '../../cli/renderRequirementsText.js';
import type { Requirement } from '../../shared/types.js';

function requirement(overrides: Partial<Requirement>): Requirement {
  return {
    state: { name: 'Run', path: ['States', 'Run'] },
    integration: 'arn:aws:states:::ecs:runTask.sync',
    purpose: 'invoke',
    actions: ['ecs:RunTask'],
    resources: ['arn:aws:ecs:us-east-1:111122223333:task-definition/app:1'],
    dynamic: false,
    consequence: 'the task fails',
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-ecs.html',
    ...overrides,
  };
}

describe('renderRequirementsText', () => {
  it.each([
    {
      name: 'a requirement of an assumed role',
      overrides: { assumedRoleArn: 'arn:aws:iam::444455556666:role/x' },
      note: 'needed by arn:aws:iam::444455556666:role/x, not checked',
    },
    { name: 'an inferred requirement', overrides: { inferred: true }, note: 'inferred: not documented by AWS' },
    {
      name: 'an unknown integration',
      overrides: { unknownIntegration: true, actions: [], resources: [] },
      note: 'unknown integration: not checked',
    },
    {
      name: 'an events requirement',
      overrides: { purpose: 'events' as const, managedRule: 'StepFunctionsGetEventsForECSTaskRule' },
      note: 'managed rule StepFunctionsGetEventsForECSTaskRule',
    },
  ])('notes $name on its first line', ({ overrides, note }) => {
    const lines = renderRequirementsText([requirement(overrides)]).split('\n');
    expect(lines[0]).toBe('Run');
    expect(lines[2]?.endsWith(note)).toBe(true);
  });

  it('puts state-machine-wide requirements under their own heading and counts states', () => {
    const text = renderRequirementsText([
      requirement({}),
      requirement({
        state: null,
        integration: 'logging-configuration',
        purpose: 'logging',
        actions: ['logs:CreateLogDelivery'],
        resources: ['*'],
      }),
    ]);
    expect(text).toContain('State machine (logging, tracing, encryption)\n  logging-configuration\n');
    expect(text.trimEnd().split('\n').at(-1)).toBe('2 requirement(s) across 1 state(s).');
  });

  it('says when nothing is needed', () => {
    expect(renderRequirementsText([])).toBe('The definition needs no permissions.\n');
  });
});
