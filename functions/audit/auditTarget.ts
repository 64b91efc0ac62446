import { performance } from 'node:perf_hooks';
import { auditStateMachine } from '../../shared/audit.js';
import { warrantsNotification } from '../../shared/findings/warrantsNotification.js';
import { SEVERITIES } from '../../shared/types.js';
import { archiveStateMachine } from './archiveStateMachine.js';
import { changeFingerprint } from './changeFingerprint.js';
import { notePublication } from './notePublication.js';
import { parseIgnoreTag } from './parseIgnoreTag.js';
import { publishToSinks } from './publishToSinks.js';
import type { AuditHandlerDeps } from './types.js';

/**
 * Audits one state machine (plain, version or alias ARN): describe it (archive when it is gone), check its role
 * with the configured simulator, apply the `sfn-role-audit:ignore` tag, compare with the previous audit, tell the
 * sinks that have not heard about this event or change yet, and store the new state (with the event id, which
 * starts the next change). Throws on I/O failures so the record is retried.
 */
export async function auditTarget(arn: string, deps: AuditHandlerDeps, eventId: string, owner: string): Promise<void> {
  const started = performance.now();
  const lookup = await deps.source.describe(arn);
  if (!lookup.found) {
    await archiveStateMachine(arn, deps, `not found: ${lookup.reason}`, eventId, owner);
    return;
  }
  const { description } = lookup;
  const region = arn.split(':')[3] ?? '';
  const principal =
    description.roleArn === undefined ? undefined : await deps.resolvePrincipal(description.roleArn, region);
  const ignore = parseIgnoreTag(lookup.tags);
  const report = await auditStateMachine({
    description: { ...description, stateMachineArn: description.stateMachineArn ?? arn },
    simulator: principal?.simulator ?? { name: 'none', simulate: async () => [] },
    roleFound: principal?.roleFound ?? false,
    ...(principal?.roleTrust === undefined ? {} : { roleTrust: principal.roleTrust }),
    ignore,
    now: deps.now(),
  });
  const previous = await deps.store.load(arn);
  const change = deps.computeChange(previous, report);
  const notable = warrantsNotification(report, change, deps.notifyMinSeverity);
  const sinks = deps.sinks.filter((s) => notable || !s.onlyNotable);
  const publication = await publishToSinks(sinks, report, change, {
    ledger: deps.store,
    owner,
    event: { scope: 'event', eventId },
    change: { scope: 'change', stateMachineArn: arn, fingerprint: changeFingerprint(previous, report, change) },
  });
  notePublication(publication, deps);
  await deps.store.save(report, eventId);
  deps.metrics.add('Audits', 1);
  for (const severity of SEVERITIES) {
    const count = report.summary.bySeverity[severity];
    if (count > 0) deps.metrics.add('Findings', count, { name: 'Severity', value: severity });
  }
  deps.metrics.add('AuditDurationMs', Math.round(performance.now() - started));
  deps.log.info('Audited a state machine', {
    stateMachineArn: arn,
    roleArn: description.roleArn ?? null,
    roleFound: principal?.roleFound ?? false,
    findings: report.summary.bySeverity,
    suppressed: report.suppressed.length,
    newOrWorse: change.newOrWorse.length,
    resolved: change.resolved.length,
    notable,
    sinks: publication.told,
    alreadyTold: publication.skipped,
  });
}
