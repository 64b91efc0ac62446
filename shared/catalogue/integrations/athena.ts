// biome-ignore-all lint/suspicious/noTemplateCurlyInString: catalogue templates use ${…} placeholders
import type { Integration, PermissionSpec } from '../types.js';

const INVOKE_START_QUERY_EXECUTION = {
  purpose: 'invoke',
  actions: ['athena:startQueryExecution', 'athena:getDataCatalog'],
  staticResources: [
    'arn:${Partition}:athena:${Region}:${Account}:workgroup/${Param:WorkGroup}',
    'arn:${Partition}:athena:${Region}:${Account}:datacatalog/*',
  ],
  dynamicResources: [
    'arn:${Partition}:athena:${Region}:${Account}:workgroup/*',
    'arn:${Partition}:athena:${Region}:${Account}:datacatalog/*',
  ],
  parameterFields: ['WorkGroup'],
  note: "WorkGroup gives workgroup/<name> (Athena uses 'primary' when absent); datacatalog/* is always granted.",
} satisfies PermissionSpec;

const OTHER_GET_BUCKET_LOCATION = {
  purpose: 'other',
  actions: [
    's3:GetBucketLocation',
    's3:GetObject',
    's3:ListBucket',
    's3:ListBucketMultipartUploads',
    's3:ListMultipartUploadParts',
    's3:AbortMultipartUpload',
    's3:CreateBucket',
    's3:PutObject',
  ],
  staticResources: ['arn:${Partition}:s3:::*'],
  dynamicResources: ['arn:${Partition}:s3:::*'],
  parameterFields: [],
  note: 'Query data and result location; the template always uses arn:${Partition}:s3:::*.',
} satisfies PermissionSpec;

const OTHER_CREATE_DATABASE = {
  purpose: 'other',
  actions: [
    'glue:CreateDatabase',
    'glue:GetDatabase',
    'glue:GetDatabases',
    'glue:UpdateDatabase',
    'glue:DeleteDatabase',
    'glue:CreateTable',
    'glue:UpdateTable',
    'glue:GetTable',
    'glue:GetTables',
    'glue:DeleteTable',
    'glue:BatchDeleteTable',
    'glue:BatchCreatePartition',
    'glue:CreatePartition',
    'glue:UpdatePartition',
    'glue:GetPartition',
    'glue:GetPartitions',
    'glue:BatchGetPartition',
    'glue:DeletePartition',
    'glue:BatchDeletePartition',
  ],
  staticResources: [
    'arn:${Partition}:glue:${Region}:${Account}:catalog',
    'arn:${Partition}:glue:${Region}:${Account}:database/*',
    'arn:${Partition}:glue:${Region}:${Account}:table/*',
    'arn:${Partition}:glue:${Region}:${Account}:userDefinedFunction/*',
  ],
  dynamicResources: [
    'arn:${Partition}:glue:${Region}:${Account}:catalog',
    'arn:${Partition}:glue:${Region}:${Account}:database/*',
    'arn:${Partition}:glue:${Region}:${Account}:table/*',
    'arn:${Partition}:glue:${Region}:${Account}:userDefinedFunction/*',
  ],
  parameterFields: [],
  note: 'Glue Data Catalog access, the same 19 actions in every StartQueryExecution template.',
} satisfies PermissionSpec;

const OTHER_GET_DATA_ACCESS = {
  purpose: 'other',
  actions: ['lakeformation:GetDataAccess'],
  staticResources: ['*'],
  dynamicResources: ['*'],
  parameterFields: [],
  note: 'Lake Formation grants may be needed on top of IAM.',
} satisfies PermissionSpec;

