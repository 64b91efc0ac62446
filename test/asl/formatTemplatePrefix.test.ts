import { describe, expect, it } from 'vitest';
import { formatTemplatePrefix } from '../../shared/asl/formatTemplatePrefix.js';

// Expressions are written as they are after JSON parsing: one backslash before each reserved character.
const CASES = [
  {
    name: 'the text before the first {}',
    expression: "States.Format('arn:aws:sns:us-east-1:111122223333:{}-{}', $.a, $.b)",
    prefix: 'arn:aws:sns:us-east-1:111122223333:',
  },
  { name: 'an escaped quote', expression: "States.Format('it\\'s-{}', $.x)", prefix: "it's-" },
  { name: 'escaped braces as literal text', expression: "States.Format('\\{a\\}-{}', $.x)", prefix: '{a}-' },
  { name: 'an escaped backslash', expression: "States.Format('a\\\\b{}', $.x)", prefix: 'a\\b' },
  { name: 'the whole template when it has no placeholder', expression: "States.Format('fixed')", prefix: 'fixed' },
  { name: 'spaces around the call', expression: "  States.Format(  'p-{}', $.x)", prefix: 'p-' },
  {
    name: 'nothing when the template starts with {}',
    expression: "States.Format('{}-suffix', $.x)",
    prefix: undefined,
  },
  { name: 'nothing for a template taken from a path', expression: 'States.Format($.template, $.x)', prefix: undefined },
  { name: 'nothing for another intrinsic', expression: "States.StringSplit('a-b', '-')", prefix: undefined },
  { name: 'nothing for a path', expression: '$.fn', prefix: undefined },
  { name: 'nothing for an unterminated template', expression: "States.Format('abc", prefix: undefined },
  { name: 'nothing for a lone brace', expression: "States.Format('a{b}', $.x)", prefix: undefined },
];

describe('formatTemplatePrefix', () => {
  it.each(CASES)('returns $name', ({ expression, prefix }) => {
    expect(formatTemplatePrefix(expression)).toBe(prefix);
  });
});
