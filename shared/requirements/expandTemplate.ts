import type { FieldValue } from '../asl/types.js';
import type { CompiledTemplate, ParamSegment, Segment } from './compileTemplate.js';
import { extractPart, extractPartPrefix } from './extractPart.js';
import { type Location, withLocation } from './location.js';

/** What a template is expanded with: the state's location and values, and a reader of its parameters. */
export type TemplateEnv = {
  location: Location;
  stateMachineName: string;
  stateMachineArn: string;
  /** The Task `Resource` (or the activity ARN) for `${Resource}`. */
  resource: string;
  extras: Readonly<Record<string, string | undefined>>;
  /** The values of a Parameters/Arguments field (`[]` when absent). */
  read: (field: string) => readonly FieldValue[];
};

/** The result of expanding one template for one state. */
export type Expansion =
  | { kind: 'values'; values: string[] }
  /** A parameter it reads is absent, or it names something the definition cannot show. */
  | { kind: 'dropped' }
  /** A value it reads is only known at run time; `narrowed` holds `prefix*` patterns when the known prefix ends the ARN. */
  | { kind: 'dynamic'; narrowed: string[] | undefined };

const DROPPED: Expansion = { kind: 'dropped' };
/** Text allowed after a runtime value for `prefix*` narrowing: nothing, or a wildcard the `*` already covers. */
const NARROWABLE_SUFFIX = new Set(['', '*', ':*', '/*']);

/** The text of a literal string, number or boolean; undefined for run-time values and objects. */
export function scalar(value: FieldValue): string | undefined {
  if (value.kind !== 'literal') return undefined;
  const v = value.value;
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
}

/** Every choice of one value per field (the cross product), for fields with several values (`[*]`). */
export function combinations(choices: readonly (readonly FieldValue[])[]): FieldValue[][] {
  let result: FieldValue[][] = [[]];
  for (const options of choices) result = result.flatMap((prefix) => options.map((option) => [...prefix, option]));
  return result;
}

function contextValue(segment: Segment, location: Location, env: TemplateEnv): string {
  if (segment.kind === 'text') return segment.text;
  if (segment.kind === 'extra') return env.extras[segment.name] ?? '';
  if (segment.kind === 'hole') return segment.text;
  if (segment.kind !== 'context') return '';
  switch (segment.name) {
    case 'Partition':
      return location.partition;
    case 'Region':
      return location.region;
    case 'Account':
      return location.account;
    case 'StateMachineName':
      return env.stateMachineName;
    case 'StateMachineArn':
      return env.stateMachineArn;
    case 'Resource':
      return env.resource;
  }
}

function join(segments: readonly Segment[], values: readonly string[], location: Location, env: TemplateEnv): string {
  let out = '';
  let i = 0;
  for (const segment of segments) out += segment.kind === 'param' ? values[i++] : contextValue(segment, location, env);
  return out;
}

function render(t: CompiledTemplate, raw: readonly string[], env: TemplateEnv): string | undefined {
  let location = env.location;
  const values = new Array<string>(t.params.length);
  let i = 0;
  for (const segment of t.segments) {
    if (segment.kind !== 'param') continue;
    let value = raw[i] ?? '';
    if (segment.part !== undefined) {
      const extracted = extractPart(segment.part, value, location.partition);
      if (extracted === undefined) return undefined;
      value = extracted.value;
      location = withLocation(location, extracted.location);
    }
    values[i++] = segment.lowercase ? value.toLowerCase() : value;
  }
  const first = values[0];
  if (t.wholeArnSuffix !== undefined && first?.startsWith('arn:')) return first + t.wholeArnSuffix;
  return join(t.segments, values, location, env);
}

/** True when an ARN prefix already reaches its resource part, so `prefix*` only varies the last component. */
function reachesResource(prefix: string): boolean {
  const parts = prefix.split(':');
  return parts.length >= 6 && parts.slice(5).join(':') !== '';
}

