import { unresolvedValueKey } from '../iam/unresolvedValueKey.js';
import type { Decision, DenyingLayer, Finding, MatchedStatement, Requirement, Rule, Severity } from '../types.js';
import { actionList, LAYER_NAMES, purposePhrase } from './describeFinding.js';
import { findingId } from './findingId.js';
import { remediationOf } from './remediationOf.js';
import { milderSeverity, severityRank } from './severityOf.js';
import { subjectOf } from './subjectOf.js';

/** One requirement with its decisions and what the caller decided about its severity and consequence. */
export type RequirementFindingsInput = {
  stateMachineArn: string | null;
  requirement: Requirement;
  decisions: readonly Decision[];
  /** Severity of this permission being missing. */
  severity: Severity;
  /** What breaks, in plain words, starting with who is affected. */
  consequence: string;
};

const LAYERS: readonly DenyingLayer[] = ['identity', 'boundary', 'scp', 'resource'];
/** Holes the state's input or the deployment fills, not the service: granting their pattern would over-grant. */
const INPUT_HOLES: ReadonlySet<string> = new Set([
  'dynamic-value',
  'placeholder',
  'unknown-context',
  'absent-parameter',
]);

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function baseFinding(input: RequirementFindingsInput, rule: Rule, decisions: readonly Decision[]) {
  const r = input.requirement;
  const actions = r.actions.filter((action) => decisions.some((d) => d.action === action));
  const extra = unique(decisions.map((d) => d.action)).filter((action) => !actions.includes(action));
  const allActions = [...actions, ...extra];
  const resources = unique(decisions.map((d) => d.resource));
  return {
    id: findingId({ stateMachineArn: input.stateMachineArn, rule, state: r.state, actions: allActions, resources }),
    rule,
    purpose: r.purpose,
    state: r.state,
    integration: r.integration,
    actions: allActions,
    resources,
    docs: r.source,
  };
}

function denyStatementsOf(decisions: readonly Decision[]): MatchedStatement[] {
  const all = decisions.flatMap((d) => d.matchedStatements ?? []).filter((s) => s.effect === 'Deny');
  return all.filter((s, i) => all.findIndex((o) => o.policy === s.policy && o.statement === s.statement) === i);
}

const UNCONFIRMED = ' (unconfirmed: AWS does not document this need exactly)';

/** A missing permission AWS does not document is reported under its own rule, at LOW (design.md, "Severity"). */
function missingRule(input: RequirementFindingsInput): { rule: Rule; severity: Severity } {
  return input.requirement.inferred === true
    ? { rule: 'InferredPermission', severity: 'LOW' }
    : { rule: 'MissingPermission', severity: input.severity };
}

function explicitDenyFinding(input: RequirementFindingsInput, layer: DenyingLayer, decisions: Decision[]): Finding {
  const { rule, severity } = missingRule(input);
  const base = baseFinding(input, rule, decisions);
  const statements = denyStatementsOf(decisions);
  const named = statements.map((s) => `${s.policy} ${s.statement}`).join(', ');
  const fix = `remove or narrow the deny in ${LAYER_NAMES[layer]}${named === '' ? '' : ` (${named})`}`;
  const subject = subjectOf(base.state, base.integration, base.purpose);
  return {
    ...base,
    severity,
    decision: 'explicitDeny',
    deniedBy: layer,
    title: `${subject} cannot ${purposePhrase(base.purpose)}: ${actionList(base.actions)} denied by ${LAYER_NAMES[layer]}`,
    consequence: input.consequence,
    details: { fix, ...(statements.length === 0 ? {} : { denyStatements: statements }) },
  };
}

/**
 * Implicit denies: the role's policies lack an Allow, or (layer boundary/scp) the role allows it but the permissions
 * boundary or an SCP level does not — then the same statement must be allowed in that layer, not only in the role.
 */
function missingFinding(input: RequirementFindingsInput, decisions: Decision[], layer: DenyingLayer): Finding {
  const { rule, severity } = missingRule(input);
  const base = baseFinding(input, rule, decisions);
  const subject = subjectOf(base.state, base.integration, base.purpose);
  const r = input.requirement;
  const details: Record<string, unknown> = {};
  if (r.dynamic) details.dynamic = true;
  if (r.inferred === true) details.inferred = true;
  if (r.managedRule !== undefined) details.managedRule = r.managedRule;
  if (layer !== 'identity') details.fix = `allow this statement in ${LAYER_NAMES[layer]} too`;
  const missing = layer === 'identity' ? 'missing' : `not allowed by ${LAYER_NAMES[layer]}:`;
  if (r.holes !== undefined && r.holes.length > 0) details.holes = r.holes;
  return {
    ...base,
    severity,
    decision: 'implicitDeny',
    ...(layer === 'identity' ? {} : { deniedBy: layer }),
    title: `${subject} cannot ${purposePhrase(base.purpose)}: ${missing} ${actionList(base.actions)}${rule === 'InferredPermission' ? UNCONFIRMED : ''}`,
    consequence: input.consequence,
    remediation: remediationOf(base.actions, base.resources, r.context),
    ...(Object.keys(details).length === 0 ? {} : { details }),
  };
}

/** What the role's policies say about a resource with holes: what they allow and what they deny of it, per action. */
function patternsByAction(decisions: readonly Decision[], key: 'grantedResources' | 'deniedResources') {
  const out: Record<string, string[]> = {};
  for (const d of decisions) {
    const patterns = d[key] ?? [];
    if (patterns.length === 0) continue;
    out[d.action] = unique([...(out[d.action] ?? []), ...patterns]).sort();
  }
  return out;
}

