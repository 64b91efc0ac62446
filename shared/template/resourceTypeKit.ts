/** What `Ref`/`Fn::GetAtt` of one resource are built from: its physical name, its placement, its properties. */
export type ResourceFacts = {
  readonly name: string;
  readonly partition: string;
  readonly region: string;
  readonly account: string;
  readonly urlSuffix: string;
  /** A deterministic stand-in for a value the service assigns at creation (shared/template/stableId.ts). */
  id(kind: string, alphabet: string, length: number): string;
  uuid(kind: string): string;
  /** A property of the resource, resolved through the model (undefined when absent). */
  property(key: string): unknown;
  /** A value that cannot be known offline: an unresolved marker, with a note. */
  unknown(what: string): string;
};

/** How one `Ref` or attribute value is built from the resource's facts. */
export type Value = (r: ResourceFacts) => string;

/**
 * One resource type: the property holding an explicit physical name, how CloudFormation generates one otherwise
 * (`STACK-LogicalId-SUFFIX`, or `LogicalId-SUFFIX` for state machines; at most `maxLength`, lower case where the service
 * wants it, `.fifo` when `fifo` is true), `Ref`, and the `Fn::GetAtt` attributes, from the "Return values" section of
 * the type's page in the CloudFormation resource reference (`source`).
 */
export type ResourceType = {
  readonly source: string;
  readonly nameProperty?: string;
  readonly generated?: 'stack' | 'logical';
  readonly maxLength?: number;
  readonly lowercase?: boolean;
  readonly fifo?: string;
  readonly ref?: Value;
  readonly attributes: Readonly<Record<string, Value>>;
};

const DOCS = 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/';
/** The CloudFormation reference page of a resource type (`lambda-function`). */
export const doc = (page: string) => `${DOCS}aws-resource-${page}.html`;

/** A property value as text (strings and numbers). */
export function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

/** A regional ARN of the placement. */
export const arn = (r: ResourceFacts, service: string, resource: string) =>
  `arn:${r.partition}:${service}:${r.region}:${r.account}:${resource}`;
/** An ARN without a Region (IAM). */
export const globalArn = (r: ResourceFacts, service: string, resource: string) =>
  `arn:${r.partition}:${service}::${r.account}:${resource}`;
/** `Ref` or attribute = the physical name. */
export const named: Value = (r) => r.name;
/** An IAM resource's `Path`, `/` by default, always ending in `/`. */
export const iamPath = (r: ResourceFacts) => {
  const path = text(r.property('Path')) ?? '/';
  return path.endsWith('/') ? path : `${path}/`;
};
/** The name at the end of a name-or-ARN property value (`arn:…:function:orders` → `orders`). */
export const lastName = (value: string, separator: string) =>
  value.startsWith('arn:') ? value.slice(value.lastIndexOf(separator) + 1) : value;
