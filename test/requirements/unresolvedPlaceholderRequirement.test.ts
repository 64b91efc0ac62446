// biome-ignore-all lint/suspicious/noTemplateCurlyInString: DefinitionSubstitutions placeholders are ${…} text
import { describe, expect, it } from 'vitest';
import type { StateVisit } from '../../shared/asl/types.js';
import { unresolvedPlaceholderRequirement } from '../../shared/requirements/unresolvedPlaceholderRequirement.js';

function visit(resource: unknown): StateVisit {
  return {
    ref: { name: 'Validate', path: ['States', 'Validate'] },
    state: { Type: 'Task', Resource: resource, End: true },
    queryLanguage: 'JSONPath',
    insideDistributedMap: false,
  };
}

describe('unresolvedPlaceholderRequirement', () => {
  it.each([
    { name: 'a whole placeholder', resource: '${OrdersFunctionArn}', placeholder: '${OrdersFunctionArn}' },
    {
      name: 'a Lambda ARN no pattern matches',
      resource: 'arn:aws:lambda:${Region}:${Account}:function:orders',
      placeholder: '${Region}',
    },
    {
      name: 'an optimized integration with a placeholder',
      resource: 'arn:aws:states:::${Service}:invoke',
      placeholder: '${Service}',
    },
  ])('gives an unresolvedPlaceholder requirement for $name', ({ resource, placeholder }) => {
    expect(unresolvedPlaceholderRequirement(visit(resource))).toEqual({
      state: { name: 'Validate', path: ['States', 'Validate'] },
      integration: resource,
      purpose: 'other',
      actions: [],
      resources: [],
      dynamic: false,
      consequence: expect.stringMatching(/^not checked: /),
      source: expect.stringContaining('definitionsubstitutions'),
      unresolvedPlaceholder: placeholder,
    });
  });

  it.each([
    { name: 'a literal integration', resource: 'arn:aws:states:::lambda:invoke' },
    { name: 'a literal Lambda ARN', resource: 'arn:aws:lambda:us-east-1:111122223333:function:orders' },
    {
      name: 'an activity whose name is a placeholder (still an activity)',
      resource: 'arn:aws:states:us-east-1:111122223333:activity:${Name}',
    },
    { name: 'a Resource that is not a string', resource: 42 },
  ])('gives nothing for $name', ({ resource }) => {
    expect(unresolvedPlaceholderRequirement(visit(resource))).toBeUndefined();
  });
});
