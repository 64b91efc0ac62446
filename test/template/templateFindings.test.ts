import { describe, expect, it } from 'vitest';
import { definitionUnavailableFinding } from '../../shared/findings/definitionUnavailableFinding.js';
import { roleOutsideTemplateFinding } from '../../shared/findings/roleOutsideTemplateFinding.js';
import { unresolvedTemplateValueFinding } from '../../shared/findings/unresolvedTemplateValueFinding.js';

const ARN = 'arn:aws:states:us-east-1:123456789012:stateMachine:orders';

describe('the findings of template inputs', () => {
  it('DefinitionUnavailable is LOW, names the location and the page, and says nothing was checked', () => {
    const finding = definitionUnavailableFinding({
      stateMachineArn: ARN,
      location: 's3://defs/orders.json',
      reason: 'its definition is in Amazon S3',
      docs: 'https://example.com/page',
    });
    expect(finding).toMatchObject({
      rule: 'DefinitionUnavailable',
      severity: 'LOW',
      resources: ['s3://defs/orders.json'],
      title: 'The definition (s3://defs/orders.json) cannot be read offline; nothing was checked',
      consequence:
        'The state machine: its definition is in Amazon S3, so none of the permissions its definition needs were checked',
      docs: 'https://example.com/page',
    });
  });

  it.each<{ name: string; role: string | undefined; title: string; resources: string[] }>([
    {
      name: 'a role ARN',
      role: 'arn:aws:iam::123456789012:role/runner',
      title:
        'The execution role arn:aws:iam::123456789012:role/runner is not defined in the template; its policies were not checked',
      resources: ['arn:aws:iam::123456789012:role/runner'],
    },
    {
      name: 'no role at all',
      role: undefined,
      title: 'The execution role is not defined in the template; its policies were not checked',
      resources: [],
    },
  ])('PolicyContentUnknown for a role outside the template is LOW: $name', ({ role, title, resources }) => {
    expect(roleOutsideTemplateFinding(ARN, role)).toMatchObject({
      rule: 'PolicyContentUnknown',
      severity: 'LOW',
      title,
      resources,
    });
  });

  it('UnresolvedTemplateValue is INFORMATIONAL, one id per note', () => {
    const a = unresolvedTemplateValueFinding(ARN, 'Parameter Team has no Default');
    const b = unresolvedTemplateValueFinding(ARN, 'Condition IsProd cannot be decided offline');
    expect(a).toMatchObject({
      rule: 'UnresolvedTemplateValue',
      severity: 'INFORMATIONAL',
      details: { note: 'Parameter Team has no Default' },
    });
    expect(a.id).not.toBe(b.id);
    expect(unresolvedTemplateValueFinding(ARN, 'Parameter Team has no Default').id).toBe(a.id);
  });
});
