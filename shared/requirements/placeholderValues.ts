import type { FieldValue } from '../asl/types.js';

/** The first `${…}` DefinitionSubstitutions placeholder of a text. */
const PLACEHOLDER = /\$\{[^}]*\}/;

/**
 * Reads a literal string that still holds an unapplied `${…}` DefinitionSubstitutions placeholder as a value known only
 * at deploy time — a hole, never ARN text (IAM would read `${…}` as a policy variable) — keeping its literal start.
 */
export function placeholderValue(value: FieldValue): FieldValue {
  if (value.kind !== 'literal' || typeof value.value !== 'string' || !value.value.includes('${')) return value;
  const match = PLACEHOLDER.exec(value.value);
  if (match === null) return value;
  return {
    kind: 'dynamic',
    expression: value.value,
    knownPrefix: value.value.slice(0, match.index),
    placeholder: match[0],
  };
}

/** `placeholderValue` over a field's values (the same array when none holds a placeholder). */
export function placeholderValues(values: readonly FieldValue[]): readonly FieldValue[] {
  let out: FieldValue[] | undefined;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as FieldValue;
    const read = placeholderValue(value);
    if (read !== value) {
      out ??= values.slice();
      out[i] = read;
    }
  }
  return out ?? values;
}
