// biome-ignore-all lint/suspicious/noTemplateCurlyInString: CloudFormation Fn::Sub texts and DefinitionSubstitutions placeholders
import { describe, expect, it } from 'vitest';
import { parseTemplateText } from '../../shared/template/parseTemplateText.js';

/** The value of `Value:` in a one-line YAML template. */
function valueIn(yaml: string): unknown {
  const parsed = parseTemplateText(`Value: ${yaml}\n`, 'template.yaml');
  return (parsed.value as Record<string, unknown>).Value;
}

describe('parseTemplateText', () => {
  it.each<{ name: string; yaml: string; value: unknown }>([
    { name: '!Ref', yaml: '!Ref Orders', value: { Ref: 'Orders' } },
    { name: '!GetAtt scalar', yaml: '!GetAtt Orders.Arn', value: { 'Fn::GetAtt': ['Orders', 'Arn'] } },
    {
      name: '!GetAtt scalar with a dotted attribute (the id ends at the first dot)',
      yaml: '!GetAtt Db.Endpoint.Address',
      value: { 'Fn::GetAtt': ['Db', 'Endpoint.Address'] },
    },
    { name: '!GetAtt sequence', yaml: '!GetAtt [Orders, Arn]', value: { 'Fn::GetAtt': ['Orders', 'Arn'] } },
    { name: '!Sub scalar', yaml: '!Sub "${AWS::StackName}-x"', value: { 'Fn::Sub': '${AWS::StackName}-x' } },
    {
      name: '!Sub sequence with a variable map',
      yaml: '!Sub ["${A}-x", {A: !Ref B}]',
      value: { 'Fn::Sub': ['${A}-x', { A: { Ref: 'B' } }] },
    },
    { name: '!Join', yaml: "!Join [':', [a, b]]", value: { 'Fn::Join': [':', ['a', 'b']] } },
    { name: '!Select', yaml: '!Select [0, !GetAZs ""]', value: { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] } },
    { name: '!Split', yaml: '!Split [",", "a,b"]', value: { 'Fn::Split': [',', 'a,b'] } },
    { name: '!If', yaml: '!If [IsProd, a, b]', value: { 'Fn::If': ['IsProd', 'a', 'b'] } },
    { name: '!Equals', yaml: '!Equals [!Ref Env, prod]', value: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] } },
    {
      name: '!And',
      yaml: '!And [!Condition A, !Condition B]',
      value: { 'Fn::And': [{ Condition: 'A' }, { Condition: 'B' }] },
    },
    {
      name: '!Or',
      yaml: '!Or [!Condition A, !Condition B]',
      value: { 'Fn::Or': [{ Condition: 'A' }, { Condition: 'B' }] },
    },
    { name: '!Not', yaml: '!Not [!Condition A]', value: { 'Fn::Not': [{ Condition: 'A' }] } },
    { name: '!Condition', yaml: '!Condition A', value: { Condition: 'A' } },
    { name: '!FindInMap', yaml: '!FindInMap [M, a, b]', value: { 'Fn::FindInMap': ['M', 'a', 'b'] } },
    { name: '!ImportValue', yaml: '!ImportValue shared-bucket', value: { 'Fn::ImportValue': 'shared-bucket' } },
    { name: '!GetAZs', yaml: '!GetAZs eu-west-1', value: { 'Fn::GetAZs': 'eu-west-1' } },
    { name: '!Base64', yaml: '!Base64 hello', value: { 'Fn::Base64': 'hello' } },
    { name: '!Cidr', yaml: '!Cidr [10.0.0.0/16, 2, 8]', value: { 'Fn::Cidr': ['10.0.0.0/16', 2, 8] } },
    {
      name: '!Transform',
      yaml: '!Transform {Name: AWS::Include, Parameters: {Location: s3://b/k}}',
      value: { 'Fn::Transform': { Name: 'AWS::Include', Parameters: { Location: 's3://b/k' } } },
    },
    { name: '!ToJsonString', yaml: '!ToJsonString {a: 1}', value: { 'Fn::ToJsonString': { a: 1 } } },
    { name: '!Length', yaml: '!Length [a, b]', value: { 'Fn::Length': ['a', 'b'] } },
    {
      name: 'nested tags',
      yaml: '!Sub ["arn:${P}:x", {P: !Select [1, !Split ["-", !Ref AWS::Region]]}]',
      value: {
        'Fn::Sub': ['arn:${P}:x', { P: { 'Fn::Select': [1, { 'Fn::Split': ['-', { Ref: 'AWS::Region' }] }] } }],
      },
    },
  ])('turns $name into its long form', ({ yaml, value }) => {
    expect(valueIn(yaml)).toEqual(value);
  });

  it.each<{ name: string; yaml: string; value: unknown }>([
    { name: 'an account id keeps its leading zero', yaml: '012345678901', value: '012345678901' },
    { name: 'an octal-looking number keeps its text', yaml: '0755', value: '0755' },
    { name: 'an exponent keeps its text', yaml: '1e3', value: '1e3' },
    { name: 'a number that prints back as written stays a number', yaml: '60', value: 60 },
    { name: 'a date stays text (YAML 1.2 core schema)', yaml: '2010-09-09', value: '2010-09-09' },
    { name: '"yes" stays text', yaml: 'yes', value: 'yes' },
    { name: 'true is a boolean', yaml: 'true', value: true },
    { name: 'a quoted number stays text', yaml: '"60"', value: '60' },
  ])('reads scalars as CloudFormation does: $name', ({ yaml, value }) => {
    expect(valueIn(yaml)).toEqual(value);
  });

  it('keeps __proto__ and constructor as ordinary keys', () => {
    const value = valueIn('{__proto__: {polluted: true}, constructor: 1}') as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('expands aliases', () => {
    const parsed = parseTemplateText('A: &a {x: 1}\nB: *a\n', 't.yaml');
    expect(parsed.value).toEqual({ A: { x: 1 }, B: { x: 1 } });
  });

  it('reads a JSON-style flow map whose closing brace sits under its key, as PyYAML (SAM, cfn-lint) does', () => {
    const text = [
      'Resources:',
      '  Key:',
      '    Type: AWS::KMS::Key',
      '    Properties:',
      '      KeyPolicy: {',
      '        "Statement": [',
      '          {"Effect": "Allow", "Action": "kms:*", "Resource": "*"}',
      '        ]',
      '    }',
      '  Other:',
      '    Type: AWS::SQS::Queue',
      '',
    ].join('\n');
    const parsed = parseTemplateText(text, 't.yaml');
    expect(parsed.value).toEqual({
      Resources: {
        Key: {
          Type: 'AWS::KMS::Key',
          Properties: { KeyPolicy: { Statement: [{ Effect: 'Allow', Action: 'kms:*', Resource: '*' }] } },
        },
        Other: { Type: 'AWS::SQS::Queue' },
      },
    });
    expect(parsed.positionOf(['Resources', 'Other'])).toEqual({ line: 10, column: 3 });
  });

  it('leaves flow collections, quoted braces and block scalars alone when relaxing indentation', () => {
    const text = [
      'A: |',
      '  {not: a flow',
      'B: "{quoted"',
      'C: arn:${AWS::Region}:x',
      'D: [1,',
      '  2]',
      'E: {a: [1,',
      ' 2]',
      '}',
      '',
    ].join('\n');
    expect(parseTemplateText(text, 't.yaml').value).toEqual({
      A: '{not: a flow\n',
      B: '{quoted',
      C: 'arn:${AWS::Region}:x',
      D: [1, 2],
      E: { a: [1, 2] },
    });
  });

  it('reads JSON templates, a byte order mark included', () => {
    const parsed = parseTemplateText('\uFEFF{"Resources": {"Q": {"Type": "AWS::SQS::Queue"}}}', 't.json');
    expect(parsed.format).toBe('json');
    expect(parsed.value).toEqual({ Resources: { Q: { Type: 'AWS::SQS::Queue' } } });
  });

  it.each<{ name: string; text: string; path: (string | number)[]; at: { line: number; column: number } | undefined }>([
    {
      name: 'a YAML key',
      text: 'A:\n  B:\n    - x\n    - C: 1\n',
      path: ['A', 'B', 1, 'C'],
      at: { line: 4, column: 7 },
    },
    { name: 'a YAML sequence item', text: 'A:\n  - x\n  - y\n', path: ['A', 1], at: { line: 3, column: 5 } },
    {
      name: 'a key inside a tagged map',
      text: 'A: !Sub\n  - x\n  - V: 1\n',
      path: ['A', 1, 'V'],
      at: { line: 3, column: 5 },
    },
    { name: 'a JSON key', text: '{\n  "A": {\n    "B": 1\n  }\n}', path: ['A', 'B'], at: { line: 3, column: 5 } },
    { name: 'a path the template lacks', text: 'A: 1\n', path: ['B'], at: undefined },
  ])('locates $name', ({ text, path, at }) => {
    expect(parseTemplateText(text, 't').positionOf(path)).toEqual(at);
  });

  it.each<{ name: string; text: string; message: string }>([
    {
      name: 'a YAML syntax error, with its line and column',
      text: 'Resources:\n  A: [1,\nB: 2\n',
      message: 'bad.yaml: not valid YAML at line 3, column 1',
    },
    {
      name: 'a duplicate key',
      text: 'A: 1\nA: 2\n',
      message: 'bad.yaml: not valid YAML at line 2, column 1: Map keys must be unique',
    },
    {
      name: 'an unknown tag',
      text: 'A: !Reff X\n',
      message: 'bad.yaml: not a valid template at line 1, column 4: unknown tag !Reff',
    },
    { name: 'an alias that contains itself', text: 'A: &a [*a]\n', message: 'alias *a contains itself' },
    {
      name: 'nesting deeper than the parser takes',
      text: `A: ${'['.repeat(5000)}${']'.repeat(5000)}\n`,
      message: 'nested too deeply',
    },
    {
      name: 'two tags on one value, with the long-form hint',
      text: 'A: !GetAZs !Ref AWS::Region\n',
      message:
        'a value has two tags (CloudFormation: write the inner function in long form, e.g. !GetAZs {Ref: AWS::Region})',
    },
    {
      name: 'a flow map that stays broken once re-indented, with the first error',
      text: 'A: {\n  b: 1\nC: 2\n',
      message: 'bad.yaml: not valid YAML at line 3',
    },
    { name: 'a JSON syntax error', text: '{"A": 1,, }', message: 'bad.yaml: not valid JSON at line 1, column 9' },
    { name: 'an empty file', text: '  \n', message: 'bad.yaml: the file is empty' },
  ])('refuses $name with an InputError', ({ text, message }) => {
    expect(() => parseTemplateText(text, 'bad.yaml')).toThrow(
      expect.objectContaining({ name: 'InputError', message: expect.stringContaining(message) }),
    );
  });
});