function unprovableFinding(input: RequirementFindingsInput, decisions: Decision[]): Finding {
  const base = baseFinding(input, 'UnprovableResource', decisions);
  const subject = subjectOf(base.state, base.integration, base.purpose);
  const r = input.requirement;
  const granted = patternsByAction(decisions, 'grantedResources');
  const denied = patternsByAction(decisions, 'deniedResources');
  const grantedText = unique(Object.values(granted).flat());
  const deniedText = unique(Object.values(denied).flat());
  const what =
    deniedText.length > 0
      ? `a Deny covers part of it (${deniedText.join(', ')})`
      : grantedText.length > 0
        ? `granted only on ${grantedText.join(', ')}`
        : 'allowed on some of the ARNs it can stand for only';
  const holes = r.holes ?? [];
  const details: Record<string, unknown> = { grantedResources: granted, holes };
  if (Object.keys(denied).length > 0) details.deniedResources = denied;
  if (r.dynamic) details.dynamic = true;
  // Granting the pattern is safe when only the service fills its holes (an id, a revision, a suffix); a value of the
  // input or an unapplied placeholder would make it a grant on whatever the input names: narrow the input instead.
  const fromInput = holes.filter((h) => INPUT_HOLES.has(h.reason));
  const placeholders = fromInput.filter((h) => h.reason === 'placeholder').map((h) => h.detail ?? h.variable);
  if (placeholders.length > 0) {
    details.fix = `substitute ${unique(placeholders).join(', ')} (--substitution KEY=VALUE or --substitutions FILE) so the audit sees the resource`;
  } else if (fromInput.length > 0) {
    details.fix =
      'grant the specific resources the input can name, or give the audit the state machine ARN (Region and account)';
  }
  return {
    ...base,
    severity: 'LOW',
    decision: 'notProvable',
    title: `${subject}: ${actionList(base.actions)} on ${base.resources.join(', ')} cannot be proven: ${what}`,
    consequence: `${input.consequence} if, at run time, it names a resource the role does not allow; this cannot be proven before the execution runs`,
    ...(fromInput.length === 0 ? { remediation: remediationOf(base.actions, base.resources, r.context) } : {}),
    details,
  };
}

/** The start of every key unresolvedValueKey makes (`sfn-role-audit:unresolved/`). */
const UNRESOLVED_PREFIX = unresolvedValueKey('');

/**
 * A conditional answer. When it hangs only on keys that stand for what is unknown offline (a template value, a policy
 * whose document is unknown), the finding says it depends on that, not on run time; and when the known policies allow
 * the call and only such an unknown may deny it, nothing is known to break: LOW at most, as PolicyContentUnknown.
 */
function conditionalFinding(input: RequirementFindingsInput, decisions: Decision[]): Finding {
  const base = baseFinding(input, 'ConditionalPermission', decisions);
  const subject = subjectOf(base.state, base.integration, base.purpose);
  const missingContext = unique(decisions.flatMap((d) => d.missingContext ?? [])).sort();
  const keys = missingContext.length === 0 ? 'condition keys the audit cannot know' : missingContext.join(', ');
  const unknown = missingContext.length > 0 && missingContext.every((key) => key.startsWith(UNRESOLVED_PREFIX));
  const what = missingContext.map((key) => key.slice(UNRESOLVED_PREFIX.length)).join(', ');
  const milder = milderSeverity(input.severity);
  if (unknown && decisions.every((d) => d.denyOnly === true)) {
    return {
      ...base,
      severity: severityRank(milder) < severityRank('LOW') ? 'LOW' : milder,
      decision: 'conditional',
      title: `${subject}: ${actionList(base.actions)} allowed by the known policies, unless ${what} denies it`,
      consequence: `${input.consequence} if ${what}, which is not known offline, denies it`,
      details: { missingContext },
    };
  }
  return {
    ...base,
    severity: milder,
    decision: 'conditional',
    title: `${subject} may not ${purposePhrase(base.purpose)}: ${actionList(base.actions)} allowed only under conditions`,
    consequence: unknown
      ? `${input.consequence}, depending on ${what}, which is not known offline (it may grant the call or deny it)`
      : `${input.consequence} unless the run-time values of ${keys} satisfy the policy's conditions`,
    details: { missingContext },
  };
}

/**
 * The findings of one checked requirement: one MissingPermission per denying layer for explicit denies (no Allow to
 * add) and one for implicit denies (InferredPermission at LOW for a permission AWS does not document), one
 * UnprovableResource (LOW) for a resource with holes that the role allows only in part, and one
 * ConditionalPermission (one step milder) for conditional answers.
 */
export function requirementFindings(input: RequirementFindingsInput): Finding[] {
  const findings: Finding[] = [];
  const explicit = input.decisions.filter((d) => d.decision === 'explicitDeny');
  for (const layer of LAYERS) {
    const byLayer = explicit.filter((d) => (d.deniedBy ?? 'identity') === layer);
    if (byLayer.length > 0) findings.push(explicitDenyFinding(input, layer, byLayer));
  }
  const implicit = input.decisions.filter((d) => d.decision === 'implicitDeny');
  for (const layer of LAYERS) {
    const byLayer = implicit.filter((d) => (d.deniedBy ?? 'identity') === layer);
    if (byLayer.length > 0) findings.push(missingFinding(input, byLayer, layer));
  }
  const unprovable = input.decisions.filter((d) => d.decision === 'notProvable');
  if (unprovable.length > 0) findings.push(unprovableFinding(input, unprovable));
  const conditional = input.decisions.filter((d) => d.decision === 'conditional');
  if (conditional.length > 0) findings.push(conditionalFinding(input, conditional));
  return findings;
}
