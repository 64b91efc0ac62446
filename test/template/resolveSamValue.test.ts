// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Fn::Sub texts use CloudFormation ${…} variables
import { describe, expect, it } from 'vitest';
import { resolveField, resolveText, type SamScope } from '../../shared/template/resolveSamValue.js';
import type { SamValue } from '../../shared/template/types.js';
import { unresolvedMarker } from '../../shared/template/unresolved.js';

function scopeOf(parameters: Record<string, unknown> = {}): SamScope {
  return {
    template: 'T',
    parameters: new Map(Object.entries(parameters)),
    pseudo: new Map([
      ['AWS::Partition', 'aws-cn'],
      ['AWS::Region', 'cn-north-1'],
      ['AWS::AccountId', '123456789012'],
    ]),
    notes: new Set(),
  };
}

describe('resolveText', () => {
  it.each([
    { name: 'plain text', value: 'arn:aws:s3:::b', expected: 'arn:aws:s3:::b' },
    {
      name: 'Fn::Sub text with pseudo parameters',
      value: { 'Fn::Sub': 'arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:*' },
      expected: 'arn:aws-cn:sqs:cn-north-1:123456789012:*',
    },
    {
      name: 'Fn::Sub with a variable map whose value is a Ref to a parameter',
      value: { 'Fn::Sub': ['table/${t}/index/*', { t: { Ref: 'TableName' } }] },
      expected: 'table/Orders/index/*',
    },
    {
      name: 'the ${!Literal} escape as the literal ${Literal}',
      value: { 'Fn::Sub': ['${!Literal}-${t}-${!AWS::Region}', { t: 'x' }] },
      expected: '${Literal}-x-${AWS::Region}',
    },
    { name: 'Ref to a pseudo parameter', value: { Ref: 'AWS::AccountId' }, expected: '123456789012' },
    {
      name: 'Fn::Join of resolved items',
      value: { 'Fn::Join': [':', ['arn', { Ref: 'AWS::Partition' }, { Ref: 'TableName' }]] },
      expected: 'arn:aws-cn:Orders',
    },
  ])('resolves $name', ({ value, expected }) => {
    const scope = scopeOf({ TableName: 'Orders' });
    expect(resolveText(scope, value as SamValue)).toBe(expected);
    expect([...scope.notes]).toEqual([]);
  });

  it.each([
    {
      name: 'a ${Name} that is neither mapped nor a pseudo parameter',
      value: { 'Fn::Sub': 'arn:aws:sns:${AWS::Region}:${AWS::AccountId}:${TopicName}' },
      expected: `arn:aws:sns:cn-north-1:123456789012:${unresolvedMarker('T Fn::Sub variable TopicName')}`,
      note: 'T: Fn::Sub names ${TopicName}, which is not known offline; the statement is conditional on it',
    },
    {
      name: 'a pseudo parameter it does not know',
      value: { 'Fn::Sub': 'https://s3.${AWS::URLSuffix}/b' },
      expected: `https://s3.${unresolvedMarker('T Fn::Sub variable AWS::URLSuffix')}/b`,
      note: 'T: Fn::Sub names ${AWS::URLSuffix}, which is not known offline; the statement is conditional on it',
    },
    {
      name: 'a Ref to something that is not a parameter',
      value: { Ref: 'OrdersTable' },
      expected: unresolvedMarker('T Ref OrdersTable'),
      note: 'T: Ref OrdersTable is neither a parameter nor a known pseudo parameter; the statement is conditional on it',
    },
    {
      name: 'an intrinsic it does not resolve',
      value: { 'Fn::GetAtt': ['Queue', 'Arn'] },
      expected: unresolvedMarker('T Fn::GetAtt'),
      note: 'T: Fn::GetAtt is not resolved offline; the statement is conditional on it',
    },
    {
      name: 'a list where one text is expected',
      value: { 'Fn::Sub': ['${x}', { x: ['a', 'b'] }] },
      expected: unresolvedMarker('T list'),
      note: 'T: a list stands where one text is expected; the statement is conditional on it',
    },
    {
      name: 'a malformed Fn::Sub',
      value: { 'Fn::Sub': [1, 2] },
      expected: unresolvedMarker('T Fn::Sub'),
      note: 'T: an Fn::Sub is not text or [text, map]; the statement is conditional on it',
    },
    {
      name: 'a malformed Fn::Join',
      value: { 'Fn::Join': ['-', { Ref: 'L' }] },
      expected: unresolvedMarker('T Fn::Join'),
      note: 'T: an Fn::Join is not [text, list]; the statement is conditional on it',
    },
  ])('writes $name as an unresolved marker naming it, with a note', ({ value, expected, note }) => {
    const scope = scopeOf();
    expect(resolveText(scope, value as unknown as SamValue)).toBe(expected);
    expect([...scope.notes]).toEqual([note]);
  });

  it('does not resolve a Ref named after an Object.prototype member', () => {
    const scope = scopeOf();
    expect(resolveText(scope, { Ref: 'constructor' })).toBe(unresolvedMarker('T Ref constructor'));
    expect(resolveText(scope, { 'Fn::Sub': '${toString}' })).toBe(unresolvedMarker('T Fn::Sub variable toString'));
  });
});

describe('resolveField', () => {
  it('resolves each item of a list and keeps one text as one text', () => {
    const scope = scopeOf({ B: 'bucket' });
    const item = { 'Fn::Sub': ['arn:${AWS::Partition}:s3:::${b}/*', { b: { Ref: 'B' } }] } as const;
    expect(resolveField(scope, ['*', item])).toEqual(['*', 'arn:aws-cn:s3:::bucket/*']);
    expect(resolveField(scope, item)).toBe('arn:aws-cn:s3:::bucket/*');
  });
});
