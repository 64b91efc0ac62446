// biome-ignore-all lint/suspicious/noTemplateCurlyInString: catalogue templates use ${…} placeholders
import type { Integration, PermissionSpec } from '../types.js';

const INVOKE_ADD_JOB_FLOW_STEPS = {
  purpose: 'invoke',
  actions: ['elasticmapreduce:AddJobFlowSteps'],
  staticResources: ['arn:${Partition}:elasticmapreduce:${Region}:${Account}:cluster/${Param:ClusterId}'],
  dynamicResources: ['arn:${Partition}:elasticmapreduce:*:*:cluster/*'],
  parameterFields: ['ClusterId'],
  note: 'addStep and addStep.sync share one template, which always includes DescribeStep and CancelSteps.',
} satisfies PermissionSpec;

const POLL_DESCRIBE_STEP = {
  purpose: 'poll',
  actions: ['elasticmapreduce:DescribeStep'],
  staticResources: ['arn:${Partition}:elasticmapreduce:${Region}:${Account}:cluster/${Param:ClusterId}'],
  dynamicResources: ['arn:${Partition}:elasticmapreduce:*:*:cluster/*'],
  parameterFields: ['ClusterId'],
} satisfies PermissionSpec;

const CANCEL_CANCEL_STEPS = {
  purpose: 'cancel',
  actions: ['elasticmapreduce:CancelSteps'],
  staticResources: ['arn:${Partition}:elasticmapreduce:${Region}:${Account}:cluster/${Param:ClusterId}'],
  dynamicResources: ['arn:${Partition}:elasticmapreduce:*:*:cluster/*'],
  parameterFields: ['ClusterId'],
} satisfies PermissionSpec;

// Unconfirmed: EMR requires PassRole for a step runtime role, so it is required when ExecutionRoleArn is set.
const PASSROLE_STEP_ROLE = {
  purpose: 'passrole',
  actions: ['iam:PassRole'],
  staticResources: ['${Param:ExecutionRoleArn}'],
  dynamicResources: ['*'],
  parameterFields: ['ExecutionRoleArn'],
  inferred: true,
  note: "Runtime role of the step (ExecutionRoleArn); not in the template, derived from EMR's own requirements.",
} satisfies PermissionSpec;

const INVOKE_RUN_JOB_FLOW = {
  purpose: 'invoke',
  actions: ['elasticmapreduce:RunJobFlow'],
  staticResources: ['*'],
  dynamicResources: ['*'],
  parameterFields: ['Name'],
} satisfies PermissionSpec;

const POLL_DESCRIBE_CLUSTER = {
  purpose: 'poll',
  actions: ['elasticmapreduce:DescribeCluster'],
  staticResources: ['*'],
  dynamicResources: ['*'],
  parameterFields: [],
} satisfies PermissionSpec;

const CANCEL_TERMINATE_JOB_FLOWS = {
  purpose: 'cancel',
  actions: ['elasticmapreduce:TerminateJobFlows'],
  staticResources: ['*'],
  dynamicResources: ['*'],
  parameterFields: [],
} satisfies PermissionSpec;

const PASSROLE_CLUSTER_ROLES = {
  purpose: 'passrole',
  actions: ['iam:PassRole'],
  staticResources: [
    'arn:${Partition}:iam::${Account}:role/${Param:ServiceRole}',
    'arn:${Partition}:iam::${Account}:role/${Param:JobFlowRole}',
    'arn:${Partition}:iam::${Account}:role/${Param:AutoScalingRole}',
  ],
  dynamicResources: ['*'],
  parameterFields: ['ServiceRole', 'JobFlowRole', 'AutoScalingRole'],
  note: 'One statement on role/<roleName> without condition; the page does not say which fields feed it (ServiceRole, JobFlowRole, AutoScalingRole carry roles).',
} satisfies PermissionSpec;

// Once per account and no statement given: kept without resources, so it is never checked (requiring it would flag every account where the role exists).
const OTHER_CREATE_SERVICE_LINKED_ROLE = {
  purpose: 'other',
  actions: ['iam:CreateServiceLinkedRole'],
  staticResources: [],
  dynamicResources: [],
  parameterFields: [],
  note: 'The page asks for permission to create the AWSServiceRoleForEMRCleanup service-linked role but gives no statement.',
} satisfies PermissionSpec;

