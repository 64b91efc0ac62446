import { isRecord } from '../local/isRecord.js';
import type { StateMachineDescription } from '../types.js';
import { textOf } from './intrinsicScope.js';
import type { LoadedTemplateModel } from './loadTemplateModel.js';
import { placeholderText, starredText } from './markerText.js';
import type { TemplatePosition, TemplateResource } from './model.js';
import { stateMachineIgnore } from './stateMachineIgnore.js';

const CFN_TYPE = 'AWS::StepFunctions::StateMachine';
const SAM_TYPE = 'AWS::Serverless::StateMachine';
const CFN_PAGE =
  'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-stepfunctions-statemachine.html';
const SAM_PAGE =
  'https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-statemachine.html';

/** Where a state machine's definition comes from. */
export type DefinitionSource =
  /** `Definition` (serialized) or `DefinitionString`, intrinsics resolved, unknown values as `${…}` placeholders. */
  | { readonly kind: 'text'; readonly text: string }
  /** A SAM `DefinitionUri` local file, as written (relative to the template's folder). */
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'unavailable'; readonly location: string; readonly reason: string; readonly docs: string };

/** One state machine of a template, ready for the audit but for its role and a DefinitionUri file's content. */
export type TemplateStateMachine = {
  readonly resource: TemplateResource;
  readonly definition: DefinitionSource;
  /** DefinitionSubstitutions with a value known offline; the others stay `${Key}` in the definition. */
  readonly substitutions: ReadonlyMap<string, string>;
  /** ARN, name, type, logging, tracing and encryption (the role comes from executionRoleOf). */
  readonly description: Omit<StateMachineDescription, 'definition'>;
  /** Metadata `sfn-role-audit: {ignore: [...]}`. */
  readonly ignore: string[];
  /** What could not be resolved for this state machine, each once. */
  readonly notes: string[];
  /** Where the resource is written in the template. */
  readonly position: TemplatePosition | undefined;
};

type Reader = { model: LoadedTemplateModel; notes: Set<string> };

function read(reader: Reader, value: unknown): unknown {
  const { value: resolved, notes } = reader.model.resolveNoting(value);
  for (const note of notes) reader.notes.add(note);
  return resolved;
}

function definitionOf(reader: Reader, resource: TemplateResource): DefinitionSource {
  const p = resource.properties;
  const sam = resource.type === SAM_TYPE;
  const forms = (
    sam ? ['Definition', 'DefinitionUri'] : ['Definition', 'DefinitionString', 'DefinitionS3Location']
  ).filter((key) => p[key] !== undefined);
  if (forms.length > 1) reader.notes.add(`${resource.logicalId}: both ${forms.join(' and ')}; ${forms[0]} is audited`);
  const [form] = forms;
  const docs = sam
    ? `${SAM_PAGE}#sam-statemachine-definitionuri`
    : `${CFN_PAGE}#cfn-stepfunctions-statemachine-definitions3location`;
  if (form === undefined) {
    return {
      kind: 'unavailable',
      location: resource.logicalId,
      reason: `it has no ${sam ? 'Definition or DefinitionUri' : 'Definition, DefinitionString or DefinitionS3Location'}`,
      docs: sam ? SAM_PAGE : CFN_PAGE,
    };
  }
  const value = read(reader, p[form]);
  if (form === 'Definition') return { kind: 'text', text: placeholderText(JSON.stringify(value) ?? 'null') };
  if (form === 'DefinitionString') {
    const text = textOf(value);
    return text === undefined
      ? {
          kind: 'unavailable',
          location: `${resource.logicalId}.DefinitionString`,
          reason: 'its DefinitionString is not text',
          docs: CFN_PAGE,
        }
      : { kind: 'text', text: placeholderText(text) };
  }
  if (form === 'DefinitionUri' && typeof value === 'string' && !value.includes('://')) {
    return { kind: 'file', path: value };
  }
  const location = s3LocationOf(value);
  return {
    kind: 'unavailable',
    location,
    reason: `its definition is in Amazon S3 (${location}), which an offline audit does not read`,
    docs,
  };
}

/** `s3://bucket/key`, `{Bucket, Key}` (SAM) or `{Bucket, Key, Version}` (DefinitionS3Location) as one text. */
function s3LocationOf(value: unknown): string {
  if (typeof value === 'string') return starredText(value);
  if (!isRecord(value)) return 'S3';
  const bucket = textOf(value.Bucket) ?? '?';
  const key = textOf(value.Key) ?? '?';
  const version = textOf(value.Version);
  return starredText(`s3://${bucket}/${key}${version === undefined ? '' : `?versionId=${version}`}`);
}

