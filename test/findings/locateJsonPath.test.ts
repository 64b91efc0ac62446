import { describe, expect, it } from 'vitest';
import { locateJsonPath } from '../../shared/findings/locateJsonPath.js';

const TEXT = `{
  "StartAt": "Run job",
  "States": {
    "Run job": {
      "Type": "Task",
      "Resource": "arn:aws:states:::ecs:runTask.sync",
      "Next": "Fan out"
    },
    "Fan out": {
      "Type": "Parallel",
      "Branches": [
        {
          "StartAt": "Resize",
          "States": {
              "Resize": { "Type": "Task", "Resource": "arn:aws:lambda:eu-west-1:111122223333:function:resize", "End": true }
          }
        }
      ],
      "End": true
    }
  }
}`;

describe('locateJsonPath', () => {
  it.each([
    { name: 'a top-level state', path: ['States', 'Run job'], line: 4, column: 5 },
    {
      name: 'a state inside a Parallel branch',
      path: ['States', 'Fan out', 'Branches', '0', 'States', 'Resize'],
      line: 15,
      column: 15,
    },
    { name: 'an array element', path: ['States', 'Fan out', 'Branches', '0'], line: 12, column: 9 },
    { name: 'a field of a state', path: ['States', 'Run job', 'Next'], line: 7, column: 7 },
    { name: 'the root', path: [], line: 1, column: 1 },
  ])('points at the key of $name', ({ path, line, column }) => {
    expect(locateJsonPath(TEXT, path)).toEqual({ line, column });
  });

  it('returns undefined for a path that does not exist', () => {
    expect(locateJsonPath(TEXT, ['States', 'Nope'])).toBeUndefined();
  });
});
