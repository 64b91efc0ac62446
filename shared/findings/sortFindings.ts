import { type Finding, PURPOSES, type Requirement } from '../types.js';
import { severityRank } from './severityOf.js';

const RULE_ORDER = [
  'RoleNotFound',
  'UntrustedRole',
  'DefinitionUnavailable',
  'InvalidDefinition',
  'MissingPermission',
  'InferredPermission',
  'ConditionalPermission',
  'UnprovableResource',
  'UnresolvedPlaceholder',
  'UnknownIntegration',
  'PolicyContentUnknown',
  'UnresolvedTemplateValue',
] as const satisfies readonly Finding['rule'][];

/** Document order of the states that requirements mention (requirements come in document order). */
export function stateOrderOf(requirements: readonly Requirement[]): Map<string, number> {
  const order = new Map<string, number>();
  for (const requirement of requirements) {
    if (requirement.state === null) continue;
    const key = JSON.stringify(requirement.state.path);
    if (!order.has(key)) order.set(key, order.size);
  }
  return order;
}

function stateRank(finding: Finding, order: ReadonlyMap<string, number>): number {
  if (finding.state === null) return -1;
  return order.get(JSON.stringify(finding.state.path)) ?? order.size;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function purposeRank(finding: Finding): number {
  return finding.purpose === null ? -1 : PURPOSES.indexOf(finding.purpose);
}

/**
 * Findings in report order: severity (worst first), then state document order (state-machine-wide first, states
 * unknown to `order` last by path), then purpose order (PURPOSES), then rule, then id; does not mutate its input.
 */
export function sortFindings(findings: readonly Finding[], order: ReadonlyMap<string, number>): Finding[] {
  const pathOf = (f: Finding) => JSON.stringify(f.state?.path ?? []);
  return [...findings].sort(
    (a, b) =>
      severityRank(a.severity) - severityRank(b.severity) ||
      stateRank(a, order) - stateRank(b, order) ||
      compareText(pathOf(a), pathOf(b)) ||
      purposeRank(a) - purposeRank(b) ||
      RULE_ORDER.indexOf(a.rule) - RULE_ORDER.indexOf(b.rule) ||
      compareText(a.id, b.id),
  );
}
