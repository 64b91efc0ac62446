import type { FieldValue } from '../asl/types.js';
import type { Hole } from '../types.js';
import type { CompiledTemplate, ParamSegment, Segment } from './compileTemplate.js';
import { combinations, scalar, type TemplateEnv } from './expandTemplate.js';
import { ARN_VALUED_PARTS, extractPart, extractPartPrefix } from './extractPart.js';
import { type Location, withLocation } from './location.js';

/** An authorized-resource template expanded for one state: ARN patterns whose `*`/`?` are the holes listed. */
export type HoleExpansion = { kind: 'dropped' } | { kind: 'values'; values: string[]; holes: Hole[] };

const DROPPED: HoleExpansion = { kind: 'dropped' };
const NO_VALUES: readonly FieldValue[] = [];
/** The one combination of a parameter the state leaves out. */
const ABSENT_VALUE: readonly FieldValue[] = [undefined as unknown as FieldValue];
/** A `${Name}` DefinitionSubstitutions placeholder left in a literal value. */
const PLACEHOLDER = /\$\{[^}]*\}/g;
const UNKNOWN_CONTEXT = new Set(['Partition', 'Region', 'Account', 'StateMachineName']);

/** Replaces unapplied `${…}` placeholders of a literal by holes. */
function fillPlaceholders(text: string, variable: string, holes: Hole[]): string {
  if (!text.includes('${')) return text;
  return text.replace(PLACEHOLDER, (placeholder) => {
    holes.push({ variable, reason: 'placeholder', detail: placeholder });
    return '*';
  });
}

/**
 * Fields that take a name or the resource's ARN, in any Region or account (`FunctionName`: a name, a partial or a full
 * ARN), from the API references of the services. Fields that take an ARN only of the caller's own Region and account
 * (an ECS cluster, a Batch job queue) are not listed: a run-time value of them keeps the state machine's location.
 */
const NAME_OR_ARN_FIELDS = new Set([
  'FunctionName',
  'TableName',
  'EventBusName',
  'LogGroupName',
  'logGroupName',
  'KeyId',
  'SecretId',
  'ModelId',
  'GuardrailIdentifier',
]);

/** Fields that pass a role (`RoleArn`, `Overrides.TaskRoleArn`, `ServiceRole`). */
const ROLE_FIELD = /(?:Role|RoleArn|RoleARN)$/;

/** Parts that take a name out of an ARN (a state machine's, a cluster's): the ARN can name another Region and account. */
const LOCATING_PARTS: ReadonlySet<string> = new Set(['name', 'resourceName']);

/** True when a field may hold a whole ARN: `…Arn`/`…ARN`, identifiers, and the fields that take a name or an ARN. */
function takesArn(field: string): boolean {
  const name = field.slice(field.lastIndexOf('.') + 1).replace('[*]', '');
  return /(?:Arn|ARN|Identifier)$/.test(name) || NAME_OR_ARN_FIELDS.has(name);
}

/**
 * `mayMove`: a run-time value whose known start does not fix where the resource is (empty, or the start of `arn:` or
 * of a URL), so, in a field that takes an ARN or a URL, it may name another Region or account.
 */
type Rendered = { text: string; location: Location; whole: boolean; mayMove?: boolean };

/** True when a known start leaves the value free to be an ARN or a URL of any Region and account. */
function leavesLocationOpen(knownPrefix: string): boolean {
  return knownPrefix === '' || 'arn:'.startsWith(knownPrefix) || 'https://'.startsWith(knownPrefix);
}

/** One parameter's contribution: its literal text (parts taken out), or its known prefix and a hole. */
function renderParam(
  segment: Extract<Segment, { kind: 'param' }>,
  value: FieldValue | undefined,
  location: Location,
  holes: Hole[],
): Rendered {
  if (value === undefined) {
    holes.push({ variable: segment.field, reason: 'absent-parameter' });
    return { text: '*', location, whole: false };
  }
  const literal = scalar(value);
  if (literal !== undefined) {
    let text = literal;
    let at = location;
    if (segment.part !== undefined) {
      const extracted = extractPart(segment.part, literal, location.partition);
      if (extracted === undefined) {
        holes.push({ variable: segment.field, reason: 'dynamic-value', detail: literal });
        return { text: '*', location, whole: false };
      }
      text = extracted.value;
      at = withLocation(location, extracted.location);
      if (extracted.hole !== undefined)
        holes.push({ variable: segment.field, reason: extracted.hole, detail: literal });
    }
    text = fillPlaceholders(segment.lowercase ? text.toLowerCase() : text, segment.field, holes);
    return { text, location: at, whole: segment.part === undefined && literal.startsWith('arn:') };
  }
  if (value.kind === 'dynamic' && value.placeholder !== undefined) {
    holes.push({ variable: segment.field, reason: 'placeholder', detail: value.placeholder });
  } else {
    holes.push({
      variable: segment.field,
      reason: 'dynamic-value',
      detail: value.kind === 'dynamic' ? value.expression : '',
    });
  }
  const known = value.kind === 'dynamic' ? (value.knownPrefix ?? '') : '';
  let prefix = known;
  let at = location;
  let located = false;
  if (segment.part !== undefined) {
    const extracted = prefix === '' ? undefined : extractPartPrefix(segment.part, prefix);
    prefix = extracted?.value ?? '';
    at = withLocation(location, extracted?.location);
    located = extracted?.location !== undefined;
  }
  prefix = fillPlaceholders(segment.lowercase ? prefix.toLowerCase() : prefix, segment.field, holes);
  return {
    text: `${prefix}*`,
    location: at,
    whole: segment.part === undefined && prefix.startsWith('arn:'),
    mayMove: !located && leavesLocationOpen(known),
  };
}

