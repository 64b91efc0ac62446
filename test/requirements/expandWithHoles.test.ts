// biome-ignore-all lint/suspicious/noTemplateCurlyInString: templates and placeholders use ${…}
import { describe, expect, it } from 'vitest';
import type { QueryLanguage } from '../../shared/asl/types.js';
import { compileTemplate } from '../../shared/requirements/compileTemplate.js';
import { createTemplateEnv } from '../../shared/requirements/createTemplateEnv.js';
import { expandWithHoles } from '../../shared/requirements/expandWithHoles.js';
import type { Location } from '../../shared/requirements/location.js';
import type { Hole } from '../../shared/types.js';

const HERE: Location = { partition: 'aws', region: 'eu-west-1', account: '111122223333' };
const UNKNOWN: Location = { partition: 'aws', region: '*', account: '*' };

function expand(
  template: string,
  container: unknown,
  options: {
    location?: Location;
    language?: QueryLanguage;
    droppable?: boolean;
    defaults?: Record<string, string>;
  } = {},
) {
  const env = createTemplateEnv({
    container,
    queryLanguage: options.language ?? 'JSONPath',
    location: options.location ?? HERE,
    stateMachineName: 'orders',
    stateMachineArn: 'arn:aws:states:eu-west-1:111122223333:stateMachine:orders',
    resource: 'arn:aws:states:::glue:startJobRun',
    ...(options.defaults === undefined ? {} : { defaults: options.defaults }),
  });
  return expandWithHoles(compileTemplate(template), env, options.droppable ?? true);
}

const GLUE_JOB = 'arn:${Partition}:glue:${Region}:${Account}:job/${Param:JobName}';
const TABLE = 'arn:${Partition}:dynamodb:${Region}:${Account}:table/${Param:TableName}';
const TASK = 'arn:${Partition}:ecs:${Region}:${Account}:task/${Param:Cluster#resourceName}/${Hole:TaskId}';
const QUEUE = 'arn:${Partition}:sqs:${Region}:${Account}:${Param:QueueUrl#queueName}';
const SECRET = 'arn:${Partition}:secretsmanager:${Region}:${Account}:secret:${Param:SecretId}-${Hole:Suffix=??????}';

type Case = {
  name: string;
  template: string;
  container: unknown;
  location?: Location;
  language?: QueryLanguage;
  values: string[];
  holes: Hole[];
};

