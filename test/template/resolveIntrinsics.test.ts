// biome-ignore-all lint/suspicious/noTemplateCurlyInString: CloudFormation Fn::Sub texts and DefinitionSubstitutions placeholders
import { describe, expect, it } from 'vitest';
import { unresolvedMarker } from '../../shared/template/unresolved.js';
import { templateModelOf } from './templateModelOf.js';

const TEMPLATE = `
Parameters:
  Env: {Type: String, Default: dev, AllowedValues: [dev, prod]}
  Secret: {Type: String, NoEcho: true, Default: s3cr3t}
  Team: {Type: String}
  Retries: {Type: Number, Default: 3}
  Subnets: {Type: CommaDelimitedList, Default: "subnet-a,subnet-b"}
  Ids: {Type: "List<AWS::EC2::Subnet::Id>", Default: "subnet-1,subnet-2"}
  Image: {Type: "AWS::SSM::Parameter::Value<String>", Default: /images/latest}
Mappings:
  Sizes:
    dev: {Memory: 512, Name: small}
    prod: {Memory: 2048, Name: large}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  IsDev: !Not [!Condition IsProd]
  HasTeam: !Not [!Equals [!Ref Team, ""]]
  ProdWithTeam: !And [!Condition IsProd, !Condition HasTeam]
  DevOrTeam: !Or [!Condition IsDev, !Condition HasTeam]
  Loop: !Condition Loop
Resources:
  Orders:
    Type: AWS::DynamoDB::Table
    Properties: {TableName: !Sub "\${AWS::StackName}-\${Env}-orders"}
  Fn:
    Type: AWS::Lambda::Function
  ProdOnly:
    Type: AWS::SNS::Topic
    Condition: IsProd
  Widget:
    Type: Custom::Widget
`;

