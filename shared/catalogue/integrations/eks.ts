// biome-ignore-all lint/suspicious/noTemplateCurlyInString: catalogue templates use ${…} placeholders
import type { Integration, PermissionSpec } from '../types.js';

/**
 * The cluster a call names, in the state machine's Region and account (EKS takes cluster names, not ARNs), and the
 * node group of a cluster, whose ARN ends in an id EKS assigns at creation (a hole).
 * https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelastickubernetesservice.html
 */
const CLUSTER_BY_NAME = 'arn:${Partition}:eks:${Region}:${Account}:cluster/${Param:Name#resourceName}';
const NODEGROUP =
  'arn:${Partition}:eks:${Region}:${Account}:nodegroup/${Param:ClusterName}/${Param:NodegroupName}/${Hole:UUID}';

const NO_IAM_ACTION = {
  purpose: 'other',
  actions: [],
  staticResources: [],
  dynamicResources: [],
  parameterFields: ['ClusterName', 'CertificateAuthority', 'Endpoint', 'Namespace', 'Job'],
  note: 'No IAM action: the Kubernetes API authorises the execution role through RBAC (aws-auth / access entries); missing RBAC fails with EKS.401.',
} satisfies PermissionSpec;

const INVOKE_CREATE_CLUSTER = {
  purpose: 'invoke',
  actions: ['eks:CreateCluster'],
  staticResources: ['*'],
  dynamicResources: ['*'],
  parameterFields: ['Name'],
} satisfies PermissionSpec;

const POLL_DESCRIBE_CLUSTER = {
  purpose: 'poll',
  actions: ['eks:DescribeCluster'],
  staticResources: ['arn:${Partition}:eks:${Region}:${Account}:cluster/*'],
  dynamicResources: ['arn:${Partition}:eks:${Region}:${Account}:cluster/*'],
  parameterFields: [],
  authorized: { 'eks:DescribeCluster': [CLUSTER_BY_NAME] },
} satisfies PermissionSpec;

const CANCEL_DELETE_CLUSTER = {
  purpose: 'cancel',
  actions: ['eks:DeleteCluster'],
  staticResources: ['arn:${Partition}:eks:${Region}:${Account}:cluster/*'],
  dynamicResources: ['arn:${Partition}:eks:${Region}:${Account}:cluster/*'],
  parameterFields: [],
  authorized: { 'eks:DeleteCluster': [CLUSTER_BY_NAME] },
  note: 'The template grants DeleteCluster with DescribeCluster on cluster/*.',
} satisfies PermissionSpec;

const PASSROLE_CLUSTER_ROLE = {
  purpose: 'passrole',
  actions: ['iam:PassRole'],
  staticResources: ['${Param:RoleArn}'],
  dynamicResources: ['${Param:RoleArn}'],
  parameterFields: ['RoleArn'],
  condition: {
    StringEquals: {
      'iam:PassedToService': 'eks.amazonaws.com',
    },
  },
  note: 'The cluster role.',
} satisfies PermissionSpec;

// Once per account and no statement given: kept without resources, so it is never checked.
const OTHER_CREATE_SERVICE_LINKED_ROLE = {
  purpose: 'other',
  actions: ['iam:CreateServiceLinkedRole'],
  staticResources: [],
  dynamicResources: [],
  parameterFields: [],
  note: 'Needed when the EKS service-linked roles do not exist yet; the page gives no statement.',
} satisfies PermissionSpec;

const INVOKE_DELETE_CLUSTER = {
  purpose: 'invoke',
  actions: ['eks:DeleteCluster'],
  staticResources: ['arn:${Partition}:eks:${Region}:${Account}:cluster/${Param:Name}'],
  dynamicResources: ['arn:${Partition}:eks:${Region}:${Account}:cluster/*'],
  parameterFields: ['Name'],
  authorized: { 'eks:DeleteCluster': [CLUSTER_BY_NAME] },
  note: 'Documented for a sample cluster only; the dynamic form is generalised.',
} satisfies PermissionSpec;

