import { readField } from '../asl/readField.js';
import { taskArguments } from '../asl/taskArguments.js';
import type { StateVisit } from '../asl/types.js';
import { sdkIamActions } from '../catalogue/sdkIamActions.js';
import type { Integration } from '../catalogue/types.js';
import type { Requirement } from '../types.js';
import { consequenceOf } from './consequenceOf.js';
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

/**
 * Requirements of an AWS SDK integration task: the IAM action(s) of the API on "*" (AWS publishes no resource
 * template for SDK integrations: https://docs.aws.amazon.com/step-functions/latest/dg/supported-services-awssdk.html)
 * and iam:PassRole for every role field of the request. Undefined when no IAM action is known.
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
  const requirements: Requirement[] = [
    {
      state: visit.ref,
      integration: resource,
      purpose: 'invoke',
      actions,
      resources: ['*'],
      dynamic: false,
      consequence: consequenceOf({ purpose: 'invoke', actions, sdk: true }),
      source: entry.source,
    },
  ];
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
