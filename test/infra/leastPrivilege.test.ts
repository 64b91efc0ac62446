import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CLOUDFORMATION_TAGS } from './cloudFormationTags.js';
import { collectStatements, findPolicyViolations, type Violation, type ViolationKind } from './findPolicyViolations.js';

const INFRA = new URL('../../infra/', import.meta.url);

/** Every template under infra/, parsed with the CloudFormation short-form tags. */
const TEMPLATES = readdirSync(INFRA)
  .filter((file) => /\.ya?ml$/.test(file))
  .map((file) => ({
    file,
    template: parse(readFileSync(new URL(file, INFRA), 'utf8'), { customTags: CLOUDFORMATION_TAGS }) as unknown,
  }));

/**
 * The reviewed exceptions: each names the statement, exactly what it is excused from, and why. An entry that no
 * longer matches a violation fails the test, so the list cannot outlive what it excuses. (Actions with no resource
 * type, which IAM authorizes on "*" only, need no entry: the check asks the Service Authorization Reference.)
 */
const ALLOW_LIST: readonly (Omit<Violation, 'subject'> & { subjects: string[]; file: string; reason: string })[] = [
  {
    file: 'template.yaml',
    resource: 'TopicKey',
    sid: 'AccountAdministers',
    kind: 'wildcardAction',
    subjects: ['kms:*'],
    reason:
      'the default key policy statement: without it IAM policies cannot grant use of the key and the key becomes ' +
      'unmanageable (https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html)',
  },
  {
    file: 'template.yaml',
    resource: 'TopicKey',
    sid: 'AlarmsPublish',
    kind: 'unscopedResource',
    subjects: ['kms:Decrypt', 'kms:GenerateDataKey'],
    reason:
      'a key policy statement: there Resource "*" means this key only, and a key policy cannot name its own ARN ' +
      '(https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-overview.html)',
  },
];

function isAllowed(file: string, violation: Violation): boolean {
  return ALLOW_LIST.some(
    (entry) =>
      entry.file === file &&
      entry.resource === violation.resource &&
      entry.sid === violation.sid &&
      entry.kind === violation.kind &&
      entry.subjects.includes(violation.subject),
  );
}

