import { unresolvedMarker } from './unresolved.js';

/** Notes of what could not be resolved, each once, in the order they were first met. */
export type Notes = Set<string>;

/**
 * What intrinsic functions resolve against (shared/template/loadTemplateModel.ts builds it from the template, the
 * placement and the --parameter values). Every method adds a note for what it cannot know and never throws.
 */
export type IntrinsicScope = {
  readonly region: string;
  /** `Ref` of a parameter, pseudo parameter or resource (undefined for `AWS::NoValue`). */
  ref(name: string, notes: Notes): unknown;
  getAtt(logicalId: string, attribute: string, notes: Notes): unknown;
  /** A named condition: true, false, or undefined when it depends on a value unknown offline. */
  condition(name: string, notes: Notes): boolean | undefined;
  /** `Fn::FindInMap`: the value, or undefined when the map or a key is absent. */
  mapping(map: string, top: string, second: string): unknown;
  /** `Fn::ImportValue`: the value given for the export on the command line, or undefined. */
  importValue(name: string): string | undefined;
};

/** An unresolved marker for `what`, with `note` recorded. */
export function unknownValue(notes: Notes, what: string, note: string): string {
  notes.add(note);
  return unresolvedMarker(what);
}

/** A value as text where CloudFormation wants a string: strings, numbers and booleans as written. */
export function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** A null-prototype object (a key `__proto__` or `constructor` is only a key). */
export function emptyRecord(): Record<string, unknown> {
  return Object.create(null) as Record<string, unknown>;
}

/** True for `{Ref: …}` or `{"Fn::…": …}` with that single key. */
export function intrinsicNameOf(value: Record<string, unknown>): string | undefined {
  const keys = Object.keys(value);
  if (keys.length !== 1) return undefined;
  const [key] = keys as [string];
  return key === 'Ref' || key.startsWith('Fn::') ? key : undefined;
}
