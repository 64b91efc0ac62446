import { isRecord } from '../local/isRecord.js';
import {
  emptyRecord,
  type IntrinsicScope,
  intrinsicNameOf,
  type Notes,
  textOf,
  unknownValue,
} from './intrinsicScope.js';
import { hasUnresolved } from './unresolved.js';

/** Values nested deeper than this are not resolved (a note says so): no input can overflow the stack. */
export const MAX_RESOLVE_DEPTH = 1_000;
/** A resolved text longer than this (4 MiB, four times CloudFormation's largest template) is a note, not a value. */
export const MAX_RESOLVED_TEXT = 4 * 1024 * 1024;

/** `{{resolve:ssm:name}}`, `{{resolve:secretsmanager:…}}`: values CloudFormation reads at deploy time. */
const DYNAMIC_REFERENCE = /\{\{resolve:[^}]*\}\}/g;
const SUB_VARIABLE = /\$\{([^}]*)\}/g;
const MARKER_SPAN = /\uE000[^\uE001]*\uE001/g;
const CONDITION_FUNCTIONS = new Set(['Fn::Equals', 'Fn::And', 'Fn::Or', 'Fn::Not']);

type Context = { scope: IntrinsicScope; notes: Notes; depth: number };
type Handler = (argument: unknown, c: Context) => unknown;

function resolveIn(c: Context, value: unknown): unknown {
  return resolveIntrinsics(value, c.scope, c.notes, c.depth + 1);
}

function tooLong(c: Context, fn: string, text: string): string {
  if (text.length <= MAX_RESOLVED_TEXT) return text;
  return unknownValue(c.notes, fn, `an ${fn} builds more than 4 MiB of text; it is not resolved`);
}

function dynamicReferences(text: string, notes: Notes): string {
  if (!text.includes('{{resolve:')) return text;
  return text.replace(DYNAMIC_REFERENCE, (reference) =>
    unknownValue(notes, reference, `the dynamic reference ${reference} is read at deploy time, not offline`),
  );
}

function ref(argument: unknown, c: Context): unknown {
  const name = textOf(typeof argument === 'string' ? argument : resolveIn(c, argument));
  if (name === undefined || hasUnresolved(name)) return unknownValue(c.notes, 'Ref', 'a Ref names no known text');
  return c.scope.ref(name, c.notes);
}

function getAtt(argument: unknown, c: Context): unknown {
  const [id, attribute] =
    typeof argument === 'string' ? splitFirst(argument, '.') : Array.isArray(argument) ? argument : [];
  const name = textOf(typeof attribute === 'string' ? attribute : resolveIn(c, attribute));
  if (typeof id !== 'string' || name === undefined || hasUnresolved(name)) {
    return unknownValue(c.notes, 'Fn::GetAtt', 'an Fn::GetAtt is not [LogicalId, Attribute] or "LogicalId.Attribute"');
  }
  return c.scope.getAtt(id, name, c.notes);
}

