import { isRecord } from '../../local/isRecord.js';
import type { PolicyDocument, PolicyStatement } from '../../types.js';
import { unresolvedMarker } from '../unresolved.js';
import { knownAfterApply } from './knownAfterApply.js';
import { parsePlanPolicyText } from './parsePlanPolicyText.js';
import type { PlanResource } from './planTypes.js';
import { expressionAt, valueAt } from './planValues.js';

/** What a policy attribute of the plan holds: a document (with unresolved markers for holes), or nothing known. */
export type PlanPolicy =
  | { readonly kind: 'document'; readonly document: PolicyDocument }
  | { readonly kind: 'unknown'; readonly dependsOn: readonly string[] };

type Path = (string | number)[];
type Json = Record<string, unknown>;

const LIST_FIELDS = [
  ['actions', 'Action'],
  ['not_actions', 'NotAction'],
  ['resources', 'Resource'],
  ['not_resources', 'NotResource'],
] as const;

/** The most specific reference of a configuration expression that names a resource attribute, for hole names. */
function referenceName(references: readonly string[]): string | undefined {
  return [...references].sort((a, b) => b.length - a.length)[0];
}

/** Reads one data source instance through its values, falling back to its configuration for what is unknown. */
class DocumentReader {
  constructor(private readonly resource: PlanResource) {}

  /** The marker for a value known only after apply, named after the reference the configuration makes there. */
  hole(path: Path): string {
    // The configuration writes a list attribute as one expression: the longest prefix of the path that is one.
    let reference: string | undefined;
    for (let length = path.length; length > 0 && reference === undefined; length--) {
      const expression = expressionAt(this.resource.config?.expressions, path.slice(0, length));
      if (expression !== undefined) reference = referenceName(expression.references);
    }
    const what = reference ?? `${this.resource.address}.${formatPath(path)}`;
    return unresolvedMarker(knownAfterApply(what));
  }

  text(path: Path): string | undefined {
    const value = valueAt(this.resource, path);
    if (value.state === 'unknown') return this.hole(path);
    return value.state === 'known' && typeof value.value === 'string' ? value.value : undefined;
  }

  list(path: Path): string[] | undefined {
    const count = this.count(path);
    if (count === 'unknown') return [this.hole(path)];
    if (count === 0 && valueAt(this.resource, path).state !== 'known') return undefined;
    return Array.from({ length: count }, (_item, index) => this.text([...path, index]) ?? this.hole([...path, index]));
  }

  /** How many items a list has: `after` may leave unknown items out, so `after_unknown` can say more of them. */
  count(path: Path): number | 'unknown' {
    const value = valueAt(this.resource, path);
    if (value.state === 'unknown') return 'unknown';
    const known = value.state === 'known' && Array.isArray(value.value) ? value.value.length : 0;
    let unknown: unknown = this.resource.unknown;
    for (const key of path)
      unknown =
        Array.isArray(unknown) || isRecord(unknown) ? (unknown as Record<string | number, unknown>)[key] : undefined;
    return Math.max(known, Array.isArray(unknown) ? unknown.length : 0);
  }
}

function formatPath(path: Path): string {
  return path
    .map((key) => (typeof key === 'number' ? `[${key}]` : `.${key}`))
    .join('')
    .slice(1);
}

/** Adds values under a key of a Map (keys are user text: a Map, so `__proto__` is only a name). */
function append(map: Map<string, string[]>, key: string, values: readonly string[]): void {
  map.set(key, [...(map.get(key) ?? []), ...values]);
}

function principalsOf(reader: DocumentReader, path: Path): unknown {
  const count = reader.count(path);
  if (count === 'unknown') return { AWS: reader.hole(path) };
  const principal = new Map<string, string[]>();
  for (let i = 0; i < count; i++) {
    const type = reader.text([...path, i, 'type']) ?? 'AWS';
    if (type === '*') return '*';
    append(principal, type, reader.list([...path, i, 'identifiers']) ?? []);
  }
  return Object.fromEntries(principal);
}

