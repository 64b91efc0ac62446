import type { Requirement } from '../shared/types.js';

const STATE_MACHINE_WIDE = '(state machine)';

function groupKey(requirement: Requirement): string {
  return requirement.state === null ? STATE_MACHINE_WIDE : requirement.state.path.join('\u0000');
}

function notesOf(requirement: Requirement): string[] {
  const notes: string[] = [];
  if (requirement.unknownIntegration === true) notes.push('unknown integration: not checked');
  if (requirement.unresolvedPlaceholder !== undefined) {
    notes.push(`unresolved placeholder ${requirement.unresolvedPlaceholder}: not checked`);
  }
  if (requirement.dynamic) notes.push('dynamic: resource known only at run time');
  if (requirement.managedRule !== undefined) notes.push(`managed rule ${requirement.managedRule}`);
  if (requirement.assumedRoleArn !== undefined) notes.push(`needed by ${requirement.assumedRoleArn}, not checked`);
  if (requirement.inferred === true) notes.push('inferred: not documented by AWS');
  return notes;
}

function header(first: Requirement): string {
  if (first.state === null) return 'State machine (logging, tracing, encryption)';
  const path = first.state.path.length > 2 ? `  [${first.state.path.join(' > ')}]` : '';
  return `${first.state.name}${path}`;
}

/** One row per line of a requirement: purpose, action and resource side by side, notes on the first line. */
function rowsOf(requirement: Requirement): [string, string, string, string][] {
  const notes = notesOf(requirement).join('; ');
  const lines = Math.max(requirement.actions.length, requirement.resources.length, 1);
  return Array.from({ length: lines }, (_, index) => [
    index === 0 ? requirement.purpose : '',
    requirement.actions[index] ?? (index === 0 ? '-' : ''),
    requirement.resources[index] ?? '',
    index === 0 ? notes : '',
  ]);
}

/**
 * Renders requirements as a plain-text table grouped by state (document order): each state's integration, then per
 * requirement its purpose, actions, resources and notes (dynamic resource, managed rule, other principal, inferred).
 */
export function renderRequirementsText(requirements: readonly Requirement[]): string {
  if (requirements.length === 0) return 'The definition needs no permissions.\n';
  const groups = new Map<string, Requirement[]>();
  for (const requirement of requirements) {
    const key = groupKey(requirement);
    groups.set(key, [...(groups.get(key) ?? []), requirement]);
  }
  const allRows = requirements.flatMap(rowsOf);
  const purposeWidth = Math.max(...allRows.map((row) => row[0].length));
  const actionWidth = Math.max(...allRows.map((row) => row[1].length));
  const resourceWidth = Math.max(...allRows.map((row) => row[2].length));
  const out: string[] = [];
  for (const group of groups.values()) {
    const first = group[0]!;
    out.push(header(first));
    const integrations = [...new Set(group.map((requirement) => requirement.integration))];
    out.push(`  ${integrations.join(', ')}`);
    for (const [purpose, action, resource, notes] of group.flatMap(rowsOf)) {
      const line = `    ${purpose.padEnd(purposeWidth)}  ${action.padEnd(actionWidth)}  ${resource.padEnd(resourceWidth)}  ${notes}`;
      out.push(line.trimEnd());
    }
    out.push('');
  }
  const states = [...groups.keys()].filter((key) => key !== STATE_MACHINE_WIDE).length;
  out.push(`${requirements.length} requirement(s) across ${states} state(s).`);
  return `${out.join('\n')}\n`;
}
