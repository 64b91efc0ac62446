import { type Notes, textOf, unknownValue } from './intrinsicScope.js';
import type { StackPlacement, TemplateResource } from './model.js';
import { generatedPhysicalName } from './physicalName.js';
import type { ResourceFacts } from './resourceTypeKit.js';
import { RESOURCE_TYPES } from './resourceTypes.js';
import { stableId, stableUuid } from './stableId.js';

/** `Ref` and `Fn::GetAtt` of the template's resources; undefined for an id that is no resource. */
export type ResourceReferences = {
  nameOf(logicalId: string, notes: Notes): string | undefined;
  ref(logicalId: string, notes: Notes): string | undefined;
  getAtt(logicalId: string, attribute: string, notes: Notes): string | undefined;
  /** True when the resource exists and its type has the attribute in the table. */
  hasAttribute(logicalId: string, attribute: string): boolean;
};

type Input = {
  readonly placement: StackPlacement;
  readonly urlSuffix: string;
  readonly resources: ReadonlyMap<string, TemplateResource>;
  readonly resolve: (value: unknown, notes: Notes) => unknown;
};

type Cached = { name: string; notes: string[] };

/**
 * One deterministic physical name per resource (its name property as resolved, else a CloudFormation-like generated
 * name), computed once and used by every `Ref`/`Fn::GetAtt`, so a definition and a policy that name the same resource
 * see the same text. A name that refers back to itself is unresolved, never a loop.
 */
export function createResourceReferences(input: Input): ResourceReferences {
  const { placement, urlSuffix, resources, resolve } = input;
  const names = new Map<string, Cached>();
  const computing = new Set<string>();

  const computeName = (resource: TemplateResource, notes: Notes): string => {
    const type = RESOURCE_TYPES.get(resource.type);
    const raw = type?.nameProperty === undefined ? undefined : resource.properties[type.nameProperty];
    if (raw !== undefined) {
      const name = textOf(resolve(raw, notes));
      if (name !== undefined) return name;
      notes.add(`${resource.logicalId}: its ${type?.nameProperty} is not text; a generated name stands in`);
    }
    const fifoValue = type?.fifo === undefined ? undefined : resolve(resource.properties[type.fifo], notes);
    return generatedPhysicalName(type, placement, resource.logicalId, fifoValue === true || fifoValue === 'true');
  };

  const nameOf = (logicalId: string, notes: Notes): string | undefined => {
    const resource = resources.get(logicalId);
    if (resource === undefined) return undefined;
    let cached = names.get(logicalId);
    if (cached === undefined) {
      if (computing.has(logicalId)) {
        return unknownValue(notes, `${logicalId} name`, `the name of ${logicalId} refers back to itself`);
      }
      computing.add(logicalId);
      const own: Notes = new Set();
      cached = { name: computeName(resource, own), notes: [...own] };
      computing.delete(logicalId);
      names.set(logicalId, cached);
    }
    for (const note of cached.notes) notes.add(note);
    return cached.name;
  };

  const factsOf = (resource: TemplateResource, notes: Notes): ResourceFacts => {
    const seed = `${placement.stackName}\u0000${resource.logicalId}`;
    return {
      name: nameOf(resource.logicalId, notes) ?? resource.logicalId,
      partition: placement.partition,
      region: placement.region,
      account: placement.account,
      urlSuffix,
      id: (kind, alphabet, length) => stableId(`${seed}\u0000${kind}`, alphabet, length),
      uuid: (kind) => stableUuid(`${seed}\u0000${kind}`),
      property: (key) => resolve(resource.properties[key], notes),
      unknown: (what) =>
        unknownValue(notes, `${resource.logicalId} ${what}`, `${resource.logicalId}: its ${what} is not known offline`),
    };
  };

  const attributesOf = (resource: TemplateResource) => RESOURCE_TYPES.get(resource.type)?.attributes ?? {};
  return {
    nameOf,
    hasAttribute(logicalId, attribute) {
      const resource = resources.get(logicalId);
      return resource !== undefined && Object.hasOwn(attributesOf(resource), attribute);
    },
    ref(logicalId, notes) {
      const resource = resources.get(logicalId);
      if (resource === undefined) return undefined;
      const build = RESOURCE_TYPES.get(resource.type)?.ref;
      if (build === undefined) {
        return unknownValue(
          notes,
          `Ref ${logicalId}`,
          `Ref ${logicalId}: what Ref gives for ${resource.type} is not known offline`,
        );
      }
      return build(factsOf(resource, notes));
    },
    getAtt(logicalId, attribute, notes) {
      const resource = resources.get(logicalId);
      if (resource === undefined) return undefined;
      const attributes = attributesOf(resource);
      const build = Object.hasOwn(attributes, attribute) ? attributes[attribute] : undefined;
      if (build === undefined) {
        const what = `Fn::GetAtt ${logicalId}.${attribute}`;
        return unknownValue(
          notes,
          what,
          `${what}: the attribute ${attribute} of ${resource.type} is not known offline`,
        );
      }
      return build(factsOf(resource, notes));
    },
  };
}
