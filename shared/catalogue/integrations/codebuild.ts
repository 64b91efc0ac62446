// biome-ignore-all lint/suspicious/noTemplateCurlyInString: catalogue templates use ${…} placeholders
import type { Integration, PermissionSpec } from '../types.js';

const INVOKE_START_BUILD = {
  purpose: 'invoke',
  actions: ['codebuild:StartBuild'],
  staticResources: ['arn:${Partition}:codebuild:${Region}:${Account}:project/${Param:ProjectName}'],
  dynamicResources: ['arn:${Partition}:codebuild:${Region}:*:project/*'],
  parameterFields: ['ProjectName'],
  note: 'The dynamic form also wildcards the account (REGION:*:project/*).',
} satisfies PermissionSpec;

const INVOKE_START_BUILD_BATCH = {
  purpose: 'invoke',
  actions: ['codebuild:StartBuildBatch'],
  staticResources: ['arn:${Partition}:codebuild:${Region}:${Account}:project/${Param:ProjectName}'],
  dynamicResources: ['arn:${Partition}:codebuild:${Region}:${Account}:project/*'],
  parameterFields: ['ProjectName'],
  note: 'The dynamic form keeps the account (REGION:ACCOUNT:project/*), unlike StartBuild.',
} satisfies PermissionSpec;

const INVOKE_RETRY_BUILD_BATCH = {
  purpose: 'invoke',
  actions: ['codebuild:RetryBuildBatch'],
  staticResources: ['arn:${Partition}:codebuild:${Region}:${Account}:project/${Param:Id#projectName}'],
  dynamicResources: ['arn:${Partition}:codebuild:${Region}:${Account}:project/*'],
  parameterFields: ['Id'],
  note: "The task passes a build id '<project>:<uuid>'; the template scopes to the project (the part before ':').",
} satisfies PermissionSpec;