function contextText(segment: Segment, location: Location, env: TemplateEnv, holes: Hole[], open: boolean): string {
  switch (segment.kind) {
    case 'text':
      return segment.text;
    case 'hole':
      holes.push({ variable: segment.variable, reason: 'run-time-id' });
      return segment.text;
    case 'extra':
      return env.extras[segment.name] ?? '*';
    case 'param':
      return '';
  }
  let value: string;
  if (segment.name === 'Partition') value = location.partition;
  else if (segment.name === 'Region') value = open ? '*' : location.region;
  else if (segment.name === 'Account') value = open ? '*' : location.account;
  else if (segment.name === 'StateMachineName') value = env.stateMachineName;
  else if (segment.name === 'StateMachineArn') value = env.stateMachineArn;
  else value = env.resource;
  if (value === '*' && UNKNOWN_CONTEXT.has(segment.name) && !open) {
    holes.push({ variable: segment.name, reason: 'unknown-context' });
  }
  return value;
}

/**
 * True when the template's first parameter, known only at run time, can name a resource in another Region or account:
 * a whole-ARN template of a field that takes an ARN, or a single parameter read through an ARN-valued or locating part.
 */
function mayNameAnyLocation(t: CompiledTemplate): boolean {
  const field = t.params[0]?.field ?? '';
  if (t.wholeArnSuffix !== undefined && takesArn(field)) return true;
  const part = t.params.length === 1 ? t.params[0]?.part : undefined;
  return (
    part !== undefined &&
    (ARN_VALUED_PARTS.has(part) || part === 'queueName' || (LOCATING_PARTS.has(part) && takesArn(field)))
  );
}

function expandCombo(t: CompiledTemplate, combo: readonly FieldValue[], env: TemplateEnv, holes: Hole[]): string {
  // t.params are the template's param segments in order: one (the usual case) is rendered without a list.
  let first: Rendered | undefined;
  let rendered: Rendered[] | undefined;
  let location = env.location;
  if (t.params.length === 1) {
    first = renderParam(t.params[0] as ParamSegment, combo[0], location, holes);
    location = first.location;
  } else if (t.params.length > 1) {
    rendered = [];
    for (let i = 0; i < t.params.length; i++) {
      const r = renderParam(t.params[i] as ParamSegment, combo[i], location, holes);
      location = r.location;
      rendered.push(r);
    }
    first = rendered[0];
  }
  if (t.wholeArnSuffix !== undefined && first?.whole === true) return first.text + t.wholeArnSuffix;
  // A role field holding a role's name (or a pattern of one) names the role in the account: never non-ARN text.
  const only = t.segments.length === 1 ? t.segments[0] : undefined;
  if (only?.kind === 'param' && only.part === undefined && ROLE_FIELD.test(only.field) && first !== undefined) {
    if (!first.text.startsWith('arn:') && first.text !== '*') {
      return `arn:${location.partition}:iam::${location.account}:role/${first.text}`;
    }
  }
  // A run-time value of a field that takes a whole ARN can name another Region or account.
  const open = first?.mayMove === true && !first.whole && mayNameAnyLocation(t);
  let out = '';
  let p = 0;
  for (const segment of t.segments) {
    if (segment.kind !== 'param') out += contextText(segment, location, env, holes, open);
    else out += (rendered === undefined ? first : rendered[p++])?.text ?? '*';
  }
  return out;
}

/**
 * Expands an authorized-resource template for one state, leaving what the definition cannot fix as holes: a run-time
 * value becomes its known prefix and `*`, an unapplied `${…}` placeholder `*`, a parameter the state leaves out `*`,
 * an unknown Region or account `*`, and `${Hole:…}` its wildcard. A `droppable` template none of whose parameters
 * the state sets is dropped (the request names no such resource).
 */
export function expandWithHoles(t: CompiledTemplate, env: TemplateEnv, droppable = true): HoleExpansion {
  if (t.unresolvable) return DROPPED;
  for (const name of t.extraNames) if (env.extras[name] === undefined) return DROPPED;
  const holes: Hole[] = [];
  if (t.params.length === 0) return { kind: 'values', values: [expandCombo(t, NO_VALUES, env, holes)], holes };
  if (t.params.length === 1) {
    // One parameter with at most one value (the usual case): its one combination, without building combinations.
    const values = env.read((t.params[0] as ParamSegment).field);
    if (values.length === 0 && droppable) return DROPPED;
    if (values.length < 2) {
      const value = expandCombo(t, values.length === 0 ? ABSENT_VALUE : values, env, holes);
      return { kind: 'values', values: [value], holes: uniqueHoles(holes) };
    }
  }
  const choices: (readonly FieldValue[])[] = [];
  let present = 0;
  for (const param of t.params) {
    const values = env.read(param.field);
    if (values.length > 0) present++;
    choices.push(values.length === 0 ? [undefined as unknown as FieldValue] : values);
  }
  if (present === 0 && droppable) return DROPPED;
  const values = new Set<string>();
  if (choices.every((c) => c.length === 1))
    values.add(
      expandCombo(
        t,
        choices.map((c) => c[0] as FieldValue),
        env,
        holes,
      ),
    );
  else for (const combo of combinations(choices)) values.add(expandCombo(t, combo, env, holes));
  return { kind: 'values', values: [...values], holes: uniqueHoles(holes) };
}

function uniqueHoles(holes: Hole[]): Hole[] {
  if (holes.length < 2) return holes;
  const seen = new Set<string>();
  return holes.filter((h) => {
    const key = `${h.variable}\u0000${h.reason}\u0000${h.detail ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
