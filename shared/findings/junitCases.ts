import type { AuditReport, Finding, Requirement, StateRef } from '../types.js';
import { sarifRuleId } from './sarifRules.js';

/** One JUnit test case of a state machine: a requirement (or a finding no requirement explains) and its findings. */
export type JunitCase = {
  name: string;
  findings: Finding[];
  suppressed: Finding[];
  /** Set for a requirement of a role assumed with `Credentials`: reported, never checked against the execution role. */
  notCheckable?: string;
};

function stateLabel(state: StateRef | null): string {
  if (state === null) return 'state machine';
  return state.path.length <= 2 ? `'${state.name}'` : `'${state.name}' (${state.path.join(' › ')})`;
}

function requirementName(r: Requirement): string {
  const what = r.actions.length > 0 ? r.actions.join(', ') : r.integration;
  const principal = r.assumedRoleArn === undefined ? '' : ` as ${r.assumedRoleArn}`;
  return `${stateLabel(r.state)} › ${r.purpose}: ${what}${principal}`;
}

function findingName(f: Finding): string {
  const parts = [
    ...(f.actions.length > 0 ? [f.actions.join(', ')] : []),
    ...(f.resources.length > 0 ? [`${f.actions.length > 0 ? 'on ' : ''}${f.resources.join(', ')}`] : []),
  ];
  const what = parts.length > 0 ? parts.join(' ') : f.title;
  return `${stateLabel(f.state)} › ${sarifRuleId(f)}: ${what}`;
}

const pathKey = (state: StateRef | null) => JSON.stringify(state?.path ?? null);

/**
 * The requirement a finding is about: same state, purpose and integration and a shared action (or both without
 * actions, as for an unknown integration); among several, the first that also shares a resource.
 */
function requirementOf(finding: Finding, requirements: readonly Requirement[]): number {
  const candidates: number[] = [];
  requirements.forEach((r, index) => {
    if (r.assumedRoleArn !== undefined || r.purpose !== finding.purpose) return;
    if (pathKey(r.state) !== pathKey(finding.state) || r.integration !== finding.integration) return;
    const shares =
      finding.actions.length === 0 ? r.actions.length === 0 : finding.actions.some((a) => r.actions.includes(a));
    if (shares) candidates.push(index);
  });
  const overlapping = candidates.find((index) =>
    finding.resources.some((resource) => requirements[index]?.resources.includes(resource)),
  );
  return overlapping ?? candidates[0] ?? -1;
}

/** Names unique within a suite: a repeated name gets its resources, then a number. */
function uniqueNames(cases: JunitCase[], resourcesOf: (index: number) => readonly string[]): void {
  const count = new Map<string, number>();
  for (const c of cases) count.set(c.name, (count.get(c.name) ?? 0) + 1);
  const seen = new Set<string>();
  cases.forEach((c, index) => {
    const resources = resourcesOf(index);
    const base = (count.get(c.name) ?? 0) > 1 && resources.length > 0 ? `${c.name} on ${resources.join(', ')}` : c.name;
    let name = base;
    for (let n = 2; seen.has(name); n++) name = `${base} #${n}`;
    seen.add(name);
    c.name = name;
  });
}

/**
 * The test cases of one report: one per requirement, in requirement order (passed when it has no finding), then
 * one per finding no requirement explains (the role, the definition, the input); each finding, suppressed ones
 * included, belongs to exactly one case.
 */
export function junitCasesOf(report: AuditReport): JunitCase[] {
  const requirements = report.requirements;
  const cases: JunitCase[] = requirements.map((r) => ({
    name: requirementName(r),
    findings: [],
    suppressed: [],
    ...(r.assumedRoleArn === undefined
      ? {}
      : { notCheckable: `not checkable: needs the permissions of ${r.assumedRoleArn}, assumed with Credentials` }),
  }));
  const resources: (readonly string[])[] = requirements.map((r) => r.resources);
  const place = (finding: Finding, list: 'findings' | 'suppressed') => {
    const index = requirementOf(finding, requirements);
    const target = cases[index];
    if (target !== undefined) target[list].push(finding);
    else {
      const own: JunitCase = { name: findingName(finding), findings: [], suppressed: [] };
      own[list].push(finding);
      cases.push(own);
      resources.push(finding.resources);
    }
  };
  for (const finding of report.findings) place(finding, 'findings');
  for (const finding of report.suppressed) place(finding, 'suppressed');
  uniqueNames(cases, (index) => resources[index] ?? []);
  return cases;
}
