import { conditionOfContext } from '../iam/conditionOfContext.js';
import { escapePolicyVariables } from '../iam/escapePolicyVariables.js';
import { type PolicyStatement, PURPOSES, type Purpose, type Requirement } from '../types.js';

/** A statement being merged: what it allows, on what, under which condition, and the purpose it serves. */
type Draft = { purpose: Purpose; actions: string[]; resources: string[]; condition: PolicyStatement['Condition'] };

const sortedUnique = (values: Iterable<string>): string[] => [...new Set(values)].sort();

function draftOf(r: Requirement): Draft {
  const resources = r.resources.includes('*') ? ['*'] : sortedUnique(r.resources.map(escapePolicyVariables));
  return { purpose: r.purpose, actions: sortedUnique(r.actions), resources, condition: conditionOfContext(r.context) };
}

const rank = (purpose: Purpose): number => PURPOSES.indexOf(purpose);

/** Merges drafts that share `same` (and the condition), uniting the other dimension. */
function mergeBy(drafts: Draft[], same: 'actions' | 'resources'): Draft[] {
  const other = same === 'actions' ? 'resources' : 'actions';
  const groups = new Map<string, Draft>();
  for (const d of drafts) {
    const key = JSON.stringify([d[same], d.condition ?? null]);
    const existing = groups.get(key);
    if (existing === undefined) {
      groups.set(key, { ...d });
      continue;
    }
    existing[other] = sortedUnique([...existing[other], ...d[other]]);
    if (existing.resources.includes('*')) existing.resources = ['*'];
    if (rank(d.purpose) < rank(existing.purpose)) existing.purpose = d.purpose;
  }
  return [...groups.values()];
}

function compareDrafts(a: Draft, b: Draft): number {
  return (
    rank(a.purpose) - rank(b.purpose) ||
    (a.actions[0] ?? '').localeCompare(b.actions[0] ?? '') ||
    JSON.stringify(a.resources).localeCompare(JSON.stringify(b.resources)) ||
    JSON.stringify(a.condition ?? null).localeCompare(JSON.stringify(b.condition ?? null))
  );
}

const pascal = (text: string): string =>
  text
    .split(/[^A-Za-z0-9]+/)
    .map((w) => (w === '' ? '' : (w[0] as string).toUpperCase() + w.slice(1)))
    .join('');

/** `Invoke` + `Lambda`, `Events` + `Events`, `Passrole` + `Iam`: the purpose and the actions' service. */
function sidOf(d: Draft): string {
  const services = new Set(d.actions.map((a) => a.split(':')[0] ?? ''));
  const service = services.size === 1 ? ([...services][0] ?? '') : 'Multi';
  return pascal(d.purpose) + pascal(service);
}

/**
 * Least-privilege statements for the requirements the execution role must satisfy (not unknown integrations, not
 * those of roles assumed with Credentials): merged when they share resources and condition (actions united) or
 * actions and condition (resources united), sorted by purpose, with deterministic Sids. Text from the definition
 * is escaped (`${` → `${$}{`) so IAM does not read it as a policy variable.
 */
export function policyStatementsOf(requirements: readonly Requirement[]): PolicyStatement[] {
  let drafts = requirements
    .filter((r) => r.unknownIntegration !== true && r.assumedRoleArn === undefined)
    .filter((r) => r.actions.length > 0 && r.resources.length > 0)
    .map(draftOf);
  for (let size = -1; size !== drafts.length; ) {
    size = drafts.length;
    drafts = mergeBy(mergeBy(drafts, 'resources'), 'actions');
  }
  drafts.sort(compareDrafts);
  const used = new Map<string, number>();
  return drafts.map((d) => {
    const base = sidOf(d);
    const count = (used.get(base) ?? 0) + 1;
    used.set(base, count);
    const statement: PolicyStatement = {
      Sid: count === 1 ? base : `${base}${count}`,
      Effect: 'Allow',
      Action: d.actions,
      Resource: d.resources,
    };
    if (d.condition !== undefined) statement.Condition = d.condition;
    return statement;
  });
}
