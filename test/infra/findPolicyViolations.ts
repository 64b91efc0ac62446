import { iamActionReference } from '../../shared/catalogue/iamReference.js';
import { SAM_POLICY_TEMPLATES } from './samPolicyTemplates.js';

type Node = Record<string, unknown>;

/** What a statement does wrong, as the least-privilege rules name it. */
export type ViolationKind =
  | 'wildcardAction'
  | 'notAction'
  | 'notResource'
  | 'unknownAction'
  | 'unscopedResource'
  | 'unverifiable'
  | 'managedPolicy'
  | 'generatedRole';

/** One violation: where (resource and statement Sid), what, and the action or policy concerned. */
export type Violation = { resource: string; sid: string; kind: ViolationKind; subject: string };

/** A policy statement found in a template, with the resource that holds it and the kind of policy it is in. */
export type FoundStatement = { resource: string; policy: 'identity' | 'resource' | 'key'; statement: Node };

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function listOf(value: unknown): unknown[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** Both branches of a `Fn::If` (dropping `AWS::NoValue`), or the value itself. */
function branchesOf(value: unknown): unknown[] {
  if (isNode(value) && Array.isArray(value['Fn::If'])) {
    const [, yes, no] = value['Fn::If'] as unknown[];
    return [yes, no].flatMap(branchesOf).filter((branch) => !(isNode(branch) && branch.Ref === 'AWS::NoValue'));
  }
  return [value];
}

function statementsOf(document: unknown): Node[] {
  if (!isNode(document)) return [];
  return branchesOf(document).flatMap((doc) =>
    isNode(doc) ? listOf(doc.Statement).flatMap(branchesOf).filter(isNode) : [],
  );
}

/** The resource-policy properties of the resource types that carry one. */
const RESOURCE_POLICY_PROPERTIES: ReadonlyMap<string, string> = new Map([
  ['AWS::SQS::QueuePolicy', 'PolicyDocument'],
  ['AWS::SNS::TopicPolicy', 'PolicyDocument'],
  ['AWS::S3::BucketPolicy', 'PolicyDocument'],
  ['AWS::Events::EventBusPolicy', 'Statement'],
]);

const IDENTITY_POLICY_TYPES = new Set(['AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy', 'AWS::IAM::RolePolicy']);
const SAM_WITH_ROLE = new Set(['AWS::Serverless::Function', 'AWS::Serverless::StateMachine']);

type Collected = { statements: FoundStatement[]; violations: Violation[] };

/** A SAM `Policies` entry: a managed policy (name or ARN), a policy document, or a policy template. */
function collectSamPolicies(name: string, policies: unknown, into: Collected): void {
  for (const entry of listOf(policies).flatMap(branchesOf)) {
    if (typeof entry === 'string' || (isNode(entry) && ('Ref' in entry || 'Fn::Sub' in entry))) {
      into.violations.push({ resource: name, sid: '-', kind: 'managedPolicy', subject: JSON.stringify(entry) });
    } else if (isNode(entry) && 'Statement' in entry) {
      for (const statement of statementsOf(entry))
        into.statements.push({ resource: name, policy: 'identity', statement });
    } else if (isNode(entry)) {
      for (const template of Object.keys(entry)) {
        const expansion = SAM_POLICY_TEMPLATES.get(template);
        if (expansion === undefined) {
          into.violations.push({ resource: name, sid: template, kind: 'unverifiable', subject: template });
          continue;
        }
        for (const statement of expansion) {
          into.statements.push({ resource: name, policy: 'identity', statement: { Sid: template, ...statement } });
        }
      }
    }
  }
}

/** Every policy statement in a parsed template, and the violations visible before looking at statements. */
export function collectStatements(template: unknown): Collected {
  const into: Collected = { statements: [], violations: [] };
  const resources = isNode(template) && isNode(template.Resources) ? template.Resources : {};
  for (const [name, resource] of Object.entries(resources)) {
    if (!isNode(resource) || typeof resource.Type !== 'string') continue;
    const properties = isNode(resource.Properties) ? resource.Properties : {};
    const add = (policy: FoundStatement['policy'], document: unknown) => {
      for (const statement of statementsOf(document)) into.statements.push({ resource: name, policy, statement });
    };
    if (resource.Type === 'AWS::IAM::Role') {
      for (const policy of listOf(properties.Policies).flatMap(branchesOf)) {
        if (isNode(policy)) add('identity', policy.PolicyDocument);
      }
      for (const arn of listOf(properties.ManagedPolicyArns)) {
        into.violations.push({ resource: name, sid: '-', kind: 'managedPolicy', subject: JSON.stringify(arn) });
      }
    } else if (IDENTITY_POLICY_TYPES.has(resource.Type)) {
      add('identity', properties.PolicyDocument);
    } else if (resource.Type === 'AWS::KMS::Key') {
      add('key', properties.KeyPolicy);
    } else if (RESOURCE_POLICY_PROPERTIES.has(resource.Type)) {
      const property = RESOURCE_POLICY_PROPERTIES.get(resource.Type);
      add('resource', property === 'Statement' ? { Statement: properties.Statement } : properties[property ?? '']);
    } else if (SAM_WITH_ROLE.has(resource.Type)) {
      // Without Role, SAM generates one with AWSLambdaBasicExecutionRole (logs on "*") or its own policies.
      if (properties.Role === undefined) {
        into.violations.push({ resource: name, sid: '-', kind: 'generatedRole', subject: resource.Type });
      }
      collectSamPolicies(name, properties.Policies, into);
    }
  }
  return into;
}

/** The text of a Resource value, `${…}` and references standing for one named thing; undefined when unknown. */
function resourceTexts(value: unknown): (string | undefined)[] {
  return listOf(value)
    .flatMap(branchesOf)
    .map((item) => {
      if (typeof item === 'string') return item;
      if (!isNode(item)) return undefined;
      if ('Ref' in item || 'Fn::GetAtt' in item) return '{ref}';
      const sub = item['Fn::Sub'];
      const text = Array.isArray(sub) ? sub[0] : sub;
      return typeof text === 'string' ? text : undefined;
    });
}

/** True for `*` and for an ARN whose whole resource part is `*` (every resource of the service in the account). */
function isUnscoped(text: string): boolean {
  if (text === '*') return true;
  const parts = text.replace(/\$\{[^}]*\}/g, '{}').split(':');
  return parts[0] === 'arn' && parts.length === 6 && parts[5] === '*';
}

