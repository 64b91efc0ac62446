import { isRecord } from '../local/isRecord.js';
import type { SamValue } from './types.js';
import { unresolvedMarker } from './unresolved.js';

/**
 * What a SAM policy template's intrinsics resolve against; an unresolvable part becomes an unresolved-value marker
 * (shared/template/unresolved.ts) and a line in `notes`.
 */
export type SamScope = {
  /** The template's name, for the notes. */
  readonly template: string;
  /** The values the caller gave for the template's own parameters (only those the template declares). */
  readonly parameters: ReadonlyMap<string, unknown>;
  /** `AWS::Partition`, `AWS::Region` and `AWS::AccountId`. */
  readonly pseudo: ReadonlyMap<string, string>;
  readonly notes: Set<string>;
};

/** `${…}` in an `Fn::Sub` text; `${!Literal}` is the escape for a literal `${Literal}`. */
const SUB_VARIABLE = /\$\{([^}]*)\}/g;

/**
 * A value that cannot be known offline: a marker naming it (`LambdaInvokePolicy parameter FunctionName`), which
 * expandSamPolicyTemplate turns into a `*` pattern plus a condition on it, so it never widens the grant.
 */
function hole(scope: SamScope, what: string, note: string): string {
  scope.notes.add(`${scope.template}: ${note}; the statement is conditional on it`);
  return unresolvedMarker(`${scope.template} ${what}`);
}

/** A parameter value as text: strings as given, finite numbers as CloudFormation writes them. */
function parameterText(scope: SamScope, name: string, value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return hole(scope, `parameter ${name}`, `parameter ${name} is not text (${JSON.stringify(value) ?? String(value)})`);
}

/** `Ref`: a parameter of the template (as SAM resolves it) or a pseudo parameter (as CloudFormation does). */
function resolveRef(scope: SamScope, name: string): string {
  if (scope.parameters.has(name)) return parameterText(scope, name, scope.parameters.get(name));
  return (
    scope.pseudo.get(name) ??
    hole(scope, `Ref ${name}`, `Ref ${name} is neither a parameter nor a known pseudo parameter`)
  );
}

/**
 * `Fn::Sub` as CloudFormation resolves it: `${Name}` from the variable map, then pseudo parameters; `${!Text}`
 * is the literal `${Text}`. A name in neither would be the user's own template parameter or resource: a hole.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-sub.html
 */
function resolveSub(scope: SamScope, argument: unknown): string {
  const [text, variables] = typeof argument === 'string' ? [argument, {}] : Array.isArray(argument) ? argument : [];
  if (typeof text !== 'string' || !isRecord(variables)) {
    return hole(scope, 'Fn::Sub', 'an Fn::Sub is not text or [text, map]');
  }
  return text.replace(SUB_VARIABLE, (_, name: string) => {
    if (name.startsWith('!')) return `\${${name.slice(1)}}`;
    if (Object.hasOwn(variables, name)) return resolveText(scope, variables[name] as SamValue);
    return (
      scope.pseudo.get(name) ??
      hole(scope, `Fn::Sub variable ${name}`, `Fn::Sub names \${${name}}, which is not known offline`)
    );
  });
}

/** `Fn::Join`: the resolved texts of a list, joined by the delimiter. */
function resolveJoin(scope: SamScope, argument: unknown): string {
  const [delimiter, items] = Array.isArray(argument) ? argument : [];
  if (typeof delimiter !== 'string' || !Array.isArray(items)) {
    return hole(scope, 'Fn::Join', 'an Fn::Join is not [text, list]');
  }
  return items.map((item: SamValue) => resolveText(scope, item)).join(delimiter);
}

/** A value that must come out as one text (a `Sub` variable, a `Join` item, a single resource). */
export function resolveText(scope: SamScope, value: SamValue): string {
  if (typeof value === 'string') return value;
  if (!isRecord(value)) return hole(scope, 'list', 'a list stands where one text is expected');
  const entries: [string, unknown][] = Object.entries(value);
  const [name, argument] = entries.length === 1 ? (entries[0] ?? []) : [];
  if (name === 'Ref' && typeof argument === 'string') return resolveRef(scope, argument);
  if (name === 'Fn::Sub') return resolveSub(scope, argument);
  if (name === 'Fn::Join') return resolveJoin(scope, argument);
  const intrinsic = Object.keys(value).join(', ') || 'an empty object';
  return hole(scope, intrinsic, `${intrinsic} is not resolved offline`);
}

/** A `Resource` or condition value: one text, or a list of texts. */
export function resolveField(scope: SamScope, value: SamValue): string | string[] {
  return Array.isArray(value) ? value.map((item: SamValue) => resolveText(scope, item)) : resolveText(scope, value);
}
