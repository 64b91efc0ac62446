import { isRecord } from '../../local/isRecord.js';
import type { NamedPolicy } from '../../ports.js';
import type { PolicyStatement } from '../../types.js';
import { SAM_CONNECTOR_RESOURCE_TYPES, SAM_CONNECTOR_ROLE_PROFILES } from '../generated/samConnectorProfiles.js';
import type { TemplateModel } from '../model.js';
import { unresolvedMarker } from '../unresolved.js';
import { policyWithUnresolved } from './policyWithUnresolved.js';
import { logicalIdOf, type RoleContext, type RoleRef } from './roleContext.js';
import type { ConnectorOutput, ConnectorProfile } from './types.js';

/**
 * SAM resource types as the connector profiles know them (samtranslator/model/connector/connector.py
 * `_SAM_TO_CFN_RESOURCE_TYPE`): a connector sees the resources SAM has already transformed.
 */
const SAM_TO_CLOUDFORMATION: ReadonlyMap<string, string> = new Map([
  ['AWS::Serverless::Function', 'AWS::Lambda::Function'],
  ['AWS::Serverless::StateMachine', 'AWS::StepFunctions::StateMachine'],
  ['AWS::Serverless::Api', 'AWS::ApiGateway::RestApi'],
  ['AWS::Serverless::HttpApi', 'AWS::ApiGatewayV2::Api'],
  ['AWS::Serverless::SimpleTable', 'AWS::DynamoDB::Table'],
]);

/** SAM resources whose role SAM generates as `<LogicalId>Role` when `Role` is absent. */
const SAM_ROLE_OWNERS = new Set(['AWS::Serverless::Function', 'AWS::Serverless::StateMachine']);

const TYPES: ReadonlyMap<string, (typeof SAM_CONNECTOR_RESOURCE_TYPES)[string]> = new Map(
  Object.entries(SAM_CONNECTOR_RESOURCE_TYPES),
);

/** Profiles keyed `<source type> <destination type>`, in a Map since both types come from the template. */
const PROFILES: ReadonlyMap<string, ConnectorProfile> = new Map(
  Object.entries(SAM_CONNECTOR_ROLE_PROFILES).flatMap(([source, destinations]) =>
    Object.entries(destinations).map(([destination, profile]) => [`${source} ${destination}`, profile] as const),
  ),
);

/** One end of a connector as SAM resolves it (connector.py get_resource_reference). */
type Reference = {
  type: string | undefined;
  values: Map<string, unknown>;
  roleLogicalId?: string;
  roleName?: unknown;
};

function outputOf(model: TemplateModel, logicalId: string, output: ConnectorOutput): string | undefined {
  if ('ref' in output) return model.refOf(logicalId);
  if ('getAtt' in output) return model.attributeOf(logicalId, output.getAtt);
  return output.literal;
}

/** The role logical id of a resource referenced by Id: its role property's `Ref`/`GetAtt`, or SAM's `<Id>Role`. */
function roleLogicalIdOf(model: TemplateModel, logicalId: string): string | undefined {
  const resource = model.resources.get(logicalId);
  if (resource === undefined) return undefined;
  if (SAM_ROLE_OWNERS.has(resource.type)) {
    const role = resource.properties.Role;
    return role === undefined ? `${logicalId}Role` : logicalIdOf(role);
  }
  const property = TYPES.get(resource.type)?.roleProperty;
  return property === undefined ? undefined : logicalIdOf(resource.properties[property]);
}

function referenceOf(model: TemplateModel, end: Record<string, unknown>): Reference {
  if (typeof end.Id === 'string') {
    const resource = model.resources.get(end.Id);
    const type = resource === undefined ? undefined : (SAM_TO_CLOUDFORMATION.get(resource.type) ?? resource.type);
    const outputs = Object.entries(TYPES.get(type ?? '')?.outputs ?? {});
    const values = new Map<string, unknown>(
      outputs.map(([name, output]) => [name, outputOf(model, end.Id as string, output)]),
    );
    return { type, values, roleLogicalId: roleLogicalIdOf(model, end.Id) };
  }
  const type = typeof end.Type === 'string' ? (SAM_TO_CLOUDFORMATION.get(end.Type) ?? end.Type) : undefined;
  const values = new Map<string, unknown>(
    ['Arn', 'Name'].filter((key) => end[key] !== undefined).map((key) => [key, model.resolve(end[key])]),
  );
  return { type, values, roleName: end.RoleName === undefined ? undefined : model.resolve(end.RoleName) };
}