describe('infra/*.yaml least privilege', () => {
  it('finds the templates and the statements of the function role, the key and the queue and topic policies', () => {
    expect(TEMPLATES.map((t) => t.file)).toContain('template.yaml');
    const main = TEMPLATES.find((t) => t.file === 'template.yaml')?.template;
    const sids = collectStatements(main).statements.map((s) => `${s.resource}/${String(s.statement.Sid)}`);
    expect(sids).toEqual(
      expect.arrayContaining([
        'AuditFunctionRole/WriteOwnLogs',
        'AuditFunctionRole/StateTable',
        'AuditFunctionRole/ImportFindings',
        'AuditFunctionRole/ReadSlackWebhook',
        'AuditFunctionRole/PublishAuditEvents',
        'TopicKey/AccountAdministers',
        'QueuesPolicy/RuleSendsEvents',
        'FindingsTopicPolicy/AlarmsPublish',
      ]),
    );
  });

  it.each(TEMPLATES)(
    'grants no wildcard action and no unscoped resource in $file beyond the allow-list',
    ({ file, template }) => {
      expect(findPolicyViolations(template).filter((violation) => !isAllowed(file, violation))).toEqual([]);
    },
  );

  it.each(ALLOW_LIST)('still needs the allow-list entry $resource/$sid ($kind)', (entry) => {
    const template = TEMPLATES.find((t) => t.file === entry.file)?.template;
    const matched = findPolicyViolations(template).filter(
      (v) => v.resource === entry.resource && v.sid === entry.sid && v.kind === entry.kind,
    );
    expect(matched.map((v) => v.subject).sort()).toEqual([...entry.subjects].sort());
    expect(entry.reason).toMatch(/https:\/\/docs\.aws\.amazon\.com\//);
  });
});

const ROLE = (statement: Record<string, unknown>) => ({
  Resources: {
    Role: {
      Type: 'AWS::IAM::Role',
      Properties: { Policies: [{ PolicyName: 'p', PolicyDocument: { Statement: [{ Sid: 'S', ...statement }] } }] },
    },
  },
});

const SUB_TABLE = { 'Fn::GetAtt': ['Table', 'Arn'] };

describe('findPolicyViolations', () => {
  it.each<{ name: string; template: unknown; expected: [ViolationKind, string][] }>([
    {
      name: 'Action "*"',
      template: ROLE({ Effect: 'Allow', Action: '*', Resource: SUB_TABLE }),
      expected: [['wildcardAction', '*']],
    },
    {
      name: 'a service wildcard',
      template: ROLE({ Effect: 'Allow', Action: ['dynamodb:Get*'], Resource: SUB_TABLE }),
      expected: [['wildcardAction', 'dynamodb:Get*']],
    },
    {
      name: 'Resource "*" for an action with a resource type',
      template: ROLE({ Effect: 'Allow', Action: ['dynamodb:GetItem', 'xray:PutTraceSegments'], Resource: '*' }),
      expected: [['unscopedResource', 'dynamodb:GetItem']],
    },
    {
      name: 'an ARN whose resource part is "*"',
      template: ROLE({
        Effect: 'Allow',
        Action: 'sqs:SendMessage',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: CloudFormation Fn::Sub placeholders
        Resource: { 'Fn::Sub': 'arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:*' },
      }),
      expected: [['unscopedResource', 'sqs:SendMessage']],
    },
    {
      name: 'Resource "*" in one branch of a Fn::If',
      template: ROLE({ Effect: 'Allow', Action: 'sns:Publish', Resource: { 'Fn::If': ['C', { Ref: 'Topic' }, '*'] } }),
      expected: [['unscopedResource', 'sns:Publish']],
    },
    {
      name: 'NotAction and NotResource',
      template: ROLE({ Effect: 'Allow', NotAction: 'iam:*', NotResource: SUB_TABLE }),
      expected: [
        ['notAction', '"iam:*"'],
        ['notResource', '{"Fn::GetAtt":["Table","Arn"]}'],
      ],
    },
    {
      name: 'an action the reference does not know',
      template: ROLE({ Effect: 'Allow', Action: 'dynamodb:GetItems', Resource: SUB_TABLE }),
      expected: [['unknownAction', 'dynamodb:GetItems']],
    },
    {
      name: 'only the actions with no resource type on "*"',
      template: ROLE({ Effect: 'Allow', Action: ['cloudwatch:PutMetricData', 'xray:PutTraceSegments'], Resource: '*' }),
      expected: [],
    },
    { name: 'a Deny on everything', template: ROLE({ Effect: 'Deny', Action: '*', Resource: '*' }), expected: [] },
    {
      name: 'a managed policy on a role',
      template: {
        Resources: {
          Role: {
            Type: 'AWS::IAM::Role',
            Properties: { ManagedPolicyArns: ['arn:aws:iam::aws:policy/AdministratorAccess'] },
          },
        },
      },
      expected: [['managedPolicy', '"arn:aws:iam::aws:policy/AdministratorAccess"']],
    },
    {
      name: 'a statement-level Fn::If with a wide branch',
      template: {
        Resources: {
          P: {
            Type: 'AWS::IAM::ManagedPolicy',
            Properties: {
              PolicyDocument: {
                Statement: [
                  {
                    'Fn::If': [
                      'C',
                      { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' },
                      { Ref: 'AWS::NoValue' },
                    ],
                  },
                ],
              },
            },
          },
        },
      },
      expected: [['unscopedResource', 's3:GetObject']],
    },
    {
      name: 'a SAM function without a Role, with a managed policy and policy templates',
      template: {
        Resources: {
          Fn: {
            Type: 'AWS::Serverless::Function',
            Properties: {
              Policies: [
                'AmazonS3FullAccess',
                { CloudWatchPutMetricPolicy: {} },
                { SQSPollerPolicy: { QueueName: 'q' } },
                { S3FullAccessPolicy: {} },
              ],
            },
          },
        },
      },
      expected: [
        ['generatedRole', 'AWS::Serverless::Function'],
        ['managedPolicy', '"AmazonS3FullAccess"'],
        ['unverifiable', 'S3FullAccessPolicy'],
      ],
    },
    {
      name: 'a key policy granting kms:* on "*"',
      template: {
        Resources: {
          K: {
            Type: 'AWS::KMS::Key',
            Properties: { KeyPolicy: { Statement: [{ Effect: 'Allow', Action: 'kms:*', Resource: '*' }] } },
          },
        },
      },
      expected: [['wildcardAction', 'kms:*']],
    },
    {
      name: 'a queue policy with a Resource "*"',
      template: {
        Resources: {
          Q: {
            Type: 'AWS::SQS::QueuePolicy',
            Properties: {
              PolicyDocument: { Statement: { Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '*' } },
            },
          },
        },
      },
      expected: [['unscopedResource', 'sqs:SendMessage']],
    },
  ])('reports $name', ({ template, expected }) => {
    expect(findPolicyViolations(template).map((v) => [v.kind, v.subject])).toEqual(expected);
  });

  it('reads CloudFormation short forms, so a !Sub "*" ARN or an !If branch is checked', () => {
    const yaml = [
      'Resources:',
      '  Role:',
      '    Type: AWS::IAM::Role',
      '    Properties:',
      '      Policies:',
      '        - PolicyName: p',
      '          PolicyDocument:',
      '            Statement:',
      '              - !If',
      '                - C',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: CloudFormation Fn::Sub placeholders
      '                - { Sid: A, Effect: Allow, Action: sns:Publish, Resource: !Sub "arn:${AWS::Partition}:sns:${AWS::Region}:${AWS::AccountId}:*" }',
      '                - !Ref AWS::NoValue',
      '              - { Sid: B, Effect: Allow, Action: sqs:SendMessage, Resource: !GetAtt Queue.Arn }',
    ].join('\n');
    const template = parse(yaml, { customTags: CLOUDFORMATION_TAGS });
    expect(findPolicyViolations(template)).toEqual([
      { resource: 'Role', sid: 'A', kind: 'unscopedResource', subject: 'sns:Publish' },
    ]);
  });
});
