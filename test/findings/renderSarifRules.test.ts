import { describe, expect, it } from 'vitest';
import { buildFindings } from '../../shared/findings/buildFindings.js';
import { definitionUnavailableFinding } from '../../shared/findings/definitionUnavailableFinding.js';
import { invalidDefinitionFindings } from '../../shared/findings/invalidDefinitionFindings.js';
import { roleNotFoundFinding } from '../../shared/findings/roleNotFoundFinding.js';
import { roleOutsideTemplateFinding } from '../../shared/findings/roleOutsideTemplateFinding.js';
import { RULE_TEXT, ruleSeverity, sarifRule } from '../../shared/findings/sarifRules.js';
import { unresolvedTemplateValueFinding } from '../../shared/findings/unresolvedTemplateValueFinding.js';
import { untrustedRoleFinding } from '../../shared/findings/untrustedRoleFinding.js';
import { policyContentUnknownFinding } from '../../shared/template/role/policyContentUnknownFinding.js';
import { type Finding, PURPOSES, type Purpose, type Rule } from '../../shared/types.js';
import { decide, requirement, SM_ARN } from './builders.js';

const RULES = Object.keys(RULE_TEXT) as Rule[];
/** Rules whose findings have a purpose (they are about a requirement). */
const WITH_PURPOSE: ReadonlySet<Rule> = new Set([
  'MissingPermission',
  'UnprovableResource',
  'InferredPermission',
  'ConditionalPermission',
  'UnknownIntegration',
  'UnresolvedPlaceholder',
]);
type RuleId = { name: string; rule: Rule; purpose: Purpose | null };
const EVERY_RULE_ID: RuleId[] = RULES.flatMap((rule): RuleId[] =>
  WITH_PURPOSE.has(rule)
    ? PURPOSES.map((purpose) => ({ name: `${rule}/${purpose}`, rule, purpose }))
    : [{ name: rule, rule, purpose: null }],
);