/**
 * Actions the reference gives a resource type that most calls do not involve, so they are authorized on "*": each
 * with the reason. https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazoncloudwatch.html
 */
export const AUTHORIZED_ON_STAR: ReadonlyMap<string, string> = new Map([
  ['cloudwatch:PutMetricData', 'its only resource type, dataset, is optional: metrics outside a dataset are on "*"'],
]);

/** The least-privilege violations of one Allow statement (Deny statements only narrow, and are not checked). */
export function statementViolations(found: FoundStatement): Violation[] {
  const { statement } = found;
  if (statement.Effect !== 'Allow') return [];
  const sid = typeof statement.Sid === 'string' ? statement.Sid : '-';
  const at = (kind: ViolationKind, subject: string): Violation => ({ resource: found.resource, sid, kind, subject });
  const violations: Violation[] = [];
  if ('NotAction' in statement) violations.push(at('notAction', JSON.stringify(statement.NotAction)));
  if ('NotResource' in statement) violations.push(at('notResource', JSON.stringify(statement.NotResource)));
  const actions: string[] = [];
  for (const action of listOf(statement.Action)) {
    if (typeof action !== 'string') violations.push(at('unverifiable', JSON.stringify(action)));
    else if (/[*?]/.test(action)) violations.push(at('wildcardAction', action));
    else if (iamActionReference(action) === undefined) violations.push(at('unknownAction', action));
    else actions.push(action);
  }
  if (!('Resource' in statement)) return violations;
  const texts = resourceTexts(statement.Resource);
  if (texts.includes(undefined)) violations.push(at('unverifiable', JSON.stringify(statement.Resource)));
  if (!texts.some((text) => text !== undefined && isUnscoped(text))) return violations;
  for (const action of actions) {
    // An action with no resource type is authorized on "*" only; it cannot be scoped.
    if (AUTHORIZED_ON_STAR.has(action)) continue;
    if ((iamActionReference(action)?.resourceTypes.length ?? 0) > 0) violations.push(at('unscopedResource', action));
  }
  return violations;
}

/** Every least-privilege violation in a parsed CloudFormation/SAM template. */
export function findPolicyViolations(template: unknown): Violation[] {
  const { statements, violations } = collectStatements(template);
  return [...violations, ...statements.flatMap(statementViolations)];
}
