/**
 * Resolves the CloudFormation intrinsics CDK writes into a synthesized template (`Ref`, `Fn::GetAtt`, `Fn::Join`,
 * `Fn::Select`, `Fn::Split`, `Fn::Sub`) to the values CloudFormation would produce in a fixed account, so that a
 * synthesized state machine definition and its role's policies can be audited offline. Anything it cannot resolve
 * throws: a silently wrong value would make the cross-check pass or fail for the wrong reason.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html
 */

/** The synthesized template's shape, as far as the resolver reads it. */
export type CfnTemplate = { Resources: Record<string, CfnResource> };

export type CfnResource = { Type: string; Properties?: Record<string, unknown> };

/** The pseudo parameters of the fixed deployment the cross-check audits in. */
export const PSEUDO = {
  'AWS::Region': 'eu-west-1',
  'AWS::AccountId': '111122223333',
  'AWS::Partition': 'aws',
  'AWS::URLSuffix': 'amazonaws.com',
  'AWS::StackName': 'CdkCrossCheck',
} as const satisfies Record<string, string>;

const REGION = PSEUDO['AWS::Region'];
const ACCOUNT = PSEUDO['AWS::AccountId'];

/** The property that carries a resource's explicit physical name, by type (absent: CloudFormation generates one). */
const NAME_PROPERTY: Record<string, string> = {
  'AWS::Lambda::Function': 'FunctionName',
  'AWS::DynamoDB::Table': 'TableName',
  'AWS::SQS::Queue': 'QueueName',
  'AWS::SNS::Topic': 'TopicName',
  'AWS::S3::Bucket': 'BucketName',
  'AWS::IAM::Role': 'RoleName',
  'AWS::IAM::InstanceProfile': 'InstanceProfileName',
  'AWS::StepFunctions::StateMachine': 'StateMachineName',
  'AWS::StepFunctions::Activity': 'Name',
  'AWS::Events::EventBus': 'Name',
  'AWS::Events::Connection': 'Name',
  'AWS::CodeBuild::Project': 'Name',
  'AWS::Logs::LogGroup': 'LogGroupName',
  'AWS::ECS::Cluster': 'ClusterName',
  'AWS::ECS::TaskDefinition': 'Family',
  'AWS::KMS::Key': '',
  'AWS::EC2::SecurityGroup': '',
};

type Formats = { ref: (name: string) => string; attributes: Record<string, (name: string) => string> };

const arn = (service: string, resource: string, region: string = REGION) =>
  `arn:aws:${service}:${region}:${ACCOUNT}:${resource}`;

/**
 * What `Ref` and `Fn::GetAtt` return for each resource type, from the "Return values" section of each type's
 * page in the CloudFormation resource reference
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-template-resource-type-ref.html).
 */
