import { describe, expect, it } from 'vitest';
import { literalFormat } from '../../shared/asl/literalFormat.js';

describe('literalFormat', () => {
  it.each([
    {
      name: 'literal arguments',
      expression: "States.Format('{}/{}', 'https://api.example.com', 'v1/orders')",
      value: 'https://api.example.com/v1/orders',
    },
    { name: 'a number argument', expression: "States.Format('orders-{}', 7)", value: 'orders-7' },
    { name: 'no slot', expression: "States.Format('plain')", value: 'plain' },
    { name: 'escapes', expression: "States.Format('a\\{\\}b{}', 'it\\'s')", value: "a{}bit's" },
    { name: 'spaces around arguments', expression: "States.Format( 'x-{}' ,  'y' )", value: 'x-y' },
  ])('evaluates $name', ({ expression, value }) => {
    expect(literalFormat(expression)).toBe(value);
  });

  it.each([
    { name: 'a path argument', expression: "States.Format('orders-{}', $.id)" },
    { name: 'a nested call', expression: "States.Format('{}', States.UUID())" },
    { name: 'too few arguments', expression: "States.Format('{}-{}', 'a')" },
    { name: 'too many arguments', expression: "States.Format('{}', 'a', 'b')" },
    { name: 'another function', expression: "States.StringToJson('{}')" },
    { name: 'trailing text', expression: "States.Format('a') + 1" },
    { name: 'an unterminated string', expression: "States.Format('a" },
  ])('leaves $name to run time', ({ expression }) => {
    expect(literalFormat(expression)).toBeUndefined();
  });
});
