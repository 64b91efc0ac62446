import type { Finding, Purpose, Rule, Severity } from '../types.js';
import { purposePhrase } from './describeFinding.js';
import { severityRank } from './severityOf.js';

/** SARIF level of each severity (https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html#_Toc34317648). */
export const SARIF_LEVELS = {
  CRITICAL: 'error',
  HIGH: 'error',
  MEDIUM: 'warning',
  LOW: 'note',
  INFORMATIONAL: 'note',
} as const satisfies Record<Severity, 'error' | 'warning' | 'note'>;

/**
 * security-severity scores GitHub maps back to critical (9.0+), high (7.0–8.9), medium (4.0–6.9) and low (0.1–3.9)
 * (https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning).
 */
export const SECURITY_SEVERITY = {
  CRITICAL: '9.5',
  HIGH: '8.0',
  MEDIUM: '5.5',
  LOW: '3.0',
  INFORMATIONAL: '0.0',
} as const satisfies Record<Severity, string>;

const TEMPLATES = 'https://docs.aws.amazon.com/step-functions/latest/dg/service-integration-iam-templates.html';
const DIST_MAP = 'https://docs.aws.amazon.com/step-functions/latest/dg/iam-policies-eg-dist-map.html';

/** The AWS page each purpose's permissions are documented on. */
const PURPOSE_HELP: Record<Purpose, string> = {
  invoke: TEMPLATES,
  poll: TEMPLATES,
  events: TEMPLATES,
  cancel: TEMPLATES,
  passrole: TEMPLATES,
  other: TEMPLATES,
  'assume-role': 'https://docs.aws.amazon.com/step-functions/latest/dg/concepts-access-cross-acct-resources.html',
  'child-executions': DIST_MAP,
  'item-reader': DIST_MAP,
  'result-writer': DIST_MAP,
  http: 'https://docs.aws.amazon.com/step-functions/latest/dg/call-https-apis.html',
  kms: 'https://docs.aws.amazon.com/step-functions/latest/dg/encryption-at-rest.html',
  logging: 'https://docs.aws.amazon.com/step-functions/latest/dg/cw-logs.html',
  tracing: 'https://docs.aws.amazon.com/step-functions/latest/dg/concepts-xray-tracing.html',
};

const RULE_TEXT: Record<Rule, { short: string; full: string }> = {
  MissingPermission: {
    short: 'The execution role lacks a permission the definition needs',
    full: 'The definition needs this permission and the execution role does not have it (or a policy denies it): the step fails, hangs or leaves work running.',
  },
  UnprovableResource: {
    short: 'A resource known only at run time is granted for some of its ARNs only',
    full: 'Part of the resource is unknown before run time (an id, a JSONPath value, a placeholder) and the role allows the action on some of the ARNs it can stand for: it cannot be proven before the execution runs.',
  },
  InferredPermission: {
    short: 'A permission AWS does not document, but that the integration probably needs, is missing',
    full: 'AWS does not document this permission; the catalogue encodes the safest reading. The step may fail without it.',
  },
  UnresolvedPlaceholder: {
    short: 'The definition holds an unapplied DefinitionSubstitutions placeholder',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: names the ${…} placeholder syntax
    full: 'A ${…} placeholder was not substituted: pass --substitution KEY=VALUE or --substitutions FILE so the audit sees what Step Functions runs.',
  },
  ConditionalPermission: {
    short: 'A permission is allowed only under conditions the audit cannot know',
    full: 'A policy allows the request only when condition keys have values known at run time.',
  },
  UnknownIntegration: {
    short: 'A Task uses an integration the audit does not know',
    full: 'The Task Resource is not in the catalogue: its permissions were not checked.',
  },
  InvalidDefinition: {
    short: 'The definition is invalid',
    full: 'Step Functions rejects this definition, and its permissions cannot be checked until it is fixed.',
  },
  RoleNotFound: {
    short: 'The execution role does not exist',
    full: 'Step Functions cannot assume a role that does not exist: no execution can start.',
  },
  UntrustedRole: {
    short: 'The execution role does not trust states.amazonaws.com',
    full: 'The trust policy does not let Step Functions assume the role: no execution can start.',
  },
  DefinitionUnavailable: {
    short: 'The state machine definition cannot be read offline',
    full: 'The definition lives where an offline audit cannot read it (an S3 location, a missing file): none of its permissions were checked.',
  },
  PolicyContentUnknown: {
    short: 'A policy attached to the execution role is unknown offline',
    full: 'The role has a policy whose document the audit does not have (a managed policy outside the template, a role defined elsewhere): what it allows or denies cannot be proven, so affected permissions are reported as conditional, not as missing.',
  },
  UnresolvedTemplateValue: {
    short: 'A template value could not be resolved offline',
    full: 'A parameter without a value, an imported value or an unknown attribute: the parts of the definition or policy that use it are holes the audit cannot prove.',
  },
};

/** The SARIF rule id of a finding: `<rule>/<purpose>`, or the rule alone for findings without a purpose. */
export function sarifRuleId(finding: Finding): string {
  return finding.purpose === null ? finding.rule : `${finding.rule}/${finding.purpose}`;
}

/** One reportingDescriptor per rule × purpose present in the findings, carrying the worst severity seen for it. */
export function sarifRules(findings: readonly Finding[]) {
  const worst = new Map<string, Finding>();
  for (const finding of findings) {
    const id = sarifRuleId(finding);
    const seen = worst.get(id);
    if (seen === undefined || severityRank(finding.severity) < severityRank(seen.severity)) worst.set(id, finding);
  }
  return [...worst.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, finding]) => {
      const text = RULE_TEXT[finding.rule];
      const purpose = finding.purpose;
      return {
        id,
        name: id.replace('/', '_'),
        shortDescription: { text: purpose === null ? text.short : `${text.short} (to ${purposePhrase(purpose)})` },
        fullDescription: { text: text.full },
        helpUri: purpose === null ? finding.docs : PURPOSE_HELP[purpose],
        defaultConfiguration: { level: SARIF_LEVELS[finding.severity] },
        properties: { 'security-severity': SECURITY_SEVERITY[finding.severity], tags: ['security', 'iam'] },
      };
    });
}
