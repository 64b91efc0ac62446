/**
 * fast-check mutations of valid definitions, as an attacker with deploy rights would write them: wrong types, missing
 * fields, `__proto__`/`constructor`/`toString` keys and SDK service names, huge strings, deep nesting, lone
 * surrogates, duplicate keys (as text), a byte order mark, truncated text. Each says whether the result must be
 * rejected (`mustBeInvalid`) and is given as JSON text or as a parsed value, the two forms `parseDefinition` takes.
 */
import { fc } from './configureFastCheck.js';
import { definitionArbitrary } from './definitionArbitraries.js';

type JsonObject = Record<string, unknown>;

/**
 * One mutated input: what was done (for counterexamples), the input, whether it must be rejected, and whether it must
 * still be accepted (a mutation that keeps the definition valid: odd names, huge strings, a single BOM).
 */
export type Mutated = { mutation: string; input: string | JsonObject; mustBeInvalid: boolean; mustBeValid?: boolean };

/** Keys that name Object.prototype members; a lookup keyed by user text must not see them. */
export const DANGEROUS_KEYS = [
  '__proto__',
  'constructor',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  'prototype',
] as const;

/** SDK service/API names that match the aws-sdk Resource syntax and name Object members (issue 8). */
const DANGEROUS_SDK_RESOURCES = [
  'arn:aws:states:::aws-sdk:constructor:createThing',
  'arn:aws:states:::aws-sdk:tostring:valueOf',
  'arn:aws:states:::aws-sdk:valueof:constructor',
  'arn:aws:states:::aws-sdk:hasownproperty:toString',
  'arn:aws:states:::aws-sdk:s3:constructor',
  'arn:aws:states:::aws-sdk:constructor:createThing.waitForTaskToken',
  'arn:aws:states:::constructor:toString',
  'arn:aws:states:::__proto__:invoke',
] as const;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every object and array of the value with its path, in document order. */
function containers(value: unknown): { path: string[]; node: JsonObject | unknown[] }[] {
  const found: { path: string[]; node: JsonObject | unknown[] }[] = [];
  const stack: { path: string[]; node: unknown }[] = [{ path: [], node: value }];
  while (stack.length > 0) {
    const { path, node } = stack.pop() as { path: string[]; node: unknown };
    if (!isObject(node) && !Array.isArray(node)) continue;
    found.push({ path, node });
    const entries = Array.isArray(node) ? node.map((v, i) => [String(i), v] as const) : Object.entries(node);
    for (const [key, child] of entries.reverse()) stack.push({ path: [...path, key], node: child });
  }
  return found;
}

/** Task states of the value (objects with `Type: 'Task'`). */
const tasksOf = (value: unknown) =>
  containers(value).filter(
    (c): c is { path: string[]; node: JsonObject } => isObject(c.node) && c.node.Type === 'Task',
  );

/** State objects of the value (objects under a `States` key). */
const statesOf = (value: unknown) =>
  containers(value).filter(
    (c): c is { path: string[]; node: JsonObject } => isObject(c.node) && c.path[c.path.length - 2] === 'States',
  );

const pick = <T>(list: readonly T[], index: number): T | undefined =>
  list.length === 0 ? undefined : list[index % list.length];

/** JSON text of the value where `extra` may add (possibly repeated) raw entries to the object at one path. */
function textWith(value: unknown, at: string[], extra: (node: JsonObject) => [string, unknown][]): string {
  const write = (node: unknown, path: string[]): string => {
    if (Array.isArray(node)) return `[${node.map((v, i) => write(v, [...path, String(i)])).join(',')}]`;
    if (!isObject(node)) return JSON.stringify(node) ?? 'null';
    const entries: [string, unknown][] = Object.entries(node);
    if (path.length === at.length && path.every((p, i) => p === at[i])) entries.push(...extra(node));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${write(v, [...path, k])}`).join(',')}}`;
  };
  return write(value, []);
}

const wrongValueArbitrary = fc.oneof(
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant([]),
  fc.constant({}),
  fc.string({ maxLength: 8 }),
  fc.constant([1, 'two', null]),
);

type Mutation = (definition: JsonObject) => fc.Arbitrary<Mutated>;

const wrongType: Mutation = (d) =>
  fc.tuple(fc.nat(), fc.nat(), wrongValueArbitrary).map(([i, j, wrong]) => {
    const copy = structuredClone(d);
    const target = pick(
      containers(copy).filter((c) => isObject(c.node)),
      i,
    );
    const keys = target === undefined ? [] : Object.keys(target.node);
    const key = pick(keys, j);
    const original = target === undefined || key === undefined ? undefined : (target.node as JsonObject)[key];
    if (target !== undefined && key !== undefined) (target.node as JsonObject)[key] = wrong;
    const topLevel = target?.path.length === 0 && (key === 'StartAt' || key === 'States');
    return {
      mutation: `wrong type at ${JSON.stringify([...(target?.path ?? []), key])}`,
      input: copy,
      mustBeInvalid: topLevel && wrong !== original,
    };
  });

