import { describe, expect, it } from 'vitest';
import { remediationOf } from '../../shared/findings/remediationOf.js';
import { escapePolicyVariables } from '../../shared/iam/escapePolicyVariables.js';
import { createEmbeddedSimulator } from '../../shared/local/createEmbeddedSimulator.js';
import { policyFromRequirements } from '../../shared/requirements/policyFromRequirements.js';
import { policyStatementsOf } from '../../shared/requirements/policyStatementsOf.js';
import type { PolicyDocument, Requirement } from '../../shared/types.js';

// biome-ignore-start lint/suspicious/noTemplateCurlyInString: IAM policy-variable text, not JavaScript templates
const TABLE = 'arn:aws:dynamodb:us-east-1:111122223333:table/orders${b}';
const ESCAPED_TABLE = 'arn:aws:dynamodb:us-east-1:111122223333:table/orders${$}{b}';

describe('escapePolicyVariables', () => {
  it.each([
    { name: 'an unclosed ${', text: 'a${b', escaped: 'a${$}{b' },
    { name: 'a closed ${…}', text: 'a${aws:username}', escaped: 'a${$}{aws:username}' },
    { name: 'two of them', text: '${x}${y}', escaped: '${$}{x}${$}{y}' },
    { name: 'an already escaped $', text: '${$}', escaped: '${$}{$}' },
    { name: 'a $ or { alone', text: 'a$b{c}$', escaped: 'a$b{c}$' },
    { name: 'wildcards', text: 'function:orders-*', escaped: 'function:orders-*' },
  ])('escapes $name', ({ text, escaped }) => {
    expect(escapePolicyVariables(text)).toBe(escaped);
  });
});

function requirement(overrides: Partial<Requirement>): Requirement {
  return {
    state: { name: 'Get', path: ['States', 'Get'] },
    integration: 'arn:aws:states:::dynamodb:getItem',
    purpose: 'invoke',
    actions: ['dynamodb:GetItem'],
    resources: [TABLE],
    dynamic: false,
    consequence: 'the state fails',
    source: 'https://docs.aws.amazon.com/step-functions/latest/dg/connect-ddb.html',
    ...overrides,
  } as Requirement;
}

describe('policyStatementsOf', () => {
  it('escapes ${ in resources and condition values', () => {
    const [statement] = policyStatementsOf([requirement({ context: { 'dynamodb:LeadingKeys': 'k${x}' } })]);
    expect(statement?.Resource).toEqual([ESCAPED_TABLE]);
    expect(statement?.Condition).toEqual({ StringEquals: { 'dynamodb:LeadingKeys': 'k${$}{x}' } });
  });

  it('writes a policy the embedded evaluator grants the literal resource with', async () => {
    const documents: PolicyDocument[] = policyFromRequirements([requirement({})]);
    const simulator = createEmbeddedSimulator({
      identity: documents.map((document, index) => ({ name: `p${index}`, document })),
    });
    const [decision] = await simulator.simulate([{ action: 'dynamodb:GetItem', resource: TABLE }]);
    expect(decision?.decision).toBe('allowed');
  });

  it('would not grant it unescaped (the evaluator reads ${b} as a policy variable)', async () => {
    const simulator = createEmbeddedSimulator({
      identity: [
        {
          name: 'raw',
          document: {
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Action: 'dynamodb:GetItem', Resource: TABLE }],
          },
        },
      ],
    });
    const [decision] = await simulator.simulate([{ action: 'dynamodb:GetItem', resource: TABLE }]);
    expect(decision?.decision).not.toBe('allowed');
  });
});

describe('remediationOf', () => {
  it('escapes ${ in the resources and condition values of the statement to add', () => {
    expect(
      remediationOf(['iam:PassRole'], ['arn:aws:iam::111122223333:role/r${x}'], { 'iam:PassedToService': 'a${b' }),
    ).toEqual({
      Effect: 'Allow',
      Action: ['iam:PassRole'],
      Resource: ['arn:aws:iam::111122223333:role/r${$}{x}'],
      Condition: { StringEquals: { 'iam:PassedToService': 'a${$}{b' } },
    });
  });
});
// biome-ignore-end lint/suspicious/noTemplateCurlyInString: IAM policy-variable text, not JavaScript templates
