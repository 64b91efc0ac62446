import type { ContextValues } from '../types.js';

/** What the audit knows about every call Step Functions makes with the execution role's session. */
export type RequestOrigin = {
  /** The state machine's Region, or `*` when unknown. */
  region: string;
  /** The execution role's ARN, when known. */
  roleArn: string | null;
  /** When the audit runs (the clock of AuditInput). */
  now: Date;
};

/**
 * Services with one endpoint in US East (N. Virginia): their calls are always made to us-east-1
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-requestedregion,
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_aws_deny-requested-region.html).
 */
const US_EAST_1_SERVICES: ReadonlySet<string> = new Set(['iam', 'organizations', 'route53', 'cloudfront']);

/** The keys requestContextOf sets, lower-cased (a user's explicit value for one of them wins over the audit's). */
export const AUDIT_SET_KEYS: ReadonlySet<string> = new Set([
  'aws:requestedregion',
  'aws:securetransport',
  'aws:principalarn',
  'aws:principalaccount',
  'aws:principaltype',
  'aws:principalisawsservice',
  'aws:currenttime',
  'aws:epochtime',
]);

const LITERAL_REGION = /^[a-z0-9-]+$/;

function isLiteralRegion(region: string | undefined): region is string {
  return region !== undefined && LITERAL_REGION.test(region);
}

/**
 * The Region a call goes to (`aws:RequestedRegion`), or undefined when it cannot be known: us-east-1 for a global
 * service; the state machine's Region for `iam:PassRole`, which is no call of its own but is checked by the service
 * that receives the role, in the Region of the call that passes it
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html); otherwise the Region component of the
 * resource ARN when it is literal, unknown when it is a hole (a run-time ARN may name another Region), else (empty, as
 * in S3 ARNs, or the resource `*`) the state machine's Region.
 */
export function requestedRegionOf(action: string, resource: string, stateMachineRegion: string): string | undefined {
  const lower = action.toLowerCase();
  const fallback = isLiteralRegion(stateMachineRegion) ? stateMachineRegion : undefined;
  if (lower === 'iam:passrole') return fallback;
  if (US_EAST_1_SERVICES.has(lower.slice(0, lower.indexOf(':')))) return 'us-east-1';
  const region = resource.startsWith('arn:') ? resource.split(':')[3] : undefined;
  // A hole in the Region (a run-time ARN that may name another Region) leaves the Region of the call unknown.
  if (region !== undefined && /[*?]/.test(region)) return undefined;
  return isLiteralRegion(region) ? region : fallback;
}

/** The account of an IAM role ARN (`arn:aws:iam::111122223333:role/x` → `111122223333`), when it has one. */
function accountOf(roleArn: string): string | undefined {
  const account = roleArn.split(':')[4];
  return account !== undefined && /^\d{12}$/.test(account) ? account : undefined;
}

/**
 * The global condition keys AWS sets on a call Step Functions makes with the execution role's session and that the
 * audit can know offline (docs/evaluator.md, "Keys the audit sets"; sources:
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html):
 * `aws:RequestedRegion` (see requestedRegionOf; absent when unknown), `aws:SecureTransport` `true` (Step Functions
 * calls AWS APIs over TLS), `aws:PrincipalArn` (the role's ARN, not the session's), `aws:PrincipalAccount`,
 * `aws:PrincipalType` `AssumedRole`, `aws:PrincipalIsAWSService` `false` (a service role makes the call), and the
 * audit's time as `aws:CurrentTime` (ISO 8601, UTC, whole seconds) and `aws:EpochTime` (seconds).
 */
export function requestContextOf(action: string, resource: string, origin: RequestOrigin): ContextValues {
  const context: ContextValues = {};
  const region = requestedRegionOf(action, resource, origin.region);
  if (region !== undefined) context['aws:RequestedRegion'] = region;
  context['aws:SecureTransport'] = 'true';
  if (origin.roleArn !== null) {
    context['aws:PrincipalArn'] = origin.roleArn;
    const account = accountOf(origin.roleArn);
    if (account !== undefined) context['aws:PrincipalAccount'] = account;
  }
  context['aws:PrincipalType'] = 'AssumedRole';
  context['aws:PrincipalIsAWSService'] = 'false';
  const seconds = Math.floor(origin.now.getTime() / 1000);
  context['aws:CurrentTime'] = new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
  context['aws:EpochTime'] = String(seconds);
  return context;
}
