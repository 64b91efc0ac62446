import { describe, expect, it } from 'vitest';
import { policyDocumentData } from '../../../shared/template/terraform/policyDocumentData.js';
import { unresolvedMarker } from '../../../shared/template/unresolved.js';
import { change, configured, readPlan } from './planBuilder.js';

const ADDRESS = 'data.aws_iam_policy_document.p';

/** The document of one data source instance built from its `after`, `after_unknown` and configuration. */
function documentOf(after: Record<string, unknown>, unknown: unknown = {}, expressions: Record<string, unknown> = {}) {
  const plan = readPlan({
    resource_changes: [change(ADDRESS, after, unknown, { actions: ['read'] })],
    configuration: { root_module: { resources: [configured(ADDRESS, expressions)] } },
  });
  const resource = plan.byAddress.get(ADDRESS);
  if (resource === undefined) throw new Error('no data source');
  return policyDocumentData(resource, 'plan.json');
}

const block = (fields: Record<string, unknown>) => ({
  actions: [],
  condition: [],
  effect: 'Allow',
  not_actions: [],
  not_principals: [],
  not_resources: [],
  principals: [],
  resources: [],
  sid: '',
  ...fields,
});

describe('policyDocumentData', () => {
  it('uses the json the provider rendered when the plan knows it', () => {
    const json = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }],
    });
    expect(documentOf({ json, statement: [block({ actions: ['ignored:Action'] })] })).toEqual({
      kind: 'document',
      document: JSON.parse(json),
    });
  });

  it('refuses a rendered json that is not a policy, naming the attribute', () => {
    expect(() => documentOf({ json: '{"Version": "2012-10-17"}' })).toThrowError(
      'plan.json: data.aws_iam_policy_document.p.json: not an IAM policy document (no Statement)',
    );
  });

  const rebuilt: {
    name: string;
    after: Record<string, unknown>;
    unknown?: unknown;
    expressions?: Record<string, unknown>;
    want: unknown;
  }[] = [
    {
      name: 'statements with a single action and resource as strings, lists as lists, a blank sid left out',
      after: { statement: [block({ actions: ['lambda:InvokeFunction'], resources: ['arn:a', 'arn:b'] })] },
      want: [{ Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: ['arn:a', 'arn:b'] }],
    },
    {
      name: 'a resource known after apply becomes a marker named after the reference behind it',
      after: { statement: [block({ sid: 'UseKey', actions: ['kms:Decrypt'], resources: [null] })] },
      unknown: { json: true, statement: [{ resources: [true] }] },
      expressions: { statement: [{ resources: { references: ['aws_kms_key.sfn.arn', 'aws_kms_key.sfn'] } }] },
      want: [
        {
          Sid: 'UseKey',
          Effect: 'Allow',
          Action: 'kms:Decrypt',
          Resource: unresolvedMarker('aws_kms_key.sfn.arn (known after apply)'),
        },
      ],
    },
    {
      name: 'an unknown item that after leaves out (after_unknown is longer) is still a hole',
      after: { statement: [block({ actions: ['sqs:SendMessage'], resources: [] })] },
      unknown: { statement: [{ resources: [true] }] },
      want: [
        {
          Effect: 'Allow',
          Action: 'sqs:SendMessage',
          Resource: unresolvedMarker('data.aws_iam_policy_document.p.statement[0].resources[0] (known after apply)'),
        },
      ],
    },
    {
      name: 'principals and conditions as IAM writes them',
      after: {
        statement: [
          block({
            actions: ['sts:AssumeRole'],
            principals: [{ type: 'Service', identifiers: ['states.amazonaws.com'] }],
            condition: [
              { test: 'StringEquals', variable: 'aws:SourceAccount', values: ['111122223333'] },
              { test: 'StringEquals', variable: 'aws:SourceAccount', values: ['444455556666'] },
            ],
          }),
        ],
      },
      want: [
        {
          Effect: 'Allow',
          Action: 'sts:AssumeRole',
          Principal: { Service: ['states.amazonaws.com'] },
          Condition: { StringEquals: { 'aws:SourceAccount': ['111122223333', '444455556666'] } },
        },
      ],
    },
    {
      name: 'source documents first, a statement with the same Sid replaces one, overrides last',
      after: {
        source_policy_documents: [
          JSON.stringify({
            Statement: [
              { Sid: 'A', Effect: 'Allow', Action: 'a:One', Resource: '*' },
              { Sid: 'B', Effect: 'Allow', Action: 'b:One', Resource: '*' },
            ],
          }),
        ],
        statement: [block({ sid: 'A', actions: ['a:Two'], resources: ['*'] })],
        override_policy_documents: [
          JSON.stringify({
            Statement: [
              { Sid: 'B', Effect: 'Deny', Action: 'b:Two', Resource: '*' },
              { Effect: 'Allow', Action: 'c:One', Resource: '*' },
            ],
          }),
        ],
      },
      want: [
        { Sid: 'A', Effect: 'Allow', Action: 'a:Two', Resource: '*' },
        { Sid: 'B', Effect: 'Deny', Action: 'b:Two', Resource: '*' },
        { Effect: 'Allow', Action: 'c:One', Resource: '*' },
      ],
    },
    {
      name: 'a Deny with NotResource',
      after: { statement: [block({ effect: 'Deny', actions: ['s3:*'], not_resources: ['arn:aws:s3:::keep/*'] })] },
      want: [{ Effect: 'Deny', Action: 's3:*', NotResource: 'arn:aws:s3:::keep/*' }],
    },
  ];
  it.each(rebuilt)('rebuilds $name', ({ after, unknown, expressions, want }) => {
    const policy = documentOf(after, unknown, expressions);
    expect(policy).toEqual({ kind: 'document', document: { Version: '2012-10-17', Statement: want } });
  });

  it('keeps __proto__ and constructor as principal types and condition keys, not as prototypes', () => {
    const policy = documentOf({
      statement: [
        block({
          actions: ['s3:GetObject'],
          resources: ['*'],
          principals: [{ type: '__proto__', identifiers: ['x'] }],
          condition: [{ test: 'constructor', variable: '__proto__', values: ['y'] }],
        }),
      ],
    });
    const statement =
      policy.kind === 'document' ? (policy.document.Statement as Record<string, unknown>[])[0] : undefined;
    expect(Object.keys(statement?.Principal as object)).toEqual(['__proto__']);
    expect(JSON.stringify(statement?.Condition)).toBe('{"constructor":{"__proto__":["y"]}}');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('refuses a rendered json nested deeper than any IAM policy, without recursing', () => {
    const deep = `{"Statement": ${'['.repeat(100000)}${']'.repeat(100000)}}`;
    expect(() => documentOf({ json: deep })).toThrowError(
      'plan.json: data.aws_iam_policy_document.p.json: the policy nests deeper than 32 levels; IAM would refuse it',
    );
  });

  const unknowable: { name: string; after: Record<string, unknown>; unknown: unknown }[] = [
    {
      name: 'statements known only after apply (a dynamic block over an unknown list)',
      after: {},
      unknown: { statement: true },
    },
    {
      name: 'override documents known only after apply (they may replace any statement)',
      after: { statement: [] },
      unknown: { override_policy_documents: true },
    },
    {
      name: 'source documents known only after apply',
      after: { statement: [] },
      unknown: { source_policy_documents: true },
    },
  ];
  it.each(unknowable)('is unknown with $name', ({ after, unknown }) => {
    expect(documentOf(after, unknown)).toEqual({ kind: 'unknown', dependsOn: [ADDRESS] });
  });
});
