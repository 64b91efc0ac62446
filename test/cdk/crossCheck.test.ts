import { aws_stepfunctions_tasks as tasks } from 'aws-cdk-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditCases, type CaseAudit } from './auditCases.js';
import { CROSS_CHECK_CASES } from './crossCheckCases.js';
import { grantedResourcesOf } from './grantedResourcesOf.js';
import { KNOWN_FALSE_FINDINGS } from './knownFalseFindings.js';
import { missingFindingsOf } from './missingFindingsOf.js';
import { UNDER_GRANTS } from './underGrants.js';

const INFORMATIONAL_RULES = ['UnprovableResource', 'InferredPermission', 'ConditionalPermission'];
const NOT_TASKS = ['DistributedMap', 'StateMachine logs+tracing'];

let audits: Map<string, CaseAudit>;

beforeAll(async () => {
  audits = await auditCases(CROSS_CHECK_CASES);
});

function auditOf(name: string): CaseAudit {
  const audit = audits.get(name);
  if (audit === undefined) throw new Error(`no audit for ${name}`);
  return audit;
}

const byKey = <T extends { purpose: string; action: string }>(a: T, b: T) =>
  `${a.purpose} ${a.action}`.localeCompare(`${b.purpose} ${b.action}`);

describe('CDK cross-check', () => {
  it('covers at least 40 aws-stepfunctions-tasks constructs, each a real export of aws-cdk-lib', () => {
    const constructs = [...new Set(CROSS_CHECK_CASES.map((c) => c.construct))].filter((c) => !NOT_TASKS.includes(c));
    expect(constructs.length).toBeGreaterThanOrEqual(40);
    expect(constructs.filter((c) => typeof Reflect.get(tasks, c) !== 'function')).toEqual([]);
  });

  it('covers every integration pattern each construct declares it supports', () => {
    const uncovered = [...new Set(CROSS_CHECK_CASES.map((c) => c.construct))].flatMap((construct) => {
      const supported: unknown = Reflect.get(Reflect.get(tasks, construct) ?? {}, 'SUPPORTED_INTEGRATION_PATTERNS');
      const patterns = Array.isArray(supported) ? (supported as string[]) : [];
      const covered = new Set(CROSS_CHECK_CASES.filter((c) => c.construct === construct).map((c) => c.pattern));
      return patterns.filter((p) => !covered.has(p as never)).map((p) => `${construct} ${p}`);
    });
    expect(uncovered).toEqual([]);
  });

  it('names only existing cases in UNDER_GRANTS and KNOWN_FALSE_FINDINGS', () => {
    const names = new Set(CROSS_CHECK_CASES.map((c) => c.name));
    expect([...UNDER_GRANTS, ...KNOWN_FALSE_FINDINGS].map((e) => e.name).filter((n) => !names.has(n))).toEqual([]);
  });

  it.each(CROSS_CHECK_CASES)(
    '$name: the role CDK generates audits with only the documented under-grants missing',
    ({ name }) => {
      const audit = auditOf(name);
      const missing = missingFindingsOf(audit);
      const underGrants = UNDER_GRANTS.filter((u) => u.name === name);
      for (const u of underGrants) {
        const finding = missing.find((m) => m.action === u.action);
        expect(finding, `${u.action} (${u.source})`).toMatchObject({
          purpose: u.expected.purpose,
          severity: u.expected.severity,
        });
        expect(grantedResourcesOf(audit.policies, u.action)).toEqual([]);
      }
      const isUnderGrant = (action: string) => underGrants.some((u) => u.action === action);
      const falseFindings = missing
        .filter((m) => !isUnderGrant(m.action))
        .map(({ purpose, action, required, granted }) => ({ name, purpose, action, required, granted }));
      const known = KNOWN_FALSE_FINDINGS.filter((k) => k.name === name).map(({ why: _why, ...rest }) => rest);
      expect(falseFindings.sort(byKey)).toEqual(known.sort(byKey));
    },
  );

  it('reports nothing but informational rules besides MissingPermission for CDK-synthesized definitions', () => {
    const others = [...audits.values()].flatMap((a) =>
      a.findings
        .filter((f) => f.rule !== 'MissingPermission' && !INFORMATIONAL_RULES.includes(f.rule))
        .map((f) => `${a.name}: ${f.rule} ${f.title}`),
    );
    expect(others).toEqual([]);
  });
});