const missingField: Mutation = (d) =>
  fc
    .tuple(
      fc.nat(),
      fc.constantFrom('StartAt', 'States', 'Type', 'Resource', 'Next', 'End', 'Branches', 'ItemProcessor', 'Choices'),
    )
    .map(([i, field]) => {
      const copy = structuredClone(d);
      if (field === 'StartAt' || field === 'States') {
        Reflect.deleteProperty(copy, field);
        return { mutation: `top-level ${field} removed`, input: copy, mustBeInvalid: true };
      }
      const target = pick(
        statesOf(copy).filter((s) => field in s.node),
        i,
      );
      if (target !== undefined) Reflect.deleteProperty(target.node, field);
      const invalid =
        target !== undefined &&
        ['Type', 'Resource', 'Next', 'End', 'Branches', 'ItemProcessor', 'Choices'].includes(field);
      return { mutation: `${field} removed at ${JSON.stringify(target?.path)}`, input: copy, mustBeInvalid: invalid };
    });

const dangerousKey: Mutation = (d) =>
  fc
    .tuple(
      fc.nat(),
      fc.constantFrom(...DANGEROUS_KEYS),
      fc.constantFrom<unknown>({ polluted: true }, 'polluted', 1, null, [{ polluted: true }]),
      fc.boolean(),
    )
    .map(([i, key, value, asText]) => {
      const target = pick(
        containers(d).filter((c) => isObject(c.node)),
        i,
      );
      const at = target?.path ?? [];
      const text = textWith(d, at, (node) => (Object.hasOwn(node, key) ? [] : [[key, value]]));
      return {
        mutation: `key ${key} at ${JSON.stringify(at)}`,
        input: asText ? text : (JSON.parse(text) as JsonObject),
        mustBeInvalid: false,
      };
    });

const dangerousName: Mutation = (d) =>
  fc.tuple(fc.constantFrom(...DANGEROUS_KEYS), fc.boolean()).map(([name, asText]) => {
    // Renames the first state of the top scope, keeping StartAt and every transition to it consistent.
    const states = d.States as JsonObject;
    const old = d.StartAt as string;
    // As text: assigning `__proto__` to an object would set its prototype instead of adding the state.
    const renamed = Object.entries(states).map(
      ([k, v]) => `${JSON.stringify(k === old ? name : k)}:${JSON.stringify(v)}`,
    );
    const text = JSON.stringify({ ...d, StartAt: name, States: {} }).replace(
      '"States":{}',
      `"States":{${renamed.join(',')}}`,
    );
    const input = text.replaceAll(`"Next":${JSON.stringify(old)}`, `"Next":${JSON.stringify(name)}`);
    return {
      mutation: `state named ${name}`,
      input: asText ? input : (JSON.parse(input) as JsonObject),
      mustBeInvalid: false,
      mustBeValid: true,
    };
  });

const dangerousSdk: Mutation = (d) =>
  fc.tuple(fc.nat(), fc.constantFrom(...DANGEROUS_SDK_RESOURCES)).map(([i, resource]) => {
    const copy = structuredClone(d);
    const target = pick(tasksOf(copy), i);
    if (target !== undefined) {
      target.node.Resource = resource;
      const key = 'Arguments' in target.node ? 'Arguments' : 'Parameters';
      target.node[key] = {
        RoleArn: 'arn:aws:iam::111122223333:role/r',
        Name: 'n',
        constructor: 'x',
        ['__proto__']: 'y',
      };
    }
    return {
      mutation: `Resource ${resource} at ${JSON.stringify(target?.path)}`,
      input: copy,
      mustBeInvalid: false,
      mustBeValid: true,
    };
  });

const hugeString: Mutation = (d) =>
  fc
    .tuple(
      fc.nat(),
      fc.integer({ min: 1_000, max: 100_000 }),
      fc.constantFrom('a', '*', '*a', '${', '\\', '"', 'é', '?*'),
    )
    .map(([i, length, unit]) => {
      const copy = structuredClone(d);
      const target = pick(tasksOf(copy), i);
      const huge = unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
      if (target !== undefined) {
        const key = 'Arguments' in target.node ? 'Arguments' : 'Parameters';
        const payload = isObject(target.node[key]) ? (target.node[key] as JsonObject) : {};
        const field = Object.keys(payload).find((k) => !k.endsWith('.$')) ?? 'FunctionName';
        target.node[key] = { ...payload, [field]: `arn:aws:lambda:us-east-1:111122223333:function:${huge}` };
      } else copy.Comment = huge;
      return { mutation: `${length} × ${JSON.stringify(unit)}`, input: copy, mustBeInvalid: false, mustBeValid: true };
    });