const POLL_DESCRIBE_DELETED_CLUSTER = {
  purpose: 'poll',
  actions: ['eks:DescribeCluster'],
  staticResources: ['arn:${Partition}:eks:${Region}:${Account}:cluster/${Param:Name}'],
  dynamicResources: ['arn:${Partition}:eks:${Region}:${Account}:cluster/*'],
  parameterFields: ['Name'],
  authorized: { 'eks:DescribeCluster': [CLUSTER_BY_NAME] },
} satisfies PermissionSpec;

const INVOKE_CREATE_NODEGROUP = {
  purpose: 'invoke',
  actions: ['eks:CreateNodegroup', 'ec2:DescribeSubnets'],
  staticResources: ['*'],
  dynamicResources: ['*'],
  parameterFields: ['ClusterName', 'NodegroupName', 'Subnets'],
} satisfies PermissionSpec;

const POLL_DESCRIBE_NODEGROUP = {
  purpose: 'poll',
  actions: ['eks:DescribeNodegroup'],
  staticResources: ['arn:${Partition}:eks:${Region}:${Account}:nodegroup/*'],
  dynamicResources: ['arn:${Partition}:eks:${Region}:${Account}:nodegroup/*'],
  parameterFields: [],
  authorized: { 'eks:DescribeNodegroup': [NODEGROUP] },
} satisfies PermissionSpec;

const CANCEL_DELETE_NODEGROUP = {
  purpose: 'cancel',
  actions: ['eks:DeleteNodegroup'],
  staticResources: ['arn:${Partition}:eks:${Region}:${Account}:nodegroup/*'],
  dynamicResources: ['arn:${Partition}:eks:${Region}:${Account}:nodegroup/*'],
  parameterFields: [],
  authorized: { 'eks:DeleteNodegroup': [NODEGROUP] },
} satisfies PermissionSpec;

const OTHER_GET_ROLE = {
  purpose: 'other',
  actions: ['iam:GetRole', 'iam:ListAttachedRolePolicies'],
  staticResources: ['arn:${Partition}:iam::${Account}:role/*'],
  dynamicResources: ['arn:${Partition}:iam::${Account}:role/*'],
  parameterFields: [],
  note: 'IAM reads that the documented CreateNodegroup template includes; which role EKS reads (the node role, presumably) is not documented, so every role of the account stays a hole.',
} satisfies PermissionSpec;

const PASSROLE_NODE_ROLE = {
  purpose: 'passrole',
  actions: ['iam:PassRole'],
  staticResources: ['${Param:NodeRole}'],
  dynamicResources: ['${Param:NodeRole}'],
  parameterFields: ['NodeRole'],
  condition: {
    StringEquals: {
      'iam:PassedToService': 'eks.amazonaws.com',
    },
  },
  note: 'The node instance role.',
} satisfies PermissionSpec;

const INVOKE_DELETE_NODEGROUP = {
  purpose: 'invoke',
  actions: ['eks:DeleteNodegroup'],
  staticResources: [
    'arn:${Partition}:eks:${Region}:${Account}:nodegroup/${Param:ClusterName}/${Param:NodegroupName}/*',
  ],
  dynamicResources: ['arn:${Partition}:eks:${Region}:${Account}:nodegroup/*'],
  parameterFields: ['ClusterName', 'NodegroupName'],
} satisfies PermissionSpec;

const POLL_DESCRIBE_DELETED_NODEGROUP = {
  purpose: 'poll',
  actions: ['eks:DescribeNodegroup'],
  staticResources: [
    'arn:${Partition}:eks:${Region}:${Account}:nodegroup/${Param:ClusterName}/${Param:NodegroupName}/*',
  ],
  dynamicResources: ['arn:${Partition}:eks:${Region}:${Account}:nodegroup/*'],
  parameterFields: ['ClusterName', 'NodegroupName'],
} satisfies PermissionSpec;

// Unconfirmed: no AWS template; the EKS API action names are required so a role lacking them is reported.
const INVOKE_CREATE_FARGATE_PROFILE = {
  purpose: 'invoke',
  actions: ['eks:CreateFargateProfile'],
  staticResources: ['arn:${Partition}:eks:${Region}:${Account}:cluster/${Param:ClusterName}'],
  dynamicResources: ['arn:${Partition}:eks:${Region}:${Account}:cluster/*'],
  parameterFields: ['ClusterName', 'FargateProfileName'],
  inferred: true,
  note: 'No AWS template: actions derived from the EKS API and the page text.',
} satisfies PermissionSpec;

