// biome-ignore-all lint/suspicious/noTemplateCurlyInString: catalogue templates use ${…} placeholders
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../shared/catalogue/catalogue.js';

const PERMISSIONS = CATALOGUE.flatMap((entry) => entry.permissions.map((permission) => ({ entry, permission })));
const EVENTS_ACTIONS = ['events:DescribeRule', 'events:PutRule', 'events:PutTargets'];
/** Placeholders other than `${Param:…}` that templates may use (see types.ts). */
const STATE_MACHINE_PLACEHOLDERS = [
  'Account',
  'ActivityKmsKeyArn',
  'ActivityName',
  'ApiAction|UpperFirst',
  'IamPrefix(SdkService)',
  'KmsKeyArnOfBucket',
  'MapRunLabel',
  'Partition',
  'Region',
  'Resource',
  'StateMachineArn',
  'StateMachineKmsKeyArn',
  'StateMachineName',
  'TaskDefinition.executionRoleArn',
  'TaskDefinition.taskRoleArn',
];

/** A field path without its `[*]` array markers (`Ids[*]` and `Ids` name the same field). */
function bare(field: string): string {
  return field.replaceAll('[*]', '');
}

function templatesOf(permission: (typeof PERMISSIONS)[number]['permission']): string[] {
  const conditionValues = Object.values(permission.condition ?? {}).flatMap((byKey) => Object.values(byKey).flat());
  return [...permission.staticResources, ...permission.dynamicResources, ...conditionValues];
}

describe('CATALOGUE', () => {
  it('holds the 119 entries of the spec with unique resources', () => {
    expect(CATALOGUE).toHaveLength(119);
    expect(new Set(CATALOGUE.map((entry) => entry.resource)).size).toBe(119);
  });

  it('cites an https docs.aws.amazon.com page for every entry', () => {
    const uncited = CATALOGUE.filter((entry) => !entry.source.startsWith('https://docs.aws.amazon.com/'));
    expect(uncited.map((entry) => entry.resource)).toEqual([]);
  });

  it('gives every events permission its managed rule, the three events actions and the rule ARN', () => {
    const events = PERMISSIONS.filter(({ permission }) => permission.purpose === 'events');
    expect(events).toHaveLength(19);
    for (const { permission } of events) {
      expect(permission.managedRule).toMatch(/^StepFunctionsGetEvents?For[A-Za-z]+Rule$/);
      expect([...permission.actions].sort()).toEqual(EVENTS_ACTIONS);
      const rule = `arn:\${Partition}:events:\${Region}:\${Account}:rule/${permission.managedRule}`;
      expect(permission.staticResources).toEqual([rule]);
      expect(permission.dynamicResources).toEqual([rule]);
    }
  });

  it('sets managedRule only on events permissions', () => {
    const misplaced = PERMISSIONS.filter(({ permission }) => permission.managedRule && permission.purpose !== 'events');
    expect(misplaced).toEqual([]);
  });

  it('gives every KMS need the kms purpose and no other purpose KMS actions', () => {
    for (const { permission } of PERMISSIONS) {
      const isKms = permission.actions.length > 0 && permission.actions.every((action) => action.startsWith('kms:'));
      expect(permission.purpose === 'kms').toBe(isKms);
    }
  });

  it.each([
    { name: 'logging', resource: 'logging-configuration', purposes: ['logging'] },
    { name: 'tracing', resource: 'xray-tracing', purposes: ['tracing'] },
    { name: 'credentials', resource: 'task-credentials-cross-account', purposes: ['assume-role'] },
    { name: 'distributed map', resource: 'distributed-map-state', purposes: ['child-executions', 'cancel'] },
    { name: 'redrive', resource: 'distributed-map-redrive', purposes: ['child-executions'] },
    { name: 'ItemReader object', resource: 'arn:aws:states:::s3:getObject', purposes: ['item-reader'] },
    { name: 'ItemReader listing', resource: 'arn:aws:states:::s3:listObjectsV2', purposes: ['item-reader'] },
    { name: 'ResultWriter', resource: 'arn:aws:states:::s3:putObject', purposes: ['result-writer', 'kms'] },
    { name: 'HTTP Task', resource: 'arn:aws:states:::http:invoke', purposes: ['http'] },
  ])('maps the spec purposes of the $name entry to the finer purposes', ({ resource, purposes }) => {
    const entry = CATALOGUE.find((candidate) => candidate.resource === resource);
    expect(new Set(entry?.permissions.map((permission) => permission.purpose))).toEqual(new Set(purposes));
  });

  it('marks as optional exactly the DynamoDB sibling item actions, never the called API', () => {
    const optional = PERMISSIONS.filter(({ permission }) => permission.optional === true);
    expect(optional.map(({ entry }) => entry.api)).toEqual(['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem']);
    for (const { entry, permission } of optional) {
      expect(permission.actions).toHaveLength(3);
      expect(permission.actions).not.toContain(`dynamodb:${entry.api}`);
    }
  });

  it('keeps s3:GetObjectVersion on the ItemReader, inferred and only when VersionId is set', () => {
    const reader = CATALOGUE.find((entry) => entry.resource === 'arn:aws:states:::s3:getObject');
    const version = reader?.permissions.find((permission) => permission.actions.includes('s3:GetObjectVersion'));
    expect(version).toMatchObject({ inferred: true, onlyWhenFields: ['VersionId'], purpose: 'item-reader' });
  });

  it('uses only the known state-machine placeholders besides ${Param:…}', () => {
    const used = new Set(
      PERMISSIONS.flatMap(({ permission }) => [...templatesOf(permission), ...permission.actions])
        .flatMap((template) => [...template.matchAll(/\$\{([^}]+)\}/g)].map((match) => match[1] ?? ''))
        .filter((name) => !name.startsWith('Param:')),
    );
    expect([...used].sort()).toEqual(STATE_MACHINE_PLACEHOLDERS);
  });

  it('lists in parameterFields every field a ${Param:…} template reads', () => {
    const unlisted = PERMISSIONS.flatMap(({ entry, permission }) =>
      templatesOf(permission)
        .flatMap((template) => [...template.matchAll(/\$\{Param:([^}#|]+)[^}]*\}/g)].map((match) => match[1] ?? ''))
        .filter((field) => !permission.parameterFields.some((listed) => bare(listed) === bare(field)))
        .map((field) => `${entry.resource} ${field}`),
    );
    expect(unlisted).toEqual([]);
  });

  it('uses the n/a pattern exactly for the state-level and cross-cutting entries', () => {
    for (const entry of CATALOGUE) {
      expect(entry.pattern === 'n/a').toBe(entry.kind === 'state-level' || entry.kind === 'cross-cutting');
    }
  });

  it('writes every Task resource as an arn:aws:states::: pattern or a documented key', () => {
    const tasks = CATALOGUE.filter((entry) => entry.kind === 'task').map((entry) => entry.resource);
    const others = tasks.filter((resource) => !resource.startsWith('arn:aws:states:::'));
    expect(others.sort()).toEqual(['activity-arn', 'lambda-function-arn']);
  });
});