const FORMATS: Record<string, Formats> = {
  'AWS::Lambda::Function': { ref: (n) => n, attributes: { Arn: (n) => arn('lambda', `function:${n}`) } },
  'AWS::DynamoDB::Table': {
    ref: (n) => n,
    attributes: {
      Arn: (n) => arn('dynamodb', `table/${n}`),
      StreamArn: (n) => arn('dynamodb', `table/${n}/stream/2025-01-01T00:00:00.000`),
    },
  },
  'AWS::SQS::Queue': {
    ref: (n) => `https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/${n}`,
    attributes: { Arn: (n) => arn('sqs', n), QueueName: (n) => n, QueueUrl: (n) => FORMATS['AWS::SQS::Queue']!.ref(n) },
  },
  'AWS::SNS::Topic': {
    ref: (n) => arn('sns', n),
    attributes: { TopicArn: (n) => arn('sns', n), TopicName: (n) => n },
  },
  'AWS::S3::Bucket': {
    ref: (n) => n,
    attributes: {
      Arn: (n) => `arn:aws:s3:::${n}`,
      DomainName: (n) => `${n}.s3.amazonaws.com`,
      RegionalDomainName: (n) => `${n}.s3.${REGION}.amazonaws.com`,
    },
  },
  'AWS::IAM::Role': {
    ref: (n) => n,
    attributes: { Arn: (n) => `arn:aws:iam::${ACCOUNT}:role/${n}`, RoleId: () => 'AROAEXAMPLEROLEID00000' },
  },
  'AWS::IAM::InstanceProfile': {
    ref: (n) => n,
    attributes: { Arn: (n) => `arn:aws:iam::${ACCOUNT}:instance-profile/${n}` },
  },
  'AWS::StepFunctions::StateMachine': {
    ref: (n) => arn('states', `stateMachine:${n}`),
    attributes: { Arn: (n) => arn('states', `stateMachine:${n}`), Name: (n) => n },
  },
  'AWS::StepFunctions::Activity': {
    ref: (n) => arn('states', `activity:${n}`),
    attributes: { Arn: (n) => arn('states', `activity:${n}`), Name: (n) => n },
  },
  'AWS::Events::EventBus': {
    ref: (n) => n,
    attributes: { Arn: (n) => arn('events', `event-bus/${n}`), Name: (n) => n },
  },
  'AWS::Events::Connection': {
    ref: (n) => n,
    attributes: {
      Arn: (n) => arn('events', `connection/${n}/0f1e2d3c-4b5a-6978-8695-a4b3c2d1e0f9`),
      SecretArn: (n) =>
        arn('secretsmanager', `secret:events!connection/${n}/0f1e2d3c-4b5a-6978-8695-a4b3c2d1e0f9-AbC123`),
    },
  },
  'AWS::CodeBuild::Project': { ref: (n) => n, attributes: { Arn: (n) => arn('codebuild', `project/${n}`) } },
  'AWS::Logs::LogGroup': { ref: (n) => n, attributes: { Arn: (n) => arn('logs', `log-group:${n}:*`) } },
  'AWS::ECS::Cluster': { ref: (n) => n, attributes: { Arn: (n) => arn('ecs', `cluster/${n}`) } },
  'AWS::ECS::TaskDefinition': {
    ref: (n) => arn('ecs', `task-definition/${n}:1`),
    attributes: { TaskDefinitionArn: (n) => arn('ecs', `task-definition/${n}:1`) },
  },
  'AWS::KMS::Key': {
    ref: () => '1234abcd-12ab-34cd-56ef-1234567890ab',
    attributes: { Arn: () => arn('kms', 'key/1234abcd-12ab-34cd-56ef-1234567890ab'), KeyId: () => '1234abcd' },
  },
  'AWS::EC2::SecurityGroup': {
    ref: () => 'sg-0123456789abcdef0',
    attributes: { GroupId: () => 'sg-0123456789abcdef0' },
  },
};

function fail(message: string, value: unknown): never {
  throw new Error(`cannot resolve ${message}: ${JSON.stringify(value)}`);
}

function resourceOf(template: CfnTemplate, logicalId: string): CfnResource {
  const resource = template.Resources[logicalId];
  if (resource === undefined) fail(`a reference to a resource the template lacks (${logicalId})`, logicalId);
  return resource;
}

/** The physical name CloudFormation gives a resource: its explicit name property, else one derived from its id. */
function physicalNameOf(template: CfnTemplate, logicalId: string): string {
  const resource = resourceOf(template, logicalId);
  const property = NAME_PROPERTY[resource.Type];
  if (property === undefined) fail(`a reference to an unsupported resource type ${resource.Type}`, logicalId);
  const explicit = property === '' ? undefined : resource.Properties?.[property];
  if (explicit !== undefined) return asString(resolveIntrinsics(explicit, template), `${logicalId}.${property}`);
  const generated = `${PSEUDO['AWS::StackName']}-${logicalId}`;
  return resource.Type === 'AWS::S3::Bucket' ? generated.toLowerCase() : generated;
}

