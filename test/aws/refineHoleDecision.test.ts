import { describe, expect, it } from 'vitest';
import { hasHoles, patternCovers } from '../../shared/aws/refineHoleDecision.js';

describe('patternCovers', () => {
  it.each([
    { name: 'the same pattern', outer: 'task-definition/app:*', inner: 'task-definition/app:*', covers: true },
    { name: 'a wider pattern', outer: 'task-definition/*', inner: 'task-definition/app:*', covers: true },
    { name: '* over anything', outer: '*', inner: 'secret:db-??????', covers: true },
    { name: '* over ??????', outer: 'secret:db-*', inner: 'secret:db-??????', covers: true },
    {
      name: 'one revision under a family',
      outer: 'task-definition/app:7',
      inner: 'task-definition/app:*',
      covers: false,
    },
    { name: '? under *', outer: 'task-definition/app:?', inner: 'task-definition/app:*', covers: false },
    { name: 'a literal under ?', outer: 'job/etl', inner: 'job/?tl', covers: false },
    { name: 'another family', outer: 'task-definition/other:*', inner: 'task-definition/app:*', covers: false },
  ])('is $covers for $name', ({ outer, inner, covers }) => {
    expect(patternCovers(outer, inner)).toBe(covers);
  });
});

describe('hasHoles', () => {
  it.each([
    { resource: '*', holes: false },
    { resource: 'arn:aws:glue:eu-west-1:111122223333:job/etl', holes: false },
    { resource: 'arn:aws:glue:eu-west-1:111122223333:job/*', holes: true },
    { resource: 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:db-??????', holes: true },
  ])('is $holes for $resource', ({ resource, holes }) => {
    expect(hasHoles(resource)).toBe(holes);
  });
});
