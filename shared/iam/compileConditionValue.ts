/**
 * Compiles one policy value of a condition into a test of one context value (before negation), by operator type.
 * Policy variables are substituted only in string and ARN values.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
 */

import { compilePattern } from './compilePattern.js';
import type { OperatorSpec } from './conditionOperators.js';
import { cidrContains, parseCidr, parseIp } from './matchCidr.js';
import type { Matcher } from './types.js';

const EPOCH_SECONDS = /^-?\d+(\.\d+)?$/;

/** Milliseconds since the epoch from ISO 8601 text or epoch seconds; NaN when neither. */
function parseDate(text: string): number {
  return EPOCH_SECONDS.test(text) ? Number(text) * 1000 : Date.parse(text);
}

function parseNumber(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
}

function normaliseBase64(text: string): string {
  return Buffer.from(text, 'base64').toString('base64');
}

function compare(kind: NonNullable<OperatorSpec['compare']>, left: number, right: number): boolean {
  if (kind === 'eq') return left === right;
  if (kind === 'lt') return left < right;
  if (kind === 'le') return left <= right;
  if (kind === 'gt') return left > right;
  return left >= right;
}

function ordered(spec: OperatorSpec, policyValue: string, parse: (t: string) => number, fail: (d: string) => never) {
  const expected = parse(policyValue);
  if (Number.isNaN(expected)) fail(`${JSON.stringify(policyValue)} is not a valid ${spec.type} value`);
  const kind = spec.compare ?? 'eq';
  const test: Matcher = (value) => {
    const actual = parse(value);
    return !Number.isNaN(actual) && compare(kind, actual, expected) ? 'yes' : 'no';
  };
  return test;
}

/** Returns the test for one policy value; `fail` reports a value the operator cannot use. */
export function compileConditionValue(
  spec: OperatorSpec,
  policyValue: string,
  variables: boolean,
  fail: (detail: string) => never,
): Matcher {
  switch (spec.type) {
    case 'string':
      return compilePattern(policyValue, 'equals', variables);
    case 'stringIgnoreCase':
      return compilePattern(policyValue, 'equalsIgnoreCase', variables);
    case 'stringLike':
      return compilePattern(policyValue, 'like', variables);
    case 'arn':
      return compilePattern(policyValue, 'arn', variables);
    case 'numeric':
      return ordered(spec, policyValue, parseNumber, fail);
    case 'date':
      return ordered(spec, policyValue, parseDate, fail);
    case 'bool': {
      const expected = policyValue.toLowerCase();
      if (expected !== 'true' && expected !== 'false') fail(`${JSON.stringify(policyValue)} is not true or false`);
      return (value) => (value.toLowerCase() === expected ? 'yes' : 'no');
    }
    case 'binary': {
      const expected = normaliseBase64(policyValue);
      return (value) => (normaliseBase64(value) === expected ? 'yes' : 'no');
    }
    case 'ip': {
      const cidr = parseCidr(policyValue) ?? fail(`${JSON.stringify(policyValue)} is not an IP address or CIDR`);
      return (value) => {
        const ip = parseIp(value);
        return ip !== undefined && cidrContains(cidr, ip) ? 'yes' : 'no';
      };
    }
  }
}
