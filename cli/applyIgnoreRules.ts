import type { ConsoleIo } from '../shared/local/createProcessIo.js';
import { hasExpired, matchesFinding } from './configIgnoreRule.js';
import { matchesTarget } from './configOverrides.js';
import type { CheckConfig } from './loadConfigFile.js';
import { moveToSuppressed } from './moveToSuppressed.js';
import type { TargetReport } from './preparedAudit.js';

/**
 * Applies the config file's ignore rules: a finding that a rule matches (on a state machine its `state-machine`
 * glob matches) moves to `suppressed` with the rule's reason. A rule past its `expires` date applies no more, and
 * one line on standard error says so, so the findings it hid fail the run again for a reason the user can read.
 */
export function applyIgnoreRules(
  results: readonly TargetReport[],
  config: CheckConfig,
  now: Date,
  io: ConsoleIo,
): TargetReport[] {
  const active = config.ignore.filter((rule) => {
    if (!hasExpired(rule, now)) return true;
    io.writeErr(`sfn-role-audit: ${rule.where} expired on ${rule.expires}: the findings it ignored count again\n`);
    return false;
  });
  if (active.length === 0) return [...results];
  return results.map(({ target, report }) => {
    const rules = active.filter(
      (rule) => rule.stateMachine === undefined || matchesTarget(config, rule.stateMachine, target.id),
    );
    if (rules.length === 0) return { target, report };
    const reasonOf = (finding: Parameters<typeof matchesFinding>[1]) =>
      rules.find((rule) => matchesFinding(rule, finding))?.reason;
    return { target, report: moveToSuppressed(report, reasonOf) };
  });
}