const POLL_DESCRIBE_FARGATE_PROFILE = {
  purpose: 'poll',
  actions: ['eks:DescribeFargateProfile'],
  staticResources: [
    'arn:${Partition}:eks:${Region}:${Account}:fargateprofile/${Param:ClusterName}/${Param:FargateProfileName}/*',
  ],
  dynamicResources: ['arn:${Partition}:eks:${Region}:${Account}:fargateprofile/*'],
  parameterFields: ['ClusterName', 'FargateProfileName'],
  inferred: true,
} satisfies PermissionSpec;

const CANCEL_DELETE_FARGATE_PROFILE = {
  purpose: 'cancel',
  actions: ['eks:DeleteFargateProfile'],
  staticResources: [
    'arn:${Partition}:eks:${Region}:${Account}:fargateprofile/${Param:ClusterName}/${Param:FargateProfileName}/*',
  ],
  dynamicResources: ['arn:${Partition}:eks:${Region}:${Account}:fargateprofile/*'],
  parameterFields: ['ClusterName', 'FargateProfileName'],
  inferred: true,
} satisfies PermissionSpec;

const PASSROLE_POD_EXECUTION_ROLE = {
  purpose: 'passrole',
  actions: ['iam:PassRole'],
  staticResources: ['${Param:PodExecutionRoleArn}'],
  dynamicResources: ['${Param:PodExecutionRoleArn}'],
  parameterFields: ['PodExecutionRoleArn'],
  note: 'The page asks to allow passing the pod execution role, without a statement.',
} satisfies PermissionSpec;

// Unconfirmed: no AWS template; the EKS API action names are required so a role lacking them is reported.
const INVOKE_DELETE_FARGATE_PROFILE = {
  purpose: 'invoke',
  actions: ['eks:DeleteFargateProfile'],
  staticResources: [
    'arn:${Partition}:eks:${Region}:${Account}:fargateprofile/${Param:ClusterName}/${Param:FargateProfileName}/*',
  ],
  dynamicResources: ['arn:${Partition}:eks:${Region}:${Account}:fargateprofile/*'],
  parameterFields: ['ClusterName', 'FargateProfileName'],
  inferred: true,
  note: 'No AWS template: derived from the EKS API.',
} satisfies PermissionSpec;

