import { readField } from '../asl/readField.js';
import { taskArguments } from '../asl/taskArguments.js';
import type { StateVisit } from '../asl/types.js';
import { iamActionReference } from '../catalogue/iamReference.js';
import { sdkIamActions } from '../catalogue/sdkIamActions.js';
import type { Integration } from '../catalogue/types.js';
import type { ContextValues, Hole, Requirement } from '../types.js';
import { authorizedTemplatesOf } from './authorizedTemplates.js';
import { compileTemplate } from './compileTemplate.js';
import { consequenceOf } from './consequenceOf.js';
import { createTemplateEnv } from './createTemplateEnv.js';
import type { TemplateEnv } from './expandTemplate.js';
import { expandWithHoles } from './expandWithHoles.js';
import { fieldDefaultsOfService } from './fieldDefaults.js';
import type { Location } from './location.js';
import { parseArn } from './parseArn.js';
import { passedToServiceOfSdkField } from './passedToService.js';
import { roleArnFields } from './roleArnFields.js';

const SDK_RESOURCE = /^arn:[^:]+:states:::aws-sdk:([a-z0-9]+):([A-Za-z0-9]+)(?:\.waitForTaskToken)?$/;
/** An IAM action name: `prefix:Action`. */
const IAM_ACTION = /^[a-z0-9-]+:[A-Za-z0-9*]+$/;

/** The service and API of an AWS SDK integration resource (`arn:aws:states:::aws-sdk:s3:getObject`). */
export function parseSdkResource(resource: string): { service: string; action: string } | undefined {
  const match = SDK_RESOURCE.exec(resource);
  return match === null ? undefined : { service: match[1] ?? '', action: match[2] ?? '' };
}

/** The role ARN a literal role field names (a role name becomes an ARN in the state machine's account). */
function roleArnOf(value: string, location: Location): string | undefined {
  const arn = parseArn(value);
  if (arn !== undefined) return arn.service === 'iam' && arn.resource.startsWith('role/') ? value : undefined;
  if (value === '' || /\s/.test(value)) return undefined;
  return `arn:${location.partition}:iam::${location.account}:role/${value}`;
}

type RoleGroup = { resources: string[]; dynamic: boolean; passedTo: string | undefined };

/** PassRole requirements for the role fields of an SDK call, one per receiving service. */
function passRoleRequirements(visit: StateVisit, service: string, location: Location): RoleGroup[] {
  const args = taskArguments(visit);
  const groups = new Map<string, RoleGroup>();
  for (const field of roleArnFields(args)) {
    const passedTo = passedToServiceOfSdkField(service, field);
    const group = groups.get(passedTo ?? '') ?? { resources: [], dynamic: false, passedTo };
    for (const value of readField(args, field, visit.queryLanguage)) {
      if (value.kind === 'literal') {
        const arn = typeof value.value === 'string' ? roleArnOf(value.value, location) : undefined;
        if (arn !== undefined) group.resources.push(arn);
        continue;
      }
      group.dynamic = true;
      const prefix = value.knownPrefix ?? '';
      group.resources.push(/^arn:[^:]+:iam::\d{12}:role\/./.test(prefix) ? `${prefix}*` : '*');
    }
    if (group.resources.length > 0) groups.set(passedTo ?? '', group);
  }
  return [...groups.values()];
}

/** The request's top-level field names (`Bucket` for both `Bucket` and `Bucket.$`). */
function fieldNamesOf(args: unknown): string[] {
  if (typeof args !== 'object' || args === null || Array.isArray(args)) return [];
  return [...new Set(Object.keys(args).map((key) => (key.endsWith('.$') ? key.slice(0, -2) : key)))];
}

/**
 * Condition keys whose value a request field sets, by action (lower-case): ListBucket's `s3:prefix` and
 * `s3:delimiter` ("Filters access by key name prefix", https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html#amazons3-policy-keys).
 */
const REQUEST_CONDITION_FIELDS: ReadonlyMap<string, readonly (readonly [string, string])[]> = new Map([
  [
    's3:listbucket',
    [
      ['s3:prefix', 'Prefix'],
      ['s3:delimiter', 'Delimiter'],
    ],
  ],
  ['s3:listbucketversions', [['s3:prefix', 'Prefix']]],
]);

function requestContext(action: string, env: TemplateEnv): ContextValues | undefined {
  let context: ContextValues | undefined;
  for (const [key, field] of REQUEST_CONDITION_FIELDS.get(action.toLowerCase()) ?? []) {
    const [value, ...more] = env.read(field);
    if (value === undefined || more.length > 0 || value.kind !== 'literal' || typeof value.value !== 'string') continue;
    context ??= {};
    context[key] = value.value;
  }
  return context;
}

type SdkGroup = {
  actions: string[];
  resources: string[];
  holes: Hole[];
  context: ContextValues | undefined;
  inferred: boolean;
};

