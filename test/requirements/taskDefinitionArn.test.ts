import { describe, expect, it } from 'vitest';
import { narrowTaskDefinitionArn, taskDefinitionArn } from '../../shared/requirements/taskDefinitionArn.js';

const HERE = { partition: 'aws', region: 'us-east-1', account: '111122223333' };

describe('taskDefinitionArn', () => {
  it.each([
    {
      name: 'family alone: every revision, as ECS authorises the latest ACTIVE one',
      value: 'report',
      expected: 'arn:aws:ecs:us-east-1:111122223333:task-definition/report:*',
    },
    {
      name: 'family:revision as it is',
      value: 'report:12',
      expected: 'arn:aws:ecs:us-east-1:111122223333:task-definition/report:12',
    },
    {
      name: 'full ARN with revision verbatim',
      value: 'arn:aws:ecs:eu-west-1:444455556666:task-definition/report:3',
      expected: 'arn:aws:ecs:eu-west-1:444455556666:task-definition/report:3',
    },
    {
      name: 'full ARN without revision: every revision',
      value: 'arn:aws:ecs:eu-west-1:444455556666:task-definition/report',
      expected: 'arn:aws:ecs:eu-west-1:444455556666:task-definition/report:*',
    },
    { name: 'an ARN of another resource', value: 'arn:aws:ecs:eu-west-1:444455556666:cluster/x', expected: undefined },
  ])('$name', ({ value, expected }) => {
    expect(taskDefinitionArn(value, HERE)).toBe(expected);
  });
});

describe('narrowTaskDefinitionArn', () => {
  it('narrows a family prefix to family-prefix*', () => {
    expect(narrowTaskDefinitionArn('report-', HERE)).toBe(
      'arn:aws:ecs:us-east-1:111122223333:task-definition/report-*',
    );
  });

  it('refuses an ARN prefix that stops before task-definition/', () => {
    expect(narrowTaskDefinitionArn('arn:aws:ecs:us-east-1:', HERE)).toBeUndefined();
  });
});
