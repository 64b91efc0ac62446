import type { Decision, Finding, Requirement, Severity } from '../types.js';
import { findingId } from './findingId.js';
import { pollEventsPairs, taskKeyOf } from './pollEventsPairs.js';
import { requirementFindings } from './requirementFindings.js';
import { pollEventsSeverity, SEVERITY_BY_PURPOSE } from './severityOf.js';
import { sortFindings, stateOrderOf } from './sortFindings.js';
import { subjectOf } from './subjectOf.js';
import { unresolvedPlaceholderFinding } from './unresolvedPlaceholderFinding.js';

/** What buildFindings needs: the requirements and, at the same index, the decisions of their action × resource requests. */
export type BuildFindingsInput = {
  stateMachineArn: string | null;
  requirements: Requirement[];
  /** decisions[i] holds the decisions of requirements[i], one per action × resource request. */
  decisions: Decision[][];
};

const NEVER_OBSERVED =
  'neither polling nor the managed EventBridge rule can report that the job finished: the execution never learns it completed and waits until its timeout';

function unknownIntegrationFinding(stateMachineArn: string | null, r: Requirement): Finding {
  const subject = subjectOf(r.state, r.integration, null);
  return {
    id: findingId({
      stateMachineArn,
      rule: 'UnknownIntegration',
      state: r.state,
      actions: [],
      resources: [r.integration],
    }),
    rule: 'UnknownIntegration',
    severity: 'INFORMATIONAL',
    purpose: r.purpose,
    state: r.state,
    integration: r.integration,
    actions: [],
    resources: [],
    decision: null,
    title: `${subject}: unknown integration ${r.integration} is not checked`,
    consequence: `${subject}: sfn-role-audit does not know which permissions ${r.integration} needs, so nothing was checked for it`,
    docs: r.source,
  };
}

/**
 * Turns the decisions of every requirement into findings with the severity rules of design.md (poll and events of
 * one `.sync` task judged together: both missing with a managed rule → two CRITICAL findings), skipping
 * requirements of roles assumed with Credentials, in report order (severity, state, purpose).
 */
export function buildFindings(input: BuildFindingsInput): Finding[] {
  const { stateMachineArn, requirements, decisions } = input;
  const pairs = pollEventsPairs(requirements, decisions);
  const findings: Finding[] = [];
  requirements.forEach((r, index) => {
    if (r.assumedRoleArn !== undefined) return;
    if (r.unknownIntegration === true) {
      findings.push(unknownIntegrationFinding(stateMachineArn, r));
      return;
    }
    if (r.unresolvedPlaceholder !== undefined) {
      findings.push(unresolvedPlaceholderFinding(stateMachineArn, r));
      return;
    }
    const subject = subjectOf(r.state, r.integration, r.purpose);
    let severity: Severity = SEVERITY_BY_PURPOSE[r.purpose];
    let consequence = `${subject}: ${r.consequence}`;
    const pair = pairs.get(taskKeyOf(r));
    if ((r.purpose === 'poll' || r.purpose === 'events') && pair !== undefined) {
      severity = pollEventsSeverity(r.purpose, pair);
      if (severity === 'CRITICAL') consequence = `${subject}: ${NEVER_OBSERVED}`;
    }
    findings.push(
      ...requirementFindings({
        stateMachineArn,
        requirement: r,
        decisions: decisions[index] ?? [],
        severity,
        consequence,
      }),
    );
  });
  return sortFindings(findings, stateOrderOf(requirements));
}
