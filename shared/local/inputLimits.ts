/** How large one kind of input file may be, and why: the reason is part of the one-line error past the limit. */
export type InputLimit = { bytes: number; what: string; why: string };

const MIB = 1024 * 1024;

/**
 * The size limits of the command line's input files: generous multiples of what AWS itself accepts, so a real file
 * never meets them while a wrong or hostile one (a log file, /dev/zero, a runaway export) fails fast with a clear
 * error instead of exhausting memory. Each reason cites the AWS limit it is measured against.
 */
export const INPUT_LIMITS = {
  // https://docs.aws.amazon.com/step-functions/latest/apireference/API_CreateStateMachine.html (definition: at most
  // 1,048,576 characters); 4x leaves room for pretty-printing and for what substitutions remove.
  definition: {
    bytes: 4 * MIB,
    what: 'definition file',
    why: 'Step Functions accepts definitions of at most 1,048,576 characters',
  },
  // The definition again, as a JSON-escaped string, with the describe-state-machine fields around it
  // (https://docs.aws.amazon.com/step-functions/latest/apireference/API_DescribeStateMachine.html).
  describe: {
    bytes: 8 * MIB,
    what: 'describe-state-machine file',
    why: 'it holds one definition of at most 1,048,576 characters',
  },
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html: managed policies 6,144 characters,
  // a role's inline policies 10,240 in total, SCPs 5,120, at most 20 managed policies per role; 1 MiB holds all of
  // one role's policies pretty-printed or URL-encoded several times over.
  policy: {
    bytes: MIB,
    what: 'policy file',
    why: 'IAM policies are at most 10,240 characters (inline) or 6,144 (managed), 20 managed policies per role',
  },
  // A whole account: roles, users, groups and every managed policy with all its versions
  // (https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountAuthorizationDetails.html), under the IAM
  // quotas above (1,000 roles and 1,500 customer managed policies of 5 versions by default).
  authorizationDetails: {
    bytes: 256 * MIB,
    what: 'authorization-details file',
    why: 'larger accounts: pass the role with --policy files, or cut the file down to the role and its policies',
  },
  // DefinitionSubstitutions come from a CloudFormation template, whose body is at most 1 MB
  // (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html).
  substitutions: {
    bytes: MIB,
    what: 'substitutions file',
    why: 'they come from a CloudFormation template, which is at most 1 MB',
  },
} as const satisfies Record<string, InputLimit>;

/** The most characters a definition may have once its DefinitionSubstitutions are applied (as its file's limit). */
export const MAX_SUBSTITUTED_DEFINITION_CHARS = INPUT_LIMITS.definition.bytes;

/** `4 MiB (4,194,304 bytes)`, for messages. */
export function describeSize(bytes: number): string {
  const mib = bytes / MIB;
  const size = Number.isInteger(mib) ? `${mib} MiB` : `${bytes.toLocaleString('en-US')} bytes`;
  return Number.isInteger(mib) ? `${size} (${bytes.toLocaleString('en-US')} bytes)` : size;
}
