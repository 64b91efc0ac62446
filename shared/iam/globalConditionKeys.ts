/**
 * AWS global condition context keys and whether each can be in the request context of a call made with a role
 * session (the Step Functions execution role): `always` (AWS sets it on every such call), `maybe` (in some calls
 * only), `never`. `listedOnly` keys are there only for actions or resource types whose Service Authorization Reference
 * entry lists them. Decided from each key's "Availability" text on
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
 * Doubts (read the page again when it changes):
 * - aws:MultiFactorAuthPresent / aws:MultiFactorAuthAge: present for temporary credentials obtained with MFA; a
 *   service-assumed role has none, but the page does not say so for service sessions: kept `maybe`.
 * - aws:SourceIp, aws:SourceVpc, aws:SourceVpce, aws:VpcSourceIp: for calls Step Functions makes with the role the
 *   page does not say which network values apply: `maybe`.
 * - aws:CalledVia*: set for forward access sessions; Step Functions calls with the role's own session, so probably
 *   absent, kept `maybe`.
 * - aws:UserAgent, aws:Referer: set from the client's HTTP request; `maybe`.
 * - aws:ViaAWSService: the page says it is always included "for most services"; taken as `always`.
 * Global keys this table does not list stay unknown.
 */

/** Whether a global key can be in the request context of a role session's call. */
export type GlobalKeyAvailability = 'always' | 'maybe' | 'never';

/** One global key (lower case; a name ending in `/` is a prefix for tag keys) and its availability. */
export type GlobalConditionKey = { key: string; availability: GlobalKeyAvailability; listedOnly?: true };

export const GLOBAL_CONDITION_KEYS: readonly GlobalConditionKey[] = [
  // Properties of the principal.
  { key: 'aws:principalarn', availability: 'always' },
  { key: 'aws:principalaccount', availability: 'always' },
  { key: 'aws:principaltype', availability: 'always' },
  { key: 'aws:userid', availability: 'always' },
  { key: 'aws:principalisawsservice', availability: 'always' },
  { key: 'aws:principalorgid', availability: 'maybe' },
  { key: 'aws:principalorgpaths', availability: 'maybe' },
  { key: 'aws:principaltag/', availability: 'maybe' },
  { key: 'aws:username', availability: 'never' },
  { key: 'aws:principalservicename', availability: 'never' },
  { key: 'aws:principalservicenameslist', availability: 'never' },
  { key: 'aws:assumedroot', availability: 'never' },
  // Properties of a role session.
  { key: 'aws:tokenissuetime', availability: 'always' },
  { key: 'aws:multifactorauthpresent', availability: 'maybe' },
  { key: 'aws:multifactorauthage', availability: 'maybe' },
  { key: 'aws:sourceidentity', availability: 'maybe' },
  { key: 'aws:federatedprovider', availability: 'never' },
  { key: 'aws:ec2instancesourcevpc', availability: 'never' },
  { key: 'aws:ec2instancesourceprivateipv4', availability: 'never' },
  // Properties of the network.
  { key: 'aws:sourceip', availability: 'maybe' },
  { key: 'aws:sourcevpc', availability: 'maybe' },
  { key: 'aws:sourcevpce', availability: 'maybe' },
  { key: 'aws:vpcsourceip', availability: 'maybe' },
  { key: 'aws:vpceaccount', availability: 'maybe' },
  { key: 'aws:vpceorgid', availability: 'maybe' },
  { key: 'aws:vpceorgpaths', availability: 'maybe' },
  // Properties of the resource.
  { key: 'aws:resourceaccount', availability: 'maybe' },
  { key: 'aws:resourceorgid', availability: 'maybe' },
  { key: 'aws:resourceorgpaths', availability: 'maybe' },
  { key: 'aws:resourcetag/', availability: 'maybe', listedOnly: true },
  // Properties of the request.
  { key: 'aws:calledvia', availability: 'maybe' },
  { key: 'aws:calledviafirst', availability: 'maybe' },
  { key: 'aws:calledvialast', availability: 'maybe' },
  { key: 'aws:viaawsservice', availability: 'always' },
  { key: 'aws:currenttime', availability: 'always' },
  { key: 'aws:epochtime', availability: 'always' },
  { key: 'aws:securetransport', availability: 'always' },
  { key: 'aws:requestedregion', availability: 'always' },
  { key: 'aws:requesttag/', availability: 'maybe', listedOnly: true },
  { key: 'aws:tagkeys', availability: 'maybe', listedOnly: true },
  { key: 'aws:useragent', availability: 'maybe' },
  { key: 'aws:referer', availability: 'maybe' },
  // Cross-service keys only a service principal's call carries.
  { key: 'aws:sourcearn', availability: 'never' },
  { key: 'aws:sourceaccount', availability: 'never' },
  { key: 'aws:sourceorgid', availability: 'never' },
  { key: 'aws:sourceorgpaths', availability: 'never' },
];

const BY_KEY = new Map(GLOBAL_CONDITION_KEYS.filter((k) => !k.key.endsWith('/')).map((k) => [k.key, k]));
const PREFIXES = GLOBAL_CONDITION_KEYS.filter((k) => k.key.endsWith('/'));

/** The table entry for a lower-cased key (`aws:principaltag/team` finds `aws:principaltag/`); undefined when not global. */
export function findGlobalConditionKey(lowerCaseKey: string): GlobalConditionKey | undefined {
  return (
    BY_KEY.get(lowerCaseKey) ??
    PREFIXES.find((k) => lowerCaseKey.startsWith(k.key) && lowerCaseKey.length > k.key.length)
  );
}
