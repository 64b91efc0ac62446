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

/** What SAM grants a source's role for one destination type, by access category (`Read`, `Write`). */
export type ConnectorProfile = {
  /** The categories, each with its statements. */
  readonly categories: Readonly<Record<string, readonly ConnectorStatement[]>>;
  /** The combinations SAM accepts, when it restricts them (state machine → state machine: Read, or Read + Write). */
  readonly validCombinations?: readonly (readonly string[])[];
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
