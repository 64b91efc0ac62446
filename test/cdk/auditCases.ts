import { auditStateMachine } from '../../shared/audit.js';
import { createEmbeddedSimulator } from '../../shared/local/createEmbeddedSimulator.js';
import type { NamedPolicy } from '../../shared/ports.js';
import type { Finding } from '../../shared/types.js';
import type { CrossCheckCase } from './crossCheckCases.js';
import { extractStateMachine } from './extractStateMachine.js';
import { synthesizeCases } from './synthesizeCases.js';

/** One case's audit: the findings of the role CDK generated, and that role's policies. */
export type CaseAudit = { name: string; findings: Finding[]; policies: NamedPolicy[]; definition: string };

const NOW = new Date('2025-01-01T00:00:00.000Z');

/** Synthesizes every case and audits each state machine against the role CDK generated for it. */
export async function auditCases(cases: readonly CrossCheckCase[]): Promise<Map<string, CaseAudit>> {
  const { template, logicalIds } = synthesizeCases(cases);
  const audits = new Map<string, CaseAudit>();
  for (const c of cases) {
    const { description, policies } = extractStateMachine(template, logicalIds.get(c.name) as string);
    const report = await auditStateMachine({
      description,
      simulator: createEmbeddedSimulator({ identity: policies }),
      now: NOW,
    });
    audits.set(c.name, {
      name: c.name,
      findings: report.findings,
      policies,
      definition: description.definition as string,
    });
  }
  return audits;
}
