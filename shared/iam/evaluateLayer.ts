/**
 * Evaluates the statements of one policy layer (identity policies, the permissions boundary, or one SCP level) for a
 * request: which Allows and Denies apply fully, in part (a resource with holes) or undecided, with the keys and the
 * Resource patterns behind them.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 */
import type { DenyingLayer, MatchedStatement } from '../types.js';
import { evaluateStatement } from './evaluateStatement.js';
import type { CompiledStatement, PreparedRequest } from './types.js';

/** What one layer says about a request. */
export type LayerOutcome = {
  layer: DenyingLayer;
  fullAllow: boolean;
  partialAllow: boolean;
  undecidedAllow: boolean;
  fullDeny: boolean;
  partialDeny: boolean;
  undecidedDeny: boolean;
  /** Keys undecided Allows need. */
  allowMissing: string[];
  /** Keys undecided Denies need. */
  denyMissing: string[];
  /** Resource patterns of Allows that apply fully or in part and meet a resource with holes. */
  granted: string[];
  /** Resource patterns of Denies that apply in part. */
  denied: string[];
};

/** Evaluates every statement of the layer; fully applying statements are appended to `matched`. */
export function evaluateLayer(
  layer: DenyingLayer,
  statements: readonly CompiledStatement[],
  request: PreparedRequest,
  matched: MatchedStatement[],
): LayerOutcome {
  const outcome: LayerOutcome = {
    layer,
    fullAllow: false,
    partialAllow: false,
    undecidedAllow: false,
    fullDeny: false,
    partialDeny: false,
    undecidedDeny: false,
    allowMissing: [],
    denyMissing: [],
    granted: [],
    denied: [],
  };
  const missing = request.scope.missing;
  const overlapping: string[] | undefined = request.hole === undefined ? undefined : [];
  for (const statement of statements) {
    if (missing.length !== 0) missing.length = 0;
    if (overlapping !== undefined && overlapping.length !== 0) overlapping.length = 0;
    const result = evaluateStatement(statement, request, overlapping);
    if (result === 'no') continue;
    const allow = statement.effect === 'Allow';
    if (result === 'yes') {
      matched.push({ policy: statement.policy, statement: statement.label, layer, effect: statement.effect });
      if (allow) outcome.fullAllow = true;
      else outcome.fullDeny = true;
    } else if (result === 'partial') {
      if (allow) outcome.partialAllow = true;
      else outcome.partialDeny = true;
    } else if (allow) {
      outcome.undecidedAllow = true;
      outcome.allowMissing.push(...missing);
    } else {
      outcome.undecidedDeny = true;
      outcome.denyMissing.push(...missing);
    }
    if (overlapping !== undefined && result !== 'unknown' && (allow || result === 'partial'))
      (allow ? outcome.granted : outcome.denied).push(...overlapping);
  }
  if (missing.length !== 0) missing.length = 0;
  return outcome;
}