describe('TemplateModel.resolve', () => {
  const model = templateModelOf(TEMPLATE);
  const marker = unresolvedMarker;

  it.each<{ name: string; value: unknown; expected: unknown }>([
    { name: 'Ref of a parameter with a Default', value: { Ref: 'Env' }, expected: 'dev' },
    { name: 'Ref of a NoEcho parameter', value: { Ref: 'Secret' }, expected: 's3cr3t' },
    { name: 'Ref of a Number parameter (text)', value: { Ref: 'Retries' }, expected: '3' },
    { name: 'Ref of a CommaDelimitedList', value: { Ref: 'Subnets' }, expected: ['subnet-a', 'subnet-b'] },
    { name: 'Ref of a List<> parameter', value: { Ref: 'Ids' }, expected: ['subnet-1', 'subnet-2'] },
    { name: 'Ref of a parameter without a value', value: { Ref: 'Team' }, expected: marker('Parameter Team') },
    { name: 'Ref of an SSM parameter type', value: { Ref: 'Image' }, expected: marker('Parameter Image') },
    { name: 'AWS::Region', value: { Ref: 'AWS::Region' }, expected: 'eu-west-1' },
    { name: 'AWS::AccountId', value: { Ref: 'AWS::AccountId' }, expected: '111122223333' },
    { name: 'AWS::Partition', value: { Ref: 'AWS::Partition' }, expected: 'aws' },
    { name: 'AWS::StackName', value: { Ref: 'AWS::StackName' }, expected: 'shop' },
    { name: 'AWS::URLSuffix', value: { Ref: 'AWS::URLSuffix' }, expected: 'amazonaws.com' },
    {
      name: 'AWS::StackId (a deterministic stand-in id)',
      value: { Ref: 'AWS::StackId' },
      expected: expect.stringMatching(/^arn:aws:cloudformation:eu-west-1:111122223333:stack\/shop\/[0-9a-f-]{36}$/),
    },
    {
      name: 'AWS::NotificationARNs',
      value: { Ref: 'AWS::NotificationARNs' },
      expected: marker('AWS::NotificationARNs'),
    },
    { name: 'AWS::NoValue removes a property', value: { A: 1, B: { Ref: 'AWS::NoValue' } }, expected: { A: 1 } },
    { name: 'AWS::NoValue removes a list item', value: ['a', { Ref: 'AWS::NoValue' }], expected: ['a'] },
    { name: 'Ref of a resource', value: { Ref: 'Orders' }, expected: 'shop-dev-orders' },
    {
      name: 'Fn::GetAtt of a resource',
      value: { 'Fn::GetAtt': ['Orders', 'Arn'] },
      expected: 'arn:aws:dynamodb:eu-west-1:111122223333:table/shop-dev-orders',
    },
    {
      name: 'Fn::GetAtt with the attribute from a Ref',
      value: { 'Fn::GetAtt': ['Orders', { Ref: 'AttributeName' }] },
      expected: marker('Fn::GetAtt'),
    },
    {
      name: 'Ref of a resource whose Condition is false',
      value: { Ref: 'ProdOnly' },
      expected: marker('Ref ProdOnly'),
    },
    { name: 'Ref of nothing', value: { Ref: 'Nowhere' }, expected: marker('Ref Nowhere') },
    { name: 'Ref of an unknown resource type', value: { Ref: 'Widget' }, expected: marker('Ref Widget') },
    { name: 'an unknown attribute', value: { 'Fn::GetAtt': ['Fn', 'Nope'] }, expected: marker('Fn::GetAtt Fn.Nope') },
    {
      name: 'Fn::Sub with pseudo parameters, a resource, an attribute and an escape',
      value: { 'Fn::Sub': 'arn:${AWS::Partition}:x:${AWS::Region}:${Orders}:${Orders.Arn}:${!Literal}' },
      expected:
        'arn:aws:x:eu-west-1:shop-dev-orders:arn:aws:dynamodb:eu-west-1:111122223333:table/shop-dev-orders:${Literal}',
    },
    {
      name: 'Fn::Sub with a variable map (the map wins over a parameter)',
      value: {
        'Fn::Sub': ['${Env}-${Size}', { Env: 'override', Size: { 'Fn::FindInMap': ['Sizes', 'prod', 'Name'] } }],
      },
      expected: 'override-large',
    },
    {
      name: 'Fn::Sub keeps what it knows around what it does not',
      value: { 'Fn::Sub': 'team-${Team}-x' },
      expected: `team-${marker('Parameter Team')}-x`,
    },
    { name: 'Fn::Join', value: { 'Fn::Join': ['-', ['a', { Ref: 'Env' }, 3]] }, expected: 'a-dev-3' },
    {
      name: 'Fn::Join of a list parameter',
      value: { 'Fn::Join': [',', { Ref: 'Subnets' }] },
      expected: 'subnet-a,subnet-b',
    },
    { name: 'Fn::Select', value: { 'Fn::Select': ['1', { Ref: 'Subnets' }] }, expected: 'subnet-b' },
    { name: 'Fn::Select out of range', value: { 'Fn::Select': [5, ['a']] }, expected: marker('Fn::Select') },
    { name: 'Fn::Split', value: { 'Fn::Split': ['/', 'a/b/c'] }, expected: ['a', 'b', 'c'] },
    {
      name: 'Fn::Split never cuts a marker',
      value: { 'Fn::Split': [':', { 'Fn::Sub': 'a:${Team}:b' }] },
      expected: ['a', marker('Parameter Team'), 'b'],
    },
    {
      name: 'nested Select of Split of Sub',
      value: { 'Fn::Select': [2, { 'Fn::Split': [':', { 'Fn::Sub': 'arn:${AWS::Partition}:${AWS::Region}' }] }] },
      expected: 'eu-west-1',
    },
    { name: 'Fn::If true', value: { 'Fn::If': ['IsDev', 'small', 'large'] }, expected: 'small' },
    { name: 'Fn::If false', value: { 'Fn::If': ['IsProd', 'large', 'small'] }, expected: 'small' },
    {
      name: 'Fn::If with AWS::NoValue',
      value: { A: { 'Fn::If': ['IsProd', 1, { Ref: 'AWS::NoValue' }] } },
      expected: {},
    },
    { name: 'Fn::If undecidable', value: { 'Fn::If': ['HasTeam', 'a', 'b'] }, expected: marker('Fn::If HasTeam') },
    { name: 'Fn::If undecidable, same both ways', value: { 'Fn::If': ['HasTeam', 'a', 'a'] }, expected: 'a' },
    { name: 'Fn::And false with an unknown operand', value: { 'Fn::If': ['ProdWithTeam', 'a', 'b'] }, expected: 'b' },
    { name: 'Fn::Or true with an unknown operand', value: { 'Fn::If': ['DevOrTeam', 'a', 'b'] }, expected: 'a' },
    {
      name: 'a Condition that refers to itself',
      value: { 'Fn::If': ['Loop', 'a', 'b'] },
      expected: marker('Fn::If Loop'),
    },
    {
      name: 'Fn::FindInMap with a Ref key',
      value: { 'Fn::FindInMap': ['Sizes', { Ref: 'Env' }, 'Memory'] },
      expected: 512,
    },
    {
      name: 'Fn::FindInMap with a DefaultValue',
      value: { 'Fn::FindInMap': ['Sizes', 'test', 'Memory', { DefaultValue: 128 }] },
      expected: 128,
    },
    {
      name: 'Fn::FindInMap of a missing key',
      value: { 'Fn::FindInMap': ['Sizes', 'test', 'Memory'] },
      expected: marker('Fn::FindInMap Sizes.test.Memory'),
    },
    {
      name: 'Fn::ImportValue',
      value: { 'Fn::ImportValue': 'shared-bus' },
      expected: marker('Fn::ImportValue shared-bus'),
    },
    {
      name: 'Fn::GetAZs',
      value: { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] },
      expected: marker('Fn::GetAZs eu-west-1'),
    },
    { name: 'Fn::Base64', value: { 'Fn::Base64': { 'Fn::Sub': '${Env}' } }, expected: 'ZGV2' },
    { name: 'Fn::Cidr', value: { 'Fn::Cidr': ['10.0.0.0/16', 2, 8] }, expected: marker('Fn::Cidr') },
    { name: 'Fn::ToJsonString', value: { 'Fn::ToJsonString': { env: { Ref: 'Env' } } }, expected: '{"env":"dev"}' },
    { name: 'Fn::Length', value: { 'Fn::Length': { Ref: 'Subnets' } }, expected: 2 },
    {
      name: 'Fn::Transform',
      value: { 'Fn::Transform': { Name: 'AWS::Include', Parameters: {} } },
      expected: marker('Fn::Transform AWS::Include'),
    },
    { name: 'an unknown function', value: { 'Fn::Nope': 1 }, expected: marker('Fn::Nope') },
    {
      name: 'a condition function outside Conditions',
      value: { 'Fn::Equals': [1, 1] },
      expected: marker('Fn::Equals'),
    },
    {
      name: 'a dynamic reference',
      value: 'db-{{resolve:ssm:/db/name}}',
      expected: `db-${marker('{{resolve:ssm:/db/name}}')}`,
    },
    {
      name: 'an object with two keys is not a function',
      value: { Ref: 'Env', Other: 1 },
      expected: { Ref: 'Env', Other: 1 },
    },
  ])('resolves $name', ({ value, expected }) => {
    expect(model.resolve(value)).toEqual(expected);
  });

  it.each<{ name: string; value: unknown; note: string }>([
    {
      name: 'a parameter without a value',
      value: { Ref: 'Team' },
      note: 'Parameter Team has no Default: give it with --parameter Team=VALUE',
    },
    {
      name: 'an SSM parameter',
      value: { Ref: 'Image' },
      note: 'Parameter Image is read from Systems Manager at deploy time: give it with --parameter Image=VALUE',
    },
    {
      name: 'an import',
      value: { 'Fn::ImportValue': 'shared-bus' },
      note: "Fn::ImportValue shared-bus is another stack's export (give it with --parameter Fn::ImportValue:shared-bus=VALUE)",
    },
    {
      name: 'an undecidable condition',
      value: { 'Fn::If': ['HasTeam', 'a', 'b'] },
      note: 'Condition HasTeam cannot be decided offline',
    },
    {
      name: 'an unknown attribute',
      value: { 'Fn::GetAtt': ['Fn', 'Nope'] },
      note: 'Fn::GetAtt Fn.Nope: the attribute Nope of AWS::Lambda::Function is not known offline',
    },
    {
      name: 'a Ref of nothing',
      value: { Ref: 'Nowhere' },
      note: 'Ref Nowhere names no parameter, pseudo parameter or resource of the template',
    },
    {
      name: 'a Ref of an excluded resource',
      value: { Ref: 'ProdOnly' },
      note: 'Ref ProdOnly: the resource is not created (its Condition is false)',
    },
    {
      name: 'a self-referring condition',
      value: { 'Fn::If': ['Loop', 'a', 'b'] },
      note: 'Condition Loop refers back to itself',
    },
  ])('notes $name', ({ value, note }) => {
    expect(model.resolveNoting(value).notes).toContain(note);
    expect(model.notes).toContain(note);
  });

  it('never quotes a parameter value in a note', () => {
    const noting = templateModelOf(TEMPLATE).resolveNoting({ 'Fn::Sub': '${Secret}-${Team}' });
    expect(noting.notes.join(' ')).not.toContain('s3cr3t');
  });

  it.each<{ name: string; parameters: Record<string, string>; value: unknown; expected: unknown }>([
    {
      name: 'a --parameter wins over the Default',
      parameters: { Env: 'prod' },
      value: { Ref: 'Env' },
      expected: 'prod',
    },
    {
      name: 'AllowedValues are not enforced',
      parameters: { Env: 'staging' },
      value: { Ref: 'Env' },
      expected: 'staging',
    },
    {
      name: 'a --parameter gives a value to one without Default',
      parameters: { Team: 'blue' },
      value: { Ref: 'Team' },
      expected: 'blue',
    },
    {
      name: 'a --parameter is the value of an SSM parameter',
      parameters: { Image: 'ami-1' },
      value: { Ref: 'Image' },
      expected: 'ami-1',
    },
    {
      name: 'a --parameter list is split',
      parameters: { Subnets: 'x,y,z' },
      value: { Ref: 'Subnets' },
      expected: ['x', 'y', 'z'],
    },
    {
      name: 'an import given with Fn::ImportValue:NAME',
      parameters: { 'Fn::ImportValue:shared-bus': 'orders-bus' },
      value: { 'Fn::ImportValue': 'shared-bus' },
      expected: 'orders-bus',
    },
    {
      name: 'a parameter decides conditions and the resources they keep',
      parameters: { Env: 'prod' },
      value: { Ref: 'ProdOnly' },
      expected: expect.stringMatching(/^arn:aws:sns:eu-west-1:111122223333:shop-ProdOnly-[A-Z0-9]{12}$/),
    },
  ])('takes --parameter values: $name', ({ parameters, value, expected }) => {
    expect(templateModelOf(TEMPLATE, { parameters }).resolve(value)).toEqual(expected);
  });

  it('keeps resources whose Condition is true or undecidable, and drops those that are false', () => {
    const text = `
Parameters: {Team: {Type: String}}
Conditions:
  Never: !Equals [a, b]
  Unknown: !Equals [!Ref Team, x]
Resources:
  A: {Type: AWS::SQS::Queue, Condition: Never}
  B: {Type: AWS::SQS::Queue, Condition: Unknown}
  C: {Type: AWS::SQS::Queue}
`;
    const model = templateModelOf(text);
    expect([...model.resources.keys()]).toEqual(['B', 'C']);
    expect(model.notesOf('B')).toContain('B: its Condition Unknown cannot be decided offline; audited as if created');
    expect(model.notesOf('C')).toEqual([]);
  });

  it('stops a value nested 10,000 levels deep with a note instead of overflowing the stack', () => {
    let value: unknown = 'leaf';
    for (let i = 0; i < 10_000; i++) value = { 'Fn::Join': ['', [value]] };
    const { value: resolved, notes } = templateModelOf({ Resources: {} }).resolveNoting(value);
    expect(resolved).toBe(unresolvedMarker('deeply nested value'));
    expect(notes).toEqual(['a value nested deeper than 1,000 levels is not resolved']);
  });

  it('resolves names that refer to each other in a cycle to a marker with a note', () => {
    const model = templateModelOf({
      Resources: {
        A: { Type: 'AWS::SQS::Queue', Properties: { QueueName: { 'Fn::GetAtt': ['B', 'QueueName'] } } },
        B: { Type: 'AWS::SQS::Queue', Properties: { QueueName: { 'Fn::GetAtt': ['A', 'QueueName'] } } },
      },
    });
    const { value, notes } = model.resolveNoting({ 'Fn::GetAtt': ['A', 'QueueName'] });
    expect(value).toBe(unresolvedMarker('A name'));
    expect(notes).toContain('the name of A refers back to itself');
  });

  it('does not build texts past 4 MiB from names that double each other', () => {
    const resources: Record<string, unknown> = {
      N0: { Type: 'AWS::SQS::Queue', Properties: { QueueName: 'x'.repeat(1000) } },
    };
    for (let i = 1; i <= 30; i++) {
      resources[`N${i}`] = {
        Type: 'AWS::SQS::Queue',
        Properties: { QueueName: { 'Fn::Sub': `\${N${i - 1}.QueueName}\${N${i - 1}.QueueName}` } },
      };
    }
    const { value, notes } = templateModelOf({ Resources: resources }).resolveNoting({
      'Fn::GetAtt': ['N30', 'QueueName'],
    });
    expect(typeof value === 'string' && value.length).toBeLessThan(5 * 1024 * 1024);
    expect(notes).toContain('an Fn::Sub builds more than 4 MiB of text; it is not resolved');
  });
});