/**
 * A DefinitionSubstitutions value as CloudFormation takes it (a string, an integer or a boolean, as text); one that
 * is not known offline, or of another type (which CloudFormation refuses), is left out with a note, so its `${Key}`
 * stays in the definition as a placeholder the requirement engine reports as a hole.
 */
function substitutionsOf(reader: Reader, resource: TemplateResource): Map<string, string> {
  const out = new Map<string, string>();
  const raw = read(reader, resource.properties.DefinitionSubstitutions);
  if (!isRecord(raw)) return out;
  for (const [key, value] of Object.entries(raw)) {
    const text =
      typeof value === 'string' ||
      typeof value === 'boolean' ||
      (typeof value === 'number' && Number.isSafeInteger(value))
        ? String(value)
        : undefined;
    if (text === undefined) {
      reader.notes.add(`DefinitionSubstitutions ${key} is not a string, an integer or a boolean; \${${key}} stays`);
    } else if (placeholderText(text) !== text) {
      reader.notes.add(`DefinitionSubstitutions ${key} is not known offline; \${${key}} stays a placeholder`);
    } else out.set(key, text);
  }
  return out;
}

function descriptionOf(reader: Reader, resource: TemplateResource): TemplateStateMachine['description'] {
  const p = resource.properties;
  const sam = resource.type === SAM_TYPE;
  const arn = reader.model.refOf(resource.logicalId);
  const name = reader.model.attributeOf(resource.logicalId, 'Name');
  const type = textOf(read(reader, sam ? p.Type : p.StateMachineType));
  const logging = read(reader, sam ? p.Logging : p.LoggingConfiguration);
  const tracing = read(reader, sam ? p.Tracing : p.TracingConfiguration);
  const encryption = read(reader, p.EncryptionConfiguration);
  const description: TemplateStateMachine['description'] = {
    ...(arn === undefined ? {} : { stateMachineArn: starredText(arn) }),
    ...(name === undefined ? {} : { name: starredText(name) }),
    ...(type === 'STANDARD' || type === 'EXPRESS' ? { type } : {}),
  };
  if (isRecord(logging)) {
    const destinations = Array.isArray(logging.Destinations) ? logging.Destinations : [];
    description.loggingConfiguration = {
      ...(textOf(logging.Level) === undefined ? {} : { level: textOf(logging.Level) }),
      ...(typeof logging.IncludeExecutionData === 'boolean'
        ? { includeExecutionData: logging.IncludeExecutionData }
        : {}),
      destinations: destinations.map((d) => {
        const group =
          isRecord(d) && isRecord(d.CloudWatchLogsLogGroup) ? textOf(d.CloudWatchLogsLogGroup.LogGroupArn) : undefined;
        return group === undefined ? {} : { cloudWatchLogsLogGroup: { logGroupArn: starredText(group) } };
      }),
    };
  }
  if (isRecord(tracing))
    description.tracingConfiguration = { enabled: tracing.Enabled === true || tracing.Enabled === 'true' };
  if (isRecord(encryption)) {
    const key = textOf(encryption.KmsKeyId);
    const period = Number(textOf(encryption.KmsDataKeyReusePeriodSeconds));
    description.encryptionConfiguration = {
      ...(textOf(encryption.Type) === undefined ? {} : { type: textOf(encryption.Type) }),
      ...(key === undefined ? {} : { kmsKeyId: starredText(key) }),
      ...(Number.isInteger(period) ? { kmsDataKeyReusePeriodSeconds: period } : {}),
    };
  }
  return description;
}

/** True for `AWS::StepFunctions::StateMachine` and `AWS::Serverless::StateMachine`. */
export function isStateMachineResource(resource: TemplateResource): boolean {
  return resource.type === CFN_TYPE || resource.type === SAM_TYPE;
}

/**
 * Every state machine of the template, in document order: its definition (inline, a DefinitionUri file to read, or
 * not available offline), its DefinitionSubstitutions, its description fields, its Metadata ignore entries, and the
 * notes of what could not be resolved for it (its own Condition, the template's macros, every value it reads).
 */
export function templateStateMachines(model: LoadedTemplateModel): TemplateStateMachine[] {
  return [...model.resources.values()].filter(isStateMachineResource).map((resource) => {
    const reader: Reader = { model, notes: new Set(model.notesOf(resource.logicalId)) };
    const definition = definitionOf(reader, resource);
    const substitutions = substitutionsOf(reader, resource);
    const description = descriptionOf(reader, resource);
    return {
      resource,
      definition,
      substitutions,
      description,
      ignore: stateMachineIgnore(model, resource),
      notes: [...reader.notes],
      position: model.positionOf(['Resources', resource.logicalId]),
    };
  });
}
