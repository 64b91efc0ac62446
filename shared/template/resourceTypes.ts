import { COMPUTE_RESOURCE_TYPES } from './computeResourceTypes.js';
import type { ResourceType } from './resourceTypeKit.js';
import { SERVICE_RESOURCE_TYPES } from './serviceResourceTypes.js';

/**
 * `Ref`, `Fn::GetAtt` and physical-name rules of the resource types state machines and their roles reference, by
 * CloudFormation (or SAM) type name, each from the "Return values" section of its CloudFormation reference page. A
 * type or attribute not here is unresolved offline (with a note), never guessed.
 */
export const RESOURCE_TYPES: ReadonlyMap<string, ResourceType> = new Map([
  ...COMPUTE_RESOURCE_TYPES,
  ...SERVICE_RESOURCE_TYPES,
]);
