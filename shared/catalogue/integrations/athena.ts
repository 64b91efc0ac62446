// biome-ignore-all lint/suspicious/noTemplateCurlyInString: catalogue templates use ${…} placeholders
import type { Integration, PermissionSpec } from '../types.js';

/**
 * Athena authorizes the query APIs on the query's workgroup (`primary` when WorkGroup is absent); a call that names
 * only a QueryExecutionId runs in a workgroup the definition does not show (a hole).
 * https://docs.aws.amazon.com/athena/latest/ug/example-policies-workgroup.html
 * https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonathena.html
 */
const WORKGROUP = 'arn:${Partition}:athena:${Region}:${Account}:workgroup/${Param:WorkGroup}';
const ANY_WORKGROUP = 'arn:${Partition}:athena:${Region}:${Account}:workgroup/${Hole:WorkGroupName}';
/** The data catalog of QueryExecutionContext.Catalog; a hole when absent (the service picks it). */
const DATA_CATALOG = 'arn:${Partition}:athena:${Region}:${Account}:datacatalog/${Param:QueryExecutionContext.Catalog}';
/** Buckets and objects of the query's data and results: not in the definition (QueryString, table locations). */
const ANY_BUCKET = 'arn:${Partition}:s3:::${Hole:BucketName}';
const ANY_OBJECT = 'arn:${Partition}:s3:::${Hole:BucketName}/${Hole:ObjectName}';
const GLUE_CATALOG = 'arn:${Partition}:glue:${Region}:${Account}:catalog';
const GLUE_DATABASE = 'arn:${Partition}:glue:${Region}:${Account}:database/${Hole:DatabaseName}';
const GLUE_TABLE = 'arn:${Partition}:glue:${Region}:${Account}:table/${Hole:DatabaseName}/${Hole:TableName}';
const GLUE_FUNCTION =
  'arn:${Partition}:glue:${Region}:${Account}:userDefinedFunction/${Hole:DatabaseName}/${Hole:UserDefinedFunctionName}';
const GLUE_DATABASE_ACTIONS = ['glue:CreateDatabase', 'glue:GetDatabase', 'glue:GetDatabases', 'glue:UpdateDatabase'];
const GLUE_TABLE_ACTIONS = [
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
];

/** What the template grants the `.sync` poll and cancel calls: the query's workgroup and every data catalog. */
const QUERY_GRANT = {
  staticResources: [
    'arn:${Partition}:athena:${Region}:${Account}:workgroup/${Param:WorkGroup}',
    'arn:${Partition}:athena:${Region}:${Account}:datacatalog/*',
  ],
  dynamicResources: [
    'arn:${Partition}:athena:${Region}:${Account}:workgroup/*',
    'arn:${Partition}:athena:${Region}:${Account}:datacatalog/*',
  ],
  parameterFields: ['WorkGroup'],
} as const;

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
  parameterFields: ['WorkGroup', 'QueryExecutionContext.Catalog'],
  authorized: { 'athena:startQueryExecution': [WORKGROUP], 'athena:getDataCatalog': [DATA_CATALOG] },
  note: "WorkGroup gives workgroup/<name> (Athena uses 'primary' when absent); the template grants datacatalog/*.",
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
  // Bucket actions on a bucket, object actions on an object of a bucket the definition does not name.
  // https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html
  authorized: {
    's3:GetBucketLocation': [ANY_BUCKET],
    's3:ListBucket': [ANY_BUCKET],
    's3:ListBucketMultipartUploads': [ANY_BUCKET],
    's3:CreateBucket': [ANY_BUCKET],
    's3:GetObject': [ANY_OBJECT],
    's3:ListMultipartUploadParts': [ANY_OBJECT],
    's3:AbortMultipartUpload': [ANY_OBJECT],
    's3:PutObject': [ANY_OBJECT],
  },
  note: 'Query data and result location; the template always uses arn:${Partition}:s3:::*.',
} satisfies PermissionSpec;

const OTHER_CREATE_DATABASE = {
  purpose: 'other',
  actions: [...GLUE_DATABASE_ACTIONS, 'glue:DeleteDatabase', ...GLUE_TABLE_ACTIONS],
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
  // Glue checks the root catalog, the database and (for table and partition actions) the table together; the
  // databases and tables a query touches are in its QueryString, so they are holes.
  // https://docs.aws.amazon.com/glue/latest/dg/glue-specifying-resource-arns.html
  authorized: {
    ...Object.fromEntries(GLUE_DATABASE_ACTIONS.map((action) => [action, [GLUE_CATALOG, GLUE_DATABASE]])),
    ...Object.fromEntries(GLUE_TABLE_ACTIONS.map((action) => [action, [GLUE_CATALOG, GLUE_DATABASE, GLUE_TABLE]])),
    'glue:DeleteDatabase': [GLUE_CATALOG, GLUE_DATABASE, GLUE_TABLE, GLUE_FUNCTION],
  },
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
        actions: ['athena:getQueryExecution'],
        ...QUERY_GRANT,
        authorized: { 'athena:getQueryExecution': [WORKGROUP] },
        note: 'Step Functions polls the query with GetQueryExecution (the only poll action of the 2023 template).',
      },
      // The current template also grants these four, but AWS does not say Step Functions calls them: roles that grant
      // only GetQueryExecution (the 2023 template's, CDK's AthenaStartQueryExecution) complete .sync queries. Required
      // as inferred needs, so a role without them is reported at LOW, not as a HIGH poll failure.
      // https://docs.aws.amazon.com/step-functions/latest/dg/athena-iam.html
      {
        purpose: 'poll',
        actions: [
          'athena:GetWorkGroup',
          'athena:BatchGetQueryExecution',
          'athena:GetQueryResults',
          'athena:ListQueryExecutions',
        ],
        ...QUERY_GRANT,
        authorized: {
          'athena:GetWorkGroup': [WORKGROUP],
          'athena:BatchGetQueryExecution': [WORKGROUP],
          'athena:GetQueryResults': [WORKGROUP],
          'athena:ListQueryExecutions': [WORKGROUP],
        },
        inferred: true,
        note: 'In the current template only; Step Functions is not documented to call them while polling.',
      },
      {
        purpose: 'cancel',
        actions: ['athena:stopQueryExecution'],
        ...QUERY_GRANT,
        authorized: { 'athena:stopQueryExecution': [WORKGROUP] },
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
        authorized: { 'athena:stopQueryExecution': [ANY_WORKGROUP] },
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
        authorized: { 'athena:getQueryExecution': [ANY_WORKGROUP] },
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
        authorized: { 'athena:getQueryResults': [ANY_WORKGROUP] },
      },
      {
        purpose: 'other',
        actions: ['s3:GetObject'],
        staticResources: ['arn:${Partition}:s3:::*'],
        dynamicResources: ['arn:${Partition}:s3:::*'],
        parameterFields: [],
        authorized: { 's3:GetObject': [ANY_OBJECT] },
        note: 'Reads the result file from S3.',
      },
    ],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-athena.html#athena-iam',
    docStatus: 'documented',
  },
];
