import type { Location } from './location.js';
import { parseArn } from './parseArn.js';

/**
 * The task definition ARN `ecs:RunTask` is authorised on. `family:revision` and full ARNs with a revision are
 * used as they are. A family alone (or an ARN without revision) becomes `task-definition/family:*`: since March
 * 2024 ECS resolves the latest ACTIVE revision before authorising, so a policy must name that revision or all of
 * them, and a revision-less resource never matches.
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html#ECS-RunTask-request-taskDefinition
 */
export function taskDefinitionArn(taskDefinition: string, defaults: Location): string | undefined {
  if (taskDefinition === '') return undefined;
  const arn = parseArn(taskDefinition);
  if (arn !== undefined) {
    if (!arn.resource.startsWith('task-definition/')) return undefined;
    return arn.resource.includes(':') ? taskDefinition : `${taskDefinition}:*`;
  }
  const revision = taskDefinition.includes(':') ? '' : ':*';
  return `arn:${defaults.partition}:ecs:${defaults.region}:${defaults.account}:task-definition/${taskDefinition}${revision}`;
}

/**
 * The task definition ARN pattern for a TaskDefinition only known at run time that starts with `prefix`, when the
 * prefix reaches the family name (the last ARN component); undefined when it does not.
 */
export function narrowTaskDefinitionArn(prefix: string, defaults: Location): string | undefined {
  if (prefix.startsWith('arn:')) {
    const arn = parseArn(prefix);
    return arn?.resource.startsWith('task-definition/') ? `${prefix}*` : undefined;
  }
  if (prefix === '') return undefined;
  return `arn:${defaults.partition}:ecs:${defaults.region}:${defaults.account}:task-definition/${prefix}*`;
}