/** The authorized resources of one SDK action from the request's fields (`*` when the reference does not know it). */
function authorizedOf(action: string, fields: readonly string[], env: TemplateEnv, prefix: string) {
  const chosen = authorizedTemplatesOf({ action, fields, lowercase: prefix === 'sagemaker' });
  if (chosen === undefined) return { resources: ['*'], holes: [] as Hole[] };
  const resources: string[] = [];
  const holes: Hole[] = [];
  for (const template of chosen.templates) {
    const expansion = expandWithHoles(compileTemplate(template), env, false);
    if (expansion.kind === 'dropped') continue;
    resources.push(...expansion.values);
    holes.push(...expansion.holes);
  }
  return { resources: resources.length === 0 ? ['*'] : [...new Set(resources)], holes };
}

/** Actions the reference says the call also needs (its dependent actions), except iam:PassRole (role fields decide). */
function dependentActionsOf(actions: readonly string[]): string[] {
  const out = new Set<string>();
  for (const action of actions) {
    const reference = iamActionReference(action);
    if (reference === undefined) continue;
    for (const dependent of reference.dependentActions) out.add(dependent);
  }
  for (const action of actions) out.delete(action);
  return [...out].filter((a) => a.toLowerCase() !== 'iam:passrole' && /^[a-z0-9-]+:[A-Za-z0-9]+$/.test(a));
}

/** Groups the actions of a call (and its dependent actions, marked inferred) by authorized resources and context. */
function sdkGroups(visit: StateVisit, actions: readonly string[], location: Location, prefix: string): SdkGroup[] {
  const args = taskArguments(visit);
  const present = fieldNamesOf(args);
  // Fields the service fills when absent (Athena `WorkGroup` → `primary`); array-element defaults need their array.
  const defaults = fieldDefaultsOfService(prefix);
  const defaulted = Object.keys(defaults ?? {}).filter(
    (f) => !f.includes('[*]') || present.includes(f.split('[')[0] ?? ''),
  );
  const fields = [...new Set([...present, ...defaulted])];
  const env = createTemplateEnv({
    container: args,
    queryLanguage: visit.queryLanguage,
    defaults,
    location,
    stateMachineName: '*',
    stateMachineArn: '*',
    resource: '',
  });
  const groups = new Map<string, SdkGroup>();
  const add = (action: string, inferred: boolean) => {
    const { resources, holes } = authorizedOf(action, fields, env, prefix);
    const context = requestContext(action, env);
    const key = JSON.stringify([resources, context ?? null, inferred]);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { actions: [action], resources, holes, context, inferred });
    else group.actions.push(action);
  };
  for (const action of actions) add(action, false);
  for (const action of dependentActionsOf(actions)) add(action, true);
  return [...groups.values()];
}

/**
 * Requirements of an AWS SDK integration task: the IAM action(s) of the API on the resources IAM authorizes them on
 * (the Service Authorization Reference's resource type filled from the request's fields, with holes for what the
 * definition does not fix; `*` for an action without resource type), the reference's dependent actions (inferred),
 * and iam:PassRole for every role field of the request. AWS publishes no template for SDK integrations
 * (https://docs.aws.amazon.com/step-functions/latest/dg/supported-services-awssdk.html). Undefined when no IAM
 * action is known.
 */
export function sdkRequirements(
  visit: StateVisit,
  entry: Integration,
  resource: string,
  location: Location,
): Requirement[] | undefined {
  const sdk = parseSdkResource(resource);
  if (sdk === undefined) return undefined;
  const actions = [...new Set(sdkIamActions(sdk.service, sdk.action).filter((a) => IAM_ACTION.test(a)))];
  if (actions.length === 0) return undefined;
  const prefix = actions[0]?.split(':')[0] ?? '';
  const requirements: Requirement[] = [];
  for (const group of sdkGroups(visit, actions, location, prefix)) {
    const requirement: Requirement = {
      state: visit.ref,
      integration: resource,
      purpose: 'invoke',
      actions: group.actions,
      resources: group.resources,
      dynamic: group.holes.some((h) => h.reason === 'dynamic-value' || h.reason === 'placeholder'),
      consequence: consequenceOf({ purpose: 'invoke', actions: group.actions }),
      source: entry.source,
    };
    if (group.holes.length > 0) requirement.holes = group.holes;
    if (group.context !== undefined) requirement.context = group.context;
    if (group.inferred) requirement.inferred = true;
    requirements.push(requirement);
  }
  for (const group of passRoleRequirements(visit, sdk.service, location)) {
    const requirement: Requirement = {
      state: visit.ref,
      integration: resource,
      purpose: 'passrole',
      actions: ['iam:PassRole'],
      resources: [...new Set(group.resources)],
      dynamic: group.dynamic,
      consequence: consequenceOf({ purpose: 'passrole', actions: ['iam:PassRole'] }),
      // Passing a role to a service needs iam:PassRole. https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html
      source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html',
    };
    if (group.passedTo !== undefined) requirement.context = { 'iam:PassedToService': group.passedTo };
    requirements.push(requirement);
  }
  return requirements;
}
