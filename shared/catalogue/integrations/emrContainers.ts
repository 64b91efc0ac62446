// biome-ignore-all lint/suspicious/noTemplateCurlyInString: catalogue templates use ${…} placeholders
import type { Integration, PermissionSpec } from '../types.js';

const INVOKE_DELETE_VIRTUAL_CLUSTER = {
  purpose: 'invoke',
  actions: ['emr-containers:DeleteVirtualCluster'],
  staticResources: ['arn:${Partition}:emr-containers:${Region}:${Account}:/virtualclusters/${Param:Id}'],
  dynamicResources: ['arn:${Partition}:emr-containers:${Region}:${Account}:/virtualclusters/*'],
  parameterFields: ['Id'],
} satisfies PermissionSpec;

const INVOKE_START_JOB_RUN = {
  purpose: 'invoke',
  actions: ['emr-containers:StartJobRun'],
  staticResources: ['arn:${Partition}:emr-containers:${Region}:${Account}:/virtualclusters/${Param:VirtualClusterId}'],
  dynamicResources: ['arn:${Partition}:emr-containers:${Region}:${Account}:/virtualclusters/*'],
  parameterFields: ['VirtualClusterId', 'ExecutionRoleArn'],
  condition: {
    StringEquals: {
      'emr-containers:ExecutionRoleArn': ['${Param:ExecutionRoleArn}'],
    },
  },
  note: 'The job execution role is constrained by the emr-containers:ExecutionRoleArn condition (no PassRole statement), also in the dynamic template.',
} satisfies PermissionSpec;

/** Amazon EMR on EKS virtual clusters and job runs. */
export const EMR_CONTAINERS_INTEGRATIONS: readonly Integration[] = [
  {
    resource: 'arn:aws:states:::emr-containers:createVirtualCluster',
    service: 'emr-containers',
    api: 'CreateVirtualCluster',
    pattern: 'request-response',
    kind: 'task',
    permissions: [
      {
        purpose: 'invoke',
        actions: ['emr-containers:CreateVirtualCluster'],
        staticResources: ['*'],
        dynamicResources: ['*'],
        parameterFields: ['Name', 'ContainerProvider'],
      },
      // https://docs.aws.amazon.com/emr/latest/EMR-on-EKS-DevelopmentGuide/using-service-linked-roles.html
      {
        purpose: 'other',
        actions: ['iam:CreateServiceLinkedRole'],
        staticResources: [
          'arn:${Partition}:iam::${Account}:role/aws-service-role/emr-containers.amazonaws.com/AWSServiceRoleForAmazonEMRContainers',
        ],
        dynamicResources: [
          'arn:${Partition}:iam::${Account}:role/aws-service-role/emr-containers.amazonaws.com/AWSServiceRoleForAmazonEMRContainers',
        ],
        parameterFields: [],
        condition: {
          StringLike: {
            'iam:AWSServiceName': 'emr-containers.amazonaws.com',
          },
        },
        note: 'The page misspells the role as AnAWSServiceRoleForAmazonEMRContainers; the real service-linked role is AWSServiceRoleForAmazonEMRContainers.',
      },
    ],
    source:
      'https://docs.aws.amazon.com/step-functions/latest/dg/emr-eks-iam.html (IAM section) and https://docs.aws.amazon.com/step-functions/latest/dg/connect-emr-eks.html',
    docStatus: 'documented',
  },
  {
    resource: 'arn:aws:states:::emr-containers:deleteVirtualCluster',
    service: 'emr-containers',
    api: 'DeleteVirtualCluster',
    pattern: 'request-response',
    kind: 'task',
    permissions: [INVOKE_DELETE_VIRTUAL_CLUSTER],
    source:
      'https://docs.aws.amazon.com/step-functions/latest/dg/emr-eks-iam.html (IAM section) and https://docs.aws.amazon.com/step-functions/latest/dg/connect-emr-eks.html',
    docStatus: 'documented',
  },
  {
    resource: 'arn:aws:states:::emr-containers:deleteVirtualCluster.sync',
    service: 'emr-containers',
    api: 'DeleteVirtualCluster',
    pattern: 'sync',
    kind: 'task',
    permissions: [
      INVOKE_DELETE_VIRTUAL_CLUSTER,
      {
        purpose: 'poll',
        actions: ['emr-containers:DescribeVirtualCluster'],
        staticResources: ['arn:${Partition}:emr-containers:${Region}:${Account}:/virtualclusters/${Param:Id}'],
        dynamicResources: ['arn:${Partition}:emr-containers:${Region}:${Account}:/virtualclusters/*'],
        parameterFields: ['Id'],
      },
    ],
    source:
      'https://docs.aws.amazon.com/step-functions/latest/dg/emr-eks-iam.html (IAM section) and https://docs.aws.amazon.com/step-functions/latest/dg/connect-emr-eks.html',
    docStatus: 'documented',
  },
  {
    resource: 'arn:aws:states:::emr-containers:startJobRun',
    service: 'emr-containers',
    api: 'StartJobRun',
    pattern: 'request-response',
    kind: 'task',
    permissions: [INVOKE_START_JOB_RUN],
    source:
      'https://docs.aws.amazon.com/step-functions/latest/dg/emr-eks-iam.html (IAM section) and https://docs.aws.amazon.com/step-functions/latest/dg/connect-emr-eks.html',
    docStatus: 'documented',
  },
  {
    resource: 'arn:aws:states:::emr-containers:startJobRun.sync',
    service: 'emr-containers',
    api: 'StartJobRun',
    pattern: 'sync',
    kind: 'task',
    permissions: [
      INVOKE_START_JOB_RUN,
      {
        purpose: 'poll',
        actions: ['emr-containers:DescribeJobRun'],
        staticResources: [
          'arn:${Partition}:emr-containers:${Region}:${Account}:/virtualclusters/${Param:VirtualClusterId}/jobruns/*',
        ],
        dynamicResources: ['arn:${Partition}:emr-containers:${Region}:${Account}:/virtualclusters/*'],
        parameterFields: ['VirtualClusterId'],
      },
      {
        purpose: 'cancel',
        actions: ['emr-containers:CancelJobRun'],
        staticResources: [
          'arn:${Partition}:emr-containers:${Region}:${Account}:/virtualclusters/${Param:VirtualClusterId}/jobruns/*',
        ],
        dynamicResources: ['arn:${Partition}:emr-containers:${Region}:${Account}:/virtualclusters/*'],
        parameterFields: ['VirtualClusterId'],
        note: 'The dynamic template grants DescribeJobRun/CancelJobRun on /virtualclusters/*, not on job runs.',
      },
    ],
    source:
      'https://docs.aws.amazon.com/step-functions/latest/dg/emr-eks-iam.html (IAM section) and https://docs.aws.amazon.com/step-functions/latest/dg/connect-emr-eks.html',
    docStatus: 'documented',
  },
];
