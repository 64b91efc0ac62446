import type { Finding, Purpose, Rule, Severity } from '../types.js';
import { purposePhrase } from './describeFinding.js';
import { milderSeverity, SEVERITY_BY_PURPOSE } from './severityOf.js';

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

/** What each rule means: a one-line summary and a description (GitHub shows both, 1,024 characters at most). */
export const RULE_TEXT: Record<Rule, { short: string; full: string }> = {
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

const ROLE_PAGE = 'https://docs.aws.amazon.com/step-functions/latest/dg/procedure-create-iam-role.html';
const STATE_MACHINE_RESOURCE =
  'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-stepfunctions-statemachine.html';

/**
 * The severity of a rule's alerts in GitHub (`defaultConfiguration.level`, `security-severity`), fixed per rule id
 * whatever the findings of a run: the severity its findings carry in the usual case (docs/output.md, "Severities").
 * `byPurpose` is the purpose's severity (SEVERITY_BY_PURPOSE: poll HIGH, events LOW, cancel MEDIUM …), `milderByPurpose`
 * one step milder. Each result still carries its own finding's level.
 */
export const RULE_SEVERITY: Record<Rule, Severity | 'byPurpose' | 'milderByPurpose'> = {
  MissingPermission: 'byPurpose',
  UnprovableResource: 'LOW',
  InferredPermission: 'LOW',
  UnresolvedPlaceholder: 'LOW',
  ConditionalPermission: 'milderByPurpose',
  UnknownIntegration: 'INFORMATIONAL',
  InvalidDefinition: 'HIGH',
  RoleNotFound: 'CRITICAL',
  UntrustedRole: 'CRITICAL',
  DefinitionUnavailable: 'LOW',
  PolicyContentUnknown: 'LOW',
  UnresolvedTemplateValue: 'INFORMATIONAL',
};

/** How often a rule's results are true (GitHub's `precision`): lower where the audit reports what it cannot prove. */
const RULE_PRECISION: Record<Rule, 'very-high' | 'high' | 'medium'> = {
  MissingPermission: 'high',
  UnprovableResource: 'medium',
  InferredPermission: 'medium',
  UnresolvedPlaceholder: 'very-high',
  ConditionalPermission: 'medium',
  UnknownIntegration: 'very-high',
  InvalidDefinition: 'very-high',
  RoleNotFound: 'high',
  UntrustedRole: 'high',
  DefinitionUnavailable: 'very-high',
  PolicyContentUnknown: 'very-high',
  UnresolvedTemplateValue: 'very-high',
};

/** What to do about a result of each rule, for the rule's help. */
const RULE_FIX: Record<Rule, string> = {
  MissingPermission:
    'Add the statement the result names to the execution role (and to the permissions boundary or SCP when the result says one of them lacks it). For an explicit deny, remove or narrow the deny in the layer the result names.',
  UnprovableResource:
    'Grant the authorized pattern the result names, or make the value known before run time (a literal parameter, a substitution) so the audit can prove it.',
  InferredPermission:
    'Add the statement the result names. AWS does not document this need, so confirm it with a test execution when in doubt.',
  UnresolvedPlaceholder:
    'Give the DefinitionSubstitutions values with --substitution KEY=VALUE or --substitutions FILE, or audit the template that declares them with --template.',
  ConditionalPermission:
    'Check that the condition keys the result names hold the values the policy expects when Step Functions makes the call; give them with --context KEY=VALUE to decide offline.',
  UnknownIntegration:
    "Check by hand the permissions this Task needs (the integration's page in the Step Functions guide).",
  InvalidDefinition: 'Fix the definition at the place the result names: Step Functions rejects it as it is.',
  RoleNotFound:
    'Create the execution role, or point the state machine at an existing role that trusts states.amazonaws.com.',
  UntrustedRole:
    "Add the trust statement the result names to the role's trust policy (principal states.amazonaws.com).",
  DefinitionUnavailable:
    'Keep the definition in the repository (Definition, or DefinitionUri to a local file), or audit the deployed state machine with check --state-machine-arn.',
  PolicyContentUnknown:
    'Audit the deployed role with check --state-machine-arn, where IAM returns every attached document, or declare the policy in the template.',
  UnresolvedTemplateValue:
    'Give the value: --parameter KEY=VALUE for a template parameter, --region, --account or --partition for a pseudo parameter.',
};

/** The page that documents a rule, for rules whose results have no purpose (and as a second link for the others). */
const RULE_HELP_URI: Record<Rule, string> = {
  MissingPermission: TEMPLATES,
  UnprovableResource:
    'https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html',
  InferredPermission: TEMPLATES,
  UnresolvedPlaceholder: `${STATE_MACHINE_RESOURCE}#cfn-stepfunctions-statemachine-definitionsubstitutions`,
  ConditionalPermission: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html',
  UnknownIntegration: 'https://docs.aws.amazon.com/step-functions/latest/dg/integrate-services.html',
  InvalidDefinition: 'https://states-language.net/spec.html',
  RoleNotFound: ROLE_PAGE,
  UntrustedRole: ROLE_PAGE,
  DefinitionUnavailable: STATE_MACHINE_RESOURCE,
  PolicyContentUnknown: 'https://docs.aws.amazon.com/aws-managed-policy/latest/reference/policy-list.html',
  UnresolvedTemplateValue:
    'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html',
};

/** The SARIF rule id of a finding: `<rule>/<purpose>`, or the rule alone for findings without a purpose. */
export function sarifRuleId(finding: Pick<Finding, 'rule' | 'purpose'>): string {
  return finding.purpose === null ? finding.rule : `${finding.rule}/${finding.purpose}`;
}

/** The fixed severity of a rule id (RULE_SEVERITY), independent of the findings of any run. */
export function ruleSeverity(rule: Rule, purpose: Purpose | null): Severity {
  const entry = RULE_SEVERITY[rule];
  if (entry !== 'byPurpose' && entry !== 'milderByPurpose') return entry;
  const base = purpose === null ? 'MEDIUM' : SEVERITY_BY_PURPOSE[purpose];
  return entry === 'byPurpose' ? base : milderSeverity(base);
}

const PROBLEM_SEVERITY = { error: 'error', warning: 'warning', note: 'recommendation' } as const;

/** The reportingDescriptor of one rule × purpose: descriptions, help (text and Markdown), helpUri, fixed severity. */
export function sarifRule(rule: Rule, purpose: Purpose | null) {
  const id = sarifRuleId({ rule, purpose });
  const text = RULE_TEXT[rule];
  const short = purpose === null ? text.short : `${text.short} (to ${purposePhrase(purpose)})`;
  const helpUri = purpose === null ? RULE_HELP_URI[rule] : PURPOSE_HELP[purpose];
  const links = [...new Set([helpUri, RULE_HELP_URI[rule]])];
  const severity = ruleSeverity(rule, purpose);
  const level = SARIF_LEVELS[severity];
  const markdownLinks = links.map((link) => `- <${link}>`).join('\n');
  return {
    id,
    name: id.replace('/', '_'),
    shortDescription: { text: short },
    fullDescription: { text: text.full },
    help: {
      text: `${text.full}\n\nWhat to do: ${RULE_FIX[rule]}\n\nEach result names the state, the actions and resources, what breaks and, when a statement can fix it, the statement to add.\n\n${links.join('\n')}`,
      markdown: `**${short}.**\n\n${text.full}\n\n**What to do:** ${RULE_FIX[rule]}\n\nEach result names the state, the actions and resources, what breaks and, when a statement can fix it, the statement to add.\n\n${markdownLinks}`,
    },
    helpUri,
    defaultConfiguration: { level },
    properties: {
      ...(severity === 'INFORMATIONAL' ? {} : { 'security-severity': SECURITY_SEVERITY[severity] }),
      'problem.severity': PROBLEM_SEVERITY[level],
      precision: RULE_PRECISION[rule],
      tags: ['security', 'iam', 'step-functions'],
    },
  };
}

/**
 * One reportingDescriptor per rule × purpose the findings use, sorted by id; what a descriptor says is fixed per rule
 * id (sarifRule), never taken from the findings.
 */
export function sarifRules(findings: readonly Pick<Finding, 'rule' | 'purpose'>[]) {
  const used = new Map<string, Pick<Finding, 'rule' | 'purpose'>>();
  for (const finding of findings) used.set(sarifRuleId(finding), finding);
  return [...used.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, finding]) => sarifRule(finding.rule, finding.purpose));
}