const deepNesting: Mutation = (d) =>
  fc
    .tuple(
      fc.oneof(fc.integer({ min: 50, max: 900 }), fc.integer({ min: 1_100, max: 3_000 })),
      fc.boolean(),
      fc.boolean(),
    )
    .map(([depth, arrays, asText]) => {
      const open = arrays ? '[' : '{"a":';
      const close = arrays ? ']' : '}';
      const nested = `${open.repeat(depth)}1${close.repeat(depth)}`;
      const text = JSON.stringify({ ...d, Comment: 0 }).replace('"Comment":0', `"Comment":${nested}`);
      // Objects and arrays nest 1 (the definition) + depth levels, plus the innermost object's own level.
      const tooDeep = 1 + depth > 1_000;
      const mutation = `${depth}-deep ${arrays ? 'arrays' : 'objects'}`;
      if (asText || tooDeep) return { mutation, input: text, mustBeInvalid: tooDeep, mustBeValid: !tooDeep };
      return {
        mutation: `${mutation} (value)`,
        input: JSON.parse(text) as JsonObject,
        mustBeInvalid: false,
        mustBeValid: true,
      };
    });

const loneSurrogate: Mutation = (d) =>
  fc
    .tuple(fc.nat(), fc.constantFrom('\uD800', '\uDFFF', 'a\uDBFFb', '\uDC00\uD800'), fc.boolean(), fc.boolean())
    .map(([i, surrogate, inKey, raw]) => {
      const copy = structuredClone(d);
      const target = pick(
        containers(copy).filter((c) => isObject(c.node) && c.path.at(-2) !== 'States' && c.path.at(-1) !== 'States'),
        i,
      );
      if (target !== undefined) {
        const node = target.node as JsonObject;
        const key = Object.keys(node).find((k) => typeof node[k] === 'string');
        if (inKey) node[`K${surrogate}`] = surrogate;
        else if (key !== undefined) node[key] = `${node[key] as string}${surrogate}`;
      }
      const escaped = JSON.stringify(copy);
      // JSON.stringify escapes lone surrogates; `raw` writes them as the bare UTF-16 units instead.
      const text = raw
        ? escaped.replace(/\\u(d[89a-f][0-9a-f]{2})/g, (_, hex: string) =>
            String.fromCharCode(Number.parseInt(hex, 16)),
          )
        : escaped;
      return {
        mutation: `lone surrogate ${JSON.stringify(surrogate)} ${raw ? 'raw' : 'escaped'} at ${JSON.stringify(target?.path)}`,
        input: text,
        mustBeInvalid: false,
      };
    });

const duplicateKey: Mutation = (d) =>
  fc.tuple(fc.nat(), fc.nat(), fc.boolean()).map(([i, j, sameValue]) => {
    const target = pick(
      containers(d).filter((c) => isObject(c.node) && Object.keys(c.node).length > 0),
      i,
    );
    const at = target?.path ?? [];
    const text = textWith(d, at, (node) => {
      const key = pick(Object.keys(node), j) as string;
      return [[key, sameValue ? node[key] : 'other']];
    });
    return { mutation: `duplicate key at ${JSON.stringify(at)}`, input: text, mustBeInvalid: true };
  });

const byteOrderMark: Mutation = (d) =>
  fc.constantFrom('\uFEFF', '\uFEFF\uFEFF', ' \uFEFF').map((prefix) => ({
    mutation: `prefix ${JSON.stringify(prefix)}`,
    input: `${prefix}${JSON.stringify(d)}`,
    // One leading BOM is skipped; a second one, or one after whitespace, is not JSON.
    mustBeInvalid: prefix !== '\uFEFF',
    mustBeValid: prefix === '\uFEFF',
  }));

const truncated: Mutation = (d) =>
  fc.nat().map((n) => {
    const text = JSON.stringify(d);
    const at = n % text.length;
    return { mutation: `truncated at ${at}`, input: text.slice(0, at), mustBeInvalid: true };
  });

const notAnObject: Mutation = () =>
  fc.constantFrom<unknown>(null, 1, 'text', [], [{}], true, '""', '[]', 'null', '', '{}').map((value) => ({
    mutation: `definition ${JSON.stringify(value)}`,
    input: value as JsonObject,
    mustBeInvalid: true,
  }));

const MUTATIONS: readonly Mutation[] = [
  wrongType,
  missingField,
  dangerousKey,
  dangerousName,
  dangerousSdk,
  hugeString,
  deepNesting,
  loneSurrogate,
  duplicateKey,
  byteOrderMark,
  truncated,
  notAnObject,
];

/** A valid definition with one mutation applied. */
export const mutatedArbitrary: fc.Arbitrary<Mutated> = fc
  .tuple(definitionArbitrary, fc.nat({ max: MUTATIONS.length - 1 }))
  .chain(([definition, index]) => (MUTATIONS[index] as Mutation)(definition));

/** Mutations that keep the definition valid (odd names and SDK services, huge strings, a BOM, deep but allowed nesting). */
export const validMutatedArbitrary: fc.Arbitrary<Mutated> = fc
  .tuple(definitionArbitrary, fc.constantFrom(dangerousName, dangerousSdk, hugeString, byteOrderMark, deepNesting))
  .chain(([definition, mutation]) => mutation(definition))
  .filter((m) => m.mustBeValid === true);