function narrow(t: CompiledTemplate, combo: readonly FieldValue[], env: TemplateEnv): string | undefined {
  const dynamicAt = combo.flatMap((value, index) => (scalar(value) === undefined ? [index] : []));
  const only = dynamicAt[0];
  const value = only === undefined ? undefined : combo[only];
  if (dynamicAt.length !== 1 || only !== combo.length - 1 || value?.kind !== 'dynamic' || !value.knownPrefix) return;
  const position = t.segments.findLastIndex((s) => s.kind === 'param');
  const segment = t.segments[position];
  if (segment?.kind !== 'param') return undefined;
  const suffix = t.segments.slice(position + 1);
  if (!NARROWABLE_SUFFIX.has(suffix.map((s) => (s.kind === 'text' ? s.text : '?')).join(''))) return undefined;
  let prefix = value.knownPrefix;
  let location = env.location;
  if (segment.part !== undefined) {
    const extracted = extractPartPrefix(segment.part, prefix);
    if (extracted === undefined) return undefined;
    prefix = extracted.value;
    location = withLocation(location, extracted.location);
  }
  if (segment.lowercase) prefix = prefix.toLowerCase();
  if (position === 0 || (t.wholeArnSuffix !== undefined && prefix.startsWith('arn:'))) {
    return reachesResource(prefix) ? `${prefix}*` : undefined;
  }
  const literals = combo.slice(0, -1).map((v) => scalar(v) ?? '');
  const head = render({ ...t, segments: t.segments.slice(0, position), wholeArnSuffix: undefined }, literals, {
    location,
    stateMachineName: env.stateMachineName,
    stateMachineArn: env.stateMachineArn,
    resource: env.resource,
    extras: env.extras,
    read: (field) => env.read(field),
  });
  return head === undefined ? undefined : `${head}${prefix}*`;
}

function expandCombo(t: CompiledTemplate, combo: readonly FieldValue[], env: TemplateEnv, out: Accumulator): void {
  const raw: string[] = [];
  for (const value of combo) {
    const text = scalar(value);
    if (text === undefined) break;
    raw.push(text);
  }
  const rendered = raw.length === combo.length ? render(t, raw, env) : undefined;
  if (rendered !== undefined) {
    out.values.push(rendered);
    return;
  }
  out.dynamic = true;
  const pattern = narrow(t, combo, env);
  if (pattern === undefined) out.narrowed = undefined;
  else out.narrowed?.push(pattern);
}

type Accumulator = { values: string[]; dynamic: boolean; narrowed: string[] | undefined };

const uniq = (values: string[]): string[] => (values.length < 2 ? values : [...new Set(values)]);

/**
 * Expands a compiled catalogue template for one state: literal values give concrete ARNs (a literal ARN keeps its
 * own partition/Region/account), runtime values give `dynamic`, absent parameters drop the template.
 */
export function expandTemplate(t: CompiledTemplate, env: TemplateEnv): Expansion {
  if (t.unresolvable) return DROPPED;
  for (const name of t.extraNames) if (env.extras[name] === undefined) return DROPPED;
  if (t.params.length === 0) return { kind: 'values', values: [join(t.segments, [], env.location, env)] };
  if (t.params.length === 1) {
    // One parameter with one value (the usual case): its one combination, without accumulating lists.
    const values = env.read((t.params[0] as ParamSegment).field);
    if (values.length === 0) return DROPPED;
    if (values.length === 1) {
      const text = scalar(values[0] as FieldValue);
      const rendered = text === undefined ? undefined : render(t, [text], env);
      if (rendered !== undefined) return { kind: 'values', values: [rendered] };
      const pattern = narrow(t, values, env);
      return { kind: 'dynamic', narrowed: pattern === undefined ? undefined : [pattern] };
    }
  }
  const choices: (readonly FieldValue[])[] = [];
  let single = true;
  for (const param of t.params) {
    const values = env.read(param.field);
    if (values.length === 0) return DROPPED;
    if (values.length > 1) single = false;
    choices.push(values);
  }
  const out: Accumulator = { values: [], dynamic: false, narrowed: [] };
  if (single)
    expandCombo(
      t,
      choices.map((c) => c[0] as FieldValue),
      env,
      out,
    );
  else for (const combo of combinations(choices)) expandCombo(t, combo, env, out);
  if (out.dynamic) return { kind: 'dynamic', narrowed: out.narrowed && uniq([...out.values, ...out.narrowed]) };
  return { kind: 'values', values: uniq(out.values) };
}
