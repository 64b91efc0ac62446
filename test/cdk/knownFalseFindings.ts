import type { Purpose } from '../../shared/types.js';

/**
 * A MissingPermission the audit reports on a CDK-generated role although AWS documents no such need (or documents
 * it on another resource): a derivation defect for the requirements engine to fix. `granted` is what CDK's role
 * allows for the action, for the fix.
 */
export type FalseFinding = {
  /** The cross-check case (CROSS_CHECK_CASES `name`). */
  name: string;
  purpose: Purpose;
  action: string;
  /** The resources the audit asked for. */
  required: string[];
  /** The Resource patterns CDK's role allows the action on (empty: CDK grants the action nowhere). */
  granted: string[];
  /** Why it is false, with the AWS page. */
  why: string;
};

/**
 * The false MissingPermission findings the cross-check sees today. The suite asserts the set of false findings equals
 * this list exactly: the requirements-engine owner removes an entry when the fix lands, and a new false finding
 * (a regression) fails the suite until it is fixed or listed here. Empty since the authorized-resource engine: the
 * last two (Athena's extra poll actions, now inferred needs; a secret named without its suffix, now
 * secret:NAME-??????) were fixed.
 */
export const KNOWN_FALSE_FINDINGS: FalseFinding[] = [];