/** Amazon EKS cluster, node group and Fargate profile APIs, and the Kubernetes API calls that need no IAM action. */
export const EKS_INTEGRATIONS: readonly Integration[] = [
  {
    resource: 'arn:aws:states:::eks:runJob',
    service: 'eks',
    api: 'runJob (Kubernetes batch/v1 Job)',
    pattern: 'request-response',
    kind: 'task',
    permissions: [NO_IAM_ACTION],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-eks.html#connect-eks-permissions',
    docStatus: 'documented-no-iam',
    notes: [
      'runJob.sync is monitored by polling only.',
      'The page says callback is unsupported while the integration table lists it; no callback entry.',
    ],
  },
  {
    resource: 'arn:aws:states:::eks:runJob.sync',
    service: 'eks',
    api: 'runJob (Kubernetes batch/v1 Job)',
    pattern: 'sync',
    kind: 'task',
    permissions: [NO_IAM_ACTION],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-eks.html#connect-eks-permissions',
    docStatus: 'documented-no-iam',
    notes: [
      'runJob.sync is monitored by polling only.',
      'The page says callback is unsupported while the integration table lists it; no callback entry.',
    ],
  },
  {
    resource: 'arn:aws:states:::eks:call',
    service: 'eks',
    api: 'call (Kubernetes REST API)',
    pattern: 'request-response',
    kind: 'task',
    permissions: [
      {
        purpose: 'other',
        actions: [],
        staticResources: [],
        dynamicResources: [],
        parameterFields: ['ClusterName', 'CertificateAuthority', 'Endpoint', 'Method', 'Path'],
        note: 'No IAM action: the Kubernetes API authorises the execution role through RBAC (aws-auth / access entries); missing RBAC fails with EKS.401.',
      },
    ],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-eks.html#connect-eks-permissions',
    docStatus: 'documented-no-iam',
  },
  {
    resource: 'arn:aws:states:::eks:createCluster',
    service: 'eks',
    api: 'CreateCluster',
    pattern: 'request-response',
    kind: 'task',
    permissions: [
      INVOKE_CREATE_CLUSTER,
      POLL_DESCRIBE_CLUSTER,
      CANCEL_DELETE_CLUSTER,
      PASSROLE_CLUSTER_ROLE,
      OTHER_CREATE_SERVICE_LINKED_ROLE,
    ],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-eks.html#eks-iam',
    docStatus: 'documented',
    notes: [
      'The creating execution role becomes a system:masters administrator of the new cluster.',
      "The page's EKS templates are concrete samples (sa-east-1, 444455556666), generalised here.",
      'The page says callback is unsupported while the integration table lists it; no callback entry.',
    ],
  },
  {
    resource: 'arn:aws:states:::eks:deleteCluster',
    service: 'eks',
    api: 'DeleteCluster',
    pattern: 'request-response',
    kind: 'task',
    permissions: [INVOKE_DELETE_CLUSTER, POLL_DESCRIBE_DELETED_CLUSTER],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-eks.html#eks-iam',
    docStatus: 'documented',
    notes: [
      "The page's EKS templates are concrete samples (sa-east-1, 444455556666), generalised here.",
      'The page says callback is unsupported while the integration table lists it; no callback entry.',
    ],
  },
  {
    resource: 'arn:aws:states:::eks:createNodegroup',
    service: 'eks',
    api: 'CreateNodegroup',
    pattern: 'request-response',
    kind: 'task',
    permissions: [
      INVOKE_CREATE_NODEGROUP,
      POLL_DESCRIBE_NODEGROUP,
      CANCEL_DELETE_NODEGROUP,
      OTHER_GET_ROLE,
      PASSROLE_NODE_ROLE,
      OTHER_CREATE_SERVICE_LINKED_ROLE,
    ],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-eks.html#eks-iam',
    docStatus: 'documented',
    notes: [
      "The page's EKS templates are concrete samples (sa-east-1, 444455556666), generalised here.",
      'The page says callback is unsupported while the integration table lists it; no callback entry.',
    ],
  },
  {
    resource: 'arn:aws:states:::eks:deleteNodegroup',
    service: 'eks',
    api: 'DeleteNodegroup',
    pattern: 'request-response',
    kind: 'task',
    permissions: [INVOKE_DELETE_NODEGROUP, POLL_DESCRIBE_DELETED_NODEGROUP],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-eks.html#eks-iam',
    docStatus: 'documented',
    notes: [
      "The page's EKS templates are concrete samples (sa-east-1, 444455556666), generalised here.",
      'The page says callback is unsupported while the integration table lists it; no callback entry.',
    ],
  },
  {
    resource: 'arn:aws:states:::eks:createFargateProfile',
    service: 'eks',
    api: 'CreateFargateProfile',
    pattern: 'request-response',
    kind: 'task',
    permissions: [
      INVOKE_CREATE_FARGATE_PROFILE,
      POLL_DESCRIBE_FARGATE_PROFILE,
      CANCEL_DELETE_FARGATE_PROFILE,
      PASSROLE_POD_EXECUTION_ROLE,
      OTHER_CREATE_SERVICE_LINKED_ROLE,
    ],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-eks.html',
    docStatus: 'api-listed-no-template',
    notes: ['The page says callback is unsupported while the integration table lists it; no callback entry.'],
  },
  {
    resource: 'arn:aws:states:::eks:deleteFargateProfile',
    service: 'eks',
    api: 'DeleteFargateProfile',
    pattern: 'request-response',
    kind: 'task',
    permissions: [INVOKE_DELETE_FARGATE_PROFILE, POLL_DESCRIBE_FARGATE_PROFILE],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-eks.html',
    docStatus: 'api-listed-no-template',
    notes: ['The page says callback is unsupported while the integration table lists it; no callback entry.'],
  },
  {
    resource: 'arn:aws:states:::eks:createCluster.sync',
    service: 'eks',
    api: 'CreateCluster',
    pattern: 'sync',
    kind: 'task',
    permissions: [
      INVOKE_CREATE_CLUSTER,
      POLL_DESCRIBE_CLUSTER,
      CANCEL_DELETE_CLUSTER,
      PASSROLE_CLUSTER_ROLE,
      OTHER_CREATE_SERVICE_LINKED_ROLE,
    ],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-eks.html#eks-iam',
    docStatus: 'documented',
    notes: [
      'The creating execution role becomes a system:masters administrator of the new cluster.',
      "The page's EKS templates are concrete samples (sa-east-1, 444455556666), generalised here.",
      'The page says callback is unsupported while the integration table lists it; no callback entry.',
    ],
  },
  {
    resource: 'arn:aws:states:::eks:deleteCluster.sync',
    service: 'eks',
    api: 'DeleteCluster',
    pattern: 'sync',
    kind: 'task',
    permissions: [INVOKE_DELETE_CLUSTER, POLL_DESCRIBE_DELETED_CLUSTER],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-eks.html#eks-iam',
    docStatus: 'documented',
    notes: [
      "The page's EKS templates are concrete samples (sa-east-1, 444455556666), generalised here.",
      'The page says callback is unsupported while the integration table lists it; no callback entry.',
    ],
  },
  {
    resource: 'arn:aws:states:::eks:createNodegroup.sync',
    service: 'eks',
    api: 'CreateNodegroup',
    pattern: 'sync',
    kind: 'task',
    permissions: [
      INVOKE_CREATE_NODEGROUP,
      POLL_DESCRIBE_NODEGROUP,
      CANCEL_DELETE_NODEGROUP,
      OTHER_GET_ROLE,
      PASSROLE_NODE_ROLE,
      OTHER_CREATE_SERVICE_LINKED_ROLE,
    ],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-eks.html#eks-iam',
    docStatus: 'documented',
    notes: [
      "The page's EKS templates are concrete samples (sa-east-1, 444455556666), generalised here.",
      'The page says callback is unsupported while the integration table lists it; no callback entry.',
    ],
  },
  {
    resource: 'arn:aws:states:::eks:deleteNodegroup.sync',
    service: 'eks',
    api: 'DeleteNodegroup',
    pattern: 'sync',
    kind: 'task',
    permissions: [INVOKE_DELETE_NODEGROUP, POLL_DESCRIBE_DELETED_NODEGROUP],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-eks.html#eks-iam',
    docStatus: 'documented',
    notes: [
      "The page's EKS templates are concrete samples (sa-east-1, 444455556666), generalised here.",
      'The page says callback is unsupported while the integration table lists it; no callback entry.',
    ],
  },
  {
    resource: 'arn:aws:states:::eks:createFargateProfile.sync',
    service: 'eks',
    api: 'CreateFargateProfile',
    pattern: 'sync',
    kind: 'task',
    permissions: [
      INVOKE_CREATE_FARGATE_PROFILE,
      POLL_DESCRIBE_FARGATE_PROFILE,
      CANCEL_DELETE_FARGATE_PROFILE,
      PASSROLE_POD_EXECUTION_ROLE,
      OTHER_CREATE_SERVICE_LINKED_ROLE,
    ],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-eks.html',
    docStatus: 'api-listed-no-template',
    notes: ['The page says callback is unsupported while the integration table lists it; no callback entry.'],
  },
  {
    resource: 'arn:aws:states:::eks:deleteFargateProfile.sync',
    service: 'eks',
    api: 'DeleteFargateProfile',
    pattern: 'sync',
    kind: 'task',
    permissions: [INVOKE_DELETE_FARGATE_PROFILE, POLL_DESCRIBE_FARGATE_PROFILE],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-eks.html',
    docStatus: 'api-listed-no-template',
    notes: ['The page says callback is unsupported while the integration table lists it; no callback entry.'],
  },
];
