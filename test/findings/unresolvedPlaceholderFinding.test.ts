// biome-ignore-all lint/suspicious/noTemplateCurlyInString: DefinitionSubstitutions placeholders are ${…} text
import { describe, expect, it } from 'vitest';
import { buildFindings } from '../../shared/findings/buildFindings.js';
import { unresolvedPlaceholderFinding } from '../../shared/findings/unresolvedPlaceholderFinding.js';
import type { Requirement } from '../../shared/types.js';

const ARN = 'arn:aws:states:us-east-1:111122223333:stateMachine:orders';

function placeholderRequirement(integration: string, placeholder: string): Requirement {
  return {
    state: { name: 'Validate', path: ['States', 'Validate'] },
    integration,
    purpose: 'other',
    actions: [],
    resources: [],
    dynamic: false,
    consequence: 'not checked',
    source:
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-stepfunctions-statemachine.html',
    unresolvedPlaceholder: placeholder,
  };
}

describe('unresolvedPlaceholderFinding', () => {
  it('is a LOW UnresolvedPlaceholder finding naming the state and placeholder, with the flag that fixes it', () => {
    const finding = unresolvedPlaceholderFinding(
      ARN,
      placeholderRequirement('${OrdersFunctionArn}', '${OrdersFunctionArn}'),
    );
    expect(finding).toMatchObject({
      rule: 'UnresolvedPlaceholder',
      severity: 'LOW',
      decision: null,
      state: { name: 'Validate' },
      actions: [],
      resources: [],
      title: "Task 'Validate': Resource is the unsubstituted placeholder ${OrdersFunctionArn}; nothing was checked",
      details: { placeholders: ['${OrdersFunctionArn}'] },
    });
    expect(finding.details?.fix).toMatch(
      /^give the value .*--substitution OrdersFunctionArn=ARN .*--substitutions FILE/,
    );
    expect(finding.remediation).toBeUndefined();
  });

  it('names every placeholder of a partly substituted Resource', () => {
    const resource = 'arn:aws:lambda:${Region}:${Account}:function:orders';
    const finding = unresolvedPlaceholderFinding(ARN, placeholderRequirement(resource, '${Region}'));
    expect(finding.title).toBe(
      `Lambda task 'Validate': Resource ${resource} holds the unsubstituted placeholders \${Region}, \${Account}; nothing was checked`,
    );
    expect(finding.details?.fix).toContain('--substitution Region=ARN --substitution Account=ARN');
  });

  it('is what buildFindings makes of the requirement, instead of an unknown integration', () => {
    const requirement = placeholderRequirement('${OrdersFunctionArn}', '${OrdersFunctionArn}');
    const findings = buildFindings({ stateMachineArn: ARN, requirements: [requirement], decisions: [[]] });
    expect(findings).toEqual([unresolvedPlaceholderFinding(ARN, requirement)]);
  });
});
