import { type Finding, PURPOSES, type Purpose, type Rule } from '../shared/types.js';
import { type ConfigReader, describePath } from './configReader.js';
import type { ConfigPath } from './parseConfigText.js';

/** Every rule, so a config file can name only real ones (a record, so a new Rule fails to compile here). */
const RULE_NAMES: Record<Rule, true> = {
  MissingPermission: true,
  UnprovableResource: true,
  InferredPermission: true,
  UnresolvedPlaceholder: true,
  ConditionalPermission: true,
  UnknownIntegration: true,
  InvalidDefinition: true,
  RoleNotFound: true,
  UntrustedRole: true,
  DefinitionUnavailable: true,
  PolicyContentUnknown: true,
  UnresolvedTemplateValue: true,
};
const RULES = Object.keys(RULE_NAMES) as Rule[];

const MATCHERS = ['rule', 'purpose', 'id', 'state', 'action'] as const;
const KEYS = [...MATCHERS, 'state-machine', 'reason', 'expires'] as const;
const HINTS = new Map([
  ['stateMachine', 'unknown key "stateMachine" (did you mean "state-machine"?)'],
  ['actions', 'unknown key "actions" (did you mean "action"? it takes one action or a list)'],
]);

/**
 * One `ignore` rule of a config file: the findings it matches move to `suppressed` with its reason. Every field
 * given must match (rule, purpose, finding id, state name, and every action of the finding among `actions`), on
 * the state machines `stateMachine` matches (a glob of the target id); from the day after `expires` it no longer
 * applies.
 */
export type ConfigIgnoreRule = {
  /** Where it is written, for messages: `.sfn-role-audit.yml: ignore[2]`. */
  where: string;
  rule?: Rule;
  purpose?: Purpose;
  id?: string;
  state?: string;
  actions?: string[];
  stateMachine?: string;
  reason: string;
  /** The last day (UTC) the rule applies, `YYYY-MM-DD`. */
  expires?: string;
};

/** True for a real calendar date written `YYYY-MM-DD`. */
function isDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** Reads and checks one ignore rule; `inOverride` rules take their state machine from the override. */
export function readIgnoreRule(
  reader: ConfigReader,
  path: ConfigPath,
  value: unknown,
  inOverride: boolean,
): ConfigIgnoreRule {
  const known = inOverride ? KEYS.filter((key) => key !== 'state-machine') : KEYS;
  const hints = inOverride
    ? new Map([...HINTS, ['state-machine', 'the override\'s "state-machine" applies to its ignore rules']])
    : HINTS;
  const entry = reader.mapping(path, value, known, hints);
  if (!MATCHERS.some((key) => entry[key] !== undefined)) {
    reader.fail(path, `an ignore rule needs at least one of ${MATCHERS.join(', ')}`);
  }
  if (entry.reason === undefined) reader.fail(path, 'an ignore rule needs a "reason" (why the finding is accepted)');
  const rule: ConfigIgnoreRule = {
    where: `${reader.file}: ${describePath(path)}`,
    reason: reader.string([...path, 'reason'], entry.reason),
  };
  if (entry.rule !== undefined) rule.rule = reader.oneOf([...path, 'rule'], entry.rule, RULES);
  if (entry.purpose !== undefined) rule.purpose = reader.oneOf([...path, 'purpose'], entry.purpose, PURPOSES);
  if (entry.id !== undefined) rule.id = reader.string([...path, 'id'], entry.id).toLowerCase();
  if (entry.state !== undefined) rule.state = reader.string([...path, 'state'], entry.state);
  if (entry.action !== undefined) {
    rule.actions = reader.strings([...path, 'action'], entry.action).map((action) => action.toLowerCase());
  }
  if (entry['state-machine'] !== undefined) {
    rule.stateMachine = reader.string([...path, 'state-machine'], entry['state-machine']);
  }
  if (entry.expires !== undefined) {
    const expires = reader.string([...path, 'expires'], entry.expires);
    if (!isDate(expires)) reader.fail([...path, 'expires'], `expected a date written YYYY-MM-DD, not "${expires}"`);
    rule.expires = expires;
  }
  return rule;
}

/** True when the rule has expired at `now`: `expires` is the last day it applies (UTC). */
export function hasExpired(rule: ConfigIgnoreRule, now: Date): boolean {
  return rule.expires !== undefined && now.toISOString().slice(0, 10) > rule.expires;
}

/**
 * True when every field of the rule matches the finding (state machine aside): IAM actions compare without case,
 * as IAM compares them, and a rule with actions matches only a finding all of whose actions it names, so ignoring
 * `batch:TerminateJob` never hides a `batch:DescribeJobs` reported with it.
 */
export function matchesFinding(rule: ConfigIgnoreRule, finding: Finding): boolean {
  if (rule.rule !== undefined && finding.rule !== rule.rule) return false;
  if (rule.purpose !== undefined && finding.purpose !== rule.purpose) return false;
  if (rule.id !== undefined && finding.id.toLowerCase() !== rule.id) return false;
  if (rule.state !== undefined && finding.state?.name !== rule.state) return false;
  if (rule.actions !== undefined) {
    const named = new Set(rule.actions);
    if (finding.actions.length === 0 || !finding.actions.every((action) => named.has(action.toLowerCase()))) {
      return false;
    }
  }
  return true;
}
