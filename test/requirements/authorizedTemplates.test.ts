// biome-ignore-all lint/suspicious/noTemplateCurlyInString: templates use ${…}
import { describe, expect, it } from 'vitest';
import { authorizedTemplatesOf } from '../../shared/requirements/authorizedTemplates.js';

type Case = {
  name: string;
  action: string;
  fields: string[];
  catalogueTemplates?: string[];
  lowercase?: boolean;
  templates: string[];
  resourceType: string;
};

const CASES: Case[] = [
  {
    name: 'the reference format with a field named like its variable',
    action: 'glue:StartJobRun',
    fields: ['JobName'],
    catalogueTemplates: ['*'],
    templates: ['arn:${Partition}:glue:${Region}:${Account}:job/${Param:JobName}'],
    resourceType: 'job',
  },
  {
    name: 'a poll action on the job the task started',
    action: 'glue:GetJobRun',
    fields: ['JobName'],
    templates: ['arn:${Partition}:glue:${Region}:${Account}:job/${Param:JobName}'],
    resourceType: 'job',
  },
  {
    name: 'an action without resource type is authorized on "*"',
    action: 'batch:DescribeJobs',
    fields: ['JobName', 'JobQueue'],
    templates: ['*'],
    resourceType: '*',
  },
  {
    name: 'an id only the service knows is a hole',
    action: 'batch:TerminateJob',
    fields: ['JobName'],
    templates: ['arn:${Partition}:batch:${Region}:${Account}:job/${Hole:JobId}'],
    resourceType: 'job',
  },
  {
    name: 'fields named differently (Bucket, Key) fill BucketName and ObjectName',
    action: 's3:GetObject',
    fields: ['Bucket', 'Key'],
    templates: ['arn:${Partition}:s3:::${Param:Bucket}/${Param:Key}'],
    resourceType: 'object',
  },
  {
    name: 'a queue URL fills the queue name',
    action: 'sqs:SendMessage',
    fields: ['QueueUrl', 'MessageBody'],
    templates: ['arn:${Partition}:sqs:${Region}:${Account}:${Param:QueueUrl#queueName}'],
    resourceType: 'queue',
  },
  {
    name: 'SageMaker names are lower-cased',
    action: 'sagemaker:CreateTrainingJob',
    fields: ['TrainingJobName'],
    catalogueTemplates: ['arn:${Partition}:sagemaker:${Region}:${Account}:training-job/*'],
    lowercase: true,
    templates: ['arn:${Partition}:sagemaker:${Region}:${Account}:training-job/${Param:TrainingJobName|lowercase}'],
    resourceType: 'training-job',
  },
  {
    name: 'a catalogue template that names the type is kept when the format cannot be filled',
    action: 'events:PutRule',
    fields: [],
    catalogueTemplates: ['arn:${Partition}:events:${Region}:${Account}:rule/StepFunctionsGetEventsForECSTaskRule'],
    templates: ['arn:${Partition}:events:${Region}:${Account}:rule/StepFunctionsGetEventsForECSTaskRule'],
    resourceType: 'rule-on-custom-event-bus',
  },
  {
    name: 'the task Resource itself (a function ARN) names the resource',
    action: 'lambda:InvokeFunction',
    fields: [],
    catalogueTemplates: ['${Resource}'],
    templates: ['${Resource}'],
    resourceType: 'function',
  },
  {
    name: 'a camelCase field matches its variable regardless of case',
    action: 'logs:PutLogEvents',
    fields: ['logGroupName', 'logStreamName'],
    templates: [
      'arn:${Partition}:logs:${Region}:${Account}:log-group:${Param:logGroupName}:log-stream:${Param:logStreamName}',
    ],
    resourceType: 'log-stream',
  },
];

describe('authorizedTemplatesOf', () => {
  it.each(CASES)('$name', ({ action, fields, catalogueTemplates, lowercase, templates, resourceType }) => {
    const chosen = authorizedTemplatesOf({
      action,
      fields,
      ...(catalogueTemplates === undefined ? {} : { catalogueTemplates }),
      ...(lowercase === undefined ? {} : { lowercase }),
    });
    expect(chosen?.templates).toEqual(templates);
    expect(chosen?.resourceType).toBe(resourceType);
  });

  it.each(['lambda:NoSuchAction', 'constructor:__proto__', 'nosuchservice:GetThing'])(
    'knows nothing of %s (the caller falls back to the catalogue)',
    (action) => {
      expect(authorizedTemplatesOf({ action, fields: [] })).toBeUndefined();
    },
  );
});
