import { describe, expect, it } from 'vitest';
import { parseDefinition } from '../../shared/asl/parseDefinition.js';
import { scanJsonText } from '../../shared/asl/scanJsonText.js';
import type { DefinitionIssue } from '../../shared/asl/types.js';

function issuesOf(text: string): DefinitionIssue[] {
  const result = parseDefinition(text);
  return result.ok ? [] : result.issues;
}

const TWO_STATES = `{
  "StartAt": "A",
  "States": {
    "A": {"Type": "Pass", "End": true},
    "A": {"Type": "Succeed"}
  }
}`;

describe('parseDefinition duplicate keys', () => {
  it('reports two states of the same name with both places', () => {
    expect(issuesOf(TWO_STATES)).toEqual([
      {
        message:
          "key 'A' appears twice in the same object (line 4, column 5 and line 5, column 5); JSON keeps only the " +
          'last, and Step Functions rejects duplicate state names',
        path: ['States', 'A'],
      },
    ]);
  });

  it.each([
    {
      name: 'a Parameters field',
      text: '{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage","End":true,"Parameters":{"QueueUrl":"a","QueueUrl":"b"}}}}',
      path: ['States', 'T', 'Parameters', 'QueueUrl'],
    },
    {
      name: 'a state in a Parallel branch',
      text: '{"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[{"StartAt":"x","States":{"x":{"Type":"Succeed"}}},{"StartAt":"y","States":{"y":{"Type":"Succeed"},"y":{"Type":"Succeed"}}}]}}}',
      path: ['States', 'P', 'Branches', '1', 'States', 'y'],
    },
    {
      name: 'a top-level field',
      text: '{"StartAt":"A","StartAt":"A","States":{"A":{"Type":"Succeed"}}}',
      path: ['StartAt'],
    },
    {
      name: 'a key written once plainly and once escaped',
      text: '{"StartAt":"A","States":{"A":{"Type":"Succeed"},"\\u0041":{"Type":"Succeed"}}}',
      path: ['States', 'A'],
    },
    {
      name: 'an object inside an array inside Parameters',
      text: '{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::events:putEvents","End":true,"Parameters":{"Entries":[{"Source":"s"},{"Detail":{},"Source":"a","Source":"b"}]}}}}',
      path: ['States', 'T', 'Parameters', 'Entries', '1', 'Source'],
    },
  ])('reports a duplicate $name at its path', ({ text, path }) => {
    expect(issuesOf(text).map((i) => i.path)).toEqual([path]);
  });

  it('reports every duplicate of a large object once per repeat', () => {
    const names = Array.from({ length: 40 }, (_, i) => `S${i}`);
    const members = [...names, 'S3', 'S30', 'S3'].map((n) => `"${n}":{"Type":"Succeed"}`);
    const text = `{"StartAt":"S0","States":{${members.join(',')}}}`;
    expect(issuesOf(text).map((i) => i.path)).toEqual([
      ['States', 'S3'],
      ['States', 'S30'],
      ['States', 'S3'],
    ]);
  });

  it('does not confuse keys of sibling or nested objects, or string values, with duplicates', () => {
    const text =
      '{"StartAt":"A","Comment":"A","States":{"A":{"Type":"Pass","Result":{"Type":"x","A":{"A":1}},"End":true},"B":{"Type":"Pass","End":true}}}';
    expect(parseDefinition(text).ok).toBe(true);
    expect(scanJsonText('[{"a":1},{"a":2},{"b":{"a":3},"a":4}]', 1_000, true).duplicates).toEqual([]);
  });
});
