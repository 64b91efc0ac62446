import type { TemplateResource } from './model.js';

function implicit(logicalId: string, type: string, properties: Record<string, unknown>): TemplateResource {
  return { logicalId, type, properties };
}

/**
 * The resources the SAM transform adds that a template may reference before they exist (aws-sam-translator 1.110.0,
 * `samtranslator/model/sam_resources.py`, `model/role_utils`, `model/stepfunctions/generators.py`):
 * - `<Id>Role`, the `AWS::IAM::Role` SAM generates for a function or state machine without `Role` (its `RolePath` as
 *   the role's `Path`);
 * - for a function with `AutoPublishAlias: live`, the `AWS::Lambda::Alias` `<Id>Aliaslive` and the references
 *   `<Id>.Alias` and `<Id>.Version` SAM resolves to the alias and to the version it publishes.
 * `Globals: {Function: {AutoPublishAlias, RolePath}}` count for functions that do not set them, as SAM merges them
 * (`samtranslator/plugins/globals/globals.py`). A resource the template itself declares under one of these ids wins.
 */
export function samImplicitResources(
  resources: ReadonlyMap<string, TemplateResource>,
  functionGlobals: Readonly<Record<string, unknown>> = {},
): Map<string, TemplateResource> {
  const out = new Map<string, TemplateResource>();
  const add = (resource: TemplateResource, id = resource.logicalId) => {
    if (!resources.has(id) && !out.has(id)) out.set(id, resource);
  };
  for (const resource of resources.values()) {
    const { logicalId: id } = resource;
    if (resource.type !== 'AWS::Serverless::Function' && resource.type !== 'AWS::Serverless::StateMachine') continue;
    const globals = resource.type === 'AWS::Serverless::Function' ? functionGlobals : {};
    const properties = { ...globals, ...resource.properties };
    if (properties.Role === undefined) {
      add(
        implicit(`${id}Role`, 'AWS::IAM::Role', properties.RolePath === undefined ? {} : { Path: properties.RolePath }),
      );
    }
    const alias = properties.AutoPublishAlias;
    if (resource.type !== 'AWS::Serverless::Function' || alias === undefined) continue;
    const name = typeof alias === 'string' ? `${id}Alias${alias}` : `${id}.Alias`;
    const aliasResource = implicit(name, 'AWS::Lambda::Alias', { FunctionName: { Ref: id }, Name: alias });
    add(aliasResource);
    add(aliasResource, `${id}.Alias`);
    add(implicit(`${id}.Version`, 'AWS::Lambda::Version', { FunctionName: { Ref: id } }));
  }
  return out;
}