function asString(value: unknown, what: string): string {
  if (typeof value !== 'string') fail(`${what} as a string`, value);
  return value;
}

function resolveRef(name: unknown, template: CfnTemplate): string {
  if (typeof name !== 'string') fail('a Ref that is not a string', name);
  if (name in PSEUDO) return PSEUDO[name as keyof typeof PSEUDO];
  if (name.startsWith('AWS::')) fail('an unsupported pseudo parameter', name);
  const type = resourceOf(template, name).Type;
  const formats = FORMATS[type] ?? fail(`Ref of an unsupported resource type ${type}`, name);
  return formats.ref(physicalNameOf(template, name));
}

function resolveGetAtt(argument: unknown, template: CfnTemplate): string {
  const [logicalId, attribute] = typeof argument === 'string' ? argument.split('.') : (argument as unknown[]);
  if (typeof logicalId !== 'string' || typeof attribute !== 'string') fail('a malformed Fn::GetAtt', argument);
  const type = resourceOf(template, logicalId).Type;
  const format = FORMATS[type]?.attributes[attribute] ?? fail(`Fn::GetAtt ${attribute} of ${type}`, argument);
  return format(physicalNameOf(template, logicalId));
}

function resolveSub(argument: unknown, template: CfnTemplate): string {
  const [text, variables] = typeof argument === 'string' ? [argument, {}] : (argument as [unknown, unknown]);
  if (typeof text !== 'string' || typeof variables !== 'object' || variables === null) fail('Fn::Sub', argument);
  return text.replace(/\$\{(!?)([^}]*)\}/g, (_, bang: string, name: string) => {
    if (bang === '!') return `\${${name}}`;
    if (name in variables)
      return asString(resolveIntrinsics((variables as Record<string, unknown>)[name], template), name);
    return name.includes('.') ? resolveGetAtt(name, template) : resolveRef(name, template);
  });
}

function resolveFunction(name: string, argument: unknown, template: CfnTemplate): unknown {
  switch (name) {
    case 'Ref':
      return resolveRef(argument, template);
    case 'Fn::GetAtt':
      return resolveGetAtt(argument, template);
    case 'Fn::Sub':
      return resolveSub(argument, template);
    case 'Fn::Join': {
      const [separator, parts] = argument as [unknown, unknown];
      const values = resolveIntrinsics(parts, template);
      if (typeof separator !== 'string' || !Array.isArray(values)) fail('Fn::Join', argument);
      return values.map((v, i) => asString(v, `Fn::Join part ${i}`)).join(separator);
    }
    case 'Fn::Split': {
      const [separator, text] = argument as [unknown, unknown];
      if (typeof separator !== 'string') fail('Fn::Split', argument);
      return asString(resolveIntrinsics(text, template), 'Fn::Split text').split(separator);
    }
    case 'Fn::Select': {
      const [index, list] = argument as [unknown, unknown];
      const values = resolveIntrinsics(list, template);
      const i = Number(resolveIntrinsics(index, template));
      if (!Array.isArray(values) || !Number.isInteger(i) || i < 0 || i >= values.length) fail('Fn::Select', argument);
      return values[i];
    }
    default:
      return fail(`the intrinsic function ${name}`, argument);
  }
}

/** Returns `value` with every intrinsic function call replaced by its value in the fixed account; throws on any other. */
export function resolveIntrinsics(value: unknown, template: CfnTemplate): unknown {
  if (Array.isArray(value)) return value.map((item) => resolveIntrinsics(item, template));
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value);
  const [first] = entries;
  if (entries.length === 1 && first !== undefined && (first[0] === 'Ref' || first[0].startsWith('Fn::'))) {
    return resolveFunction(first[0], first[1], template);
  }
  return Object.fromEntries(entries.map(([key, item]) => [key, resolveIntrinsics(item, template)]));
}