function splitFirst(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at === -1 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

/**
 * `Fn::Sub`: `${Name}` from the variable map, else a parameter, pseudo parameter or resource (`Ref`), `${Id.Attr}`
 * an attribute (`Fn::GetAtt`); `${!Text}` is the literal `${Text}`.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-sub.html
 */
function sub(argument: unknown, c: Context): unknown {
  const [text, variables] = typeof argument === 'string' ? [argument, {}] : Array.isArray(argument) ? argument : [];
  if (typeof text !== 'string' || !isRecord(variables)) {
    return unknownValue(c.notes, 'Fn::Sub', 'an Fn::Sub is neither text nor [text, {variables}]');
  }
  const out = text.replace(SUB_VARIABLE, (_match, raw: string) => {
    if (raw.startsWith('!')) return `\${${raw.slice(1)}}`;
    const name = raw.trim();
    let value: unknown;
    if (Object.hasOwn(variables, name)) value = resolveIn(c, variables[name]);
    else if (!name.startsWith('AWS::') && name.includes('.')) {
      const [id, attribute] = splitFirst(name, '.');
      value = c.scope.getAtt(id, attribute ?? '', c.notes);
    } else value = c.scope.ref(name, c.notes);
    if (value === undefined) return '';
    return (
      textOf(value) ?? unknownValue(c.notes, `\${${name}}`, `Fn::Sub \${${name}} is not text (a list or an object)`)
    );
  });
  return tooLong(c, 'Fn::Sub', dynamicReferences(out, c.notes));
}

/** The items of a list argument, or a marker when the list itself is unknown (a parameter of unknown value). */
function listOf(c: Context, fn: string, argument: unknown): unknown[] | string {
  const list = resolveIn(c, argument);
  if (Array.isArray(list)) return list;
  if (typeof list === 'string' && hasUnresolved(list)) return list;
  return unknownValue(c.notes, fn, `an ${fn} list is not a list`);
}

function join(argument: unknown, c: Context): unknown {
  const [delimiter, items] = Array.isArray(argument) ? argument : [];
  if (typeof delimiter !== 'string') return unknownValue(c.notes, 'Fn::Join', 'an Fn::Join is not [delimiter, list]');
  const list = listOf(c, 'Fn::Join', items);
  if (typeof list === 'string') return list;
  const texts = list.map(
    (item) => textOf(item) ?? unknownValue(c.notes, 'Fn::Join item', 'an Fn::Join item is not text'),
  );
  return tooLong(c, 'Fn::Join', texts.join(delimiter));
}

function select(argument: unknown, c: Context): unknown {
  const [index, items] = Array.isArray(argument) ? argument : [];
  const position = Number(textOf(resolveIn(c, index)));
  const list = listOf(c, 'Fn::Select', items);
  if (typeof list === 'string') return list;
  if (!Number.isInteger(position) || position < 0 || position >= list.length) {
    return unknownValue(c.notes, 'Fn::Select', `an Fn::Select index is not within its list of ${list.length}`);
  }
  return list[position];
}

/** `Fn::Split` that never cuts an unresolved marker in two. */
function split(argument: unknown, c: Context): unknown {
  const [delimiter, source] = Array.isArray(argument) ? argument : [];
  const text = resolveIn(c, source);
  if (typeof delimiter !== 'string' || delimiter === '' || typeof text !== 'string') {
    return unknownValue(c.notes, 'Fn::Split', 'an Fn::Split is not [delimiter, text]');
  }
  const spans = [...text.matchAll(MARKER_SPAN)].map((m) => [m.index, m.index + m[0].length] as const);
  const parts: string[] = [];
  let from = 0;
  for (let at = text.indexOf(delimiter); at !== -1; at = text.indexOf(delimiter, at)) {
    const inside = spans.find(([start, end]) => at > start && at < end);
    if (inside !== undefined) {
      at = inside[1];
      continue;
    }
    parts.push(text.slice(from, at));
    from = at + delimiter.length;
    at = from;
  }
  parts.push(text.slice(from));
  return parts;
}

function fnIf(argument: unknown, c: Context): unknown {
  const [name, whenTrue, whenFalse] = Array.isArray(argument) ? argument : [];
  if (typeof name !== 'string') return unknownValue(c.notes, 'Fn::If', 'an Fn::If is not [Condition, then, else]');
  const holds = c.scope.condition(name, c.notes);
  if (holds !== undefined) return resolveIn(c, holds ? whenTrue : whenFalse);
  const [a, b] = [resolveIn(c, whenTrue), resolveIn(c, whenFalse)];
  if (JSON.stringify(a) === JSON.stringify(b)) return a;
  return unknownValue(c.notes, `Fn::If ${name}`, `Fn::If ${name}: the condition is not known offline`);
}

function findInMap(argument: unknown, c: Context): unknown {
  const [map, top, second, options] = Array.isArray(argument) ? argument : [];
  const keys = [map, top, second].map((key) => textOf(resolveIn(c, key)));
  const [m, t, s] = keys;
  if (m === undefined || t === undefined || s === undefined) {
    return unknownValue(c.notes, 'Fn::FindInMap', 'an Fn::FindInMap is not [Map, TopLevelKey, SecondLevelKey]');
  }
  const what = `Fn::FindInMap ${keys.join('.')}`;
  if (keys.some((key) => key !== undefined && hasUnresolved(key)))
    return unknownValue(c.notes, what, `${what}: a key is not known offline`);
  const value = c.scope.mapping(m, t, s);
  if (value !== undefined) return resolveIn(c, value);
  if (isRecord(options) && Object.hasOwn(options, 'DefaultValue')) return resolveIn(c, options.DefaultValue);
  return unknownValue(c.notes, what, `${what}: the template's Mappings have no such entry`);
}

function importValue(argument: unknown, c: Context): unknown {
  const name = textOf(resolveIn(c, argument));
  if (name === undefined || hasUnresolved(name)) {
    return unknownValue(c.notes, 'Fn::ImportValue', 'an Fn::ImportValue names an export not known offline');
  }
  return (
    c.scope.importValue(name) ??
    unknownValue(
      c.notes,
      `Fn::ImportValue ${name}`,
      `Fn::ImportValue ${name} is another stack's export (give it with --parameter Fn::ImportValue:${name}=VALUE)`,
    )
  );
}

const HANDLERS: ReadonlyMap<string, Handler> = new Map<string, Handler>([
  ['Ref', ref],
  ['Fn::GetAtt', getAtt],
  ['Fn::Sub', sub],
  ['Fn::Join', join],
  ['Fn::Select', select],
  ['Fn::Split', split],
  ['Fn::If', fnIf],
  ['Fn::FindInMap', findInMap],
  ['Fn::ImportValue', importValue],
  [
    'Fn::GetAZs',
    (_argument, c) =>
      unknownValue(
        c.notes,
        `Fn::GetAZs ${c.scope.region}`,
        `the Availability Zones of ${c.scope.region} are not known offline`,
      ),
  ],
  [
    'Fn::Base64',
    (argument, c) => {
      const text = textOf(resolveIn(c, argument));
      if (text === undefined || hasUnresolved(text))
        return unknownValue(c.notes, 'Fn::Base64', 'an Fn::Base64 of a value not known offline');
      return Buffer.from(text, 'utf8').toString('base64');
    },
  ],
  ['Fn::Cidr', (_argument, c) => unknownValue(c.notes, 'Fn::Cidr', 'Fn::Cidr is not computed offline')],
  ['Fn::ToJsonString', (argument, c) => JSON.stringify(resolveIn(c, argument)) ?? 'null'],
  [
    'Fn::Length',
    (argument, c) => {
      const list = listOf(c, 'Fn::Length', argument);
      return typeof list === 'string' ? list : list.length;
    },
  ],
  [
    'Fn::Transform',
    (argument, c) => {
      const name = isRecord(argument) ? textOf(argument.Name) : undefined;
      return unknownValue(
        c.notes,
        `Fn::Transform ${name ?? ''}`.trim(),
        `the macro Fn::Transform ${name ?? ''} is not run offline`,
      );
    },
  ],
]);

/**
 * Resolves CloudFormation intrinsic functions in a value (long form, as shared/template/parseTemplateText.ts writes
 * short forms) against the scope: plain JSON comes out, with an unresolved marker (shared/template/unresolved.ts) and
 * a note for each part that cannot be known offline, never a throw. `AWS::NoValue` (undefined) removes the property
 * or list item it stands for. Depth-bounded: past MAX_RESOLVE_DEPTH levels a value is a marker.
 */
export function resolveIntrinsics(value: unknown, scope: IntrinsicScope, notes: Notes, depth = 0): unknown {
  if (depth > MAX_RESOLVE_DEPTH) {
    return unknownValue(
      notes,
      'deeply nested value',
      `a value nested deeper than ${MAX_RESOLVE_DEPTH.toLocaleString('en-US')} levels is not resolved`,
    );
  }
  if (typeof value === 'string') return dynamicReferences(value, notes);
  const c: Context = { scope, notes, depth };
  if (Array.isArray(value)) {
    return value.map((item) => resolveIn(c, item)).filter((item) => item !== undefined);
  }
  if (!isRecord(value)) return value;
  const fn = intrinsicNameOf(value);
  if (fn !== undefined) {
    const handler = HANDLERS.get(fn);
    if (handler !== undefined) return handler(value[fn], c);
    const where = CONDITION_FUNCTIONS.has(fn) ? ' outside Conditions' : '';
    return unknownValue(notes, fn, `the intrinsic function ${fn}${where} is not resolved`);
  }
  const out = emptyRecord();
  for (const [key, item] of Object.entries(value)) {
    const resolved = resolveIn(c, item);
    if (resolved !== undefined) out[key] = resolved;
  }
  return out;
}
