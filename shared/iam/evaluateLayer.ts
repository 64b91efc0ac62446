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
  allow: { full: boolean; partial: boolean; undecided: boolean };
  deny: { full: boolean; partial: boolean; undecided: boolean };
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
    allow: { full: false, partial: false, undecided: false },
    deny: { full: false, partial: false, undecided: false },
    allowMissing: [],
    denyMissing: [],
    granted: [],
    denied: [],
  };
  const missing = request.scope.missing;
  const overlapping: string[] | undefined = request.hole === undefined ? undefined : [];
  for (const statement of statements) {
    missing.length = 0;
    if (overlapping !== undefined) overlapping.length = 0;
    const result = evaluateStatement(statement, request, overlapping);
    if (result === 'no') continue;
    const allow = statement.effect === 'Allow';
    const effect = allow ? outcome.allow : outcome.deny;
    if (result === 'yes') {
      matched.push({ policy: statement.policy, statement: statement.label, layer, effect: statement.effect });
      effect.full = true;
    } else if (result === 'partial') effect.partial = true;
    else {
      effect.undecided = true;
      (allow ? outcome.allowMissing : outcome.denyMissing).push(...missing);
    }
    if (overlapping !== undefined && result !== 'unknown' && (allow || result === 'partial'))
      (allow ? outcome.granted : outcome.denied).push(...overlapping);
  }
  missing.length = 0;
  return outcome;
}