function attachesTo(reference: Reference, role: RoleRef): boolean {
  if (reference.roleLogicalId !== undefined) return reference.roleLogicalId === role.logicalId;
  return typeof reference.roleName === 'string' && role.name !== undefined && reference.roleName === role.name;
}

/** A profile text with `%{Source.Arn}`-style variables and `${AWS::…}` pseudo parameters filled in. */
function fill(model: TemplateModel, connector: string, text: string, ends: Record<string, Reference>): string {
  const { partition, region, account } = model.placement;
  const pseudo = new Map([
    ['AWS::Partition', partition],
    ['AWS::Region', region],
    ['AWS::AccountId', account],
  ]);
  return text
    .replace(/%\{(Source|Destination)\.(\w+)\}/g, (_match, end: string, name: string) => {
      const value = ends[end]?.values.get(name);
      return typeof value === 'string' ? value : unresolvedMarker(`Connector ${connector} ${end}.${name}`);
    })
    .replace(/\$\{(AWS::\w+)\}/g, (match, name: string) => pseudo.get(name) ?? match);
}

type ConnectorSpec = { logicalId: string; source: unknown; destination: unknown; permissions: unknown };

/** Every connector of the template: `AWS::Serverless::Connector` resources and embedded `Connectors` attributes. */
function connectorsOf(model: TemplateModel): ConnectorSpec[] {
  const specs: ConnectorSpec[] = [];
  for (const resource of model.resources.values()) {
    if (resource.type === 'AWS::Serverless::Connector') {
      const { Source, Destination, Permissions } = resource.properties;
      specs.push({ logicalId: resource.logicalId, source: Source, destination: Destination, permissions: Permissions });
    }
    for (const [name, connector] of Object.entries(resource.connectors ?? {})) {
      const properties = isRecord(connector) && isRecord(connector.Properties) ? connector.Properties : {};
      const reference = isRecord(properties.SourceReference) ? properties.SourceReference : {};
      specs.push({
        logicalId: `${resource.logicalId}${name}`,
        source: { ...reference, Id: resource.logicalId },
        destination: properties.Destination,
        permissions: properties.Permissions,
      });
    }
  }
  return specs;
}

/**
 * The managed policies SAM connectors attach to `role`: for each connector and destination whose profile grants an
 * IAM policy (shared/template/generated/samConnectorProfiles.ts) to the role of its source (or destination), the
 * statements of the requested `Permissions` categories, named as SAM names the policy (`<Connector>Policy`,
 * `<Connector>PolicyDestination<i>` for a list of destinations).
 * https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-connector.html
 */
export function connectorPolicies(context: RoleContext, role: RoleRef): NamedPolicy[] {
  const { model } = context;
  const policies: NamedPolicy[] = [];
  for (const spec of connectorsOf(model)) {
    if (!isRecord(spec.source)) continue;
    const destinations = Array.isArray(spec.destination) ? spec.destination : [spec.destination];
    const permissions = new Set(Array.isArray(spec.permissions) ? spec.permissions : []);
    for (const [index, destination] of destinations.entries()) {
      if (!isRecord(destination)) continue;
      const ends = { Source: referenceOf(model, spec.source), Destination: referenceOf(model, destination) };
      const profile = PROFILES.get(`${ends.Source.type} ${ends.Destination.type}`);
      if (profile === undefined) continue;
      if (!attachesTo(profile.policyOn === 'source' ? ends.Source : ends.Destination, role)) continue;
      const statements: PolicyStatement[] = Object.entries(profile.categories)
        .filter(([category]) => permissions.has(category))
        .flatMap(([, list]) =>
          list.map((statement) => ({
            Effect: statement.Effect,
            Action: [...statement.Action],
            Resource: statement.Resource.map((text) => fill(model, spec.logicalId, text, ends)),
          })),
        );
      if (statements.length === 0) continue;
      const name = Array.isArray(spec.destination)
        ? `${spec.logicalId}PolicyDestination${index}`
        : `${spec.logicalId}Policy`;
      policies.push({ name, document: policyWithUnresolved({ Version: '2012-10-17', Statement: statements }) });
    }
  }
  return policies;
}
