/**
 * Validates and compiles a statement's Condition block: `{ operator: { key: value | values } }`, operators optionally
 * prefixed `ForAllValues:`/`ForAnyValue:` and suffixed `IfExists` (not Null), key names case-insensitive.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html
 */
import { compileConditionValue } from './compileConditionValue.js';
import { findOperator } from './conditionOperators.js';
import type { CompiledCondition } from './types.js';

const OPERATOR = /^(?:(forallvalues|foranyvalue):)?(.+?)(ifexists)?$/i;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function policyValues(value: unknown, where: string, fail: (detail: string) => never): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.map((item) => {
    if (typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean') return String(item);
    return fail(`${where}: condition values must be strings, numbers or booleans`);
  });
}

function compileNull(key: string, values: string[], fail: (detail: string) => never): CompiledCondition {
  const nullValues = values.map((v) => {
    const lower = v.toLowerCase();
    if (lower !== 'true' && lower !== 'false') fail(`Null ${key}: ${JSON.stringify(v)} is not true or false`);
    return lower === 'true';
  });
  return { key, lookupKey: key.toLowerCase(), nullValues, ifExists: false, negated: false, tests: [] };
}

/** Compiles every operator/key pair (all must hold); `fail` throws a PolicyError naming the statement. */
export function compileConditions(
  condition: unknown,
  variables: boolean,
  fail: (detail: string) => never,
): CompiledCondition[] {
  if (condition === undefined) return [];
  if (!isRecord(condition)) return fail('Condition must be an object');
  const compiled: CompiledCondition[] = [];
  for (const [operator, block] of Object.entries(condition)) {
    const match = OPERATOR.exec(operator);
    const prefix = match?.[1]?.toLowerCase();
    const base = match?.[2] ?? '';
    const ifExists = match?.[3] !== undefined;
    if (!isRecord(block)) fail(`${operator} must map condition keys to values`);
    if (base.toLowerCase() === 'null' && !ifExists && prefix === undefined) {
      for (const [key, value] of Object.entries(block))
        compiled.push(compileNull(key, policyValues(value, operator, fail), fail));
      continue;
    }
    const spec = findOperator(base) ?? fail(`unknown condition operator ${JSON.stringify(operator)}`);
    const set = prefix === 'forallvalues' ? 'all' : prefix === 'foranyvalue' ? 'any' : undefined;
    for (const [key, value] of Object.entries(block)) {
      const where = `${operator} ${key}`;
      const tests = policyValues(value, where, fail).map((v) =>
        compileConditionValue(spec, v, variables, (detail) => fail(`${where}: ${detail}`)),
      );
      compiled.push({ key, lookupKey: key.toLowerCase(), ifExists, negated: spec.negated, tests, ...(set && { set }) });
    }
  }
  return compiled;
}
