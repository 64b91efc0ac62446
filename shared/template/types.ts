/**
 * A value inside a SAM policy template as aws-sam-translator publishes it: text, a list, or one of the
 * CloudFormation intrinsics the published templates use (`Fn::Sub` in both forms, `Ref`, `Fn::Join`).
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html
 */
export type SamValue = string | readonly SamValue[] | SamIntrinsic;

/** One CloudFormation intrinsic function call, written as a single-key object. */
export type SamIntrinsic =
  | { readonly 'Fn::Sub': string | readonly [string, Readonly<Record<string, SamValue>>] }
  | { readonly Ref: string }
  | { readonly 'Fn::Join': readonly [string, readonly SamValue[]] };

/** One statement of a SAM policy template, before its parameters and pseudo parameters are filled in. */
export type SamStatement = {
  readonly Effect: 'Allow' | 'Deny';
  readonly Action: string | readonly string[];
  readonly Resource: SamValue;
  readonly Condition?: Readonly<Record<string, Readonly<Record<string, SamValue>>>>;
};

/** A published SAM policy template: the names of the parameters it takes and the statements it grants. */
export type SamPolicyTemplate = {
  readonly parameters: readonly string[];
  readonly statements: readonly SamStatement[];
};

/** Where the published SAM policy templates were read from. */
export type SamPolicyTemplatesSource = {
  readonly package: string;
  readonly version: string;
  readonly license: string;
  readonly path: string;
  readonly dataVersion: string;
  readonly url: string;
};
