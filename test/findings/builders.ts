import type { Decision, DecisionValue, Purpose, Requirement } from '../../shared/types.js';

export const SM_ARN = 'arn:aws:states:eu-west-1:111122223333:stateMachine:orders';

/** A requirement of a state under `States` (or state-machine-wide when `state` is null). */
export function requirement(overrides: Partial<Requirement> & { purpose: Purpose }): Requirement {
  return {
    state: { name: 'Run job', path: ['States', 'Run job'] },
    integration: 'arn:aws:states:::ecs:runTask.sync',
    actions: ['ecs:RunTask'],
    resources: ['arn:aws:ecs:eu-west-1:111122223333:task-definition/job:1'],
    dynamic: false,
    consequence: 'the task fails with AccessDenied when it calls ecs:RunTask',
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-ecs.html',
    ...overrides,
  };
}

/** One decision per action × resource of a requirement, all with the same value. */
export function decide(r: Requirement, decision: DecisionValue, extra: Partial<Decision> = {}): Decision[] {
  return r.actions.flatMap((action) => r.resources.map((resource) => ({ action, resource, decision, ...extra })));
}
