import type { StackPlacement } from './model.js';
import type { ResourceType } from './resourceTypeKit.js';
import { MIXED_ALPHANUMERIC, stableId, UPPER_ALPHANUMERIC } from './stableId.js';

/** The longest physical name when the type does not say (most AWS names allow 255 characters or more). */
const DEFAULT_MAX_LENGTH = 255;
const SUFFIX_LENGTH = 12;

/**
 * The name CloudFormation gives a resource whose template names none: the stack name, the logical id and a random
 * suffix (`mystack-myqueue-15PG5C2FC1CW8`; state machines have no stack name: `MyStateMachine-1234abcdefgh`), cut to
 * the service's length limit, lower case for S3 buckets and ECR repositories, `.fifo` for FIFO queues and topics
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-name.html). The suffix here is
 * deterministic (from the stack name and logical id), so every reference to the resource agrees and a policy scoped
 * like `STACK-Fn-*` matches as it would after a deploy. CloudFormation's own truncation of long names may differ.
 */
export function generatedPhysicalName(
  type: ResourceType | undefined,
  placement: StackPlacement,
  logicalId: string,
  fifo: boolean,
): string {
  const logical = type?.generated === 'logical';
  const suffix = stableId(
    `${placement.stackName}\u0000${logicalId}\u0000name`,
    logical ? MIXED_ALPHANUMERIC : UPPER_ALPHANUMERIC,
    SUFFIX_LENGTH,
  );
  const ending = `-${suffix}${fifo ? '.fifo' : ''}`;
  const room = Math.max(1, (type?.maxLength ?? DEFAULT_MAX_LENGTH) - ending.length);
  const prefix = (logical ? logicalId : `${placement.stackName}-${logicalId}`).slice(0, room);
  const name = `${prefix}${ending}`;
  return type?.lowercase === true ? name.toLowerCase() : name;
}
