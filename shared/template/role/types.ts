import type { PolicyDocument } from '../../types.js';

/** One AWS managed policy shipped as data: its path, its default version when read, and that version's document. */
export type ShippedManagedPolicy = {
  /** The ARN's path, `/` or `/service-role/` (arn:aws:iam::aws:policy/service-role/AWSLambdaRole). */
  readonly path: string;
  /** The default version id when the data was read (`v12`). */
  readonly version: string;
  /** When AWS last changed the policy (its default version), as the source records it: YYYY-MM-DD. */
  readonly updated: string;
  readonly document: PolicyDocument;
};

/** Where the shipped AWS managed policies were read from. */
export type AwsManagedPoliciesSource = {
  readonly package: string;
  readonly version: string;
  readonly license: string;
  readonly url: string;
};

/** One statement of a SAM connector profile, with `%{Destination.Arn}`-style variables and `${AWS::…}` pseudo parameters. */
export type ConnectorStatement = {
  readonly Effect: 'Allow';
  readonly Action: readonly string[];
  readonly Resource: readonly string[];
};

/**
 * What SAM grants for one source type → destination type connector whose profile is an IAM managed policy
 * (AWS_IAM_ROLE_MANAGED_POLICY), by access category (`Read`, `Write`), and whose role gets it.
 */
export type ConnectorProfile = {
  /** `source`: the policy attaches to the source's role (SourcePolicy true); `destination`: to the destination's. */
  readonly policyOn: 'source' | 'destination';
  readonly categories: Readonly<Record<string, readonly ConnectorStatement[]>>;
  /** The combinations SAM accepts, when it restricts them (state machine → state machine: Read, or Read + Write). */
  readonly validCombinations?: readonly (readonly string[])[];
};

/** How SAM reads a connector property (`Arn`, `Name`) of a resource it references by `Id`. */
export type ConnectorOutput = { readonly ref: true } | { readonly getAtt: string } | { readonly literal: string };

/** What SAM knows of a CloudFormation resource type for connectors: its role property and its outputs. */
export type ConnectorResourceType = {
  /** The property that holds the resource's role ARN (`RoleArn` of a state machine), when it is one property. */
  readonly roleProperty?: string;
  readonly outputs: Readonly<Record<string, ConnectorOutput>>;
};

/** Where the SAM connector profiles were read from. */
export type SamConnectorProfilesSource = {
  readonly package: string;
  readonly version: string;
  readonly license: string;
  readonly path: string;
  readonly dataVersion: string;
  readonly url: string;
};
