// biome-ignore-all lint/suspicious/noTemplateCurlyInString: DefinitionSubstitutions placeholders are ${…} text
import { describe, expect, it } from 'vitest';
import { placeholdersIn } from '../../shared/asl/placeholdersIn.js';

describe('placeholdersIn', () => {
  it.each([
    { name: 'a whole value', text: '${OrdersFunctionArn}', expected: ['${OrdersFunctionArn}'] },
    { name: 'part of a value', text: 'orders-${Stage}', expected: ['${Stage}'] },
    {
      name: 'several, each once, in order',
      text: 'arn:aws:lambda:${Region}:${Account}:function:${Name}-${Region}',
      expected: ['${Region}', '${Account}', '${Name}'],
    },
    {
      name: 'an IAM-style variable, which is still a placeholder',
      text: 'home/${aws:username}',
      expected: ['${aws:username}'],
    },
    { name: 'an empty one', text: 'a${}b', expected: ['${}'] },
    { name: 'nested: the innermost before the first }', text: '${Outer${Inner}}', expected: ['${Inner}'] },
    { name: 'an unterminated one', text: 'orders-${Stage', expected: [] },
    { name: '$ without {', text: '$.order $Stage {x}', expected: [] },
    { name: 'a States.Format template', text: "States.Format('orders-{}', $.id)", expected: [] },
    { name: 'nothing', text: '', expected: [] },
  ])('finds $name', ({ text, expected }) => {
    expect(placeholdersIn(text)).toEqual(expected);
  });
});
