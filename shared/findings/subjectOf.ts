import type { Purpose, StateRef } from '../types.js';

/** Display names of the services behind optimized integrations (the `<service>` of `arn:aws:states:::<service>:…`). */
const SERVICE_NAMES: Readonly<Record<string, string>> = {
  apigateway: 'API Gateway',
  athena: 'Athena',
  batch: 'Batch',
  bedrock: 'Bedrock',
  codebuild: 'CodeBuild',
  databrew: 'DataBrew',
  dynamodb: 'DynamoDB',
  ecs: 'ECS',
  eks: 'EKS',
  elasticmapreduce: 'EMR',
  'emr-containers': 'EMR on EKS',
  'emr-serverless': 'EMR Serverless',
  events: 'EventBridge',
  glue: 'Glue',
  http: 'HTTP',
  lambda: 'Lambda',
  mediaconvert: 'MediaConvert',
  s3: 'S3',
  sagemaker: 'SageMaker',
  sns: 'SNS',
  sqs: 'SQS',
  states: 'Step Functions',
};

const MAP_PURPOSES: ReadonlySet<Purpose> = new Set(['child-executions', 'item-reader', 'result-writer']);

/** The service label of a Task Resource: "ECS" for arn:aws:states:::ecs:runTask.sync, "AWS SDK (s3)" for aws-sdk tasks. */
export function serviceLabelOf(integration: string): string | undefined {
  const parts = integration.split(':');
  if (parts[0] !== 'arn' || parts.length < 6) return undefined;
  const service = parts[2];
  if (service === 'lambda') return 'Lambda';
  if (service !== 'states') return undefined;
  if (parts[5] === 'activity') return 'Activity';
  const target = parts[5] ?? '';
  if (target === 'aws-sdk') return `AWS SDK (${parts[6] ?? '?'})`;
  return (Object.hasOwn(SERVICE_NAMES, target) ? SERVICE_NAMES[target] : undefined) ?? target;
}

/**
 * Who is affected, in words that start a consequence: "ECS task 'Run job'", "Distributed Map 'Process files'",
 * "Task 'X'" when the integration is unknown, and "The state machine" for state-machine-wide needs.
 */
export function subjectOf(state: StateRef | null, integration: string | null, purpose: Purpose | null): string {
  if (state === null) return 'The state machine';
  if (purpose !== null && MAP_PURPOSES.has(purpose)) return `Distributed Map '${state.name}'`;
  const label = integration === null ? undefined : serviceLabelOf(integration);
  return label === undefined ? `Task '${state.name}'` : `${label} task '${state.name}'`;
}
