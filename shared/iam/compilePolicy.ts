/**
 * Validates a named policy document and compiles its statements for one layer. Only `Version`, `Id` and `Statement`
 * may appear at the top; `Version` must be `2012-10-17` or `2008-10-17` when present; policy variables are recognised
 * only with `2012-10-17`.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_version.html
 */
import type { NamedPolicy } from '../ports.js';
import type { DenyingLayer } from '../types.js';
import { compileStatement } from './compileStatement.js';
import { PolicyError } from './PolicyError.js';
import type { CompiledStatement } from './types.js';

const VERSIONS: readonly unknown[] = ['2012-10-17', '2008-10-17'];
const POLICY_ELEMENTS = new Set(['Version', 'Id', 'Statement']);

/** Compiled statements of one policy; throws a PolicyError naming the policy (and statement) when malformed. */
export function compilePolicy(policy: NamedPolicy, layer: DenyingLayer): CompiledStatement[] {
  const name = String(policy.name);
  const document: unknown = policy.document;
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw new PolicyError(name, undefined, 'the policy document is not a JSON object');
  }
  const unknown = Object.keys(document).find((element) => !POLICY_ELEMENTS.has(element));
  if (unknown !== undefined) {
    throw new PolicyError(name, undefined, `unknown top-level element ${JSON.stringify(unknown)}`);
  }
  const { Version: version, Statement: statement } = document as Record<string, unknown>;
  if (version !== undefined && !VERSIONS.includes(version)) {
    throw new PolicyError(
      name,
      undefined,
      `Version must be "2012-10-17" or "2008-10-17", not ${JSON.stringify(version)}`,
    );
  }
  if (statement === undefined) throw new PolicyError(name, undefined, 'the policy has no Statement');
  const statements: unknown[] = Array.isArray(statement) ? statement : [statement];
  const variables = version === '2012-10-17';
  return statements.map((raw, index) => compileStatement(raw, index, name, layer, variables));
}