/** AWS CodeBuild builds and build batches. */
export const CODEBUILD_INTEGRATIONS: readonly Integration[] = [
  {
    resource: 'arn:aws:states:::codebuild:startBuild',
    service: 'codebuild',
    api: 'StartBuild',
    pattern: 'request-response',
    kind: 'task',
    permissions: [INVOKE_START_BUILD],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-codebuild.html#codebuild-iam',
    docStatus: 'documented',
    notes: ["CodeBuild rule names use the singular 'GetEvent'."],
  },
  {
    resource: 'arn:aws:states:::codebuild:startBuild.sync',
    service: 'codebuild',
    api: 'StartBuild',
    pattern: 'sync',
    kind: 'task',
    permissions: [
      INVOKE_START_BUILD,
      {
        purpose: 'poll',
        actions: ['codebuild:BatchGetBuilds'],
        staticResources: ['arn:${Partition}:codebuild:${Region}:${Account}:project/${Param:ProjectName}'],
        dynamicResources: ['arn:${Partition}:codebuild:${Region}:*:project/*'],
        parameterFields: ['ProjectName'],
      },
      {
        purpose: 'cancel',
        actions: ['codebuild:StopBuild'],
        staticResources: ['arn:${Partition}:codebuild:${Region}:${Account}:project/${Param:ProjectName}'],
        dynamicResources: ['arn:${Partition}:codebuild:${Region}:*:project/*'],
        parameterFields: ['ProjectName'],
      },
      {
        purpose: 'events',
        actions: ['events:PutTargets', 'events:PutRule', 'events:DescribeRule'],
        staticResources: [
          'arn:${Partition}:events:${Region}:${Account}:rule/StepFunctionsGetEventForCodeBuildStartBuildRule',
        ],
        dynamicResources: [
          'arn:${Partition}:events:${Region}:${Account}:rule/StepFunctionsGetEventForCodeBuildStartBuildRule',
        ],
        parameterFields: [],
        managedRule: 'StepFunctionsGetEventForCodeBuildStartBuildRule',
        note: 'Account-wide managed rule through which Step Functions hears that the job finished; without it completion is only seen by polling.',
      },
    ],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-codebuild.html#codebuild-iam',
    docStatus: 'documented',
    notes: ["CodeBuild rule names use the singular 'GetEvent'."],
  },
  {
    resource: 'arn:aws:states:::codebuild:stopBuild',
    service: 'codebuild',
    api: 'StopBuild',
    pattern: 'request-response',
    kind: 'task',
    permissions: [
      {
        purpose: 'invoke',
        actions: ['codebuild:StopBuild'],
        staticResources: ['arn:${Partition}:codebuild:${Region}:${Account}:project/${Param:Id#projectName}'],
        dynamicResources: ['arn:${Partition}:codebuild:${Region}:*:project/*'],
        parameterFields: ['Id'],
        note: "The task passes a build id '<project>:<uuid>'; the template scopes to the project (the part before ':').",
      },
    ],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-codebuild.html#codebuild-iam',
    docStatus: 'documented',
  },
  {
    resource: 'arn:aws:states:::codebuild:batchDeleteBuilds',
    service: 'codebuild',
    api: 'BatchDeleteBuilds',
    pattern: 'request-response',
    kind: 'task',
    permissions: [
      {
        purpose: 'invoke',
        actions: ['codebuild:BatchDeleteBuilds'],
        staticResources: ['arn:${Partition}:codebuild:${Region}:${Account}:project/${Param:Ids[*]#projectName}'],
        dynamicResources: ['arn:${Partition}:codebuild:${Region}:*:project/*'],
        parameterFields: ['Ids'],
        note: "The task passes a build id '<project>:<uuid>'; the template scopes to the project (the part before ':').",
      },
    ],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-codebuild.html#codebuild-iam',
    docStatus: 'documented',
  },
  {
    resource: 'arn:aws:states:::codebuild:batchGetReports',
    service: 'codebuild',
    api: 'BatchGetReports',
    pattern: 'request-response',
    kind: 'task',
    permissions: [
      {
        purpose: 'invoke',
        actions: ['codebuild:BatchGetReports'],
        staticResources: [
          'arn:${Partition}:codebuild:${Region}:${Account}:report-group/${Param:ReportArns[*]#reportGroupName}',
        ],
        dynamicResources: ['arn:${Partition}:codebuild:${Region}:*:report-group/*'],
        parameterFields: ['ReportArns'],
        note: 'Scoped to the report group, not to the report ARNs passed in ReportArns.',
      },
    ],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-codebuild.html#codebuild-iam',
    docStatus: 'documented',
  },
  {
    resource: 'arn:aws:states:::codebuild:startBuildBatch',
    service: 'codebuild',
    api: 'StartBuildBatch',
    pattern: 'request-response',
    kind: 'task',
    permissions: [INVOKE_START_BUILD_BATCH],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-codebuild.html#codebuild-iam',
    docStatus: 'documented',
  },
  {
    resource: 'arn:aws:states:::codebuild:startBuildBatch.sync',
    service: 'codebuild',
    api: 'StartBuildBatch',
    pattern: 'sync',
    kind: 'task',
    permissions: [
      INVOKE_START_BUILD_BATCH,
      {
        purpose: 'poll',
        actions: ['codebuild:BatchGetBuildBatches'],
        staticResources: ['arn:${Partition}:codebuild:${Region}:${Account}:project/${Param:ProjectName}'],
        dynamicResources: ['arn:${Partition}:codebuild:${Region}:${Account}:project/*'],
        parameterFields: ['ProjectName'],
      },
      {
        purpose: 'cancel',
        actions: ['codebuild:StopBuildBatch'],
        staticResources: ['arn:${Partition}:codebuild:${Region}:${Account}:project/${Param:ProjectName}'],
        dynamicResources: ['arn:${Partition}:codebuild:${Region}:${Account}:project/*'],
        parameterFields: ['ProjectName'],
      },
      {
        purpose: 'events',
        actions: ['events:PutTargets', 'events:PutRule', 'events:DescribeRule'],
        staticResources: [
          'arn:${Partition}:events:${Region}:${Account}:rule/StepFunctionsGetEventForCodeBuildStartBuildBatchRule',
        ],
        dynamicResources: [
          'arn:${Partition}:events:${Region}:${Account}:rule/StepFunctionsGetEventForCodeBuildStartBuildBatchRule',
        ],
        parameterFields: [],
        managedRule: 'StepFunctionsGetEventForCodeBuildStartBuildBatchRule',
        note: 'Account-wide managed rule through which Step Functions hears that the job finished; without it completion is only seen by polling.',
      },
    ],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-codebuild.html#codebuild-iam',
    docStatus: 'documented',
  },
  {
    resource: 'arn:aws:states:::codebuild:stopBuildBatch',
    service: 'codebuild',
    api: 'StopBuildBatch',
    pattern: 'request-response',
    kind: 'task',
    permissions: [
      {
        purpose: 'invoke',
        actions: ['codebuild:StopBuildBatch'],
        staticResources: ['arn:${Partition}:codebuild:${Region}:${Account}:project/${Param:Id#projectName}'],
        dynamicResources: ['arn:${Partition}:codebuild:${Region}:${Account}:project/*'],
        parameterFields: ['Id'],
        note: "The task passes a build id '<project>:<uuid>'; the template scopes to the project (the part before ':').",
      },
    ],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-codebuild.html#codebuild-iam',
    docStatus: 'documented',
  },
  {
    resource: 'arn:aws:states:::codebuild:retryBuildBatch',
    service: 'codebuild',
    api: 'RetryBuildBatch',
    pattern: 'request-response',
    kind: 'task',
    permissions: [INVOKE_RETRY_BUILD_BATCH],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-codebuild.html#codebuild-iam',
    docStatus: 'documented',
  },
  {
    resource: 'arn:aws:states:::codebuild:retryBuildBatch.sync',
    service: 'codebuild',
    api: 'RetryBuildBatch',
    pattern: 'sync',
    kind: 'task',
    permissions: [
      INVOKE_RETRY_BUILD_BATCH,
      {
        purpose: 'poll',
        actions: ['codebuild:BatchGetBuildBatches'],
        staticResources: ['arn:${Partition}:codebuild:${Region}:${Account}:project/${Param:Id#projectName}'],
        dynamicResources: ['arn:${Partition}:codebuild:${Region}:${Account}:project/*'],
        parameterFields: ['Id'],
      },
      {
        purpose: 'cancel',
        actions: ['codebuild:StopBuildBatch'],
        staticResources: ['arn:${Partition}:codebuild:${Region}:${Account}:project/${Param:Id#projectName}'],
        dynamicResources: ['arn:${Partition}:codebuild:${Region}:${Account}:project/*'],
        parameterFields: ['Id'],
      },
      // Unconfirmed: a retried batch is assumed to reuse the StartBuildBatch rule, so its absence is reported rather than ignored.
      {
        purpose: 'events',
        actions: ['events:PutTargets', 'events:PutRule', 'events:DescribeRule'],
        staticResources: [
          'arn:${Partition}:events:${Region}:${Account}:rule/StepFunctionsGetEventForCodeBuildStartBuildBatchRule',
        ],
        dynamicResources: [
          'arn:${Partition}:events:${Region}:${Account}:rule/StepFunctionsGetEventForCodeBuildStartBuildBatchRule',
        ],
        parameterFields: [],
        managedRule: 'StepFunctionsGetEventForCodeBuildStartBuildBatchRule',
        inferred: true,
        note: 'The RetryBuildBatch .sync template has no events statement; reuse of the StartBuildBatch rule is undocumented.',
      },
    ],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-codebuild.html#codebuild-iam',
    docStatus: 'documented',
  },
  {
    resource: 'arn:aws:states:::codebuild:deleteBuildBatch',
    service: 'codebuild',
    api: 'DeleteBuildBatch',
    pattern: 'request-response',
    kind: 'task',
    permissions: [
      {
        purpose: 'invoke',
        actions: ['codebuild:DeleteBuildBatch'],
        staticResources: ['arn:${Partition}:codebuild:${Region}:${Account}:project/${Param:Id#projectName}'],
        dynamicResources: ['arn:${Partition}:codebuild:${Region}:${Account}:project/*'],
        parameterFields: ['Id'],
        note: "The task passes a build id '<project>:<uuid>'; the template scopes to the project (the part before ':').",
      },
    ],
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-codebuild.html#codebuild-iam',
    docStatus: 'documented',
  },
];
