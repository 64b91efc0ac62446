import { describe, expect, it } from 'vitest';
import { invalidDefinitionFindings } from '../../shared/findings/invalidDefinitionFindings.js';
import { roleNotFoundFinding } from '../../shared/findings/roleNotFoundFinding.js';
import { untrustedRoleFinding } from '../../shared/findings/untrustedRoleFinding.js';
import { SM_ARN } from './builders.js';

const ROLE = 'arn:aws:iam::111122223333:role/orders-sfn';

describe('invalidDefinitionFindings', () => {
  it('reports one HIGH finding per issue with its path and the state it points into', () => {
    const findings = invalidDefinitionFindings(
      [
        {
          message: 'Next names no state: Missing',
          path: ['States', 'Fan out', 'Branches', '0', 'States', 'Resize', 'Next'],
        },
        { message: 'StartAt is required', path: [] },
      ],
      SM_ARN,
    );
    expect(findings.map((f) => [f.rule, f.severity, f.state?.name ?? null])).toEqual([
      ['InvalidDefinition', 'HIGH', 'Resize'],
      ['InvalidDefinition', 'HIGH', null],
    ]);
    expect(findings[0]?.state?.path).toEqual(['States', 'Fan out', 'Branches', '0', 'States', 'Resize']);
    expect(findings[0]?.details?.path).toEqual(['States', 'Fan out', 'Branches', '0', 'States', 'Resize', 'Next']);
    expect(findings[0]?.id).not.toBe(findings[1]?.id);
  });

  it('gives two issues at the same path different ids', () => {
    const [a, b] = invalidDefinitionFindings(
      [
        { message: 'one', path: ['States'] },
        { message: 'two', path: ['States'] },
      ],
      SM_ARN,
    );
    expect(a?.id).not.toBe(b?.id);
  });
});

describe('roleNotFoundFinding', () => {
  it('is CRITICAL and names the role', () => {
    const finding = roleNotFoundFinding({ stateMachineArn: SM_ARN, roleArn: ROLE });
    expect(finding).toMatchObject({ rule: 'RoleNotFound', severity: 'CRITICAL', resources: [ROLE] });
    expect(finding.title).toBe(`Execution role ${ROLE} not found`);
  });
});

describe('untrustedRoleFinding', () => {
  it('is CRITICAL and describes the trust statement to add with confused-deputy conditions', () => {
    const finding = untrustedRoleFinding({ stateMachineArn: SM_ARN, roleArn: ROLE });
    expect(finding).toMatchObject({ rule: 'UntrustedRole', severity: 'CRITICAL', actions: ['sts:AssumeRole'] });
    expect(finding.remediation).toBeUndefined();
    expect(finding.details?.trustStatement).toEqual({
      Effect: 'Allow',
      Principal: { Service: 'states.amazonaws.com' },
      Action: 'sts:AssumeRole',
      Condition: {
        StringEquals: { 'aws:SourceAccount': '111122223333' },
        ArnLike: { 'aws:SourceArn': 'arn:aws:states:eu-west-1:111122223333:stateMachine:*' },
      },
    });
  });

  it('omits the conditions when the state machine ARN is unknown', () => {
    const finding = untrustedRoleFinding({ stateMachineArn: null, roleArn: null });
    expect(finding.title).toBe('The execution role does not trust states.amazonaws.com');
    expect(finding.details?.trustStatement).toEqual({
      Effect: 'Allow',
      Principal: { Service: 'states.amazonaws.com' },
      Action: 'sts:AssumeRole',
    });
  });
});
