// biome-ignore-all lint/suspicious/noTemplateCurlyInString: catalogue templates use ${…} placeholders
import type { Integration } from '../types.js';

/** Distributed Map: child executions, Map Run redrive, ItemReader and ResultWriter S3 access. */
export const DISTRIBUTED_MAP_INTEGRATIONS: readonly Integration[] = [
  {
    resource: 'distributed-map-state',
    service: 'states',
    api: 'Map (Distributed mode) child executions',
    pattern: 'n/a',
    kind: 'state-level',
    permissions: [
      {
        purpose: 'child-executions',
        actions: ['states:StartExecution'],
        staticResources: ['arn:${Partition}:states:${Region}:${Account}:stateMachine:${StateMachineName}'],
        dynamicResources: ['arn:${Partition}:states:${Region}:${Account}:stateMachine:${StateMachineName}'],
        parameterFields: [],
        note: "On the parent's own ARN: the Map Run starts child executions of the same state machine.",
      },
      // Which ARN IAM checks here is not documented. The page's example policy grants execution:<name>:* — what CDK's
      // DistributedMap grants too (aws-stepfunctions state-graph.js, grantExecution), and such roles work — while
      // child executions are named execution:<name>/<mapRunLabel>:<id> (the page's redrive example), which
      // execution:<name>:* does not match. So the documented form is required, as an inferred need (LOW when missing):
      // a role granting only execution:<name>/* is reported, not failed.
      // https://docs.aws.amazon.com/step-functions/latest/dg/iam-policies-eg-dist-map.html
      {
        purpose: 'child-executions',
        actions: ['states:DescribeExecution'],
        staticResources: ['arn:${Partition}:states:${Region}:${Account}:execution:${StateMachineName}:*'],
        dynamicResources: ['arn:${Partition}:states:${Region}:${Account}:execution:${StateMachineName}:*'],
        parameterFields: [],
        authorized: {
          'states:DescribeExecution': [
            'arn:${Partition}:states:${Region}:${Account}:execution:${StateMachineName}:${Hole:ExecutionId}',
          ],
        },
        inferred: true,
        note: 'Lets the Map Run follow its child executions; the ARN form IAM checks is not documented.',
      },
      // The spec says the pages list DescribeExecution only; the example policy on the same page (stored copies of
      // docs.aws.amazon.com and docs.amazonaws.cn, 2026) grants "states:DescribeExecution", "states:StopExecution"
      // together. Safest reading: require StopExecution as the cancel permission (MEDIUM when missing).
      {
        purpose: 'cancel',
        actions: ['states:StopExecution'],
        staticResources: ['arn:${Partition}:states:${Region}:${Account}:execution:${StateMachineName}:*'],
        dynamicResources: ['arn:${Partition}:states:${Region}:${Account}:execution:${StateMachineName}:*'],
        parameterFields: [],
        authorized: {
          'states:StopExecution': [
            'arn:${Partition}:states:${Region}:${Account}:execution:${StateMachineName}:${Hole:ExecutionId}',
          ],
        },
        inferred: true,
        note: "Lets Step Functions stop the Map Run's child executions when the parent execution stops or fails.",
      },
    ],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/iam-policies-eg-dist-map.html',
    docStatus: 'documented',
    notes: ['Distributed mode is Standard-only; child executions are not traced.'],
  },
  {
    resource: 'distributed-map-redrive',
    service: 'states',
    api: 'RedriveExecution (Map Run redrive)',
    pattern: 'n/a',
    kind: 'state-level',
    permissions: [
      // Unconfirmed dynamic form: every Map Run label of this state machine, the narrowest ARN covering a runtime label.
      {
        purpose: 'child-executions',
        actions: ['states:RedriveExecution'],
        staticResources: [
          'arn:${Partition}:states:${Region}:${Account}:execution:${StateMachineName}/${MapRunLabel}:*',
        ],
        dynamicResources: ['arn:${Partition}:states:${Region}:${Account}:execution:${StateMachineName}/*:*'],
        parameterFields: ['Label'],
        note: "Lets a redriven parent redrive the Map Run's child executions; MapRunLabel is the Map state's Label. The dynamic form is not documented.",
      },
    ],
    source:
      'https://docs.aws.amazon.com/step-functions/latest/dg/iam-policies-eg-dist-map.html#iam-policy-redrive-dist-map',
    docStatus: 'documented',
  },
  {
    resource: 'arn:aws:states:::s3:getObject',
    service: 's3',
    api: 'GetObject (Distributed Map ItemReader)',
    pattern: 'request-response',
    kind: 'itemreader',
    permissions: [
      {
        purpose: 'item-reader',
        actions: ['s3:GetObject'],
        staticResources: ['arn:${Partition}:s3:::${Param:Bucket}/${Param:Key}'],
        dynamicResources: ['*'],
        parameterFields: ['Bucket', 'Key', 'VersionId'],
        note: 'The object itself for CSV/JSON/JSONL/Parquet; for manifests also the listed data files (no example for Athena manifests). For runtime Bucket/Key the page says to scope by hand.',
      },
      // Unconfirmed: S3 authorises versioned reads with s3:GetObjectVersion, so it is required whenever VersionId is set. https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html
      {
        purpose: 'item-reader',
        actions: ['s3:GetObjectVersion'],
        staticResources: ['arn:${Partition}:s3:::${Param:Bucket}/${Param:Key}'],
        dynamicResources: ['*'],
        parameterFields: ['Bucket', 'Key', 'VersionId'],
        inferred: true,
        onlyWhenFields: ['VersionId'],
        note: 'Not on the page: S3 authorises a read of a specific VersionId with s3:GetObjectVersion.',
      },
    ],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/input-output-itemreader.html#itemreader-iam-policies',
    docStatus: 'documented',
    notes: [
      'Only used inside a Distributed Map ItemReader, never as a Task resource.',
      "The bucket must be in the state machine's account and Region.",
    ],
  },
  {
    resource: 'arn:aws:states:::s3:listObjectsV2',
    service: 's3',
    api: 'ListObjectsV2 (Distributed Map ItemReader)',
    pattern: 'request-response',
    kind: 'itemreader',
    permissions: [
      {
        purpose: 'item-reader',
        actions: ['s3:ListBucket'],
        staticResources: ['arn:${Partition}:s3:::${Param:Bucket}'],
        dynamicResources: ['*'],
        parameterFields: ['Bucket', 'Prefix'],
        condition: {
          StringLike: {
            's3:prefix': ['${Param:Prefix}'],
          },
        },
        note: 'ListObjectsV2 is authorised by s3:ListBucket on the bucket, narrowed by s3:prefix.',
      },
      {
        purpose: 'item-reader',
        actions: ['s3:GetObject'],
        staticResources: ['arn:${Partition}:s3:::${Param:Bucket}/${Param:Prefix}*'],
        dynamicResources: ['*'],
        parameterFields: ['Bucket', 'Prefix'],
        note: 'Second generated statement: reading the listed objects, needed only with ReaderConfig Transformation LOAD_AND_FLATTEN (distributedMapRequirements drops it otherwise).',
      },
    ],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/input-output-itemreader.html#itemreader-iam-policies',
    docStatus: 'documented',
    notes: [
      "The bucket must be in the state machine's account and Region.",
      "Prefix 'folder1' also matches 'folder10/…'; end prefixes with '/'.",
    ],
  },
  {
    resource: 'arn:aws:states:::s3:putObject',
    service: 's3',
    api: 'PutObject (Distributed Map ResultWriter)',
    pattern: 'request-response',
    kind: 'resultwriter',
    permissions: [
      {
        purpose: 'result-writer',
        actions: ['s3:PutObject', 's3:GetObject', 's3:ListMultipartUploadParts', 's3:AbortMultipartUpload'],
        staticResources: ['arn:${Partition}:s3:::${Param:Bucket}/${Param:Prefix}/*'],
        dynamicResources: ['*'],
        parameterFields: ['Bucket', 'Prefix'],
        note: 'Results are written with multipart uploads (manifest.json, SUCCEEDED_n/FAILED_n/PENDING_n.json).',
      },
      {
        purpose: 'kms',
        actions: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'],
        staticResources: ['${KmsKeyArnOfBucket}'],
        dynamicResources: ['${KmsKeyArnOfBucket}'],
        parameterFields: [],
        note: 'Only for an SSE-KMS destination bucket; the key policy must allow it too.',
      },
    ],
    source:
      'https://docs.aws.amazon.com/step-functions/latest/dg/input-output-resultwriter.html#resultwriter-iam-policies',
    docStatus: 'documented',
    notes: [
      'A ResultWriter with only WriterConfig writes nothing to S3 and needs no S3 permission.',
      "The bucket must be in the state machine's account and Region (else States.ResultWriterFailed).",
    ],
  },
];