/** Amazon Athena query APIs. */
export const ATHENA_INTEGRATIONS: readonly Integration[] = [
  {
    resource: 'arn:aws:states:::athena:startQueryExecution',
    service: 'athena',
    api: 'StartQueryExecution',
    pattern: 'request-response',
    kind: 'task',
    permissions: [
      INVOKE_START_QUERY_EXECUTION,
      OTHER_GET_BUCKET_LOCATION,
      OTHER_CREATE_DATABASE,
      OTHER_GET_DATA_ACCESS,
    ],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-athena.html#athena-iam',
    docStatus: 'documented',
  },
  {
    resource: 'arn:aws:states:::athena:startQueryExecution.sync',
    service: 'athena',
    api: 'StartQueryExecution',
    pattern: 'sync',
    kind: 'task',
    permissions: [
      INVOKE_START_QUERY_EXECUTION,
      {
        purpose: 'poll',
        actions: [
          'athena:getQueryExecution',
          'athena:GetWorkGroup',
          'athena:BatchGetQueryExecution',
          'athena:GetQueryResults',
          'athena:ListQueryExecutions',
        ],
        staticResources: [
          'arn:${Partition}:athena:${Region}:${Account}:workgroup/${Param:WorkGroup}',
          'arn:${Partition}:athena:${Region}:${Account}:datacatalog/*',
        ],
        dynamicResources: [
          'arn:${Partition}:athena:${Region}:${Account}:workgroup/*',
          'arn:${Partition}:athena:${Region}:${Account}:datacatalog/*',
        ],
        parameterFields: ['WorkGroup'],
        note: 'The current template adds GetWorkGroup, BatchGetQueryExecution, GetQueryResults and ListQueryExecutions.',
      },
      {
        purpose: 'cancel',
        actions: ['athena:stopQueryExecution'],
        staticResources: [
          'arn:${Partition}:athena:${Region}:${Account}:workgroup/${Param:WorkGroup}',
          'arn:${Partition}:athena:${Region}:${Account}:datacatalog/*',
        ],
        dynamicResources: [
          'arn:${Partition}:athena:${Region}:${Account}:workgroup/*',
          'arn:${Partition}:athena:${Region}:${Account}:datacatalog/*',
        ],
        parameterFields: ['WorkGroup'],
      },
      OTHER_GET_BUCKET_LOCATION,
      OTHER_CREATE_DATABASE,
      OTHER_GET_DATA_ACCESS,
    ],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-athena.html#athena-iam',
    docStatus: 'documented',
    notes: ['No managed rule: completion is detected by polling only.'],
  },
  {
    resource: 'arn:aws:states:::athena:stopQueryExecution',
    service: 'athena',
    api: 'StopQueryExecution',
    pattern: 'request-response',
    kind: 'task',
    permissions: [
      {
        purpose: 'invoke',
        actions: ['athena:stopQueryExecution'],
        staticResources: ['arn:${Partition}:athena:${Region}:${Account}:workgroup/*'],
        dynamicResources: ['arn:${Partition}:athena:${Region}:${Account}:workgroup/*'],
        parameterFields: ['QueryExecutionId'],
        note: 'Only one template (workgroup/*) is documented.',
      },
    ],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-athena.html#athena-iam',
    docStatus: 'documented',
  },
  {
    resource: 'arn:aws:states:::athena:getQueryExecution',
    service: 'athena',
    api: 'GetQueryExecution',
    pattern: 'request-response',
    kind: 'task',
    permissions: [
      {
        purpose: 'invoke',
        actions: ['athena:getQueryExecution'],
        staticResources: ['arn:${Partition}:athena:${Region}:${Account}:workgroup/*'],
        dynamicResources: ['arn:${Partition}:athena:${Region}:${Account}:workgroup/*'],
        parameterFields: ['QueryExecutionId'],
      },
    ],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-athena.html#athena-iam',
    docStatus: 'documented',
  },
  {
    resource: 'arn:aws:states:::athena:getQueryResults',
    service: 'athena',
    api: 'GetQueryResults',
    pattern: 'request-response',
    kind: 'task',
    permissions: [
      {
        purpose: 'invoke',
        actions: ['athena:getQueryResults'],
        staticResources: ['arn:${Partition}:athena:${Region}:${Account}:workgroup/*'],
        dynamicResources: ['arn:${Partition}:athena:${Region}:${Account}:workgroup/*'],
        parameterFields: ['QueryExecutionId'],
      },
      {
        purpose: 'other',
        actions: ['s3:GetObject'],
        staticResources: ['arn:${Partition}:s3:::*'],
        dynamicResources: ['arn:${Partition}:s3:::*'],
        parameterFields: [],
        note: 'Reads the result file from S3.',
      },
    ],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-athena.html#athena-iam',
    docStatus: 'documented',
  },
];