const INVOKE_TERMINATE_JOB_FLOWS = {
  purpose: 'invoke',
  actions: ['elasticmapreduce:TerminateJobFlows'],
  staticResources: ['arn:${Partition}:elasticmapreduce:${Region}:${Account}:cluster/${Param:ClusterId}'],
  dynamicResources: ['arn:${Partition}:elasticmapreduce:*:*:cluster/*'],
  parameterFields: ['ClusterId'],
} satisfies PermissionSpec;

const POLL_DESCRIBE_TERMINATING_CLUSTER = {
  purpose: 'poll',
  actions: ['elasticmapreduce:DescribeCluster'],
  staticResources: ['arn:${Partition}:elasticmapreduce:${Region}:${Account}:cluster/${Param:ClusterId}'],
  dynamicResources: ['arn:${Partition}:elasticmapreduce:*:*:cluster/*'],
  parameterFields: ['ClusterId'],
  note: 'Part of the single template, used for request-response too.',
} satisfies PermissionSpec;

/** Amazon EMR cluster and step APIs (polled on a fixed cadence, no managed rule). */
export const EMR_INTEGRATIONS: readonly Integration[] = [
  {
    resource: 'arn:aws:states:::elasticmapreduce:addStep',
    service: 'elasticmapreduce',
    api: 'AddJobFlowSteps (addStep)',
    pattern: 'request-response',
    kind: 'task',
    permissions: [INVOKE_ADD_JOB_FLOW_STEPS, POLL_DESCRIBE_STEP, CANCEL_CANCEL_STEPS, PASSROLE_STEP_ROLE],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-emr.html#emr-iam',
    docStatus: 'documented',
    notes: ['EMR is polled on a fixed cadence: every 60 s for 10 minutes, then every 300 s.'],
  },
  {
    resource: 'arn:aws:states:::elasticmapreduce:addStep.sync',
    service: 'elasticmapreduce',
    api: 'AddJobFlowSteps (addStep)',
    pattern: 'sync',
    kind: 'task',
    permissions: [INVOKE_ADD_JOB_FLOW_STEPS, POLL_DESCRIBE_STEP, CANCEL_CANCEL_STEPS, PASSROLE_STEP_ROLE],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-emr.html#emr-iam',
    docStatus: 'documented',
    notes: [
      'EMR is polled on a fixed cadence: every 60 s for 10 minutes, then every 300 s.',
      'No events permission: the current EMR templates have none and EMR is polled (the 2023 rule name survives only in old templates and AWS CDK).',
    ],
  },
  {
    resource: 'arn:aws:states:::elasticmapreduce:cancelStep',
    service: 'elasticmapreduce',
    api: 'CancelSteps (cancelStep)',
    pattern: 'request-response',
    kind: 'task',
    permissions: [
      {
        purpose: 'invoke',
        actions: ['elasticmapreduce:CancelSteps'],
        staticResources: ['arn:${Partition}:elasticmapreduce:${Region}:${Account}:cluster/${Param:ClusterId}'],
        dynamicResources: ['arn:${Partition}:elasticmapreduce:*:*:cluster/*'],
        parameterFields: ['ClusterId', 'StepId'],
      },
    ],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-emr.html#emr-iam',
    docStatus: 'documented',
  },
  {
    resource: 'arn:aws:states:::elasticmapreduce:createCluster',
    service: 'elasticmapreduce',
    api: 'RunJobFlow (createCluster)',
    pattern: 'request-response',
    kind: 'task',
    permissions: [
      INVOKE_RUN_JOB_FLOW,
      POLL_DESCRIBE_CLUSTER,
      CANCEL_TERMINATE_JOB_FLOWS,
      PASSROLE_CLUSTER_ROLES,
      OTHER_CREATE_SERVICE_LINKED_ROLE,
    ],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-emr.html#emr-iam',
    docStatus: 'documented',
    notes: ['EMR is polled on a fixed cadence: every 60 s for 10 minutes, then every 300 s.'],
  },
  {
    resource: 'arn:aws:states:::elasticmapreduce:createCluster.sync',
    service: 'elasticmapreduce',
    api: 'RunJobFlow (createCluster)',
    pattern: 'sync',
    kind: 'task',
    permissions: [
      INVOKE_RUN_JOB_FLOW,
      POLL_DESCRIBE_CLUSTER,
      CANCEL_TERMINATE_JOB_FLOWS,
      PASSROLE_CLUSTER_ROLES,
      OTHER_CREATE_SERVICE_LINKED_ROLE,
    ],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-emr.html#emr-iam',
    docStatus: 'documented',
    notes: ['EMR is polled on a fixed cadence: every 60 s for 10 minutes, then every 300 s.'],
  },
  {
    resource: 'arn:aws:states:::elasticmapreduce:setClusterTerminationProtection',
    service: 'elasticmapreduce',
    api: 'SetTerminationProtection (setClusterTerminationProtection)',
    pattern: 'request-response',
    kind: 'task',
    permissions: [
      {
        purpose: 'invoke',
        actions: ['elasticmapreduce:SetTerminationProtection'],
        staticResources: ['arn:${Partition}:elasticmapreduce:${Region}:${Account}:cluster/${Param:ClusterId}'],
        dynamicResources: ['arn:${Partition}:elasticmapreduce:*:*:cluster/*'],
        parameterFields: ['ClusterId'],
      },
    ],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-emr.html#emr-iam',
    docStatus: 'documented',
  },
  {
    resource: 'arn:aws:states:::elasticmapreduce:terminateCluster',
    service: 'elasticmapreduce',
    api: 'TerminateJobFlows (terminateCluster)',
    pattern: 'request-response',
    kind: 'task',
    permissions: [INVOKE_TERMINATE_JOB_FLOWS, POLL_DESCRIBE_TERMINATING_CLUSTER],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-emr.html#emr-iam',
    docStatus: 'documented',
    notes: ['EMR is polled on a fixed cadence: every 60 s for 10 minutes, then every 300 s.'],
  },
  {
    resource: 'arn:aws:states:::elasticmapreduce:terminateCluster.sync',
    service: 'elasticmapreduce',
    api: 'TerminateJobFlows (terminateCluster)',
    pattern: 'sync',
    kind: 'task',
    permissions: [INVOKE_TERMINATE_JOB_FLOWS, POLL_DESCRIBE_TERMINATING_CLUSTER],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-emr.html#emr-iam',
    docStatus: 'documented',
    notes: ['EMR is polled on a fixed cadence: every 60 s for 10 minutes, then every 300 s.'],
  },
  {
    resource: 'arn:aws:states:::elasticmapreduce:modifyInstanceFleetByName',
    service: 'elasticmapreduce',
    api: 'ModifyInstanceFleet (modifyInstanceFleetByName)',
    pattern: 'request-response',
    kind: 'task',
    permissions: [
      {
        purpose: 'invoke',
        actions: ['elasticmapreduce:ModifyInstanceFleet'],
        staticResources: ['arn:${Partition}:elasticmapreduce:${Region}:${Account}:cluster/${Param:ClusterId}'],
        dynamicResources: ['arn:${Partition}:elasticmapreduce:*:*:cluster/*'],
        parameterFields: ['ClusterId', 'InstanceFleetName'],
      },
      {
        purpose: 'other',
        actions: ['elasticmapreduce:ListInstanceFleets'],
        staticResources: ['arn:${Partition}:elasticmapreduce:${Region}:${Account}:cluster/${Param:ClusterId}'],
        dynamicResources: ['arn:${Partition}:elasticmapreduce:*:*:cluster/*'],
        parameterFields: ['ClusterId'],
        note: 'Resolves InstanceFleetName to its id.',
      },
    ],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-emr.html#emr-iam',
    docStatus: 'documented',
  },
  {
    resource: 'arn:aws:states:::elasticmapreduce:modifyInstanceGroupByName',
    service: 'elasticmapreduce',
    api: 'ModifyInstanceGroups (modifyInstanceGroupByName)',
    pattern: 'request-response',
    kind: 'task',
    permissions: [
      {
        purpose: 'invoke',
        actions: ['elasticmapreduce:ModifyInstanceGroups'],
        staticResources: ['arn:${Partition}:elasticmapreduce:${Region}:${Account}:cluster/${Param:ClusterId}'],
        dynamicResources: ['*'],
        parameterFields: ['ClusterId', 'InstanceGroupName'],
        note: 'The dynamic form here is plain "*" (other EMR APIs keep cluster/*).',
      },
      {
        purpose: 'other',
        actions: ['elasticmapreduce:ListInstanceGroups'],
        staticResources: ['arn:${Partition}:elasticmapreduce:${Region}:${Account}:cluster/${Param:ClusterId}'],
        dynamicResources: ['*'],
        parameterFields: ['ClusterId'],
        note: 'Resolves InstanceGroupName to its id.',
      },
    ],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-emr.html#emr-iam',
    docStatus: 'documented',
  },
];
