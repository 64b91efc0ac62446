/**
 * Validates one statement of an identity-based policy (identity policy, permissions boundary, SCP) and compiles it:
 * only the grammar's elements and no Principal/NotPrincipal, exactly one of Action/NotAction and of
 * Resource/NotResource (a string or an array of strings), Effect `Allow` or `Deny`, actions `*` or `service:action`
 * (no wildcard in the service prefix, one colon), resources `*` or ARNs, a well-formed Condition.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html
 */
import type { DenyingLayer } from '../types.js';
import { compileActionPattern } from './compileActionPattern.js';
import { compileConditions } from './compileConditions.js';
import { compileHoleMatcher } from './compileHoleMatcher.js';
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

const STATEMENT_ELEMENTS = new Set([
  'Sid',
  'Effect',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
  'Principal',
  'NotPrincipal',
]);
/** `service:action`: the service prefix without wildcards, the action name without colons. */
const ACTION = /^[A-Za-z0-9-]+:[^:]+$/;

function checkElements(statement: Record<string, unknown>, fail: (detail: string) => never): void {
  for (const element of Object.keys(statement)) {
    if (!STATEMENT_ELEMENTS.has(element)) fail(`unknown element ${JSON.stringify(element)}`);
  }
  for (const element of ['Principal', 'NotPrincipal']) {
    if (statement[element] !== undefined)
      fail(`${element} is not allowed in an identity-based policy (identity policy, permissions boundary or SCP)`);
  }
}

function checkAction(action: string, fail: (detail: string) => never): void {
  if (action === '*' || ACTION.test(action)) return;
  const [prefix = '', ...rest] = action.split(':');
  const why =
    rest.length === 0
      ? 'has no service prefix'
      : /[*?]/.test(prefix)
        ? 'has a wildcard in its service prefix'
        : rest.length > 1
          ? 'has more than one colon'
          : prefix === ''
            ? 'has an empty service prefix'
            : rest[0] === ''
              ? 'has an empty action name'
              : 'has an invalid service prefix';
  fail(`action ${JSON.stringify(action)} ${why}`);
}

function checkResource(resource: string, fail: (detail: string) => never): void {
  if (resource !== '*' && !resource.startsWith('arn:'))
    fail(`resource ${JSON.stringify(resource)} must be "*" or an ARN (starting with "arn:")`);
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
  checkElements(raw, fail);
  const action = oneOf(raw, 'Action', fail);
  const resource = oneOf(raw, 'Resource', fail);
  for (const value of action.values) checkAction(value, fail);
  for (const value of resource.values) checkResource(value, fail);
  return {
    policy,
    label,
    layer,
    effect,
    actions: action.values.map(compileActionPattern),
    notAction: action.negated,
    resources: resource.values.map((pattern) => compilePattern(pattern, 'arn', variables)),
    holeMatchers: resource.values.map((pattern) => compileHoleMatcher(pattern, variables)),
    resourcePatterns: resource.values,
    notResource: resource.negated,
    conditions: compileConditions(raw.Condition, variables, fail),
  };
}
