import { isRecord } from '../../../shared/local/isRecord.js';
import type { StackPlacement, TemplateModel, TemplateResource } from '../../../shared/template/model.js';
import { unresolvedMarker } from '../../../shared/template/unresolved.js';

/** A resource as a template writes it. */
export type FakeResource = {
  Type: string;
  Properties?: Record<string, unknown>;
  Connectors?: Record<string, unknown>;
};

export const PLACEMENT: StackPlacement = {
  partition: 'aws',
  region: 'us-east-1',
  account: '111122223333',
  stackName: 'shop',
};

/** Physical names and ARNs by type: a small fixed table, as the template loader computes them. */
function namesOf(placement: StackPlacement, logicalId: string, resource: FakeResource) {
  const { partition: p, region: r, account: a, stackName } = placement;
  const properties = resource.Properties ?? {};
  const named = (key: string) => (typeof properties[key] === 'string' ? (properties[key] as string) : undefined);
  const name = `${stackName}-${logicalId}`;
  switch (resource.Type) {
    case 'AWS::IAM::Role': {
      const roleName = named('RoleName') ?? name;
      return { ref: roleName, attributes: { Arn: `arn:${p}:iam::${a}:role/${roleName}` } };
    }
    case 'AWS::IAM::ManagedPolicy':
      return { ref: `arn:${p}:iam::${a}:policy/${named('ManagedPolicyName') ?? name}`, attributes: {} };
    case 'AWS::Lambda::Function':
    case 'AWS::Serverless::Function': {
      const functionName = named('FunctionName') ?? name;
      return { ref: functionName, attributes: { Arn: `arn:${p}:lambda:${r}:${a}:function:${functionName}` } };
    }
    case 'AWS::SQS::Queue':
      return {
        ref: `https://sqs.${r}.amazonaws.com/${a}/${name}`,
        attributes: { Arn: `arn:${p}:sqs:${r}:${a}:${name}`, QueueName: name },
      };
    case 'AWS::SNS::Topic':
      return { ref: `arn:${p}:sns:${r}:${a}:${name}`, attributes: { TopicName: name } };
    case 'AWS::DynamoDB::Table':
    case 'AWS::Serverless::SimpleTable':
      return { ref: name, attributes: { Arn: `arn:${p}:dynamodb:${r}:${a}:table/${name}` } };
    case 'AWS::S3::Bucket':
      return { ref: name.toLowerCase(), attributes: { Arn: `arn:${p}:s3:::${name.toLowerCase()}` } };
    case 'AWS::Events::EventBus':
      return { ref: name, attributes: { Arn: `arn:${p}:events:${r}:${a}:event-bus/${name}`, Name: name } };
    case 'AWS::StepFunctions::StateMachine':
    case 'AWS::Serverless::StateMachine':
      return { ref: `arn:${p}:states:${r}:${a}:stateMachine:${name}`, attributes: { Name: name } };
    default:
      return { ref: name, attributes: {} as Record<string, string> };
  }
}

/**
 * A hand-made TemplateModel for the role tests: resolves `Ref` (resources, parameters, pseudo parameters,
 * `AWS::NoValue`), `Fn::GetAtt` and `Fn::Sub` from a fixed table; every other intrinsic, and a parameter without a
 * value, becomes an unresolved marker, as the real loader does.
 */
export function fakeTemplateModel(
  resources: Record<string, FakeResource>,
  options: { parameters?: Record<string, unknown>; placement?: StackPlacement } = {},
): TemplateModel {
  const placement = options.placement ?? PLACEMENT;
  const parameters = new Map(Object.entries(options.parameters ?? {}));
  const table = new Map(Object.entries(resources).map(([id, resource]) => [id, namesOf(placement, id, resource)]));
  const pseudo = new Map<string, string>([
    ['AWS::Partition', placement.partition],
    ['AWS::Region', placement.region],
    ['AWS::AccountId', placement.account],
    ['AWS::StackName', placement.stackName],
  ]);
  const refOf = (id: string) => table.get(id)?.ref;
  const attributeOf = (id: string, attribute: string) =>
    (table.get(id)?.attributes as Record<string, string> | undefined)?.[attribute];
  const ref = (name: string): unknown => {
    if (name === 'AWS::NoValue') return undefined;
    if (parameters.has(name)) return parameters.get(name);
    return pseudo.get(name) ?? refOf(name) ?? unresolvedMarker(`Ref ${name}`);
  };
  const variable = (name: string, map: Record<string, unknown>): string => {
    if (Object.hasOwn(map, name)) return String(resolve(map[name]));
    const [id, attribute] = name.split('.');
    if (attribute !== undefined) return attributeOf(id ?? '', attribute) ?? unresolvedMarker(`Fn::GetAtt ${name}`);
    return String(ref(name));
  };
  const resolve = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(resolve).filter((item) => item !== undefined);
    if (!isRecord(value)) return value;
    const [key, argument] = Object.entries(value)[0] ?? [];
    if (Object.keys(value).length === 1 && key !== undefined && (key === 'Ref' || key.startsWith('Fn::'))) {
      if (key === 'Ref') return ref(String(argument));
      if (key === 'Fn::GetAtt') {
        const [id, attribute] = Array.isArray(argument) ? argument : String(argument).split('.');
        return attributeOf(String(id), String(attribute)) ?? unresolvedMarker(`Fn::GetAtt ${id}.${attribute}`);
      }
      if (key === 'Fn::Sub') {
        const [text, map] = Array.isArray(argument) ? argument : [argument, {}];
        return String(text).replace(/\$\{([^}!]+)\}/g, (_m, name: string) => variable(name, map));
      }
      return unresolvedMarker(`${key} ${JSON.stringify(argument)}`);
    }
    return Object.fromEntries(
      Object.entries(value)
        .map(([k, v]) => [k, resolve(v)] as const)
        .filter(([, v]) => v !== undefined),
    );
  };
  const model: Map<string, TemplateResource> = new Map(
    Object.entries(resources).map(([logicalId, resource]) => [
      logicalId,
      {
        logicalId,
        type: resource.Type,
        properties: resource.Properties ?? {},
        ...(resource.Connectors === undefined ? {} : { connectors: resource.Connectors }),
      },
    ]),
  );
  return {
    path: 'template.yaml',
    text: '',
    placement,
    sam: true,
    resources: model,
    resolve,
    refOf,
    attributeOf,
    positionOf: () => undefined,
    notes: [],
  };
}

/** The resource of a fake model, for executionRoleOf. */
export function resourceOf(model: TemplateModel, logicalId: string): TemplateResource {
  const resource = model.resources.get(logicalId);
  if (resource === undefined) throw new Error(`no resource ${logicalId}`);
  return resource;
}
