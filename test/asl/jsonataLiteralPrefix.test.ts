import { describe, expect, it } from 'vitest';
import { jsonataLiteralPrefix } from '../../shared/asl/jsonataLiteralPrefix.js';

const CASES = [
  { name: 'a single-quoted literal joined with &', expression: "{% 'orders-' & $x %}", prefix: 'orders-' },
  {
    name: 'a double-quoted literal joined with &',
    expression: '{% "orders-" & $states.input.id %}',
    prefix: 'orders-',
  },
  {
    name: 'consecutive literals',
    expression: "{% 'arn:aws:sqs:' & 'us-east-1:' & $q %}",
    prefix: 'arn:aws:sqs:us-east-1:',
  },
  { name: 'a JSON escape inside the literal', expression: '{% "a\\"b-" & $x %}', prefix: 'a"b-' },
  { name: 'a literal followed by a function call', expression: "{% 'p-' & $string($x) %}", prefix: 'p-' },
  { name: 'the value of an expression that is only a literal', expression: "{% 'fixed' %}", prefix: 'fixed' },
  { name: 'nothing when the literal is not first', expression: "{% $x & '-suffix' %}", prefix: undefined },
  { name: 'nothing for a comparison', expression: "{% 'a' & $x = 'ab' %}", prefix: undefined },
  { name: 'nothing for a conditional', expression: "{% 'a' & $x ? 'b' : 'c' %}", prefix: undefined },
  { name: 'nothing for a chained function', expression: "{% 'a' & $x ~> $uppercase() %}", prefix: undefined },
  { name: 'nothing for an and', expression: "{% 'a' & $x and $y %}", prefix: undefined },
  { name: 'nothing for a literal used otherwise', expression: "{% 'a'.b %}", prefix: undefined },
  { name: 'nothing for an empty literal', expression: "{% '' & $x %}", prefix: undefined },
  { name: 'nothing for a dangling &', expression: "{% 'a' & %}", prefix: undefined },
];

describe('jsonataLiteralPrefix', () => {
  it.each(CASES)('returns $name', ({ expression, prefix }) => {
    expect(jsonataLiteralPrefix(expression)).toBe(prefix);
  });
});
