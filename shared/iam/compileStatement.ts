/**
 * Validates one policy statement and compiles it: exactly one of Action/NotAction and of Resource/NotResource (a
 * string or an array of strings), Effect `Allow` or `Deny`, a well-formed Condition.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
 */
import type { DenyingLayer } from '../types.js';
import { compileActionPattern } from './compileActionPattern.js';
import { compileConditions } from './compileConditions.js';
import { compilePattern } from './compilePattern.js';
import { PolicyError } from './PolicyError.js';
import type { CompiledStatement } from './types.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringList(value: unknown, element: string, fail: (detail: string) => never): string[] {
  const list = Array.isArray(value) ? value : [value];
  if (!list.every((item) => typeof item === 'string')) fail(`${element} must be a string or an array of strings`);
  return list as string[];
}

/** Picks the one present element of a pair (`Action`/`NotAction`); fails when both or neither are present. */
function oneOf(statement: Record<string, unknown>, name: string, fail: (detail: string) => never) {
  const plain = statement[name];
  const not = statement[`Not${name}`];
  if (plain !== undefined && not !== undefined) fail(`has both ${name} and Not${name}`);
  if (plain === undefined && not === undefined) fail(`has neither ${name} nor Not${name}`);
  const negated = plain === undefined;
  return { negated, values: stringList(negated ? not : plain, negated ? `Not${name}` : name, fail) };
}

/** Compiles statement `index` of `policy`; throws a PolicyError naming the policy and the Sid or `#index`. */
export function compileStatement(
  raw: unknown,
  index: number,
  policy: string,
  layer: DenyingLayer,
  variables: boolean,
): CompiledStatement {
  const sid = isRecord(raw) && typeof raw.Sid === 'string' && raw.Sid !== '' ? raw.Sid : undefined;
  const label = sid ?? `#${index}`;
  const fail = (detail: string): never => {
    throw new PolicyError(policy, label, detail);
  };
  if (!isRecord(raw)) return fail('is not a JSON object');
  const effect = raw.Effect;
  if (effect !== 'Allow' && effect !== 'Deny')
    return fail(`Effect must be "Allow" or "Deny", not ${JSON.stringify(effect)}`);
  const action = oneOf(raw, 'Action', fail);
  const resource = oneOf(raw, 'Resource', fail);
  return {
    policy,
    label,
    layer,
    effect,
    actions: action.values.map(compileActionPattern),
    notAction: action.negated,
    resources: resource.values.map((pattern) => compilePattern(pattern, 'arn', variables)),
    resourcePatterns: resource.values,
    notResource: resource.negated,
    conditions: compileConditions(raw.Condition, variables, fail),
  };
}
