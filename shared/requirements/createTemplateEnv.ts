import { readField } from '../asl/readField.js';
import type { FieldValue, QueryLanguage } from '../asl/types.js';
import type { TemplateEnv } from './expandTemplate.js';
import type { Location } from './location.js';
import { placeholderValues } from './placeholderValues.js';

/** What a template environment is built from. */
export type TemplateEnvInput = {
  /** The Parameters/Arguments object (or the state, for `Credentials.RoleArn`). */
  container: unknown;
  queryLanguage: QueryLanguage;
  location: Location;
  stateMachineName: string;
  stateMachineArn: string;
  resource: string;
  extras?: Readonly<Record<string, string | undefined>>;
  /** Values the service uses when a field is absent (Athena `WorkGroup` → `primary`). */
  defaults?: Readonly<Record<string, string>>;
  /** Rewrites of literal string values before they enter an ARN (API Gateway `Path` without its leading `/`). */
  normalize?: Readonly<Record<string, (value: string) => string>>;
};

function literal(value: string): FieldValue {
  return { kind: 'literal', value };
}

/** Reads `Array[*].Field` element by element, so elements without the field get the default. */
function readElementsWithDefault(input: TemplateEnvInput, field: string, fallback: string): FieldValue[] {
  const [arrayPath = '', rest = ''] = field.split('[*].');
  const values: FieldValue[] = [];
  for (const array of readField(input.container, arrayPath, input.queryLanguage)) {
    if (array.kind !== 'literal' || !Array.isArray(array.value)) {
      values.push(array);
      continue;
    }
    for (const element of array.value) {
      const found = readField(element, rest, input.queryLanguage);
      values.push(...(found.length > 0 ? found : [literal(fallback)]));
    }
  }
  return values;
}

const NO_EXTRAS: Readonly<Record<string, string | undefined>> = Object.freeze({});

/** The values a rewrite leaves: each literal string rewritten, the rest as read. */
function rewriteValues(values: readonly FieldValue[], rewrite: (value: string) => string): FieldValue[] {
  return values.map((v) => (v.kind === 'literal' && typeof v.value === 'string' ? literal(rewrite(v.value)) : v));
}

/**
 * A template environment whose `read` is a method (one object per state, no closure), caching each field read; the
 * cache is made on the first read, since most environments read a field or two.
 */
class FieldEnv implements TemplateEnv {
  readonly location: Location;
  readonly stateMachineName: string;
  readonly stateMachineArn: string;
  readonly resource: string;
  readonly extras: Readonly<Record<string, string | undefined>>;
  private readonly input: TemplateEnvInput;
  private cache: Map<string, readonly FieldValue[]> | undefined;

  constructor(input: TemplateEnvInput) {
    this.location = input.location;
    this.stateMachineName = input.stateMachineName;
    this.stateMachineArn = input.stateMachineArn;
    this.resource = input.resource;
    this.extras = input.extras ?? NO_EXTRAS;
    this.input = input;
    this.cache = undefined;
  }

  read(field: string): readonly FieldValue[] {
    const cached = this.cache?.get(field);
    if (cached !== undefined) return cached;
    const { input } = this;
    const fallback = input.defaults?.[field];
    let values: readonly FieldValue[] =
      fallback !== undefined && field.includes('[*].')
        ? readElementsWithDefault(input, field, fallback)
        : readField(input.container, field, input.queryLanguage);
    if (values.length === 0 && fallback !== undefined) values = [literal(fallback)];
    values = placeholderValues(values);
    const rewrite = input.normalize?.[field];
    if (rewrite !== undefined) values = rewriteValues(values, rewrite);
    this.cache ??= new Map();
    this.cache.set(field, values);
    return values;
  }
}

/** Builds the environment templates are expanded with for one state, caching each field read. */
export function createTemplateEnv(input: TemplateEnvInput): TemplateEnv {
  return new FieldEnv(input);
}
