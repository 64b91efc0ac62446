import { formatTemplatePrefix } from './formatTemplatePrefix.js';
import { isJsonataExpression } from './isJsonataExpression.js';
import { jsonataLiteralPrefix } from './jsonataLiteralPrefix.js';
import { literalFormat } from './literalFormat.js';
import { propertyKey } from './propertyKey.js';
import type { FieldValue, QueryLanguage } from './types.js';

/** Path segment meaning "each element of the array here". */
const EACH = '[*]';
const MAX_CACHED_PATHS = 1_000;
/** One step of a field path: a key (with its JSONPath `key.$` twin) or EACH. */
type Segment = { key: string; dynamicKey: string };
const EACH_SEGMENT: Segment = { key: EACH, dynamicKey: EACH };
const parsedPaths = new Map<string, readonly Segment[]>();

/** `Overrides.ContainerOverrides[*].Environment` → ['Overrides', 'ContainerOverrides', '[*]', 'Environment'] (cached). */
function segmentsOf(fieldPath: string): readonly Segment[] {
  const cached = parsedPaths.get(fieldPath);
  if (cached !== undefined) return cached;
  const segments: Segment[] = [];
  for (const part of fieldPath.split('.')) {
    let name = part;
    let each = 0;
    while (name.endsWith(EACH)) {
      name = name.slice(0, -EACH.length);
      each++;
    }
    if (name !== '') segments.push({ key: propertyKey(name), dynamicKey: propertyKey(`${name}.$`) });
    for (let i = 0; i < each; i++) segments.push(EACH_SEGMENT);
  }
  if (parsedPaths.size >= MAX_CACHED_PATHS) parsedPaths.clear();
  parsedPaths.set(fieldPath, segments);
  return segments;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A run-time value; the literal prefix is kept only when the expression yields the field itself, not an ancestor. */
function dynamicValue(expression: unknown, isField: boolean, queryLanguage: QueryLanguage): FieldValue {
  const text = typeof expression === 'string' ? expression : JSON.stringify(expression);
  if (!isField) return { kind: 'dynamic', expression: text };
  const literal = queryLanguage === 'JSONPath' ? literalFormat(text) : undefined;
  if (literal !== undefined) return { kind: 'literal', value: literal };
  const knownPrefix = queryLanguage === 'JSONPath' ? formatTemplatePrefix(text) : jsonataLiteralPrefix(text);
  return knownPrefix === undefined
    ? { kind: 'dynamic', expression: text }
    : { kind: 'dynamic', expression: text, knownPrefix };
}

function collect(
  node: unknown,
  segments: readonly Segment[],
  index: number,
  language: QueryLanguage,
  out: FieldValue[],
): void {
  if (language === 'JSONata' && isJsonataExpression(node)) {
    out.push(dynamicValue(node, index === segments.length, language));
    return;
  }
  const segment = segments[index];
  if (segment === undefined) {
    out.push({ kind: 'literal', value: node });
  } else if (segment === EACH_SEGMENT) {
    if (Array.isArray(node)) for (const item of node) collect(item, segments, index + 1, language, out);
  } else if (isObject(node)) {
    if (language === 'JSONPath' && Object.hasOwn(node, segment.dynamicKey)) {
      out.push(dynamicValue(node[segment.dynamicKey], index + 1 === segments.length, language));
    } else if (Object.hasOwn(node, segment.key)) {
      collect(node[segment.key], segments, index + 1, language, out);
    }
  }
}

/** What collect finds along a path without `[*]` (at most one value), without a list to collect into. */
function readOne(container: unknown, segments: readonly Segment[], language: QueryLanguage): FieldValue | undefined {
  let node = container;
  for (let index = 0; ; index++) {
    if (language === 'JSONata' && isJsonataExpression(node)) {
      return dynamicValue(node, index === segments.length, language);
    }
    const segment = segments[index];
    if (segment === undefined) return { kind: 'literal', value: node };
    if (!isObject(node)) return undefined;
    if (language === 'JSONPath' && Object.hasOwn(node, segment.dynamicKey)) {
      return dynamicValue(node[segment.dynamicKey], index + 1 === segments.length, language);
    }
    if (!Object.hasOwn(node, segment.key)) return undefined;
    node = node[segment.key];
  }
}

/**
 * Reads a field of a Parameters (JSONPath) or Arguments (JSONata) value by dotted path, telling literal values from
 * ones only known at run time: a `key.$` (JSONPath) or a whole-string `{% … %}` (JSONata) makes the field — or the
 * whole subtree under it — dynamic. `[*]` yields one value per array element; `[]` when the field is absent.
 * https://docs.aws.amazon.com/step-functions/latest/dg/input-output-inputpath-params.html and
 * https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html
 */
export function readField(container: unknown, fieldPath: string, queryLanguage: QueryLanguage): FieldValue[] {
  const segments = segmentsOf(fieldPath);
  if (!segments.includes(EACH_SEGMENT)) {
    const value = readOne(container, segments, queryLanguage);
    return value === undefined ? [] : [value];
  }
  const out: FieldValue[] = [];
  collect(container, segments, 0, queryLanguage, out);
  return out;
}
