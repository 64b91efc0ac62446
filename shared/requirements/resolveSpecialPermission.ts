import type { FieldValue } from '../asl/types.js';
import type { Integration, PermissionSpec } from '../catalogue/types.js';
import { buildLambdaArns, narrowLambdaArn } from './buildLambdaArns.js';
import type { TemplateEnv } from './expandTemplate.js';
import type { Resolution } from './resolvePermission.js';
import { narrowTaskDefinitionArn, taskDefinitionArn } from './taskDefinitionArn.js';

/** The fields the special rules below read, by integration service (besides the templates' own). */
export const SPECIAL_FIELDS: Readonly<Record<string, readonly string[]>> = {
  lambda: ['FunctionName', 'Qualifier'],
  ecs: ['TaskDefinition'],
  sns: ['TargetArn', 'PhoneNumber'],
  'execute-api': ['AuthType'],
};

/** `skip`: the permission is not needed for this state; undefined: resolve it from its templates. */
export type SpecialOutcome = Resolution | 'skip' | undefined;

function text(value: FieldValue | undefined): string | undefined {
  return value?.kind === 'literal' && typeof value.value === 'string' ? value.value : undefined;
}

/** Builds resources with `build` for literal values and `narrow` for runtime prefixes; `*` form otherwise. */
function buildEach(
  values: readonly FieldValue[],
  build: (value: string) => string[],
  narrow: (prefix: string) => string | undefined,
  dynamicForm: () => string[],
): Resolution | undefined {
  if (values.length === 0) return undefined;
  const resources: string[] = [];
  let dynamic = false;
  let widened = false;
  for (const value of values) {
    const literal = text(value);
    if (literal !== undefined) {
      resources.push(...build(literal));
      continue;
    }
    dynamic = true;
    const pattern = value.kind === 'dynamic' && value.knownPrefix ? narrow(value.knownPrefix) : undefined;
    if (pattern === undefined) widened = true;
    else resources.push(pattern);
  }
  if (widened) return { resources: dynamicForm(), dynamic: true, context: undefined };
  if (resources.length === 0) return undefined;
  // One value builds one or two ARNs (the usual case): no Set to find no duplicate.
  const unique = resources.length === 1 ? resources : [...new Set(resources)];
  return { resources: unique, dynamic, context: undefined };
}

/** True when a FunctionName already carries a version or alias (`name:q`, `ACCOUNT:function:name:q`, ARN + `:q`). */
function hasQualifier(functionName: string): boolean {
  const parts = functionName.split(':');
  if (functionName.startsWith('arn:')) return parts.length > 7;
  if (/^\d{12}:function:/.test(functionName)) return parts.length > 3;
  return parts.length > 1;
}

/** Lambda FunctionName in all its forms, with the `Qualifier` field. */
function lambdaResources(env: TemplateEnv, dynamicForm: () => string[]): Resolution | undefined {
  const qualifier = env.read('Qualifier')[0];
  const literalQualifier = text(qualifier);
  const dynamicQualifier = qualifier !== undefined && literalQualifier === undefined;
  const resolution = buildEach(
    env.read('FunctionName'),
    (name) => {
      const arns = buildLambdaArns(name, literalQualifier, env.location);
      // A qualifier only known at run time may name any version or alias of an unqualified function.
      return dynamicQualifier && arns.length === 1 && !hasQualifier(name) ? [`${arns[0]}:*`] : arns;
    },
    (prefix) => narrowLambdaArn(prefix, env.location),
    dynamicForm,
  );
  return resolution && dynamicQualifier ? { ...resolution, dynamic: true } : resolution;
}

/**
 * Permissions whose resources need more than template substitution: Lambda function names, ECS task definition
 * families, SNS publish to TargetArn/PhoneNumber, and API Gateway calls that are not IAM-signed.
 */
export function resolveSpecialPermission(
  entry: Integration,
  spec: PermissionSpec,
  env: TemplateEnv,
  dynamicForm: () => string[],
): SpecialOutcome {
  const fields = spec.parameterFields;
  if (entry.service === 'lambda' && fields.includes('FunctionName')) return lambdaResources(env, dynamicForm) ?? 'skip';
  if (entry.service === 'ecs' && fields.includes('TaskDefinition')) {
    const build = (value: string) => {
      const arn = taskDefinitionArn(value, env.location);
      return arn === undefined ? [] : [arn];
    };
    const narrow = (prefix: string) => narrowTaskDefinitionArn(prefix, env.location);
    return buildEach(env.read('TaskDefinition'), build, narrow, dynamicForm) ?? 'skip';
  }
  if (entry.service === 'sns' && spec.purpose === 'invoke') {
    // Publishing to TargetArn or PhoneNumber is granted on "*" in the documented policy, even for literals.
    // https://docs.aws.amazon.com/step-functions/latest/dg/connect-sns.html#sns-iam
    const direct = [...env.read('TargetArn'), ...env.read('PhoneNumber')];
    if (direct.length > 0) {
      return { resources: ['*'], dynamic: direct.some((v) => v.kind === 'dynamic'), context: undefined };
    }
    return undefined;
  }
  if (entry.service === 'execute-api' && spec.purpose === 'invoke') {
    // Only AuthType IAM_ROLE signs the call with the execution role; NO_AUTH (the default) and RESOURCE_POLICY
    // need no execute-api:Invoke on the role. https://docs.aws.amazon.com/step-functions/latest/dg/connect-api-gateway.html
    const authType = env.read('AuthType')[0];
    return authType === undefined || (authType.kind === 'literal' && authType.value !== 'IAM_ROLE')
      ? 'skip'
      : undefined;
  }
  return undefined;
}
