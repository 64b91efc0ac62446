// biome-ignore-all lint/suspicious/noTemplateCurlyInString: DefinitionSubstitutions placeholders are ${…} text
import { describe, expect, it } from 'vitest';
import { applySubstitutions } from '../../shared/asl/applySubstitutions.js';

const LAMBDA = 'arn:aws:lambda:us-east-1:111122223333:function:orders';

describe('applySubstitutions', () => {
  it.each([
    {
      name: 'a whole Resource',
      text: '{"Resource": "${OrdersFunctionArn}"}',
      substitutions: { OrdersFunctionArn: LAMBDA },
      expected: `{"Resource": "${LAMBDA}"}`,
    },
    {
      name: 'several keys',
      text: '"${Table}" "${Topic}"',
      substitutions: { Table: 'orders', Topic: 'arn:aws:sns:us-east-1:111122223333:done' },
      expected: '"orders" "arn:aws:sns:us-east-1:111122223333:done"',
    },
    {
      name: 'a key repeated',
      text: '${Stage}-a ${Stage}-b ${Stage}',
      substitutions: { Stage: 'prod' },
      expected: 'prod-a prod-b prod',
    },
    {
      name: 'part of a string',
      text: '"TableName": "orders-${Stage}"',
      substitutions: { Stage: 'prod' },
      expected: '"TableName": "orders-prod"',
    },
    {
      name: 'an unknown key, left as it is',
      text: '"${Known}" "${Unknown}"',
      substitutions: { Known: 'k' },
      expected: '"k" "${Unknown}"',
    },
    {
      name: 'an empty value',
      text: '"orders${Suffix}"',
      substitutions: { Suffix: '' },
      expected: '"orders"',
    },
    {
      name: 'a value with a quote, inserted raw (not JSON-escaped)',
      text: '{"Comment": "${Note}"}',
      substitutions: { Note: 'say "hi"' },
      expected: '{"Comment": "say "hi""}',
    },
    {
      name: 'a value with $ and backslashes, inserted literally (no regex replacement patterns)',
      text: '"${Pattern}"',
      substitutions: { Pattern: "$& $1 $$ \\d $'" },
      expected: '"$& $1 $$ \\d $\'"',
    },
    {
      name: 'an unquoted number, outside JSON strings',
      text: '"TimeoutSeconds": ${Timeout}',
      substitutions: { Timeout: '60' },
      expected: '"TimeoutSeconds": 60',
    },
    {
      name: 'a state name (keys are text too)',
      text: '"StartAt": "${First}", "States": {"${First}": {}}',
      substitutions: { First: 'Validate' },
      expected: '"StartAt": "Validate", "States": {"Validate": {}}',
    },
    {
      name: '$ not followed by {, and JSONPath, left alone',
      text: '"Payload.$": "$.order", "Cost": "$Stage", "x": "${Stage}"',
      substitutions: { Stage: 'prod' },
      expected: '"Payload.$": "$.order", "Cost": "$Stage", "x": "prod"',
    },
    {
      name: 'a Fn::Sub-style ${!Literal}, which is not an escape here',
      text: '"${!Stage}" "${Stage}"',
      substitutions: { Stage: 'prod' },
      expected: '"${!Stage}" "prod"',
    },
    {
      name: 'a key with characters Fn::Sub would not allow, matched literally',
      text: '"${AWS::Region}" "${a,b}" "${my key}"',
      substitutions: { 'AWS::Region': 'eu-west-1', 'a,b': 'ab', 'my key': 'k' },
      expected: '"eu-west-1" "ab" "k"',
    },
    {
      name: 'a key whose case differs, which does not match',
      text: '"${stage}"',
      substitutions: { Stage: 'prod' },
      expected: '"${stage}"',
    },
    {
      name: 'nested braces: a key ends at the first }',
      text: '"${a{b}c}"',
      substitutions: { 'a{b': 'X' },
      expected: '"Xc}"',
    },
    {
      name: 'a placeholder inside a placeholder: the inner one, then the one it forms on the next pass',
      text: '"${Outer${Inner}}"',
      substitutions: { Inner: 'I', OuterI: 'O' },
      expected: '"O"',
    },
    {
      name: 'a value naming another key, substituted on the next pass',
      text: '"${FunctionArn}"',
      substitutions: { FunctionArn: 'arn:aws:lambda:${Region}:111122223333:function:orders', Region: 'us-east-1' },
      expected: `"${LAMBDA}"`,
    },
    {
      name: 'a chain as deep as the number of keys',
      text: '${A}',
      substitutions: { A: '${B}', B: '${C}', C: 'done' },
      expected: 'done',
    },
    {
      name: 'a text without placeholders',
      text: '{"StartAt": "A"}',
      substitutions: { A: 'B' },
      expected: '{"StartAt": "A"}',
    },
    {
      name: 'no substitutions',
      text: '"${A}"',
      substitutions: {},
      expected: '"${A}"',
    },
    { name: 'an empty text', text: '', substitutions: { A: 'B' }, expected: '' },
  ])('substitutes $name', ({ text, substitutions, expected }) => {
    expect(applySubstitutions(text, new Map(Object.entries(substitutions)))).toEqual({ ok: true, text: expected });
  });

  it('replaces the leftmost match, trying keys in map order where two start at the same ${', () => {
    const substitutions = new Map([
      ['a', 'FIRST'],
      ['a}b', 'SECOND'],
    ]);
    expect(applySubstitutions('${a}b}', substitutions)).toEqual({ ok: true, text: 'FIRSTb}' });
    expect(applySubstitutions('${a}b}', new Map([...substitutions].reverse()))).toEqual({ ok: true, text: 'SECOND' });
  });

  it.each([
    { name: 'a key that substitutes itself', substitutions: { A: '${A}' } },
    { name: 'two keys that substitute each other', substitutions: { A: '${B}', B: '${A}' } },
    { name: 'a key that grows without end', substitutions: { A: 'x${A}' } },
  ])('fails for $name', ({ substitutions }) => {
    const result = applySubstitutions('"${A}"', new Map(Object.entries(substitutions)));
    expect(result).toEqual({ ok: false, reason: expect.stringContaining('never stop expanding') });
  });

  it('does not fail for a value that only looks like its key once the text no longer has it', () => {
    expect(applySubstitutions('"plain"', new Map([['A', '${A}']]))).toEqual({ ok: true, text: '"plain"' });
  });
});
