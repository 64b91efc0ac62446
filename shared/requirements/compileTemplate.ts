import type { PartName } from './extractPart.js';

/** Values of the state machine and its surroundings that fill non-parameter placeholders. */
export type ContextPlaceholder =
  | 'Partition'
  | 'Region'
  | 'Account'
  | 'StateMachineName'
  | 'StateMachineArn'
  | 'Resource';

/** One piece of a compiled template. */
export type Segment =
  | { kind: 'text'; text: string }
  | { kind: 'context'; name: ContextPlaceholder }
  /** A value the caller supplies by name (`${MapRunLabel}`, `${StateMachineKmsKeyArn}`, `${ActivityName}` …). */
  | { kind: 'extra'; name: string }
  /**
   * `${Hole:Variable}` (`*`) or `${Hole:Variable=??????}` (the given wildcard text): a part of the authorized ARN the
   * definition cannot fix, such as an id the service assigns at run time.
   */
  | { kind: 'hole'; variable: string; text: string }
  | ParamSegment;

/** A `${Param:Field#part|lowercase}` placeholder. */
export type ParamSegment = { kind: 'param'; field: string; part: PartName | undefined; lowercase: boolean };

/** A catalogue template parsed once, so expanding it per state costs no regular expression. */
export type CompiledTemplate = {
  source: string;
  segments: readonly Segment[];
  /** The parameter placeholders, in order. */
  params: readonly ParamSegment[];
  /** Names of the `extra` placeholders (values the caller supplies). */
  extraNames: readonly string[];
  /** True when the template reads a Parameters/Arguments field. */
  parameterDriven: boolean;
  /**
   * True when the template names something the definition cannot show (`${TaskDefinition.taskRoleArn}`,
   * `${KmsKeyArnOfBucket}`, `<service-specific resource ARN …>`): it is dropped.
   */
  unresolvable: boolean;
  /** Text after the last parameter placeholder when the template is `arn:…${Param:X}<suffix>` with one plain parameter. */
  wholeArnSuffix: string | undefined;
};

const CONTEXT_NAMES: ReadonlySet<string> = new Set([
  'Partition',
  'Region',
  'Account',
  'StateMachineName',
  'StateMachineArn',
  'Resource',
]);
/** Placeholders filled from outside the Task's parameters when the caller knows them. */
const EXTRA_NAMES: ReadonlySet<string> = new Set([
  'MapRunLabel',
  'StateMachineKmsKeyArn',
  'ActivityKmsKeyArn',
  'ActivityName',
]);
const PART_NAMES: ReadonlySet<string> = new Set([
  'queueName',
  'apiId',
  'name',
  'projectName',
  'reportGroupName',
  'objectArn',
  'resourceName',
  'revisionedName',
  'parameterName',
  'secretName',
  'keyId',
  'taskDefinitionFamily',
]);
const PLACEHOLDER = /\$\{([^}]+)\}/g;

function parsePlaceholder(inner: string): Segment | undefined {
  if (CONTEXT_NAMES.has(inner)) return { kind: 'context', name: inner as ContextPlaceholder };
  if (inner.startsWith('Hole:')) {
    const [variable = '', text = '*'] = inner.slice('Hole:'.length).split('=');
    return variable === '' || !/^[*?]+$/.test(text) ? undefined : { kind: 'hole', variable, text };
  }
  if (EXTRA_NAMES.has(inner)) return { kind: 'extra', name: inner };
  if (!inner.startsWith('Param:')) return undefined;
  let body = inner.slice('Param:'.length);
  const lowercase = body.endsWith('|lowercase');
  if (lowercase) body = body.slice(0, -'|lowercase'.length);
  const [field, part] = body.split('#');
  if (!field || (part !== undefined && !PART_NAMES.has(part))) return undefined;
  return { kind: 'param', field, part: part as PartName | undefined, lowercase };
}

/** Parses a catalogue resource or condition template (placeholders of the catalogue spec) into segments. */
export function compileTemplate(source: string): CompiledTemplate {
  const segments: Segment[] = [];
  let unresolvable = source.startsWith('<');
  let last = 0;
  for (const match of source.matchAll(PLACEHOLDER)) {
    if (match.index > last) segments.push({ kind: 'text', text: source.slice(last, match.index) });
    const segment = parsePlaceholder(match[1] ?? '');
    if (segment === undefined) unresolvable = true;
    else segments.push(segment);
    last = match.index + match[0].length;
  }
  if (last < source.length) segments.push({ kind: 'text', text: source.slice(last) });
  const params = segments.filter((s): s is ParamSegment => s.kind === 'param');
  const extraNames = segments.flatMap((s) => (s.kind === 'extra' ? [s.name] : []));
  const lastParam = segments.findLastIndex((s) => s.kind === 'param');
  const single = params.length === 1 && params[0]?.part === undefined;
  const suffix = segments
    .slice(lastParam + 1)
    .map((s) => (s.kind === 'text' ? s.text : '\u0000'))
    .join('');
  return {
    source,
    segments,
    params,
    extraNames,
    parameterDriven: params.length > 0,
    unresolvable,
    wholeArnSuffix: single && source.startsWith('arn:') && !suffix.includes('\u0000') ? suffix : undefined,
  };
}
