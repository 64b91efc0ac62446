import { isRecord } from '../local/isRecord.js';
import type { IntrinsicScope, Notes } from './intrinsicScope.js';
import { textOf } from './intrinsicScope.js';
import { MAX_RESOLVE_DEPTH, resolveIntrinsics } from './resolveIntrinsics.js';
import { hasUnresolved } from './unresolved.js';

type Truth = boolean | undefined;

function operands(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Both sides resolved; undefined when either holds a value unknown offline. Scalars compare as text. */
function equals(argument: unknown, scope: IntrinsicScope, notes: Notes, depth: number): Truth {
  const [a, b] = operands(argument).map((side) => resolveIntrinsics(side, scope, notes, depth + 1));
  const [ta, tb] = [JSON.stringify(a) ?? '', JSON.stringify(b) ?? ''];
  if (hasUnresolved(ta) || hasUnresolved(tb)) return undefined;
  const [sa, sb] = [textOf(a), textOf(b)];
  return sa !== undefined && sb !== undefined ? sa === sb : ta === tb;
}

/**
 * A condition of the template's `Conditions` section (or of an `Fn::And`/`Fn::Or`/`Fn::Not` inside one), in three
 * values: true, false, or undefined when it depends on a value unknown offline (a parameter without a value, an
 * import). `Fn::And` is false as soon as one operand is false, `Fn::Or` true as soon as one is true, so an unknown
 * operand decides nothing it need not.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-conditions.html
 */
export function evaluateCondition(expression: unknown, scope: IntrinsicScope, notes: Notes, depth = 0): Truth {
  if (depth > MAX_RESOLVE_DEPTH || !isRecord(expression)) return undefined;
  const keys = Object.keys(expression);
  if (keys.length !== 1) return undefined;
  const [fn] = keys as [string];
  const argument = expression[fn];
  const each = () => operands(argument).map((operand) => evaluateCondition(operand, scope, notes, depth + 1));
  switch (fn) {
    case 'Condition':
      return typeof argument === 'string' ? scope.condition(argument, notes) : undefined;
    case 'Fn::Equals':
      return equals(argument, scope, notes, depth);
    case 'Fn::Not': {
      const [value] = each();
      return value === undefined ? undefined : !value;
    }
    case 'Fn::And': {
      const values = each();
      if (values.includes(false)) return false;
      return values.length > 0 && values.every((value) => value === true) ? true : undefined;
    }
    case 'Fn::Or': {
      const values = each();
      if (values.includes(true)) return true;
      return values.length > 0 && values.every((value) => value === false) ? false : undefined;
    }
    default: {
      // Fn::If, Fn::FindInMap, Ref… that resolve to a boolean (AWS::LanguageExtensions and hand-written templates).
      const value = resolveIntrinsics(expression, scope, notes, depth + 1);
      if (value === true || value === 'true') return true;
      if (value === false || value === 'false') return false;
      return undefined;
    }
  }
}
