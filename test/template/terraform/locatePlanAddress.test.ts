import { describe, expect, it } from 'vitest';
import { locatePlanAddress } from '../../../shared/template/terraform/locatePlanAddress.js';

describe('locatePlanAddress', () => {
  it('points at the resource_changes entry rather than the planned values', () => {
    const text = [
      '{',
      '  "planned_values": {"root_module": {"resources": [{"address": "aws_sfn_state_machine.m"}]}},',
      '  "resource_changes": [',
      '    {"address": "aws_iam_role.r"},',
      '    {"address": "aws_sfn_state_machine.m"}',
      '  ]',
      '}',
    ].join('\n');
    expect(locatePlanAddress(text, 'aws_sfn_state_machine.m')).toEqual({ line: 5, column: 6 });
  });

  it('gives a column on the one line terraform show -json prints', () => {
    const text = '{"resource_changes":[{"address":"aws_iam_role.r"},{"address":"aws_sfn_state_machine.m[\\"eu\\"]"}]}';
    expect(locatePlanAddress(text, 'aws_sfn_state_machine.m["eu"]')).toEqual({ line: 1, column: 52 });
  });

  it('finds an address Go wrote with < > & escaped', () => {
    const text = '{"resource_changes":[{"address":"aws_sfn_state_machine.m[\\"a\\u0026b\\"]"}]}';
    expect(locatePlanAddress(text, 'aws_sfn_state_machine.m["a&b"]')).toEqual({ line: 1, column: 23 });
  });

  it('falls back to the first mention, then to the start of the file', () => {
    expect(locatePlanAddress('{\n"prior_state": {"address": "x.y"}}', 'x.y')).toEqual({ line: 2, column: 17 });
    expect(locatePlanAddress('{}', 'x.y')).toEqual({ line: 1, column: 1 });
  });
});