const CASES: Case[] = [
  {
    name: 'a literal name fills its variable',
    template: GLUE_JOB,
    container: { JobName: 'etl' },
    values: ['arn:aws:glue:eu-west-1:111122223333:job/etl'],
    holes: [],
  },
  {
    name: 'a JSONPath value is a hole',
    template: GLUE_JOB,
    container: { 'JobName.$': '$.job' },
    values: ['arn:aws:glue:eu-west-1:111122223333:job/*'],
    holes: [{ variable: 'JobName', reason: 'dynamic-value', detail: '$.job' }],
  },
  {
    name: 'an intrinsic with a known start keeps the start before the hole',
    template: GLUE_JOB,
    container: { 'JobName.$': "States.Format('etl-{}', $.day)" },
    values: ['arn:aws:glue:eu-west-1:111122223333:job/etl-*'],
    holes: [{ variable: 'JobName', reason: 'dynamic-value', detail: "States.Format('etl-{}', $.day)" }],
  },
  {
    name: 'a JSONata expression is a hole',
    template: GLUE_JOB,
    container: { JobName: '{% $states.input.job %}' },
    language: 'JSONata',
    values: ['arn:aws:glue:eu-west-1:111122223333:job/*'],
    holes: [{ variable: 'JobName', reason: 'dynamic-value', detail: '{% $states.input.job %}' }],
  },
  {
    name: 'an unapplied placeholder is a hole, never ARN text',
    template: GLUE_JOB,
    container: { JobName: 'etl-${Stage}' },
    values: ['arn:aws:glue:eu-west-1:111122223333:job/etl-*'],
    holes: [{ variable: 'JobName', reason: 'placeholder', detail: '${Stage}' }],
  },
  {
    name: 'a literal ARN replaces the template (another account)',
    template: TABLE,
    container: { TableName: 'arn:aws:dynamodb:us-east-1:444455556666:table/audit' },
    values: ['arn:aws:dynamodb:us-east-1:444455556666:table/audit'],
    holes: [],
  },
  {
    name: 'a run-time value of a field that takes an ARN may name any Region and account',
    template: TABLE,
    container: { 'TableName.$': '$.table' },
    values: ['arn:aws:dynamodb:*:*:table/*'],
    holes: [{ variable: 'TableName', reason: 'dynamic-value', detail: '$.table' }],
  },
  {
    name: 'a placeholder for a whole ARN may name any Region and account',
    template: TABLE,
    container: { TableName: '${OrdersTableArn}' },
    values: ['arn:aws:dynamodb:*:*:table/*'],
    holes: [{ variable: 'TableName', reason: 'placeholder', detail: '${OrdersTableArn}' }],
  },
  {
    name: 'a name field that never takes an ARN keeps the Region and account',
    template: GLUE_JOB,
    container: { 'JobName.$': '$.job' },
    location: HERE,
    values: ['arn:aws:glue:eu-west-1:111122223333:job/*'],
    holes: [{ variable: 'JobName', reason: 'dynamic-value', detail: '$.job' }],
  },
  {
    name: 'an unknown Region and account are holes',
    template: GLUE_JOB,
    container: { JobName: 'etl' },
    location: UNKNOWN,
    values: ['arn:aws:glue:*:*:job/etl'],
    holes: [
      { variable: 'Region', reason: 'unknown-context' },
      { variable: 'Account', reason: 'unknown-context' },
    ],
  },
  {
    name: 'a run-time id is a hole; a cluster ARN gives its name',
    template: TASK,
    container: { Cluster: 'arn:aws:ecs:eu-west-1:111122223333:cluster/orders' },
    values: ['arn:aws:ecs:eu-west-1:111122223333:task/orders/*'],
    holes: [{ variable: 'TaskId', reason: 'run-time-id' }],
  },
  {
    name: 'a queue URL gives the queue name, Region and account',
    template: QUEUE,
    container: { QueueUrl: 'https://sqs.us-west-2.amazonaws.com/444455556666/approvals' },
    values: ['arn:aws:sqs:us-west-2:444455556666:approvals'],
    holes: [],
  },
  {
    name: 'a fixed-length hole keeps its wildcard text',
    template: SECRET,
    container: { SecretId: 'prod/db' },
    values: ['arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/db-??????'],
    holes: [{ variable: 'Suffix', reason: 'run-time-id' }],
  },
  {
    name: 'every element of an array gives its resource',
    template: 'arn:${Partition}:events:${Region}:${Account}:event-bus/${Param:Entries[*].EventBusName}',
    container: { Entries: [{ EventBusName: 'a' }, { EventBusName: 'b' }] },
    values: ['arn:aws:events:eu-west-1:111122223333:event-bus/a', 'arn:aws:events:eu-west-1:111122223333:event-bus/b'],
    holes: [],
  },
];

describe('expandWithHoles', () => {
  it.each(CASES)('$name', ({ template, container, location, language, values, holes }) => {
    const expansion = expandWithHoles(
      compileTemplate(template),
      createTemplateEnv({
        container,
        queryLanguage: language ?? 'JSONPath',
        location: location ?? HERE,
        stateMachineName: 'orders',
        stateMachineArn: 'arn:aws:states:eu-west-1:111122223333:stateMachine:orders',
        resource: '',
      }),
    );
    expect(expansion).toEqual({ kind: 'values', values, holes });
  });

  it('drops a droppable template whose fields are all absent (the request names no such resource)', () => {
    expect(expand('${Param:Overrides.TaskRoleArn}', { TaskDefinition: 'app' })).toEqual({ kind: 'dropped' });
  });

  it('keeps the authorized resource of a call whose field is absent, as a hole', () => {
    expect(expand(GLUE_JOB, {}, { droppable: false })).toEqual({
      kind: 'values',
      values: ['arn:aws:glue:eu-west-1:111122223333:job/*'],
      holes: [{ variable: 'JobName', reason: 'absent-parameter' }],
    });
  });

  it('fills an absent field with the service default before it is a hole', () => {
    expect(expand(TASK, {}, { droppable: false, defaults: { Cluster: 'default' } })).toEqual({
      kind: 'values',
      values: ['arn:aws:ecs:eu-west-1:111122223333:task/default/*'],
      holes: [{ variable: 'TaskId', reason: 'run-time-id' }],
    });
  });

  it('expands a template without fields to itself ("*" is authorized on "*", not a hole)', () => {
    expect(expand('*', {})).toEqual({ kind: 'values', values: ['*'], holes: [] });
  });
});
