import type { Finding, PolicyDocument, PolicyStatement } from '../types.js';

function asList(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** Sorts the keys of a Condition block so equal conditions serialize equally. */
function canonicalCondition(condition: PolicyStatement['Condition']): string {
  if (condition === undefined) return '';
  const sorted = Object.keys(condition)
    .sort()
    .map((operator) => {
      const block = condition[operator] ?? {};
      return [
        operator,
        Object.keys(block)
          .sort()
          .map((key) => [key, block[key]]),
      ];
    });
  return JSON.stringify(sorted);
}

/**
 * One policy document holding every finding's remediation ("add these statements"): statements with the same
 * resources and condition are merged into one with the union of their actions (sorted), statements are ordered by
 * their actions then resources then condition, and Sids are `SfnRoleAudit1`…`N` in that order.
 */
export function mergeRemediations(findings: readonly Finding[]): PolicyDocument {
  const groups = new Map<string, { actions: Set<string>; resources: string[]; statement: PolicyStatement }>();
  for (const finding of findings) {
    const statement = finding.remediation;
    if (statement === undefined || statement.Effect !== 'Allow') continue;
    const resources = [...new Set(asList(statement.Resource))].sort();
    const key = JSON.stringify([resources, canonicalCondition(statement.Condition)]);
    const group = groups.get(key) ?? { actions: new Set<string>(), resources, statement };
    for (const action of asList(statement.Action)) group.actions.add(action);
    groups.set(key, group);
  }
  const merged = [...groups.entries()].map(([key, group]) => {
    const actions = [...group.actions].sort();
    const out: PolicyStatement = { Effect: 'Allow', Action: actions, Resource: group.resources };
    if (group.statement.Condition !== undefined) out.Condition = group.statement.Condition;
    return { key: JSON.stringify([actions, key]), statement: out };
  });
  merged.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return {
    Version: '2012-10-17',
    Statement: merged.map(({ statement }, index) => ({ Sid: `SfnRoleAudit${index + 1}`, ...statement })),
  };
}