describe('sarifRule', () => {
  it.each(EVERY_RULE_ID)(
    'describes $name within GitHub limits, with help text, Markdown and an https helpUri',
    ({ rule, purpose }) => {
      const descriptor = sarifRule(rule, purpose);
      expect(descriptor.name.length).toBeLessThanOrEqual(255);
      expect(descriptor.shortDescription.text.length).toBeLessThanOrEqual(1024);
      expect(descriptor.fullDescription.text.length).toBeLessThanOrEqual(1024);
      expect(descriptor.help.text).toContain(RULE_TEXT[rule].full);
      expect(descriptor.help.text).toContain('What to do: ');
      expect(descriptor.help.markdown).toContain('**What to do:** ');
      expect(descriptor.help.markdown).toContain(`<${descriptor.helpUri}>`);
      expect(descriptor.helpUri).toMatch(/^https:\/\/[a-z.-]+\//);
      expect(descriptor.properties.tags.length).toBeLessThanOrEqual(20);
      expect(descriptor.properties.tags).toContain('security');
    },
  );

  it.each([
    { name: 'a missing invoke permission', rule: 'MissingPermission', purpose: 'invoke', score: '8.0', level: 'error' },
    { name: 'a missing poll permission', rule: 'MissingPermission', purpose: 'poll', score: '8.0', level: 'error' },
    { name: 'a missing events permission', rule: 'MissingPermission', purpose: 'events', score: '3.0', level: 'note' },
    {
      name: 'a missing cancel permission',
      rule: 'MissingPermission',
      purpose: 'cancel',
      score: '5.5',
      level: 'warning',
    },
    {
      name: 'a missing tracing permission',
      rule: 'MissingPermission',
      purpose: 'tracing',
      score: '3.0',
      level: 'note',
    },
    { name: 'a conditional invoke', rule: 'ConditionalPermission', purpose: 'invoke', score: '5.5', level: 'warning' },
    { name: 'a conditional cancel', rule: 'ConditionalPermission', purpose: 'cancel', score: '3.0', level: 'note' },
    { name: 'an unprovable resource', rule: 'UnprovableResource', purpose: 'invoke', score: '3.0', level: 'note' },
    { name: 'an inferred permission', rule: 'InferredPermission', purpose: 'kms', score: '3.0', level: 'note' },
    { name: 'an invalid definition', rule: 'InvalidDefinition', purpose: null, score: '8.0', level: 'error' },
    { name: 'a missing role', rule: 'RoleNotFound', purpose: null, score: '9.5', level: 'error' },
    { name: 'an untrusted role', rule: 'UntrustedRole', purpose: null, score: '9.5', level: 'error' },
    { name: 'an unknown policy', rule: 'PolicyContentUnknown', purpose: null, score: '3.0', level: 'note' },
  ] as const)('scores $name $score ($level) whatever the findings', ({ rule, purpose, score, level }) => {
    const descriptor = sarifRule(rule, purpose);
    expect(descriptor.properties['security-severity']).toBe(score);
    expect(descriptor.defaultConfiguration.level).toBe(level);
  });

  it('gives an unknown integration no security severity (GitHub reads 0.0 as none)', () => {
    const descriptor = sarifRule('UnknownIntegration', 'invoke');
    expect(descriptor.properties).not.toHaveProperty('security-severity');
    expect(descriptor.properties['problem.severity']).toBe('recommendation');
  });
});

/** A finding of each kind as the builders make it in the usual case: its severity is its rule's. */
function builtFindings(): Finding[] {
  const perPurpose = PURPOSES.filter((p) => p !== 'poll' && p !== 'events').flatMap((purpose) => {
    const r = requirement({ purpose });
    return buildFindings({ stateMachineArn: SM_ARN, requirements: [r], decisions: [decide(r, 'implicitDeny')] });
  });
  const inferred = requirement({ purpose: 'kms', inferred: true });
  const conditional = requirement({ purpose: 'invoke' });
  const unknown = requirement({ purpose: 'invoke', actions: [], unknownIntegration: true, integration: 'arn:x' });
  return [
    ...perPurpose,
    ...buildFindings({
      stateMachineArn: SM_ARN,
      requirements: [inferred, conditional, unknown],
      decisions: [
        decide(inferred, 'implicitDeny'),
        decide(conditional, 'conditional', { missingContext: ['aws:SourceVpc'] }),
        [],
      ],
    }),
    roleNotFoundFinding({ stateMachineArn: SM_ARN, roleArn: 'arn:aws:iam::111122223333:role/gone' }),
    untrustedRoleFinding({ stateMachineArn: SM_ARN, roleArn: 'arn:aws:iam::111122223333:role/r' }),
    ...invalidDefinitionFindings([{ message: 'bad', path: ['States'] }], SM_ARN),
    policyContentUnknownFinding({
      stateMachineArn: SM_ARN,
      roleArn: undefined,
      policy: 'arn:aws:iam::aws:policy/Unknown',
      reason: 'not shipped',
      layer: 'identity',
    }),
    definitionUnavailableFinding({
      stateMachineArn: SM_ARN,
      location: 's3://bucket/definition.json',
      reason: 'DefinitionS3Location is not read offline',
      docs: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-stepfunctions-statemachine.html',
    }),
    unresolvedTemplateValueFinding(SM_ARN, 'Ref OrdersTopic: parameter without a value'),
    roleOutsideTemplateFinding(SM_ARN, 'arn:aws:iam::111122223333:role/outside'),
  ];
}

describe('ruleSeverity', () => {
  it('agrees with the severity the finding builders give in the usual case', () => {
    const findings = builtFindings();
    expect(new Set(findings.map((f) => f.rule))).toEqual(
      new Set([
        'MissingPermission',
        'InferredPermission',
        'ConditionalPermission',
        'UnknownIntegration',
        'RoleNotFound',
        'UntrustedRole',
        'InvalidDefinition',
        'PolicyContentUnknown',
        'DefinitionUnavailable',
        'UnresolvedTemplateValue',
      ]),
    );
    for (const finding of findings) {
      expect([finding.rule, finding.purpose, ruleSeverity(finding.rule, finding.purpose)]).toEqual([
        finding.rule,
        finding.purpose,
        finding.severity,
      ]);
    }
  });
});
