import type { Finding, Purpose, Severity } from '../../shared/types.js';
import type { CaseAudit } from './auditCases.js';
import { grantedResourcesOf } from './grantedResourcesOf.js';

/** One MissingPermission finding of a case, one action at a time, with what CDK's role grants for that action. */
export type MissingAction = {
  name: string;
  purpose: Purpose;
  severity: Severity;
  action: string;
  required: string[];
  granted: string[];
};

/** The MissingPermission findings of a case's audit, split per action. */
export function missingFindingsOf(audit: CaseAudit): MissingAction[] {
  return audit.findings
    .filter((f: Finding) => f.rule === 'MissingPermission')
    .flatMap((f) =>
      f.actions.map((action) => ({
        name: audit.name,
        purpose: f.purpose as Purpose,
        severity: f.severity,
        action,
        required: [...f.resources].sort(),
        granted: grantedResourcesOf(audit.policies, action),
      })),
    );
}