function conditionOf(reader: DocumentReader, path: Path): PolicyStatement['Condition'] {
  const count = reader.count(path);
  if (count === 'unknown') return { Null: { [reader.hole(path)]: 'false' } };
  const condition = new Map<string, Map<string, string[]>>();
  for (let i = 0; i < count; i++) {
    const test = reader.text([...path, i, 'test']) ?? reader.hole([...path, i, 'test']);
    const variable = reader.text([...path, i, 'variable']) ?? reader.hole([...path, i, 'variable']);
    const block = condition.get(test) ?? new Map<string, string[]>();
    append(block, variable, reader.list([...path, i, 'values']) ?? []);
    condition.set(test, block);
  }
  if (condition.size === 0) return undefined;
  return Object.fromEntries([...condition].map(([test, block]) => [test, Object.fromEntries(block)]));
}

function statementOf(reader: DocumentReader, index: number): PolicyStatement {
  const base: Path = ['statement', index];
  const sid = reader.text([...base, 'sid']);
  const statement: PolicyStatement = { ...(sid ? { Sid: sid } : {}), Effect: 'Allow' };
  const effect = reader.text([...base, 'effect']);
  if (effect !== undefined) (statement as Json).Effect = effect;
  for (const [field, key] of LIST_FIELDS) {
    const values = reader.list([...base, field]);
    if (values !== undefined && values.length > 0) (statement as Json)[key] = values.length === 1 ? values[0] : values;
  }
  for (const [field, key] of [
    ['principals', 'Principal'],
    ['not_principals', 'NotPrincipal'],
  ] as const) {
    const count = reader.count([...base, field]);
    if (count === 'unknown' || count > 0) (statement as Json)[key] = principalsOf(reader, [...base, field]);
  }
  const condition = conditionOf(reader, [...base, 'condition']);
  if (condition !== undefined) statement.Condition = condition;
  return statement;
}

/** Adds statements to a merged list: one with a Sid already there replaces it, the others are appended. */
function mergeInto(into: PolicyStatement[], statements: readonly PolicyStatement[]): void {
  for (const statement of statements) {
    const at = statement.Sid ? into.findIndex((s) => s.Sid === statement.Sid) : -1;
    if (at >= 0) into[at] = statement;
    else into.push(statement);
  }
}

function statementsOf(document: PolicyDocument): PolicyStatement[] {
  return Array.isArray(document.Statement) ? document.Statement : [document.Statement];
}

/**
 * The document of a `data "aws_iam_policy_document"` instance: its `json` when known; else rebuilt from its statement
 * blocks as the provider builds it (source documents first, then the statements, then the override documents, a
 * statement with a Sid replacing an earlier one with the same Sid), each value known only after apply written as an
 * unresolved marker named after the reference behind it
 * (https://registry.terraform.io/providers/hashicorp/aws/latest/docs/data-sources/iam_policy_document).
 */
export function policyDocumentData(resource: PlanResource, source: string): PlanPolicy {
  for (const key of ['json', 'minified_json']) {
    const json = valueAt(resource, [key]);
    if (json.state === 'known' && typeof json.value === 'string') {
      return { kind: 'document', document: parsePlanPolicyText(json.value, `${source}: ${resource.address}.${key}`) };
    }
  }
  const reader = new DocumentReader(resource);
  const dependsOn = [resource.address];
  const merged: PolicyStatement[] = [];
  for (const field of ['source_policy_documents', 'override_policy_documents'] as const) {
    if (reader.count([field]) === 'unknown') return { kind: 'unknown', dependsOn };
  }
  const count = reader.count(['statement']);
  if (count === 'unknown') return { kind: 'unknown', dependsOn };
  const documents = (field: string) =>
    (reader.list([field]) ?? []).map((text, i) =>
      parsePlanPolicyText(text, `${source}: ${resource.address}.${field}[${i}]`),
    );
  for (const document of documents('source_policy_documents')) mergeInto(merged, statementsOf(document));
  mergeInto(
    merged,
    Array.from({ length: count }, (_item, index) => statementOf(reader, index)),
  );
  for (const document of documents('override_policy_documents')) mergeInto(merged, statementsOf(document));
  const version = reader.text(['version']) ?? '2012-10-17';
  const id = reader.text(['policy_id']);
  return { kind: 'document', document: { Version: version, ...(id ? { Id: id } : {}), Statement: merged } };
}
